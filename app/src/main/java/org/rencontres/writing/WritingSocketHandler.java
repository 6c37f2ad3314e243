package org.rencontres.writing;

import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.AbstractWebSocketHandler;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The collective-writing protocol on {@code /ecriture/ws/{id}}; the handshake ({@link WritingSocketConfiguration})
 * has already decided the connection's {@link Access}.
 *
 * <p>From the browser: text {@code {"t":"hello","since":n}} (send me every update after n) and
 * {@code {"t":"ping"}}; binary {@code [1][ref u32][update]} (check, store and relay this Yjs update, acknowledged
 * with {@code {"t":"ack","ref":…,"seq":…}}) and {@code [2][awareness]} (presence, relayed, never stored). From
 * the server: {@code {"t":"welcome",…}}, {@code [1][seq u64][update]}, {@code [4][seq u64][snapshot]} (stands for
 * every update up to seq), {@code {"t":"synced","seq":n}}, {@code [2][awareness]}, {@code {"t":"pong"}},
 * {@code {"t":"closed"}}, {@code {"t":"resync"}} and {@code {"t":"refused","reason":…}} (reasons: malformed,
 * closed, readonly, presence, snapshot, access, unknown).
 *
 * <p>The server owns the text ({@link ServerDocuments}): an update is stored and relayed only once yjs on the
 * server has applied it; the exports are made from the stored updates, the snapshots by the server. What
 * browsers used to send for those ({@code {"t":"content",…}} with their HTML, {@code [3][upTo][snapshot]}) decides
 * nothing: the first is ignored (pages loaded before the change still send it), the second refused.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class WritingSocketHandler extends AbstractWebSocketHandler {

    static final String ACCESS = "writing.access";
    /** The handshake's credentials checked again: a {@code Supplier<Optional<Access>>}. */
    static final String ACCESS_AGAIN = "writing.access.again";
    /** How often a connection's access is checked again, on the next message it sends (pings included). */
    static final long RECHECK_MILLIS = 15_000;
    private volatile long recheckMillis = RECHECK_MILLIS;
    /** A presence larger than this is refused (a name, a colour, a cursor and a highlight are far less). */
    private static final int PRESENCE_MAX_CHARS = 4096;
    private static final Logger log = LoggerFactory.getLogger(WritingSocketHandler.class);

    private final WritingHub hub;
    private final UpdateStore store;
    private final ServerDocuments server;
    private final UpdateBursts bursts;
    private final JsonMapper json;

    private static Peer peer(WebSocketSession session) {
        return (Peer) session.getAttributes().get(Peer.class.getName());
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) {
        Access access = (Access) session.getAttributes().get(ACCESS);
        Peer peer = new Peer(session, access);
        session.getAttributes().put(Peer.class.getName(), peer);
        hub.join(peer);
        Map<String, Object> welcome = new LinkedHashMap<>();
        welcome.put("t", "welcome");
        welcome.put("documentId", access.document().id());
        welcome.put("name", access.name());
        welcome.put("role", access.role().name());
        welcome.put("canEdit", access.canEdit());
        welcome.put("moderates", access.moderates());
        welcome.put("closed", access.document().isClosed());
        peer.send(text(welcome));
    }

    /**
     * Whether the connection may still do what its handshake allowed. Checked at most every
     * {@link #RECHECK_MILLIS} on an incoming message (browsers ping every 20 s): a participant whose
     * registration is withdrawn, or who is moved to another workshop, loses the document within that
     * time. The browser is told ("refused", reason "access") and the connection closed; it does not
     * connect again (the handshake would refuse it).
     */
    @SuppressWarnings("unchecked")
    private boolean stillAllowed(WebSocketSession session, Peer peer) {
        long now = System.currentTimeMillis();
        if (now - peer.accessCheckedAt < recheckMillis) {
            return true;
        }
        peer.accessCheckedAt = now;
        var again = (Supplier<Optional<Access>>) session.getAttributes().get(ACCESS_AGAIN);
        Optional<Access> current = again == null ? Optional.of(peer.access) : again.get();
        if (current.isPresent() && current.get().role() == peer.access.role()) {
            return true;
        }
        log.info("Writing: access to document {} withdrawn from {} ({})", peer.documentId(), peer.access.name(),
                peer.access.role());
        refuse(peer, "access");
        peer.revoke();
        return false;
    }

    /** Tests check access on every message (0), then put the interval back. */
    void recheckEvery(long millis) {
        recheckMillis = millis;
    }

    /** A message larger than the container's small buffer comes in parts, joined by {@link MessageParts}. */
    @Override
    public boolean supportsPartialMessages() {
        return true;
    }

    /** The connection's {@link MessageParts}; a message past its limit closes the connection (1009). */
    private static <T> T whole(WebSocketSession session, java.util.function.Function<MessageParts, T> join) {
        MessageParts parts = (MessageParts) session.getAttributes()
                .computeIfAbsent(MessageParts.class.getName(), k -> new MessageParts());
        try {
            return join.apply(parts);
        } catch (MessageParts.TooBig e) {
            try {
                session.close(CloseStatus.TOO_BIG_TO_PROCESS);
            } catch (java.io.IOException | RuntimeException closing) {
                log.debug("Writing: connection {} not closed ({})", session.getId(), closing.toString());
            }
            return null;
        }
    }

    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage message) {
        String received = whole(session, parts -> parts.text(message));
        if (received == null) {
            return;
        }
        Peer peer = peer(session);
        if (!stillAllowed(session, peer)) {
            return;
        }
        JsonNode node;
        try {
            node = json.readTree(received);
        } catch (RuntimeException e) {
            refuse(peer, "malformed");
            return;
        }
        String type = node.path("t").asString("");
        switch (type) {
            case "hello" -> sync(peer, Math.max(0, node.path("since").asLong(0)));
            case "content" -> {
                // The browser's own HTML of the text, from pages loaded before the server owned the text: ignored.
            }
            case "ping" -> peer.send(text(Map.of("t", "pong")));
            default -> refuse(peer, "unknown");
        }
    }

    private void sync(Peer peer, long since) {
        List<UpdateStore.Stored> updates = store.since(peer.documentId(), since);
        long last = since;
        for (UpdateStore.Stored u : updates) {
            peer.send(WritingHub.updateFrame(u));
            last = Math.max(last, u.seq());
        }
        peer.send(text(Map.of("t", "synced", "seq", last)));
        hub.presencesTo(peer);
    }

    @Override
    protected void handleBinaryMessage(WebSocketSession session, BinaryMessage message) {
        ByteBuffer payload = whole(session, parts -> parts.binary(message));
        if (payload == null) {
            return;
        }
        Peer peer = peer(session);
        if (!stillAllowed(session, peer)) {
            return;
        }
        if (!payload.hasRemaining()) {
            return;
        }
        byte type = payload.get();
        switch (type) {
            case WritingHub.UPDATE -> update(peer, payload);
            case WritingHub.AWARENESS -> awareness(peer, payload);
            // Snapshots are the server's to make (a browser's would replace the stored text with its own).
            case WritingHub.SNAPSHOT -> refuse(peer, "snapshot");
            default -> refuse(peer, "unknown");
        }
    }

    private void update(Peer peer, ByteBuffer payload) {
        if (payload.remaining() < 5) {
            refuse(peer, "malformed");
            return;
        }
        long ref = Integer.toUnsignedLong(payload.getInt());
        if (!peer.access.canEdit()) {
            refuse(peer, peer.access.document().isClosed() ? "closed" : "readonly");
            return;
        }
        if (peer.documentClosed) {
            refuse(peer, "closed");   // the store would refuse it too, after yjs had checked it for nothing
            return;
        }
        // Checked, stored, acknowledged and relayed with the other updates of its document received meanwhile.
        bursts.submit(peer, ref, bytes(payload));
    }

    private void awareness(Peer peer, ByteBuffer payload) {
        if (peer.access.role() == Access.Role.READER) {
            return;
        }
        if (peer.documentClosed) {
            // A closed document takes nothing, presence included (its browsers are read-only).
            refuse(peer, "closed");
            return;
        }
        byte[] update = bytes(payload);
        List<Awareness.Entry> entries;
        try {
            entries = Awareness.read(update);
        } catch (IllegalArgumentException e) {
            refuse(peer, "malformed");
            return;
        }
        for (Awareness.Entry entry : entries) {
            if (!mayClaim(peer, entry)) {
                refuse(peer, "presence");
                return;
            }
            peer.awarenessClient = entry.clientId();
            peer.awarenessClock = Math.max(peer.awarenessClock, entry.clock());
        }
        hub.awareness(peer, update);
    }

    /**
     * A browser speaks for itself only: one client id, not one that another person's browser already
     * uses, under the name the server gave it, with one of the eight colours; only moderators highlight.
     */
    private boolean mayClaim(Peer peer, Awareness.Entry entry) {
        if (peer.awarenessClient >= 0 && peer.awarenessClient != entry.clientId()) {
            return false;
        }
        if (entry.json().equals("null")) {
            return peer.awarenessClient == entry.clientId();
        }
        if (entry.json().length() > PRESENCE_MAX_CHARS
                || !hub.mayUse(peer.documentId(), entry.clientId(), peer.access.name())) {
            return false;
        }
        JsonNode state;
        try {
            state = json.readTree(entry.json());
        } catch (RuntimeException e) {
            return false;
        }
        if (!peer.access.name().equals(state.path("user").path("name").asString(null))) {
            return false;
        }
        JsonNode colour = state.path("user").path("color");
        if (!colour.isInt() || colour.asInt() < 0 || colour.asInt() > 7) {
            return false;
        }
        JsonNode highlight = state.path("highlight");
        return peer.access.moderates() || highlight.isMissingNode() || highlight.isNull();
    }

    private void refuse(Peer peer, String reason) {
        peer.send(text(Map.of("t", "refused", "reason", reason)));
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        Peer peer = peer(session);
        if (peer != null) {
            hub.leave(peer);
            if (hub.connected(peer.documentId()) == 0) {
                server.forget(peer.documentId());
                bursts.forget(peer.documentId());
            }
        }
    }

    @Override
    public void handleTransportError(WebSocketSession session, Throwable exception) {
        log.debug("Writing: connection {} broken ({})", session.getId(), exception.toString());
    }

    private TextMessage text(Map<String, ?> message) {
        return new TextMessage(json.writeValueAsString(message));
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }
}
