package org.rencontres.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** One-time links that let the first administrator create their account. Only hashes are stored. */
@Component
class SetupTokens {

    static final Duration VALIDITY = Duration.ofHours(24);
    private final SecureRandom random = new SecureRandom();
    private final JdbcClient jdbc;

    SetupTokens(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    String issue() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbc.sql("INSERT INTO setup_token (token_hash, expires_at) VALUES (?, ?)")
                .params(hash(token), OffsetDateTime.now(ZoneOffset.UTC).plus(VALIDITY)).update();
        return token;
    }

    boolean isValid(String token) {
        return token != null && jdbc.sql("""
                SELECT count(*) FROM setup_token WHERE token_hash = ? AND used_at IS NULL AND expires_at > now()""")
                .param(hash(token)).query(Long.class).single() > 0;
    }

    /** Marks the token used; false when it was not valid (already used, expired or unknown). */
    @Transactional
    boolean use(String token) {
        return token != null && jdbc.sql("""
                UPDATE setup_token SET used_at = now()
                WHERE token_hash = ? AND used_at IS NULL AND expires_at > now()""")
                .param(hash(token)).update() == 1;
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
