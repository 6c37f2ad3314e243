/** Parallel workshops of a day, later their preferences, allocation and collective writing. */
@org.springframework.modulith.ApplicationModule(displayName = "Workshops")
package org.rencontres.workshops;
