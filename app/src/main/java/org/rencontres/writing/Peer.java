package org.rencontres.writing;

import java.io.IOException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;

/** One browser connected to one document on this instance. */
final class Peer {

    private static final Logger log = LoggerFactory.getLogger(Peer.class);
    private static final int SEND_TIME_LIMIT_MILLIS = 10_000;
    private static final int BUFFER_LIMIT_BYTES = 16 * 1024 * 1024;

    final WebSocketSession session;
    final Access access;
    /** The Yjs awareness client id this browser announced, and its last clock (-1 before any). */
    volatile long awarenessClient = -1;
    volatile long awarenessClock = -1;
    /** Whether the document is closed (told by the hub when it closes; a reopening disconnects). */
    volatile boolean documentClosed;
    /** When the access was last checked (the handshake counts as a check). */
    volatile long accessCheckedAt = System.currentTimeMillis();

    Peer(WebSocketSession session, Access access) {
        this.session = new ConcurrentWebSocketSessionDecorator(session, SEND_TIME_LIMIT_MILLIS, BUFFER_LIMIT_BYTES);
        this.access = access;
        this.documentClosed = access.document().isClosed();
    }

    long documentId() {
        return access.document().id();
    }

    /** Ends the connection; the browser connects again and its access is checked again. */
    void disconnect() {
        try {
            session.close(CloseStatus.SERVICE_RESTARTED);
        } catch (IOException | RuntimeException e) {
            log.debug("Writing: connection {} not closed ({})", session.getId(), e.toString());
        }
    }

    /** Ends the connection of a browser that lost its access (it is told first, and does not come back). */
    void revoke() {
        try {
            session.close(new CloseStatus(4403, "access"));
        } catch (IOException | RuntimeException e) {
            log.debug("Writing: connection {} not closed ({})", session.getId(), e.toString());
        }
    }

    /** Sends, or closes this connection when it cannot keep up (the browser then connects again and catches up). */
    void send(WebSocketMessage<?> message) {
        if (!session.isOpen()) {
            return;
        }
        try {
            session.sendMessage(message);
        } catch (IOException | RuntimeException e) {
            log.debug("Writing: message to {} not sent ({})", session.getId(), e.toString());
            try {
                session.close(CloseStatus.SESSION_NOT_RELIABLE);
            } catch (IOException ignored) {
                // already closing
            }
        }
    }
}
