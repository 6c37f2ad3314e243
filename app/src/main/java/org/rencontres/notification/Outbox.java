package org.rencontres.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The outbox of e-mails. {@link #send} only writes the message, in the caller's transaction
 * ({@link Propagation#MANDATORY}: calling it outside a transaction is a programming error and fails), so
 * that a change and the e-mail it causes are saved, or lost, together; the sender worker delivers it
 * after the commit, with retries.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class Outbox {

    private final JdbcClient jdbc;
    private final MessageIds messageIds;

    /**
     * Queues a message in the current transaction.
     *
     * @return the message's outbox id; when a message with the same dedup key is already queued (or
     *         sent), nothing is added and that message's id is returned
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public long send(Message message) {
        Optional<Long> id = jdbc.sql("""
                INSERT INTO notification_outbox (dedup_key, recipient, subject, text_body, html_body, event_day_id)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (dedup_key) DO NOTHING
                RETURNING id""")
                .params(message.dedupKey(), message.to(), message.subject(), message.text(), message.html(),
                        message.dayId())
                .query(Long.class).optional();
        if (id.isEmpty()) {
            return jdbc.sql("SELECT id FROM notification_outbox WHERE dedup_key = ?")
                    .param(message.dedupKey()).query(Long.class).single();
        }
        int position = 0;
        for (Attachment attachment : message.attachments()) {
            jdbc.sql("""
                    INSERT INTO notification_attachment (outbox_id, position, file_name, content_type, content)
                    VALUES (?, ?, ?, ?, ?)""")
                    .params(id.get(), position++, attachment.fileName(), attachment.contentType(),
                            attachment.content())
                    .update();
        }
        return id.get();
    }

    /** A message of the outbox, whatever its status. */
    Optional<OutboxEntry> find(long id) {
        return jdbc.sql(SELECT + " WHERE id = ?").param(id).query(this::entry).optional();
    }

    /** The messages that could not be delivered after every attempt, latest first. */
    List<OutboxEntry> failed() {
        return jdbc.sql(SELECT + " WHERE status = 'FAILED' ORDER BY id DESC").query(this::entry).list();
    }

    private static final String SELECT = """
            SELECT id, recipient, subject, status, attempts, next_attempt_at, created_at, sent_at, last_error
            FROM notification_outbox""";

    private OutboxEntry entry(ResultSet rs, int n) throws SQLException {
        long id = rs.getLong("id");
        return new OutboxEntry(id, rs.getString("recipient"), rs.getString("subject"),
                OutboxStatus.valueOf(rs.getString("status")), rs.getInt("attempts"),
                instant(rs.getObject("next_attempt_at", OffsetDateTime.class)),
                instant(rs.getObject("created_at", OffsetDateTime.class)),
                instant(rs.getObject("sent_at", OffsetDateTime.class)), rs.getString("last_error"),
                messageIds.of(id));
    }

    private static Instant instant(OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }
}
