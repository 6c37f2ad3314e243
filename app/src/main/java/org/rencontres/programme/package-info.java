/** The programme of a day: typed time slots, parallel tracks, speakers, moderators and hosts. */
@org.springframework.modulith.ApplicationModule(displayName = "Programme")
package org.rencontres.programme;
