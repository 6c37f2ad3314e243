package org.rencontres.writing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The server owns the text: each update is checked by yjs on the server before it is stored or relayed,
 * the exports are made from the stored updates, and the server compacts them itself.
 *
 * <p>An incoming update must decode in full (random bytes and cut updates are refused without touching
 * anything), then is applied to the server's copy of the document (kept while browsers are connected
 * here): if it needs something that copy lacks even after catching up from the table (updates stored
 * through another instance), or if applying it fails, it is refused and the copy dropped (it is read
 * again from the table on next use). Only then is it stored, which a closed document refuses.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class ServerDocuments implements DisposableBean {

    /** What became of an update. */
    enum Outcome { STORED, MALFORMED, CLOSED }

    record Accepted(Outcome outcome, long seq) {
    }

    /** A document with more rows than this after its last snapshot is compacted. */
    static final int COMPACT_AFTER = 200;
    private static final Logger log = LoggerFactory.getLogger(ServerDocuments.class);

    private final WritingEngine engine;
    private final UpdateStore store;
    /** Per document ever used here: its lock and the number up to which the server's copy has every update. */
    private final Map<Long, Copy> copies = new ConcurrentHashMap<>();
    private final ExecutorService compactor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "writing-compactor");
        t.setDaemon(true);
        return t;
    });
    private final Map<Long, Boolean> compacting = new ConcurrentHashMap<>();

    private static final class Copy {
        final ReentrantLock lock = new ReentrantLock();
        long seq;
    }

    /**
     * Checks, stores and announces an update (see the class comment).
     *
     * @param notification the notification text for the other instances, given the stored bytes
     */
    Accepted accept(long documentId, byte[] update, Function<byte[], String> notification) {
        return acceptAll(documentId, List.of(update), notification).get(0);
    }

    /**
     * Checks, stores and announces a burst of updates of one document, in their order: each is checked on
     * its own (one refused does not refuse the others), then those accepted are stored in one transaction
     * (one numbering, one insert of all the rows, their notifications) and the outcomes returned in the
     * same order. A burst costs one commit, however many updates it holds.
     *
     * @param notification the notification text for the other instances, given the stored bytes
     */
    List<Accepted> acceptAll(long documentId, List<byte[]> updates, Function<byte[], String> notification) {
        Accepted[] outcomes = new Accepted[updates.size()];
        List<Integer> decoded = new ArrayList<>();
        for (int i = 0; i < updates.size(); i++) {
            try {
                engine.checkDecodes(documentId, updates.get(i));
                decoded.add(i);
            } catch (WritingEngine.MalformedUpdate e) {
                log.info("Writing: undecodable update refused on document {} ({})", documentId, e.getMessage());
                outcomes[i] = new Accepted(Outcome.MALFORMED, 0);
            }
        }
        Copy copy = copies.computeIfAbsent(documentId, id -> new Copy());
        copy.lock.lock();
        try {
            if (!engine.isOpen(documentId)) {
                reopen(documentId, copy, List.of());
            }
            List<Integer> applied = new ArrayList<>();
            for (int i : decoded) {
                if (applies(documentId, copy, updates.get(i))) {
                    applied.add(i);
                } else {
                    outcomes[i] = new Accepted(Outcome.MALFORMED, 0);
                    // The copy may hold part of it: read it again, with the updates of this burst accepted so far.
                    engine.drop(documentId);
                    reopen(documentId, copy, applied.stream().map(updates::get).toList());
                }
            }
            if (!applied.isEmpty()) {
                List<byte[]> kept = applied.stream().map(updates::get).toList();
                Optional<Long> first = store.appendAll(documentId, kept, kept.stream().map(notification).toList());
                for (int k = 0; k < applied.size(); k++) {
                    outcomes[applied.get(k)] = first.isPresent() ? new Accepted(Outcome.STORED, first.get() + k)
                            : new Accepted(Outcome.CLOSED, 0);
                }
                if (first.isEmpty()) {
                    engine.drop(documentId);   // it holds updates that were not stored
                } else if (first.get() == copy.seq + 1) {
                    copy.seq = first.get() + applied.size() - 1;
                }
            }
            return Arrays.asList(outcomes);
        } finally {
            copy.lock.unlock();
        }
    }

    /** Applies an update to the open copy, catching up from the table if it needs more; false when refused. */
    private boolean applies(long documentId, Copy copy, byte[] update) {
        try {
            boolean whole = engine.apply(documentId, update);
            if (!whole) {
                // Perhaps stored through another instance since: catch up, then look again.
                List<UpdateStore.Stored> rows = store.since(documentId, copy.seq);
                for (UpdateStore.Stored row : rows) {
                    whole = engine.apply(documentId, row.data());
                }
                copy.seq = last(rows, copy.seq);
            }
            if (!whole) {
                log.info("Writing: update refused on document {}: it refers to content that does not exist", documentId);
            }
            return whole;
        } catch (WritingEngine.MalformedUpdate e) {
            log.info("Writing: update refused on document {}, failing in yjs ({})", documentId, e.getMessage());
            return false;
        }
    }

    /** Opens the server's copy from the table, then applies updates accepted but not stored yet. */
    private void reopen(long documentId, Copy copy, List<byte[]> accepted) {
        List<UpdateStore.Stored> rows = store.since(documentId, 0);
        if (!engine.open(documentId, data(rows))) {
            log.warn("Writing: the stored updates of document {} leave something missing", documentId);
        }
        copy.seq = last(rows, 0);
        for (byte[] update : accepted) {
            try {
                engine.apply(documentId, update);
            } catch (WritingEngine.MalformedUpdate e) {
                throw new IllegalStateException("an update accepted once fails again: " + e.getMessage(), e);
            }
        }
    }

    /** Drops the server's copy of a document nobody edits here any more (it is read again on next use). */
    void forget(long documentId) {
        Copy copy = copies.get(documentId);
        if (copy == null) {
            return;
        }
        copy.lock.lock();
        try {
            engine.drop(documentId);
        } finally {
            copy.lock.unlock();
        }
    }

    /** The document's text as HTML, made from its stored updates. */
    String html(long documentId) {
        return EditorHtml.of(engine.text(data(store.since(documentId, 0))));
    }

    /** Compacts in the background when the document has many rows after its last snapshot. */
    void compactSoon(long documentId) {
        if (compacting.putIfAbsent(documentId, Boolean.TRUE) != null) {
            return;
        }
        compactor.execute(() -> {
            try {
                if (store.pending(documentId) > COMPACT_AFTER) {
                    compact(documentId);
                }
            } catch (RuntimeException e) {
                log.warn("Writing: document {} not compacted ({})", documentId, e.toString());
            } finally {
                compacting.remove(documentId);
            }
        });
    }

    /**
     * Replaces the stored updates by one snapshot that yjs makes here from them. The snapshot is made
     * outside any lock (it takes a while in the interpreter); it replaces the rows it was made of only if
     * no other snapshot was stored meanwhile.
     */
    boolean compact(long documentId) {
        List<UpdateStore.Stored> rows = store.since(documentId, 0);
        if (rows.size() < 2) {
            return false;
        }
        long upTo = last(rows, 0);
        long snapshotSeen = rows.stream().filter(UpdateStore.Stored::snapshot).mapToLong(UpdateStore.Stored::seq)
                .max().orElse(0);
        byte[] snapshot = engine.state(data(rows));
        boolean done = store.compact(documentId, upTo, snapshotSeen, snapshot);
        if (done) {
            log.debug("Writing: document {} compacted up to {} ({} rows)", documentId, upTo, rows.size());
        }
        return done;
    }

    private static List<byte[]> data(List<UpdateStore.Stored> rows) {
        return rows.stream().map(UpdateStore.Stored::data).toList();
    }

    private static long last(List<UpdateStore.Stored> rows, long otherwise) {
        return rows.isEmpty() ? otherwise : rows.get(rows.size() - 1).seq();
    }

    @Override
    public void destroy() {
        compactor.shutdownNow();
    }
}
