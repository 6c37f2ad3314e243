package org.rencontres.writing;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;

import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.TextMessage;

/**
 * The parts of the messages of one connection, joined. The WebSocket container gives each connection a receive
 * buffer of {@link WritingSocketConfiguration#RECEIVE_BUFFER_BYTES} and hands a message larger than that in parts
 * ({@link WritingSocketHandler#supportsPartialMessages()}); a buffer as large as the largest message allowed was
 * allocated for every connection as soon as it opened (8 MiB of bytes and 2 Mi characters: 12 MiB of heap per
 * browser, whether it ever sent more than a keystroke). Here a message costs only its own size, and only while it
 * arrives. Used by one connection's thread at a time (the container delivers a connection's messages in order).
 */
final class MessageParts {

    /** The largest binary message taken (a pasted document, a long update). */
    static final int BINARY_MAX_BYTES = 8 * 1024 * 1024;
    /** The largest text message taken, in characters. */
    static final int TEXT_MAX_CHARS = 2 * 1024 * 1024;

    private ByteArrayOutputStream binary;
    private StringBuilder text;

    /** A message past its limit: the connection is closed (1009, as the container did). */
    static final class TooBig extends RuntimeException {
        TooBig() {
            super("message too big", null, false, false);
        }
    }

    /** The whole binary message once its last part is in, else null. A message in one part is not copied. */
    ByteBuffer binary(BinaryMessage part) {
        ByteBuffer payload = part.getPayload();
        if (binary == null && part.isLast()) {
            return payload;
        }
        if (binary == null) {
            binary = new ByteArrayOutputStream(Math.max(1024, payload.remaining() * 2));
        }
        if ((long) binary.size() + payload.remaining() > BINARY_MAX_BYTES) {
            binary = null;
            throw new TooBig();
        }
        byte[] bytes = new byte[payload.remaining()];
        payload.get(bytes);
        binary.write(bytes, 0, bytes.length);
        if (!part.isLast()) {
            return null;
        }
        ByteBuffer whole = ByteBuffer.wrap(binary.toByteArray());
        binary = null;
        return whole;
    }

    /** The whole text message once its last part is in, else null. */
    String text(TextMessage part) {
        if (text == null && part.isLast()) {
            return part.getPayload();
        }
        if (text == null) {
            text = new StringBuilder();
        }
        if ((long) text.length() + part.getPayloadLength() > TEXT_MAX_CHARS) {
            text = null;
            throw new TooBig();
        }
        text.append(part.getPayload());
        if (!part.isLast()) {
            return null;
        }
        String whole = text.toString();
        text = null;
        return whole;
    }
}
