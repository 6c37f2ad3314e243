package org.rencontres.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.rencontres.shared.Paging;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records changes in the caller's transaction, so that a change and its audit entry are saved, or
 * lost, together.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class AuditTrail {

    private final JdbcClient jdbc;

    @Transactional(propagation = Propagation.MANDATORY)
    public void record(long dayId, Long accountId, String actor, String subject, String action, String details) {
        jdbc.sql("""
                INSERT INTO audit_entry (day_id, account_id, actor, subject, action, details)
                VALUES (?, ?, ?, ?, ?, ?)""")
                .params(dayId, accountId, actor, subject, action, details).update();
    }

    /**
     * Records a change of an organisation of the directory, with its values before and after (either may
     * be null), in the caller's transaction.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordOrganisation(long organisationId, Long accountId, String actor, String action, String details,
                                   String before, String after) {
        jdbc.sql("""
                INSERT INTO audit_entry (organisation_id, account_id, actor, subject, action, details, before_value,
                                         after_value)
                VALUES (?, ?, ?, 'organisation', ?, ?, ?, ?)""")
                .params(organisationId, accountId, actor, action, details, before, after).update();
    }

    /** Entries a page of an audit trail shows. */
    public static final int PAGE_SIZE = 50;

    /** One page of an audit trail, latest first, and its place in the whole (counted in SQL). */
    public record Page<T>(List<T> entries, Paging paging) {
    }

    /**
     * One page of the organisation's changes, latest first: {@code requestedPage} as typed in the address (anything
     * but a page that exists gives the nearest one), {@code path} and {@code filters} the address of the page that
     * shows them, for the pager's links.
     */
    public Page<OrganisationAuditEntry> pageOfOrganisation(long organisationId, String requestedPage, String path,
                                                           Map<String, String> filters) {
        long total = jdbc.sql("SELECT count(*) FROM audit_entry WHERE organisation_id = ?").param(organisationId)
                .query(Long.class).single();
        Paging paging = Paging.of(requestedPage, PAGE_SIZE, total, path, filters);
        return new Page<>(jdbc.sql(ORGANISATION_ENTRIES + " LIMIT ? OFFSET ?")
                .params(organisationId, paging.limit(), paging.offset())
                .query(AuditTrail::organisationEntry).list(), paging);
    }

    /** One page of the day's changes, latest first, as {@link #pageOfOrganisation} does for an organisation. */
    public Page<AuditEntry> pageOf(long dayId, String requestedPage, String path, Map<String, String> filters) {
        long total = jdbc.sql("SELECT count(*) FROM audit_entry WHERE day_id = ?").param(dayId)
                .query(Long.class).single();
        Paging paging = Paging.of(requestedPage, PAGE_SIZE, total, path, filters);
        return new Page<>(jdbc.sql(DAY_ENTRIES + " LIMIT ? OFFSET ?").params(dayId, paging.limit(), paging.offset())
                .query(AuditTrail::entry).list(), paging);
    }

    private static final String ORGANISATION_ENTRIES = """
            SELECT id, organisation_id, at, account_id, actor, action, details, before_value, after_value
            FROM audit_entry WHERE organisation_id = ? ORDER BY at DESC, id DESC""";

    private static final String DAY_ENTRIES = """
            SELECT id, day_id, at, account_id, actor, subject, action, details
            FROM audit_entry WHERE day_id = ? ORDER BY at DESC, id DESC""";

    /** The organisation's changes, latest first (every one: the pages show {@link #pageOfOrganisation}). */
    public List<OrganisationAuditEntry> ofOrganisation(long organisationId) {
        return jdbc.sql(ORGANISATION_ENTRIES).param(organisationId).query(AuditTrail::organisationEntry).list();
    }

    /** The day's changes, latest first (every one: the pages show {@link #pageOf}). */
    public List<AuditEntry> of(long dayId) {
        return jdbc.sql(DAY_ENTRIES).param(dayId).query(AuditTrail::entry).list();
    }

    private static OrganisationAuditEntry organisationEntry(ResultSet rs, int n) throws SQLException {
        return new OrganisationAuditEntry(rs.getLong("id"), rs.getLong("organisation_id"),
                rs.getObject("at", OffsetDateTime.class).toInstant(), (Long) rs.getObject("account_id"),
                rs.getString("actor"), rs.getString("action"), rs.getString("details"),
                rs.getString("before_value"), rs.getString("after_value"));
    }

    /**
     * Records a change of the platform's handling of personal data (a retention period, the controller's
     * identity, a purge run), which concerns no day and no organisation, in the caller's transaction.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordPrivacy(Long accountId, String actor, String action, String details) {
        recordOfNoDay("privacy", accountId, actor, action, details);
    }

    /**
     * Records a sign-in event that concerns no day (a single sign-on refused or accepted), in the caller's
     * transaction; {@code actor} is the address the person came with.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordSignIn(Long accountId, String actor, String action, String details) {
        recordOfNoDay("sign-in", accountId, actor, action, details);
    }

    /** An entry of a subject that concerns no day and no organisation (privacy, sign-in). */
    private void recordOfNoDay(String subject, Long accountId, String actor, String action, String details) {
        jdbc.sql("""
                INSERT INTO audit_entry (account_id, actor, subject, action, details)
                VALUES (?, ?, ?, ?, ?)""")
                .params(accountId, actor, subject, action, details).update();
    }

    /** The sign-in entries, latest first, at most that many. */
    public List<AuditEntry> ofSignIns(int limit) {
        return ofSubject("sign-in", limit);
    }

    /** The platform's privacy entries, latest first, at most that many. */
    public List<AuditEntry> ofPrivacy(int limit) {
        return ofSubject("privacy", limit);
    }

    /**
     * The entries of a subject that concern no day, latest first, at most that many (an erasure decided for a
     * session's registrant is filed under the session, with the same subject: it is not one of them).
     */
    private List<AuditEntry> ofSubject(String subject, int limit) {
        return jdbc.sql("""
                SELECT id, day_id, at, account_id, actor, subject, action, details
                FROM audit_entry WHERE subject = ? AND day_id IS NULL ORDER BY at DESC, id DESC LIMIT ?""")
                .params(subject, limit)
                .query(AuditTrail::entry)
                .list();
    }

    private static AuditEntry entry(ResultSet rs, int n) throws SQLException {
        return new AuditEntry(rs.getLong("id"), rs.getLong("day_id"),
                rs.getObject("at", OffsetDateTime.class).toInstant(), (Long) rs.getObject("account_id"),
                rs.getString("actor"), rs.getString("subject"), rs.getString("action"), rs.getString("details"));
    }
}
