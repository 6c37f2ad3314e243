package org.rencontres.writing;

import java.util.List;
import java.util.Optional;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
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

    /**
     * Stores an update and announces it on {@value WritingHub#CHANNEL} in the same transaction, so the
     * other instances hear of it once it is committed.
     *
     * @return its number, or empty when the document is closed or gone
     */
    @Transactional
    Optional<Long> append(long documentId, byte[] update, String notification) {
        Optional<Long> seq = jdbc.sql("""
                UPDATE writing_document SET last_seq = last_seq + 1
                WHERE id = ? AND closed_at IS NULL RETURNING last_seq""")
                .param(documentId).query(Long.class).optional();
        seq.ifPresent(s -> {
            jdbc.sql("INSERT INTO writing_update (document_id, seq, data) VALUES (?, ?, ?)")
                    .params(documentId, s, update).update();
            if (notification != null) {
                jdbc.sql("SELECT pg_notify(?, ?)").params(WritingHub.CHANNEL, notification.replace("{seq}", s.toString()))
                        .query(Object.class).single();
            }
        });
        return seq;
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
