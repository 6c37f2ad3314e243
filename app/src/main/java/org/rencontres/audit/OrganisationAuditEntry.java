package org.rencontres.audit;

import java.time.Instant;

/**
 * One recorded change of an organisation of the directory.
 *
 * @param action what was done: "created", "updated", "contact.added", "change.asked", "change.approved", …
 * @param details what it was, readable by an organiser
 * @param before the values before the change (readable text, one value a line), or null
 * @param after the values after the change, or null
 */
record OrganisationAuditEntry(long id, long organisationId, Instant at, Long accountId, String actor,
                                     String action, String details, String before, String after) {
}
