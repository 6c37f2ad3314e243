package org.rencontres.security;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accounts of the back office: creation, sign-in look-up, change of password, disabling and deletion.
 * Throttling of failed sign-ins is {@link SignInAttempts}'s.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class Accounts {

    public static final int MIN_PASSWORD_LENGTH = PasswordPolicy.MIN_LENGTH;

    private static final String COLUMNS =
            "id, email, display_name, role, organising_unit, enabled, credentials_version";

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;

    /**
     * Opens an account. The password's strength is checked by the forms ({@link PasswordPolicy}); here only
     * what bcrypt cannot take is refused.
     */
    @Transactional
    public Account create(NewAccount a) {
        requireHashable(a.password());
        long id = jdbc.sql("""
                INSERT INTO account (email, display_name, password_hash, role, organising_unit)
                VALUES (lower(trim(?)), trim(?), ?, ?, nullif(trim(?), '')) RETURNING id""")
                .params(a.email(), a.displayName(), passwords.encode(a.password()), a.role().name(), a.organisingUnit())
                .query(Long.class).single();
        return find(id).orElseThrow();
    }

    private static void requireHashable(String password) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw new IllegalArgumentException("Password too short");
        }
        if (PasswordPolicy.tooLong(password)) {
            throw new IllegalArgumentException("Password longer than bcrypt's 72 bytes");
        }
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
        return find(accountId).map(a -> new Organiser(a, null));
    }

    /** The account of an address (compared without case), enabled or not. */
    Optional<Account> findByEmail(String email) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM account WHERE lower(email) = lower(trim(?))").param(email)
                .query(this::account).optional();
    }

    public List<Account> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM account ORDER BY role, display_name").query(this::account).list();
    }

    /** The account behind an e-mail, with its password hash, for the sign-in (not a Spring bean of type UserDetailsService:
     * with one, Spring Security warns at every start that the AuthenticationProvider bean wins). */
    public UserDetails loadUserByUsername(String email) {
        return jdbc.sql("SELECT " + COLUMNS + ", password_hash FROM account WHERE lower(email) = lower(trim(?))")
                .param(email)
                .query((rs, n) -> new Organiser(account(rs, n), rs.getString("password_hash")))
                .optional()
                .orElseThrow(() -> new UsernameNotFoundException("No account"));
    }

    /** Whether {@code password} is this account's current password. */
    boolean passwordMatches(long accountId, String password) {
        if (password == null || PasswordPolicy.tooLong(password)) {
            return false;
        }
        return jdbc.sql("SELECT password_hash FROM account WHERE id = ?").param(accountId).query(String.class)
                .optional().map(hash -> passwords.matches(password, hash)).orElse(false);
    }

    /**
     * Sets a new password and raises the credentials version, so that every session opened with the old
     * one ends at its next request.
     *
     * @return the account as it is now
     */
    @Transactional
    public Account changePassword(long accountId, String password) {
        requireHashable(password);
        jdbc.sql("""
                UPDATE account SET password_hash = ?, credentials_version = credentials_version + 1 WHERE id = ?""")
                .params(passwords.encode(password), accountId).update();
        return find(accountId).orElseThrow();
    }

    /** What came of a change of an account by an administrator. */
    public enum Change { DONE, UNKNOWN, SELF, LAST_ADMINISTRATOR }

    /** Disables an account: its sessions end at their next request; never one's own nor the last administrator. */
    @Transactional
    public Change disable(long actorId, long accountId) {
        return unlessRefused(actorId, accountId, "UPDATE account SET enabled = FALSE WHERE id = ?");
    }

    @Transactional
    public Change enable(long accountId) {
        return jdbc.sql("UPDATE account SET enabled = TRUE WHERE id = ?").param(accountId).update() == 1
                ? Change.DONE : Change.UNKNOWN;
    }

    /** Deletes an account (its reset links and known addresses go with it); same limits as {@link #disable}. */
    @Transactional
    public Change delete(long actorId, long accountId) {
        return unlessRefused(actorId, accountId, "DELETE FROM account WHERE id = ?");
    }

    /** Runs the statement on the account (its one parameter), unless {@link #refusal} says no. */
    private Change unlessRefused(long actorId, long accountId, String statement) {
        Change refused = refusal(actorId, accountId);
        if (refused != null) {
            return refused;
        }
        jdbc.sql(statement).param(accountId).update();
        return Change.DONE;
    }

    /**
     * Why an administrator may not take this account away, or null. The enabled administrators' rows are
     * locked first, so that two administrators disabling each other at once cannot leave none.
     */
    private Change refusal(long actorId, long accountId) {
        List<Long> administrators = jdbc.sql("""
                SELECT id FROM account WHERE role = 'ADMINISTRATOR' AND enabled ORDER BY id FOR UPDATE""")
                .query(Long.class).list();
        Optional<Account> account = find(accountId);
        if (account.isEmpty()) {
            return Change.UNKNOWN;
        }
        if (accountId == actorId) {
            return Change.SELF;
        }
        if (administrators.contains(accountId) && administrators.size() <= 1) {
            return Change.LAST_ADMINISTRATOR;
        }
        return null;
    }

    private Account account(ResultSet rs, int row) throws SQLException {
        return new Account(rs.getLong("id"), rs.getString("email"), rs.getString("display_name"),
                Role.valueOf(rs.getString("role")), rs.getString("organising_unit"), rs.getBoolean("enabled"),
                rs.getInt("credentials_version"));
    }
}
