package org.rencontres.writing;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Yjs updates of the documents. Each update gets the document's next number while its row is
 * locked, so numbers follow commit order: a client that has every number up to n has the whole
 * document up to n, which is what compaction relies on.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class UpdateStore {

    /** A stored update (or snapshot, which stands for every update up to its number). */
    record Stored(long seq, byte[] data, boolean snapshot) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    /**
     * Stores an update and announces it on {@value WritingHub#CHANNEL} in the same transaction, so the
     * other instances hear of it once it is committed.
     *
     * @return its number, or empty when the document is closed or gone
     */
    @Transactional
    Optional<Long> append(long documentId, byte[] update, String notification) {
        return appendAll(documentId, List.of(update), Collections.singletonList(notification));
    }

    /**
     * Stores updates of one document under consecutive numbers, in their order, and announces each on
     * {@value WritingHub#CHANNEL}, all in one transaction: one numbering, one batch of inserts, one statement
     * for the notifications (a null notification announces nothing).
     *
     * @param notifications per update, "{seq}" standing for its number
     * @return the number of the first, or empty when the document is closed or gone (nothing stored)
     */
    @Transactional
    Optional<Long> appendAll(long documentId, List<byte[]> updates, List<String> notifications) {
        int n = updates.size();
        Optional<Long> last = jdbc.sql("""
                UPDATE writing_document SET last_seq = last_seq + ?
                WHERE id = ? AND closed_at IS NULL RETURNING last_seq""")
                .params(n, documentId).query(Long.class).optional();
        if (last.isEmpty()) {
            return last;
        }
        long first = last.get() - n + 1;
        batch.batchUpdate("INSERT INTO writing_update (document_id, seq, data) VALUES (?, ?, ?)",
                new BatchPreparedStatementSetter() {
                    @Override
                    public void setValues(PreparedStatement statement, int k) throws SQLException {
                        statement.setLong(1, documentId);
                        statement.setLong(2, first + k);
                        statement.setBytes(3, updates.get(k));
                    }

                    @Override
                    public int getBatchSize() {
                        return n;
                    }
                });
        List<String> texts = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            if (notifications.get(k) != null) {
                texts.add(notifications.get(k).replace("{seq}", Long.toString(first + k)));
            }
        }
        if (!texts.isEmpty()) {
            // Notification texts hold no line break (numbers, ids and base64).
            jdbc.sql("SELECT pg_notify(?, x) FROM unnest(string_to_array(?, E'\\n')) AS x")
                    .params(WritingHub.CHANNEL, String.join("\n", texts)).query(Object.class).list();
        }
        return Optional.of(first);
    }

    /**
     * The updates after that number, in order. A snapshot that replaced some of them has a number
     * above it, so it comes with them.
     */
    List<Stored> since(long documentId, long after) {
        return jdbc.sql("SELECT seq, data, snapshot FROM writing_update WHERE document_id = ? AND seq > ? ORDER BY seq")
                .params(documentId, after).query(Stored.class).list();
    }

    /** The update of that number, or the snapshot that has replaced it. */
    Optional<Stored> atLeast(long documentId, long seq) {
        return jdbc.sql("""
                SELECT seq, data, snapshot FROM writing_update WHERE document_id = ? AND seq >= ? ORDER BY seq LIMIT 1""")
                .params(documentId, seq).query(Stored.class).optional();
    }

    /** How many rows the document has after its last snapshot. */
    long pending(long documentId) {
        return jdbc.sql("""
                SELECT count(*) FROM writing_update WHERE document_id = ?
                AND seq > coalesce((SELECT max(seq) FROM writing_update WHERE document_id = ? AND snapshot), 0)""")
                .params(documentId, documentId).query(Long.class).single();
    }

    /**
     * Replaces the updates up to {@code upTo} by one snapshot that the server made of them. Refused
     * (false) when {@code upTo} is beyond the stored updates, or when the last snapshot is no longer the
     * one the server read ({@code snapshotSeen}, 0 for none): another compaction came first.
     */
    @Transactional
    boolean compact(long documentId, long upTo, long snapshotSeen, byte[] snapshot) {
        Long last = jdbc.sql("SELECT last_seq FROM writing_document WHERE id = ? FOR UPDATE")
                .param(documentId).query(Long.class).optional().orElse(null);
        long snapshotNow = jdbc.sql("""
                SELECT coalesce(max(seq), 0) FROM writing_update WHERE document_id = ? AND snapshot""")
                .param(documentId).query(Long.class).single();
        if (last == null || upTo < 1 || upTo > last || snapshotNow != snapshotSeen) {
            return false;
        }
        jdbc.sql("DELETE FROM writing_update WHERE document_id = ? AND seq <= ?").params(documentId, upTo).update();
        jdbc.sql("INSERT INTO writing_update (document_id, seq, data, snapshot) VALUES (?, ?, ?, true)")
                .params(documentId, upTo, snapshot).update();
        return true;
    }

    long rows(long documentId) {
        return jdbc.sql("SELECT count(*) FROM writing_update WHERE document_id = ?").param(documentId)
                .query(Long.class).single();
    }
}
