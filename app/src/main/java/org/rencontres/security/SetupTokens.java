package org.rencontres.security;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** One-time links that let the first administrator create their account. Only hashes are stored. */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class SetupTokens {

    static final Duration VALIDITY = Duration.ofHours(24);
    private final JdbcClient jdbc;

    @Transactional
    String issue() {
        String token = SecretTokens.issue();
        jdbc.sql("INSERT INTO setup_token (token_hash, expires_at) VALUES (?, ?)")
                .params(SecretTokens.hash(token), OffsetDateTime.now(ZoneOffset.UTC).plus(VALIDITY)).update();
        return token;
    }

    boolean isValid(String token) {
        return token != null && jdbc.sql("""
                SELECT count(*) FROM setup_token WHERE token_hash = ? AND used_at IS NULL AND expires_at > now()""")
                .param(SecretTokens.hash(token)).query(Long.class).single() > 0;
    }

    /** Marks the token used; false when it was not valid (already used, expired or unknown). */
    @Transactional
    boolean use(String token) {
        return token != null && jdbc.sql("""
                UPDATE setup_token SET used_at = now()
                WHERE token_hash = ? AND used_at IS NULL AND expires_at > now()""")
                .param(SecretTokens.hash(token)).update() == 1;
    }
}
