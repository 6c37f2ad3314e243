package org.rencontres.writing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * yjs itself, the browsers' CRDT, run on the server by GraalJS: the bundle {@code writing/yjs/yjs-server.js}
 * (built from npm by {@code tools/yjs-server/build.sh}, same yjs as the browsers') decodes and applies
 * updates and reads the text. No maintained Yjs implementation for the JVM exists on Maven Central, and
 * running yjs itself means the server reads exactly what the browsers write.
 *
 * <p>A GraalJS context runs one thread at a time: the open documents are spread over a few contexts (one
 * per core, at most four), each used under its own lock; rebuilding a whole document (exports, compaction),
 * which takes longer, has a context of its own, so that it never holds up the checking of updates. On a stock JDK GraalJS interprets (no JIT of the
 * JavaScript); docs/benchmarks.md has the figures. The engine and its contexts are made on first use (a
 * few seconds for the first): an instance where nobody writes never loads GraalJS, whose classes and heap
 * would otherwise take CPU from the start and tens of MiB of resident memory. With
 * {@code rencontres.writing.warm-up=true} the engine and a first context are made in the background when
 * the application starts instead (the tests do, so that the first editor need not wait).
 */
@Component
class WritingEngine implements SmartLifecycle {

    /** An update that is not one: undecodable, cut short, or failing when applied. */
    static final class MalformedUpdate extends Exception {
        MalformedUpdate(String message) {
            super(message);
        }
    }

    static final String BUNDLE = "writing/yjs/yjs-server.js";
    private static final Logger log = LoggerFactory.getLogger(WritingEngine.class);

    private final Shard[] shards = new Shard[Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()))];
    /** The context that rebuilds whole documents (exports, snapshots), apart from the open ones. */
    private Shard rebuilder;
    private Engine engine;
    private Source source;
    private volatile boolean running;
    private final boolean warmUp;

    WritingEngine(@org.springframework.beans.factory.annotation.Value("${rencontres.writing.warm-up:false}") boolean warmUp) {
        this.warmUp = warmUp;
    }

    /** One GraalJS context with the bundle loaded, and the documents it holds. */
    private final class Shard {
        private final Context context;
        private final Value api;
        private final Value bytesIn;
        private final Value bytesOut;

        Shard() {
            context = Context.newBuilder("js").engine(engine())
                    .allowHostAccess(HostAccess.newBuilder().allowBufferAccess(true).build()).build();
            context.eval(source);
            api = context.getBindings("js").getMember("RencontresYjs");
            // Bytes cross as ArrayBuffers over the Java byte arrays' buffers: one copy, no per-byte call.
            bytesIn = context.eval("js", "(b) => new Uint8Array(new ArrayBuffer(b))");
            bytesOut = context.eval("js", "(dst, src) => { new Uint8Array(new ArrayBuffer(dst)).set(src); }");
        }

        Value in(byte[] bytes) {
            return bytesIn.execute(ByteBuffer.wrap(bytes));
        }

        Value in(List<byte[]> updates) {
            Value array = context.eval("js", "[]");
            for (byte[] u : updates) {
                array.invokeMember("push", in(u));
            }
            return array;
        }

        byte[] out(Value uint8) {
            byte[] bytes = new byte[(int) uint8.getArraySize()];
            bytesOut.execute(ByteBuffer.wrap(bytes), uint8);
            return bytes;
        }

        Value call(String function, Object... arguments) throws MalformedUpdate {
            try {
                return api.getMember(function).execute(arguments);
            } catch (PolyglotException e) {
                if (e.isGuestException() && !e.isInternalError()) {
                    throw new MalformedUpdate(e.getMessage());
                }
                throw e;
            }
        }
    }

    private synchronized Engine engine() {
        if (engine == null) {
            // Stock JDKs run GraalJS in its interpreter; the warning says so on every start.
            engine = Engine.newBuilder("js").option("engine.WarnInterpreterOnly", "false").build();
            try (InputStream in = getClass().getClassLoader().getResourceAsStream(BUNDLE)) {
                if (in == null) {
                    throw new IllegalStateException(BUNDLE + " missing from the classpath");
                }
                source = Source.newBuilder("js", new String(in.readAllBytes(), StandardCharsets.UTF_8), "yjs-server.js")
                        .build();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return engine;
    }

    /** Whether the GraalJS engine has been made (by a first use, or by the warm-up). */
    synchronized boolean started() {
        return engine != null;
    }

    private Shard shard(long documentId) {
        int i = (int) Math.floorMod(documentId, (long) shards.length);
        synchronized (shards) {
            if (shards[i] == null) {
                shards[i] = new Shard();
            }
            return shards[i];
        }
    }

    private Shard rebuilder() {
        synchronized (shards) {
            if (rebuilder == null) {
                rebuilder = new Shard();
            }
            return rebuilder;
        }
    }

    private <T> T rebuilding(Work<T> work) {
        Shard shard = rebuilder();
        synchronized (shard) {
            try {
                return work.run(shard);
            } catch (MalformedUpdate e) {
                throw new IllegalStateException("stored updates unreadable: " + e.getMessage(), e);
            }
        }
    }

    private interface Work<T> {
        T run(Shard shard) throws MalformedUpdate;
    }

    private <T> T in(long documentId, Work<T> work) throws MalformedUpdate {
        Shard shard = shard(documentId);
        synchronized (shard) {
            return work.run(shard);
        }
    }

    private <T> T safely(long documentId, Work<T> work) {
        try {
            return in(documentId, work);
        } catch (MalformedUpdate e) {
            throw new IllegalStateException("stored updates of document " + documentId + " unreadable: " + e.getMessage(), e);
        }
    }

    /** Throws unless the bytes decode in full as a Yjs update (document untouched). */
    void checkDecodes(long documentId, byte[] update) throws MalformedUpdate {
        in(documentId, s -> s.call("decodes", s.in(update)));
    }

    /**
     * Opens the server's copy of a document from its stored updates.
     *
     * @return whether they make a whole document (nothing waiting for a missing update)
     */
    boolean open(long documentId, List<byte[]> updates) {
        return safely(documentId, s -> s.call("open", documentId, s.in(updates)).asBoolean());
    }

    boolean isOpen(long documentId) {
        return safely(documentId, s -> s.call("isOpen", documentId).asBoolean());
    }

    /**
     * Applies an update to the server's copy of an open document.
     *
     * @return whether the document is whole after it (false: it needs updates the copy does not have)
     * @throws MalformedUpdate when applying fails (the copy must then be dropped: it may be half applied)
     */
    boolean apply(long documentId, byte[] update) throws MalformedUpdate {
        return in(documentId, s -> s.call("apply", documentId, s.in(update)).asBoolean());
    }

    void drop(long documentId) {
        safely(documentId, s -> s.call("drop", documentId));
    }

    /** The document these updates make, as one update (a snapshot), garbage-collected. */
    byte[] state(List<byte[]> updates) {
        return rebuilding(s -> s.out(s.call("state", s.in(updates))));
    }

    /**
     * The editor's text in these updates (the Y.XmlFragment "prosemirror" that y-prosemirror binds) as
     * JSON: {@code {"n":node,"a":{attributes},"c":[children]}} per element, {@code {"t":text,"m":{marks}}}
     * per run of text.
     */
    String text(List<byte[]> updates) {
        return rebuilding(s -> s.call("text", s.in(updates)).asString());
    }

    /** With warm-up asked, makes the engine and a first context in the background; otherwise nothing until first use. */
    @Override
    public void start() {
        running = true;
        if (!warmUp) {
            return;
        }
        Thread warm = new Thread(() -> {
            long t = System.nanoTime();
            try {
                shard(0);
                log.info("Writing: yjs engine ready in {} ms", (System.nanoTime() - t) / 1_000_000);
            } catch (RuntimeException e) {
                log.warn("Writing: yjs engine not started ({})", e.toString());
            }
        }, "writing-engine-warmup");
        warm.setDaemon(true);
        warm.start();
    }

    @Override
    public void stop() {
        running = false;
        // The same order as shard(): the shards' lock, then the engine's.
        synchronized (shards) {
            for (int i = 0; i < shards.length; i++) {
                if (shards[i] != null) {
                    shards[i].context.close(true);
                    shards[i] = null;
                }
            }
            if (rebuilder != null) {
                rebuilder.context.close(true);
                rebuilder = null;
            }
            synchronized (this) {
                if (engine != null) {
                    engine.close(true);
                    engine = null;
                }
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
