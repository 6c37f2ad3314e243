package org.rencontres.security;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.rencontres.notification.Mailer;
import org.rencontres.shared.PublicAddress;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One-time links, sent by an administrator through the e-mail outbox, with which a person chooses a new
 * password. Only the SHA-256 of a token is stored; a link serves once, for {@link #VALIDITY}, and a newer
 * link replaces the older ones. Until it is used, the old password still works.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class PasswordResets {

    static final Duration VALIDITY = Duration.ofHours(24);
    static final String PATH = "/mot-de-passe/nouveau";

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final SignInAttempts attempts;
    private final Mailer mailer;
    private final PublicAddress address;

    /** Issues a link for the account and queues the e-mail that carries it; empty when there is no such account. */
    @Transactional
    public Optional<Account> send(long accountId, String sentBy) {
        Optional<Account> account = accounts.find(accountId);
        account.ifPresent(a -> {
            String token = issue(a.id());
            String link = address.of(PATH + "?jeton=" + token);
            mailer.queue(a.email(), "security/mail/password-reset", Locale.FRENCH,
                    Map.of("name", a.displayName(), "link", link, "sentBy", sentBy,
                            "hours", VALIDITY.toHours()));
        });
        return account;
    }

    String issue(long accountId) {
        jdbc.sql("DELETE FROM password_reset_token WHERE account_id = ? AND used_at IS NULL").param(accountId).update();
        String token = SecretTokens.issue();
        jdbc.sql("INSERT INTO password_reset_token (token_hash, account_id, expires_at) VALUES (?, ?, ?)")
                .params(SecretTokens.hash(token), accountId, OffsetDateTime.now(ZoneOffset.UTC).plus(VALIDITY)).update();
        return token;
    }

    /** The account a valid (unused, unexpired) link is for. */
    Optional<Account> account(String token) {
        if (token == null) {
            return Optional.empty();
        }
        return jdbc.sql("""
                SELECT account_id FROM password_reset_token
                WHERE token_hash = ? AND used_at IS NULL AND expires_at > now()""")
                .param(SecretTokens.hash(token)).query(Long.class).optional().flatMap(accounts::find);
    }

    /**
     * Uses the link: sets the new password (every session of the account ends), and lifts the sign-in locks
     * on the account's e-mail. False when the link was not valid any more (used, expired, replaced).
     */
    @Transactional
    boolean use(String token, String newPassword) {
        if (token == null) {
            return false;
        }
        Optional<Long> accountId = jdbc.sql("""
                UPDATE password_reset_token SET used_at = now()
                WHERE token_hash = ? AND used_at IS NULL AND expires_at > now() RETURNING account_id""")
                .param(SecretTokens.hash(token)).query(Long.class).optional();
        if (accountId.isEmpty()) {
            return false;
        }
        Account account = accounts.changePassword(accountId.get(), newPassword);
        attempts.forget(account.email());
        return true;
    }
}
