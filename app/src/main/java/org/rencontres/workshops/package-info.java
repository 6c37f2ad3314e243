/** Parallel workshops of a day, later their preferences, allocation and collective writing. */
@ApplicationModule(displayName = "Workshops")
package org.rencontres.workshops;

import org.springframework.modulith.ApplicationModule;
