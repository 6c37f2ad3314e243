/** The networking rotation ("speed dating"): its rules and themes, later its plans and conductor screen. */
@org.springframework.modulith.ApplicationModule(displayName = "Networking")
package org.rencontres.networking;
