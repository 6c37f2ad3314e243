package org.rencontres.notification;

import java.time.Instant;

/**
 * A message of the outbox as it stands.
 *
 * @param messageId the Message-ID header it is (or will be) sent with
 */
record OutboxEntry(long id, String recipient, String subject, OutboxStatus status, int attempts,
        Instant nextAttemptAt, Instant createdAt, Instant sentAt, String lastError, String messageId) {
}
