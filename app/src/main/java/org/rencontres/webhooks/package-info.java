/**
 * Webhooks: an organising unit's organisers subscribe an HTTPS address to some events of their sessions
 * (registration created or changed, session published, changed or cancelled, check-in, certificate issued).
 * Each event writes one delivery per subscription in the event's own transaction; a db-scheduler task posts
 * them, signed as Standard Webhooks says, with {@code FOR UPDATE SKIP LOCKED} so that no two instances post
 * the same one at once, and retries with back-off. The page is {@code /admin/webhooks}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Webhooks")
package org.rencontres.webhooks;
