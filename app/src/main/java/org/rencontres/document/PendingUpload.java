package org.rencontres.document;

import java.time.Instant;

/**
 * An uploaded file waiting for its confirmation: {@code token} names it in the confirmation form, and
 * only its owner finds it.
 */
public record PendingUpload(String token, String purpose, long accountId, String fileName, byte[] content,
                            Instant createdAt, Instant expiresAt) {
}
