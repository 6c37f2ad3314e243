/**
 * The networking rotation ("speed dating"): its rules and themes, plans, printed material and
 * conductor screen. Its participants are the day's confirmed registrations of agents who opted in
 * (registration) and, on the day, those checked in (attendance); it adds each agent's personal
 * page to their space ({@link org.rencontres.registration.AgentSpaceLinks}).
 */
@ApplicationModule(displayName = "Networking")
package org.rencontres.networking;

import org.springframework.modulith.ApplicationModule;
