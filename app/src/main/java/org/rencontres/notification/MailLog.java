package org.rencontres.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.rencontres.shared.Paging;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A session's e-mail log: the messages of the outbox filed under the session ({@link Message#dayId()}),
 * newest first, 50 a page, filtered by state and by a part of the recipient's address; one message
 * whole (text, HTML, attachments' names); and its resending, as a copy queued anew. Every read takes
 * the session's id, so that a message of another session is never found through this one.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class MailLog {

    public static final int PAGE_SIZE = 50;

    private final JdbcClient jdbc;

    /** A line of the log. */
    public record Entry(long id, String recipient, String subject, OutboxStatus status, int attempts,
            Instant createdAt, Instant sentAt, String lastError) {
    }

    /** One page of the log, with its place in the whole (shared.Paging, for the pager). */
    public record Page(List<Entry> entries, Paging paging) {

        /** The page shown, from 1. */
        public int page() {
            return paging.number();
        }

        public int pages() {
            return paging.pages();
        }

        public long total() {
            return paging.total();
        }
    }

    /** A message whole, as it was queued. */
    public record Mail(Entry entry, String text, String html, List<String> attachments) {
    }

    /**
     * The messages of session {@code dayId}, newest first.
     *
     * @param status only this state, or {@code null} for all
     * @param recipient a part of the recipient's address (case ignored), or {@code null} / blank for all
     * @param page the page, from 1 (beyond the last gives the last)
     */
    @Transactional(readOnly = true)
    public Page page(long dayId, OutboxStatus status, String recipient, int page) {
        return page(dayId, status, recipient, String.valueOf(page), "", Map.of());
    }

    /**
     * The same for a page asked for in an address ({@code requestedPage} as typed: anything but a page that exists
     * gives the nearest one), with the list's address and filters for the pager's links.
     */
    @Transactional(readOnly = true)
    public Page page(long dayId, OutboxStatus status, String recipient, String requestedPage, String path,
                     Map<String, String> filters) {
        StringBuilder where = new StringBuilder(" WHERE event_day_id = :day");
        String search = recipient == null ? "" : recipient.strip().toLowerCase();
        if (status != null) {
            where.append(" AND status = :status");
        }
        if (!search.isEmpty()) {
            where.append(" AND strpos(lower(recipient), :search) > 0");
        }
        long total = params(jdbc.sql("SELECT count(*) FROM notification_outbox" + where), dayId, status, search)
                .query(Long.class).single();
        Paging paging = Paging.of(requestedPage, PAGE_SIZE, total, path, filters);
        List<Entry> entries = params(jdbc.sql(SELECT + where + " ORDER BY id DESC LIMIT :limit OFFSET :offset"),
                dayId, status, search)
                .param("limit", paging.limit()).param("offset", paging.offset())
                .query(MailLog::entry).list();
        return new Page(entries, paging);
    }

    private static JdbcClient.StatementSpec params(JdbcClient.StatementSpec sql, long dayId, OutboxStatus status,
            String search) {
        sql = sql.param("day", dayId);
        if (status != null) {
            sql = sql.param("status", status.name());
        }
        if (!search.isEmpty()) {
            sql = sql.param("search", search);
        }
        return sql;
    }

    /** Message {@code id} of session {@code dayId}; empty when it is not one of that session's. */
    @Transactional(readOnly = true)
    public Optional<Mail> find(long dayId, long id) {
        return jdbc.sql(SELECT.replace("last_error", "last_error, text_body, html_body")
                        + " WHERE id = ? AND event_day_id = ?")
                .params(id, dayId)
                .query((rs, n) -> new Mail(entry(rs, n), rs.getString("text_body"), rs.getString("html_body"),
                        new ArrayList<>()))
                .optional()
                .map(mail -> new Mail(mail.entry(), mail.text(), mail.html(), jdbc.sql("""
                        SELECT file_name FROM notification_attachment WHERE outbox_id = ? ORDER BY position""")
                        .param(id).query(String.class).list()));
    }

    /**
     * Queues a copy of message {@code id} of session {@code dayId} (same recipient, subject, text, HTML and
     * attachments, no dedup key), in the current transaction or a new one.
     *
     * @return the copy's id; empty when the message is not one of that session's
     */
    @Transactional
    public Optional<Long> resend(long dayId, long id) {
        Optional<Long> copy = jdbc.sql("""
                INSERT INTO notification_outbox (recipient, subject, text_body, html_body, event_day_id)
                SELECT recipient, subject, text_body, html_body, event_day_id FROM notification_outbox
                WHERE id = ? AND event_day_id = ?
                RETURNING id""").params(id, dayId).query(Long.class).optional();
        copy.ifPresent(newId -> jdbc.sql("""
                INSERT INTO notification_attachment (outbox_id, position, file_name, content_type, content)
                SELECT ?, position, file_name, content_type, content FROM notification_attachment
                WHERE outbox_id = ?""").params(newId, id).update());
        return copy;
    }

    /** The messages queued to that address (whole, case ignored), whatever their session, oldest first. */
    @Transactional(readOnly = true)
    public List<Entry> to(String address) {
        return jdbc.sql(SELECT + " WHERE lower(btrim(recipient)) = lower(btrim(?)) ORDER BY id").param(address)
                .query(MailLog::entry).list();
    }

    /**
     * Deletes the messages already sent (or given up) to that address, with their attachments, in the
     * caller's transaction; those still to send stay. The number deleted.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int forget(String address) {
        return jdbc.sql("DELETE FROM notification_outbox WHERE lower(btrim(recipient)) = lower(btrim(?)) AND status <> 'PENDING'")
                .param(address).update();
    }

    private static final String SELECT = """
            SELECT id, recipient, subject, status, attempts, created_at, sent_at, last_error
            FROM notification_outbox""";

    private static Entry entry(ResultSet rs, int n) throws SQLException {
        return new Entry(rs.getLong("id"), rs.getString("recipient"), rs.getString("subject"),
                OutboxStatus.valueOf(rs.getString("status")), rs.getInt("attempts"),
                instant(rs.getObject("created_at", OffsetDateTime.class)),
                instant(rs.getObject("sent_at", OffsetDateTime.class)), rs.getString("last_error"));
    }

    private static Instant instant(OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }
}
