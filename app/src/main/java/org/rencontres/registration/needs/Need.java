package org.rencontres.registration.needs;

import java.time.Instant;
import java.util.Set;

/**
 * A request's needs with its arrangement, for the organisers' and the référent's page only.
 *
 * @param agent the agent's name as they gave it
 */
public record Need(long registrationId, String agent, Set<NeedKind> kinds, String details, Instant consentAt,
                   Arrangement arrangement, String updatedBy, Instant updatedAt, Instant createdAt) {
}
