package org.rencontres.audit;

import java.time.Instant;

/**
 * One recorded change.
 *
 * @param subject what was changed: "day", "programme", "resource", …
 * @param action what was done: "created", "updated", "published", "slot.removed", …
 * @param details what changed, readable by an organiser ("Titre : « A » → « B »")
 */
public record AuditEntry(long id, long dayId, Instant at, Long accountId, String actor, String subject,
                         String action, String details) {
}
