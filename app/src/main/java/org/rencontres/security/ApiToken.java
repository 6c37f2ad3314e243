package org.rencontres.security;

import java.time.Instant;

/**
 * A personal access token as listed (never its secret, which is not stored).
 *
 * @param owner the display name of the account that created it
 * @param lastUsedAt when it last authenticated a request, or null
 * @param revokedAt when it was revoked, or null
 */
public record ApiToken(long id, long accountId, String owner, String name, ApiTokenScope scope, Instant createdAt,
                       Instant expiresAt, Instant lastUsedAt, Instant revokedAt) {

    /** Whether it still authenticates requests at {@code now}. */
    public boolean active(Instant now) {
        return revokedAt == null && expiresAt.isAfter(now);
    }
}
