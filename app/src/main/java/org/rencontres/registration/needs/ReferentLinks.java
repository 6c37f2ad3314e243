package org.rencontres.registration.needs;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.rencontres.shared.Secrets;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The disability contact's links to a session's needs: a random key bound to one session, valid until
 * the session ends; only the SHA-256 of the key is stored, so a copy of the database gives no usable link.
 */
@Component
class ReferentLinks {

    /** What a key is: found for that session, and whether it still works. */
    enum Check { UNKNOWN, EXPIRED, VALID }

    private final JdbcClient jdbc;
    private final Clock clock;

    ReferentLinks(JdbcClient jdbc, Optional<Clock> clock) {
        this.jdbc = jdbc;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /** A new key for the session's référent, valid until {@code expiresAt}. */
    String issue(long dayId, String recipient, Instant expiresAt) {
        String key = Secrets.randomKey(24);
        jdbc.sql("INSERT INTO registration_needs_link (key_sha256, event_day_id, recipient, expires_at) VALUES (?, ?, ?, ?)")
                .params(Secrets.sha256Hex(key), dayId, recipient, Timestamp.from(expiresAt)).update();
        return key;
    }

    /** A key made for another session is unknown here, as a key never made. */
    Check check(long dayId, String key) {
        if (key == null || key.length() < 22 || key.length() > 64) {
            return Check.UNKNOWN;
        }
        return jdbc.sql("SELECT expires_at FROM registration_needs_link WHERE key_sha256 = ? AND event_day_id = ?")
                .params(Secrets.sha256Hex(key), dayId)
                .query((rs, n) -> clock.instant().isBefore(rs.getTimestamp(1).toInstant()) ? Check.VALID : Check.EXPIRED)
                .optional().orElse(Check.UNKNOWN);
    }

    static String path(String slug, String key) {
        return "/accessibilite/" + slug + "/" + key;
    }
}
