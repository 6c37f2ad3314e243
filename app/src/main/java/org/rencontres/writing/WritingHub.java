package org.rencontres.writing;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import org.rencontres.database.PostgresListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.TextMessage;

/**
 * The browsers connected to this instance, per document, and the link to the other instances: an
 * update or a presence received here goes at once to the other browsers of this instance, and as a
 * PostgreSQL notification ({@value #CHANNEL}) to the other instances, which send it to theirs. A
 * notification carries the update when it fits in PostgreSQL's 8,000 bytes, else only its number
 * (the other instances read it from the table).
 */
@Component
class WritingHub implements SmartLifecycle {

    static final String CHANNEL = "writing";
    static final byte UPDATE = 1;
    static final byte AWARENESS = 2;
    static final byte SNAPSHOT = 3;
    /** A stored snapshot sent to a browser: it stands for every update up to its number. */
    static final byte COVERING = 4;
    private static final int INLINE_LIMIT = 7000;
    private static final Logger log = LoggerFactory.getLogger(WritingHub.class);

    private final String instance = Keys.random();
    private final Map<Long, Set<Peer>> peers = new ConcurrentHashMap<>();
    /** The last presence of every client of the documents open here, whichever instance it came through. */
    private final Map<Long, Map<Long, byte[]>> presences = new ConcurrentHashMap<>();
    private final JdbcClient jdbc;
    private final UpdateStore store;
    private final PostgresListener listener;

    WritingHub(JdbcClient jdbc, UpdateStore store, DataSource dataSource) {
        this.jdbc = jdbc;
        this.store = store;
        this.listener = new PostgresListener(dataSource, CHANNEL, this::heard, this::resyncAll);
    }

    void join(Peer peer) {
        peers.computeIfAbsent(peer.documentId(), id -> ConcurrentHashMap.newKeySet()).add(peer);
    }

    /** Removes the peer and tells the others that its presence has gone. */
    void leave(Peer peer) {
        Set<Peer> set = peers.get(peer.documentId());
        if (set != null) {
            set.remove(peer);
            peers.computeIfPresent(peer.documentId(), (id, s) -> s.isEmpty() ? null : s);
            if (!peers.containsKey(peer.documentId())) {
                presences.remove(peer.documentId());
            }
        }
        if (peer.awarenessClient >= 0) {
            awareness(peer, Awareness.removal(peer.awarenessClient, peer.awarenessClock));
        }
    }

    int connected(long documentId) {
        Set<Peer> set = peers.get(documentId);
        return set == null ? 0 : set.size();
    }

    /** The notification text of an update, "{seq}" standing for its number (known once stored). */
    String updateNotification(long documentId, byte[] update) {
        String data = update.length * 4 / 3 + 4 < INLINE_LIMIT ? Base64.getEncoder().encodeToString(update) : "";
        return instance + " " + documentId + " u {seq} " + data;
    }

    /** A stored update: to the other browsers of this instance (the notification reaches the other instances). */
    void updated(Peer from, long seq, byte[] update) {
        local(from.documentId(), updateFrame(seq, update), from);
    }

    /** A presence change: to everyone else, here and on the other instances. */
    void awareness(Peer from, byte[] update) {
        remember(from.documentId(), update);
        local(from.documentId(), frame(AWARENESS, update), from);
        try {
            jdbc.sql("SELECT pg_notify(?, ?)").params(CHANNEL, instance + " " + from.documentId() + " a 0 "
                    + Base64.getEncoder().encodeToString(update)).query(Object.class).single();
        } catch (RuntimeException e) {
            log.debug("Writing: presence not announced ({})", e.toString());
        }
    }

    /** Keeps each client's last presence, so that a browser arriving later sees who is already there. */
    private void remember(long documentId, byte[] update) {
        List<Awareness.Entry> entries;
        try {
            entries = Awareness.read(update);
        } catch (IllegalArgumentException e) {
            return;
        }
        Map<Long, byte[]> known = presences.computeIfAbsent(documentId, id -> new ConcurrentHashMap<>());
        if (entries.size() == 1) {
            Awareness.Entry entry = entries.get(0);
            if (entry.json().equals("null")) {
                known.remove(entry.clientId());
            } else {
                known.put(entry.clientId(), update);
            }
        }
    }

    /** The presences known here, to a browser that has just caught up. */
    void presencesTo(Peer peer) {
        Map<Long, byte[]> known = presences.get(peer.documentId());
        if (known != null) {
            known.forEach((client, update) -> {
                if (client != peer.awarenessClient) {
                    peer.send(frame(AWARENESS, update));
                }
            });
        }
    }

    static BinaryMessage updateFrame(long seq, byte[] update) {
        return updateFrame(seq, update, false);
    }

    static BinaryMessage updateFrame(UpdateStore.Stored stored) {
        return updateFrame(stored.seq(), stored.data(), stored.snapshot());
    }

    private static BinaryMessage updateFrame(long seq, byte[] update, boolean snapshot) {
        ByteBuffer buffer = ByteBuffer.allocate(1 + 8 + update.length);
        buffer.put(snapshot ? COVERING : UPDATE).putLong(seq).put(update).flip();
        return new BinaryMessage(buffer);
    }

    private static BinaryMessage frame(byte type, byte[] payload) {
        ByteBuffer buffer = ByteBuffer.allocate(1 + payload.length);
        buffer.put(type).put(payload).flip();
        return new BinaryMessage(buffer);
    }

    private void local(long documentId, BinaryMessage message, Peer except) {
        Set<Peer> set = peers.get(documentId);
        if (set == null) {
            return;
        }
        for (Peer p : set) {
            if (p != except) {
                p.send(new BinaryMessage(message.getPayload().duplicate()));
            }
        }
    }

    /** A notification from PostgreSQL: "instance document kind seq data". */
    private void heard(String payload) {
        String[] parts = payload.split(" ", 5);
        if (parts.length < 4 || parts[0].equals(instance)) {
            return;
        }
        long documentId = Long.parseLong(parts[1]);
        if (!peers.containsKey(documentId)) {
            return;
        }
        byte[] data = parts.length == 5 && !parts[4].isEmpty() ? Base64.getDecoder().decode(parts[4]) : null;
        if (parts[2].equals("a") && data != null) {
            remember(documentId, data);
            local(documentId, frame(AWARENESS, data), null);
        } else if (parts[2].equals("u")) {
            long seq = Long.parseLong(parts[3]);
            if (data != null) {
                local(documentId, updateFrame(seq, data), null);
            } else {
                store.atLeast(documentId, seq).ifPresent(s -> local(documentId, updateFrame(s), null));
            }
        }
    }

    /** After the listening connection was lost: every browser here asks again for what it may have missed. */
    private void resyncAll() {
        TextMessage resync = new TextMessage("{\"t\":\"resync\"}");
        peers.values().forEach(set -> set.forEach(p -> p.send(resync)));
    }

    @Override
    public void start() {
        listener.start();
    }

    @Override
    public void stop() {
        listener.stop();
    }

    @Override
    public boolean isRunning() {
        return listener.isRunning();
    }

    /** Closes the listening connection as a network failure would (tests). */
    void dropListenerConnection() throws java.sql.SQLException {
        listener.dropConnection();
    }
}
