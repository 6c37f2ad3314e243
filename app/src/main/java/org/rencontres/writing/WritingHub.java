package org.rencontres.writing;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.TextMessage;

/**
 * The browsers connected to this instance, per document, and the link to the other instances: an
 * update or a presence received here goes at once to the other browsers of this instance, and as a
 * PostgreSQL notification ({@value #CHANNEL}) to the other instances, which send it to theirs. A
 * notification carries the update when it fits in PostgreSQL's 8,000 bytes, else only its number
 * (the other instances read it from the table). {@link WritingNotifications} hands it what the other
 * instances send.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class WritingHub {

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
    private final Map<Long, Map<Long, Presence>> presences = new ConcurrentHashMap<>();

    /** A client's last presence and the name it was given. */
    private record Presence(String name, byte[] update) {
    }
    private final JdbcClient jdbc;
    private final UpdateStore store;

    private final tools.jackson.databind.json.JsonMapper json;

    void join(Peer peer) {
        peers.compute(peer.documentId(), (id, set) -> {
            Set<Peer> joined = set == null ? ConcurrentHashMap.newKeySet() : set;
            joined.add(peer);
            return joined;
        });
    }

    /** Removes the peer and tells the others that its presence has gone. */
    void leave(Peer peer) {
        if (peer.awarenessClient >= 0) {
            awareness(peer, Awareness.removal(peer.awarenessClient, peer.awarenessClock));
        }
        peers.computeIfPresent(peer.documentId(), (id, set) -> {
            set.remove(peer);
            if (set.isEmpty()) {
                presences.remove(id);
                return null;
            }
            return set;
        });
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
        if (entries.size() != 1) {
            return;
        }
        Awareness.Entry entry = entries.get(0);
        if (entry.json().equals("null")) {
            presences.computeIfPresent(documentId, (id, known) -> {
                known.remove(entry.clientId());
                return known;
            });
        } else {
            presences.computeIfAbsent(documentId, id -> new ConcurrentHashMap<>())
                    .put(entry.clientId(), new Presence(nameIn(entry.json()), update));
        }
    }

    private String nameIn(String state) {
        try {
            return json.readTree(state).path("user").path("name").asString(null);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * Whether a browser under that name may speak for that Yjs client id: not when another person's
     * browser, here or on another instance, already does (the same person reconnecting may).
     */
    boolean mayUse(long documentId, long clientId, String name) {
        Map<Long, Presence> known = presences.get(documentId);
        Presence p = known == null ? null : known.get(clientId);
        return p == null || p.name() == null || p.name().equals(name);
    }

    /** The presences known here, to a browser that has just caught up. */
    void presencesTo(Peer peer) {
        Map<Long, Presence> known = presences.get(peer.documentId());
        if (known != null) {
            known.forEach((client, presence) -> {
                if (client != peer.awarenessClient) {
                    peer.send(frame(AWARENESS, presence.update()));
                }
            });
        }
    }

    /** The document was closed: its browsers, here and elsewhere, send their last text and turn read-only. */
    void closed(long documentId) {
        announce(documentId, "c");
        toldClosed(documentId);
    }

    /**
     * The document was reopened (or its access changed): its browsers, here and elsewhere, are
     * disconnected and connect again, so that their access is decided afresh.
     */
    void reopened(long documentId) {
        announce(documentId, "r");
        disconnect(documentId);
    }

    private void toldClosed(long documentId) {
        TextMessage closed = new TextMessage("{\"t\":\"closed\"}");
        Set<Peer> set = peers.get(documentId);
        if (set != null) {
            set.forEach(p -> {
                p.documentClosed = true;
                p.send(closed);
            });
        }
    }

    private void disconnect(long documentId) {
        Set<Peer> set = peers.get(documentId);
        if (set != null) {
            set.forEach(Peer::disconnect);
        }
    }

    private void announce(long documentId, String kind) {
        try {
            jdbc.sql("SELECT pg_notify(?, ?)").params(CHANNEL, instance + " " + documentId + " " + kind + " 0")
                    .query(Object.class).single();
        } catch (RuntimeException e) {
            log.warn("Writing: document {} change not announced to the other instances ({})", documentId, e.toString());
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
    void heard(String payload) {
        String[] parts = payload.split(" ", 5);
        if (parts.length < 4 || parts[0].equals(instance)) {
            return;
        }
        long documentId = Long.parseLong(parts[1]);
        if (!peers.containsKey(documentId)) {
            return;
        }
        byte[] data = parts.length == 5 && !parts[4].isEmpty() ? Base64.getDecoder().decode(parts[4]) : null;
        if (parts[2].equals("c")) {
            toldClosed(documentId);
        } else if (parts[2].equals("r")) {
            disconnect(documentId);
        } else if (parts[2].equals("a") && data != null) {
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
    void resyncAll() {
        TextMessage resync = new TextMessage("{\"t\":\"resync\"}");
        peers.values().forEach(set -> set.forEach(p -> p.send(resync)));
    }
}
