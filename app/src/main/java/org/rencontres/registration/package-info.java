/**
 * Registration of agents for a day: the request, its approval chain as a state machine with every
 * transition recorded, the day's seats (taken in the transaction that confirms) and its waiting list
 * with offers of freed seats. The public API is {@link org.rencontres.registration.Registrations}.
 */
@ApplicationModule(displayName = "Registration")
package org.rencontres.registration;

import org.springframework.modulith.ApplicationModule;
