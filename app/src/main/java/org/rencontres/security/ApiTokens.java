package org.rencontres.security;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Organisers' personal access tokens for the organiser API. A token is {@link #PREFIX} followed by 32 random
 * bytes in URL-safe base64; only its SHA-256 is stored, so the page that creates it shows the only copy and a
 * copy of the database authenticates nothing. A token acts as its account does now (role, unit, enabled),
 * within its scope, until it expires or is revoked; its requests are counted per minute on its row, so the
 * rate limit holds across instances.
 */
@Service
public class ApiTokens {

    /** The visible start of every token, so that secret scanners and people recognise one. */
    public static final String PREFIX = "rct_";

    /** The farthest expiry an organiser may choose, from today. */
    static final int MAX_DAYS = 366;

    static final ZoneId ZONE = ZoneId.of("Europe/Paris");

    private static final String COLUMNS = """
            t.id, t.account_id, a.display_name, t.name, t.scope, t.created_at, t.expires_at, t.last_used_at,
            t.revoked_at""";

    private static final Logger log = LoggerFactory.getLogger(ApiTokens.class);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final int perMinute;

    ApiTokens(JdbcClient jdbc, Optional<Clock> clock,
              @Value("${rencontres.api.requests-per-minute:600}") int perMinute) {
        this.jdbc = jdbc;
        this.clock = clock.orElse(Clock.systemUTC());
        this.perMinute = perMinute;
    }

    /** A token just created, with the secret shown once. */
    public record Issued(ApiToken token, String secret) {
    }

    /**
     * Creates a token for the account, valid until the end of {@code lastDay} (Paris time). The form has
     * checked the name and the date ({@link #latestExpiry}).
     */
    @Transactional
    public Issued create(long accountId, String name, ApiTokenScope scope, LocalDate lastDay) {
        String secret = PREFIX + SecretTokens.issue();
        Instant expires = lastDay.plusDays(1).atStartOfDay(ZONE).toInstant();
        long id = jdbc.sql("""
                INSERT INTO api_token (account_id, name, scope, token_hash, expires_at)
                VALUES (?, trim(?), ?, ?, ?) RETURNING id""")
                .params(accountId, name, scope.name(), SecretTokens.hash(secret), Timestamp.from(expires))
                .query(Long.class).single();
        log.info("API token {} ({}, until {}) created for account {}", id, scope, lastDay, accountId);
        return new Issued(find(id).orElseThrow(), secret);
    }

