package org.rencontres.registration;

import java.time.Instant;

/**
 * One recorded change of a registration.
 *
 * @param from null for the request itself
 * @param actor who acted, as text ("Agent", an e-mail address, "Système")
 * @param reason why; always present for a refusal
 */
public record Transition(long registrationId, RegistrationState from, RegistrationState to, Instant at,
                         String actor, String reason) {
}
