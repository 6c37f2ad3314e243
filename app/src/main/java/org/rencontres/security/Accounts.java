package org.rencontres.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Accounts of the back office: creation, sign-in look-up, and the lock after repeated failures. */
@Service
public class Accounts implements UserDetailsService {

    /** Failed sign-ins in a row that lock an account, and for how long. */
    static final int MAX_FAILURES = 5;
    static final Duration LOCK = Duration.ofMinutes(15);
    public static final int MIN_PASSWORD_LENGTH = 12;

    private static final String COLUMNS =
            "id, email, display_name, role, organising_unit, enabled, failed_attempts, locked_until";

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;
    private final Clock clock;

    Accounts(JdbcClient jdbc, PasswordEncoder passwords) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.clock = Clock.systemUTC();
    }

    @Transactional
    public Account create(NewAccount a) {
        if (a.password() == null || a.password().length() < MIN_PASSWORD_LENGTH) {
            throw new IllegalArgumentException("Password too short");
        }
        long id = jdbc.sql("""
                INSERT INTO account (email, display_name, password_hash, role, organising_unit)
                VALUES (lower(trim(?)), trim(?), ?, ?, nullif(trim(?), '')) RETURNING id""")
                .params(a.email(), a.displayName(), passwords.encode(a.password()), a.role().name(), a.organisingUnit())
                .query(Long.class).single();
        return find(id).orElseThrow();
    }

    public boolean emailTaken(String email) {
        return jdbc.sql("SELECT count(*) FROM account WHERE lower(email) = lower(trim(?))")
                .param(email).query(Long.class).single() > 0;
    }

    public boolean hasAdministrator() {
        return jdbc.sql("SELECT count(*) FROM account WHERE role = 'ADMINISTRATOR' AND enabled")
                .query(Long.class).single() > 0;
    }

    public Optional<Account> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM account WHERE id = ?").param(id).query(this::account).optional();
    }

    /**
     * The organiser of an account as it is now (role, unit, enabled), for checking again the rights of
     * a long-lived connection opened by that account; empty when the account is gone.
     */
    public Optional<Organiser> current(long accountId) {
        return find(accountId).map(a -> new Organiser(a, null, a.isLocked(clock.instant())));
    }

    public List<Account> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM account ORDER BY role, display_name").query(this::account).list();
    }

    @Override
    public UserDetails loadUserByUsername(String email) {
        return jdbc.sql("SELECT " + COLUMNS + ", password_hash FROM account WHERE lower(email) = lower(trim(?))")
                .param(email)
                .query((rs, n) -> new Organiser(account(rs, n), rs.getString("password_hash"),
                        account(rs, n).isLocked(clock.instant())))
                .optional()
                .orElseThrow(() -> new UsernameNotFoundException("No account"));
    }

    /** A wrong password: counts it, and locks the account for a while after too many in a row. */
    @Transactional
    void signInFailed(String email) {
        jdbc.sql("""
                UPDATE account SET failed_attempts = failed_attempts + 1,
                    locked_until = CASE WHEN failed_attempts + 1 >= ? THEN ? ELSE locked_until END
                WHERE lower(email) = lower(trim(?))""")
                .params(MAX_FAILURES, OffsetDateTime.ofInstant(clock.instant().plus(LOCK), ZoneOffset.UTC), email)
                .update();
    }

    @Transactional
    void signedIn(String email) {
        jdbc.sql("UPDATE account SET failed_attempts = 0, locked_until = NULL WHERE lower(email) = lower(trim(?))")
                .param(email).update();
    }

    private Account account(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        OffsetDateTime locked = rs.getObject("locked_until", OffsetDateTime.class);
        return new Account(rs.getLong("id"), rs.getString("email"), rs.getString("display_name"),
                Role.valueOf(rs.getString("role")), rs.getString("organising_unit"), rs.getBoolean("enabled"),
                rs.getInt("failed_attempts"), locked == null ? null : locked.toInstant());
    }

}
