/** The programme of a day: typed time slots, parallel tracks, speakers, moderators and hosts. */
@ApplicationModule(displayName = "Programme")
package org.rencontres.programme;

import org.springframework.modulith.ApplicationModule;
