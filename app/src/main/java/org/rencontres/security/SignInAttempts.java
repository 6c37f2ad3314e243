package org.rencontres.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Locale;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Checks a sign-in, and slows down guessing without letting anyone lock a person out from elsewhere.
 * Failures are counted in PostgreSQL (every instance sees them) in three scopes, each with its own
 * window and lock:
 * <ul>
 * <li><b>pair</b> (e-mail typed, client address): {@value #PAIR_LIMIT} failures lock that e-mail from that
 * address only; a person mistyping is locked, someone trying their address from elsewhere is not;</li>
 * <li><b>address</b>: {@value #ADDRESS_LIMIT} failures from one address, on any e-mails, stop that address
 * (password spraying over many accounts);</li>
 * <li><b>account</b>: {@value #ACCOUNT_LIMIT} failures on one e-mail from anywhere (many addresses) stop
 * that e-mail from every address it has never signed in from.</li>
 * </ul>
 * Addresses an account has signed in from with its password (the last {@link #KNOWN_FOR}) escape the
 * address and account locks: a correct password from there is always taken, only the pair's own limit
 * applies. Counts go by the e-mail typed, known or not, so that the answers never tell whether an account
 * exists; the password hash runs for unknown e-mails too (Spring's timing protection), and a disabled
 * account is told so only after its password was right. When a lock ends, its count starts again at zero.
 */
@Component
class SignInAttempts implements AuthenticationProvider {

    static final int PAIR_LIMIT = 5;
    static final int ADDRESS_LIMIT = 20;
    static final int ACCOUNT_LIMIT = 20;
    static final Duration WINDOW = Duration.ofMinutes(15);
    static final Duration LOCK = Duration.ofMinutes(15);
    static final Duration KNOWN_FOR = Duration.ofDays(90);

    private final JdbcClient jdbc;
    private final DaoAuthenticationProvider passwords;
    private final SsoProperties sso;
    private final Clock clock = Clock.systemUTC();

    SignInAttempts(JdbcClient jdbc, Accounts accounts, PasswordEncoder encoder, SsoProperties sso) {
        this.jdbc = jdbc;
        this.sso = sso;
        this.passwords = new DaoAuthenticationProvider(accounts::loadUserByUsername);
        this.passwords.setPasswordEncoder(encoder);
        // The password first, then the account's state: a disabled account answers like an unknown one
        // (and as slowly) unless its password is right.
        this.passwords.setPreAuthenticationChecks(user -> { });
        this.passwords.setPostAuthenticationChecks(user -> {
            if (!user.isEnabled()) {
                throw new DisabledException("Account disabled");
            }
        });
    }

    @Override
    public Authentication authenticate(Authentication attempt) throws AuthenticationException {
        if (!sso.passwordsAllowed()) {
            // Operators who turned local passwords off (rencontres.sso.local-passwords=false): nobody, not even
            // with a right password, signs in without the issuer.
            throw new PasswordsTurnedOff();
        }
        String email = email(attempt.getName());
        String address = address(attempt.getDetails());
        if (refused(email, address)) {
            throw new LockedException("Too many failed sign-ins");
        }
        // The attempt is counted as a failure before the password is checked, and given back if it was
        // right: many attempts sent at once cannot all slip under a limit while the hashes run.
        purge();
        int pairCount = count("pair", pair(email, address), PAIR_LIMIT);
        int addressCount = count("address", address, ADDRESS_LIMIT);
        int accountCount = count("account", email, ACCOUNT_LIMIT);
        if (pairCount > PAIR_LIMIT
                || (!known(email, address) && (addressCount > ADDRESS_LIMIT || accountCount > ACCOUNT_LIMIT))) {
            throw new LockedException("Too many failed sign-ins");
        }
        Object password = attempt.getCredentials();
        if (password instanceof String p && PasswordPolicy.tooLong(p)) {
            // bcrypt reads 72 bytes at most; no account has a longer password.
            throw new BadCredentialsException("Bad credentials");
        }
        try {
            Authentication result = passwords.authenticate(attempt);
            giveBack(email, address);
            succeeded(email, address, ((Organiser) result.getPrincipal()).accountId());
            return result;
        } catch (BadCredentialsException e) {
            throw e;
        } catch (AuthenticationException e) {
            giveBack(email, address);
            throw e;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    /** Whether a sign-in of this e-mail from this address is refused now, without looking at the password. */
    boolean refused(String email, String address) {
        Instant now = clock.instant();
        return jdbc.sql("""
                SELECT count(*) FROM sign_in_throttle
                WHERE locked_until > :now
                  AND ((scope = 'pair' AND key = :pair)
                       OR (scope IN ('address', 'account') AND key = (CASE scope WHEN 'address' THEN :address ELSE :email END)
                           AND NOT EXISTS (SELECT 1 FROM sign_in_known_address k JOIN account a ON a.id = k.account_id
                                           WHERE lower(a.email) = :email AND k.address = :address
                                             AND k.last_success_at > :knownSince)))""")
                .param("now", utc(now)).param("pair", pair(email, address)).param("address", address)
                .param("email", email).param("knownSince", utc(now.minus(KNOWN_FOR)))
                .query(Long.class).single() > 0;
    }

    /** A wrong password (or an unknown e-mail): counted in each scope. */
    void failed(String email, String address) {
        purge();
        count("pair", pair(email, address), PAIR_LIMIT);
        count("address", address, ADDRESS_LIMIT);
        count("account", email, ACCOUNT_LIMIT);
    }

    /**
     * Counts one failure in a scope and returns the count, which goes past the limit only for attempts made
     * while it is locked. A count restarts at one when its window is over or its lock has ended.
     */
    private int count(String scope, String key, int limit) {
        Instant now = clock.instant();
        return jdbc.sql("""
                INSERT INTO sign_in_throttle AS t (scope, key, failures, window_started_at, locked_until)
                VALUES (:scope, :key, 1, :now, NULL)
                ON CONFLICT (scope, key) DO UPDATE SET
                  failures = CASE WHEN t.locked_until <= :now
                                    OR (t.locked_until IS NULL AND t.window_started_at <= :windowStart) THEN 1
                                  ELSE t.failures + 1 END,
                  window_started_at = CASE WHEN t.locked_until <= :now
                                    OR (t.locked_until IS NULL AND t.window_started_at <= :windowStart) THEN :now
                                  ELSE t.window_started_at END,
                  locked_until = CASE WHEN t.locked_until <= :now
                                    OR (t.locked_until IS NULL AND t.window_started_at <= :windowStart) THEN NULL
                                  WHEN t.locked_until > :now THEN t.locked_until
                                  WHEN t.failures + 1 >= :limit THEN :lockEnd
                                  ELSE NULL END
                RETURNING failures""")
                .param("scope", scope).param("key", key).param("now", utc(now))
                .param("windowStart", utc(now.minus(WINDOW))).param("limit", limit)
                .param("lockEnd", utc(now.plus(LOCK))).query(Integer.class).single();
    }

    /** The attempt counted beforehand was not a failure: the address's and e-mail's counts get it back. */
    private void giveBack(String email, String address) {
        for (Object[] scope : new Object[][] {{"address", address, ADDRESS_LIMIT}, {"account", email, ACCOUNT_LIMIT}}) {
            jdbc.sql("""
                    UPDATE sign_in_throttle SET failures = greatest(failures - 1, 0),
                        locked_until = CASE WHEN failures - 1 < :limit THEN NULL ELSE locked_until END
                    WHERE scope = :scope AND key = :key""")
                    .param("scope", scope[0]).param("key", scope[1]).param("limit", scope[2]).update();
        }
        jdbc.sql("DELETE FROM sign_in_throttle WHERE scope = 'pair' AND key = ?").param(pair(email, address)).update();
    }

    /** Counters whose window and lock are long over tell nothing any more. */
    private void purge() {
        Instant now = clock.instant();
        jdbc.sql("""
                DELETE FROM sign_in_throttle
                WHERE window_started_at < :old AND (locked_until IS NULL OR locked_until < :now)""")
                .param("old", utc(now.minus(Duration.ofDays(1)))).param("now", utc(now)).update();
    }

    private boolean known(String email, String address) {
        return jdbc.sql("""
                SELECT count(*) FROM sign_in_known_address k JOIN account a ON a.id = k.account_id
                WHERE lower(a.email) = ? AND k.address = ? AND k.last_success_at > ?""")
                .params(email, address, utc(clock.instant().minus(KNOWN_FOR))).query(Long.class).single() > 0;
    }

    /** A right password: the address is known for this account from now on. */
    void succeeded(String email, String address, long accountId) {
        Instant now = clock.instant();
        jdbc.sql("""
                INSERT INTO sign_in_known_address (account_id, address, last_success_at) VALUES (?, ?, ?)
                ON CONFLICT (account_id, address) DO UPDATE SET last_success_at = excluded.last_success_at""")
                .params(accountId, address, utc(now)).update();
    }

    /**
     * The person proved they read the account's e-mail (a reset link): the locks on that e-mail go. The
     * address locks stay: they are about the address, not the account.
     */
    void forget(String email) {
        String e = email(email);
        jdbc.sql("""
                DELETE FROM sign_in_throttle
                WHERE (scope = 'account' AND key = :email) OR (scope = 'pair' AND starts_with(key, :prefix))""")
                .param("email", e).param("prefix", e + " ").update();
    }

    static String email(String typed) {
        return typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT);
    }

    private static String pair(String email, String address) {
        return email + " " + address;
    }

    /**
     * The client's address as the throttle counts it: the address the request came from (the proxy's
     * forwarded one when {@code server.forward-headers-strategy} trusts it); an IPv6 address by its /64,
     * since one client holds a whole /64.
     */
    static String address(Object details) {
        String remote = details instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null;
        return network(remote);
    }

    static String network(String remote) {
        if (remote == null || remote.isBlank()) {
            return "unknown";
        }
        if (!remote.contains(":")) {
            return remote;
        }
        try {
            byte[] bytes = InetAddress.getByName(remote.replaceAll("^\\[|]$", "")).getAddress();
            if (bytes.length == 16) {
                Arrays.fill(bytes, 8, 16, (byte) 0);
                return InetAddress.getByAddress(bytes).getHostAddress() + "/64";
            }
            return InetAddress.getByAddress(bytes).getHostAddress();
        } catch (UnknownHostException e) {
            return remote;
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    /** A password sign-in while only single sign-on is allowed. */
    static final class PasswordsTurnedOff extends AuthenticationException {
        PasswordsTurnedOff() {
            super("Local passwords are turned off");
        }
    }
}
