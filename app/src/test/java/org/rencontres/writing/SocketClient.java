package org.rencontres.writing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A bare client of the writing WebSocket for tests: what arrives is queued, text as text, binary as bytes. */
final class SocketClient implements WebSocket.Listener, AutoCloseable {

    /** A frame received: text, or binary (first byte its type). */
    record Frame(String text, byte[] bytes) {
        boolean isText() {
            return text != null;
        }

        int type() {
            return bytes[0];
        }

        long seq() {
            return ByteBuffer.wrap(bytes, 1, 8).getLong();
        }

        byte[] payload() {
            byte[] p = new byte[bytes.length - 9];
            System.arraycopy(bytes, 9, p, 0, p.length);
            return p;
        }
    }

    final BlockingQueue<Frame> frames = new LinkedBlockingQueue<>();
    private final StringBuilder text = new StringBuilder();
    private ByteBuffer binary = ByteBuffer.allocate(0);
    private final WebSocket socket;
    volatile boolean closed;
    volatile int closeCode;
    private volatile boolean closeSent;

    SocketClient(int port, String path, String cookie) throws Exception {
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
        if (cookie != null) {
            builder.header("Cookie", "JSESSIONID=" + cookie);
        }
        socket = builder.buildAsync(URI.create("ws://localhost:" + port + path), this).get(20, TimeUnit.SECONDS);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        text.append(data);
        if (last) {
            frames.add(new Frame(text.toString(), null));
            text.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
        ByteBuffer joined = ByteBuffer.allocate(binary.remaining() + data.remaining());
        joined.put(binary).put(data).flip();
        binary = joined;
        if (last) {
            byte[] bytes = new byte[binary.remaining()];
            binary.get(bytes);
            frames.add(new Frame(null, bytes));
            binary = ByteBuffer.allocate(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closeCode = statusCode;
        closed = true;
        return null;
    }

    void hello(long since) {
        socket.sendText("{\"t\":\"hello\",\"since\":" + since + "}", true).join();
    }

    void sendText(String message) {
        socket.sendText(message, true).join();
    }

    void update(int ref, byte[] update) {
        ByteBuffer frame = ByteBuffer.allocate(5 + update.length);
        frame.put((byte) 1).putInt(ref).put(update).flip();
        socket.sendBinary(frame, true).join();
    }

    void snapshot(long upTo, byte[] snapshot) {
        ByteBuffer frame = ByteBuffer.allocate(9 + snapshot.length);
        frame.put((byte) 3).putLong(upTo).put(snapshot).flip();
        socket.sendBinary(frame, true).join();
    }

    void awareness(byte[] update) {
        ByteBuffer frame = ByteBuffer.allocate(1 + update.length);
        frame.put((byte) 2).put(update).flip();
        socket.sendBinary(frame, true).join();
    }

    /** The next frame that matches, skipping the others; fails after 20 s. */
    Frame next(Predicate<Frame> wanted) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < end) {
            Frame f = frames.poll(200, TimeUnit.MILLISECONDS);
            if (f != null && wanted.test(f)) {
                return f;
            }
        }
        throw new AssertionError("No such frame within 20 s");
    }

    Frame nextText(String contains) throws InterruptedException {
        return next(f -> f.isText() && f.text().contains(contains));
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Closes once: a second call (a test closing, then its try-with-resources) does nothing. */
    @Override
    public void close() {
        if (!closed && !closeSent) {
            closeSent = true;
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "").join();
        }
    }
}
