/** The networking rotation ("speed dating"): its rules and themes, later its plans and conductor screen. */
@ApplicationModule(displayName = "Networking")
package org.rencontres.networking;

import org.springframework.modulith.ApplicationModule;