    /** The latest last day a new token may have: a year from today. */
    public LocalDate latestExpiry() {
        return today().plusYears(1);
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(ZONE));
    }

    public Optional<ApiToken> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM api_token t JOIN account a ON a.id = t.account_id WHERE t.id = ?")
                .param(id).query(this::token).optional();
    }

    /** The account's tokens, newest first, revoked and expired ones included. */
    public List<ApiToken> ofAccount(long accountId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM api_token t JOIN account a ON a.id = t.account_id"
                        + " WHERE t.account_id = ? ORDER BY t.created_at DESC, t.id DESC")
                .param(accountId).query(this::token).list();
    }

    /** Every account's tokens, newest first (for administrators). */
    public List<ApiToken> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM api_token t JOIN account a ON a.id = t.account_id"
                        + " ORDER BY t.created_at DESC, t.id DESC")
                .query(this::token).list();
    }

    /** Whether that person may revoke that token: its owner or an administrator. */
    public boolean mayRevoke(Organiser who, ApiToken token) {
        return who.isAdministrator() || token.accountId() == who.accountId();
    }

    /**
     * Revokes a token at once: its next request is refused.
     *
     * @return false when there is no such token or {@code who} may not revoke it
     */
    @Transactional
    public boolean revoke(long id, Organiser who) {
        Optional<ApiToken> token = find(id);
        if (token.isEmpty() || !mayRevoke(who, token.get())) {
            return false;
        }
        jdbc.sql("UPDATE api_token SET revoked_at = coalesce(revoked_at, now()), revoked_by = coalesce(revoked_by, ?) WHERE id = ?")
                .params(who.displayName(), id).update();
        log.info("API token {} of account {} revoked by account {}", id, token.get().accountId(), who.accountId());
        return true;
    }

    /** Why a presented token authenticates nothing, or that it does (and whether it is over its rate). */
    public enum Outcome { OK, LIMITED, UNKNOWN, EXPIRED, REVOKED }

    /**
     * What came of a presented token.
     *
     * @param organiser the account as it is now, acting through the token (OK and LIMITED only)
     * @param retryAfterSeconds for LIMITED, when the next minute starts
     */
    public record Use(Outcome outcome, Organiser organiser, ApiTokenScope scope, long retryAfterSeconds) {
    }

    /**
     * Authenticates a request by the secret it presents and counts it against the token's minute, in one
     * update of the token's row (last use, count).
     */
    @Transactional
    public Use use(String secret) {
        if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 100) {
            return new Use(Outcome.UNKNOWN, null, null, 0);
        }
        String hash = SecretTokens.hash(secret);
        Optional<Counted> counted = jdbc.sql("""
                UPDATE api_token t SET last_used_at = now(),
                    rate_count = CASE WHEN t.rate_window = date_trunc('minute', now()) THEN t.rate_count + 1 ELSE 1 END,
                    rate_window = date_trunc('minute', now())
                FROM account a
                WHERE t.token_hash = ? AND a.id = t.account_id AND a.enabled AND t.revoked_at IS NULL
                  AND t.expires_at > now()
                RETURNING t.account_id, t.name, t.scope, t.rate_count,
                          ceil(extract(epoch FROM t.rate_window + interval '1 minute' - now()))::bigint AS retry""")
                .param(hash)
                .query((rs, n) -> new Counted(rs.getLong("account_id"), rs.getString("name"),
                        ApiTokenScope.valueOf(rs.getString("scope")), rs.getInt("rate_count"), rs.getLong("retry")))
                .optional();
        if (counted.isEmpty()) {
            return new Use(refusal(hash), null, null, 0);
        }
        Counted c = counted.get();
        Optional<Organiser> organiser = accountOrganiser(c.accountId()).map(o -> o.viaApiToken(c.name()));
        if (organiser.isEmpty()) {
            return new Use(Outcome.UNKNOWN, null, null, 0);
        }
        return c.count() > perMinute
                ? new Use(Outcome.LIMITED, organiser.get(), c.scope(), Math.max(1, c.retry()))
                : new Use(Outcome.OK, organiser.get(), c.scope(), 0);
    }

    private record Counted(long accountId, String name, ApiTokenScope scope, int count, long retry) {
    }

    private Optional<Organiser> accountOrganiser(long accountId) {
        return jdbc.sql("""
                SELECT id, email, display_name, role, organising_unit, enabled, credentials_version
                FROM account WHERE id = ?""").param(accountId)
                .query((rs, n) -> new Organiser(new Account(rs.getLong("id"), rs.getString("email"),
                        rs.getString("display_name"), Role.valueOf(rs.getString("role")),
                        rs.getString("organising_unit"), rs.getBoolean("enabled"), rs.getInt("credentials_version")),
                        null))
                .optional();
    }

    private Outcome refusal(String hash) {
        return jdbc.sql("SELECT revoked_at IS NOT NULL AS revoked, expires_at <= now() AS expired FROM api_token WHERE token_hash = ?")
                .param(hash)
                .query((rs, n) -> rs.getBoolean("revoked") ? Outcome.REVOKED
                        : rs.getBoolean("expired") ? Outcome.EXPIRED : Outcome.UNKNOWN)
                .optional().orElse(Outcome.UNKNOWN);
    }

    private ApiToken token(ResultSet rs, int row) throws SQLException {
        return new ApiToken(rs.getLong("id"), rs.getLong("account_id"), rs.getString("display_name"),
                rs.getString("name"), ApiTokenScope.valueOf(rs.getString("scope")), instant(rs, "created_at"),
                instant(rs, "expires_at"), instant(rs, "last_used_at"), instant(rs, "revoked_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
