package org.rencontres.registration;

import java.time.Instant;

/**
 * One recorded change of a registration.
 *
 * @param from null for the request itself
 * @param actor who acted, as text ("Agent", an e-mail address, "Système")
 * @param reason why; always present for a refusal
 * @param inPlace whether the organiser took this decision in the place of the line manager or of the
 *                training service (credited to the organiser, not to the approver)
 */
public record Transition(long registrationId, RegistrationState from, RegistrationState to, Instant at,
                         String actor, String reason, boolean inPlace) {

    public Transition(long registrationId, RegistrationState from, RegistrationState to, Instant at, String actor,
                      String reason) {
        this(registrationId, from, to, at, actor, reason, false);
    }
}
