package org.rencontres.writing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.TextMessage;
import tools.jackson.databind.json.JsonMapper;

/**
 * The updates received for each document, taken in bursts: the browsers' connections only queue what they
 * receive (in their order), and one task per document at a time takes everything queued so far and hands it
 * to {@link ServerDocuments#acceptAll} (each update checked, the accepted ones stored in one transaction),
 * then acknowledges each to its sender and relays it to this instance's other browsers. Under load a burst
 * grows, so a document with many writers costs one commit per burst instead of one per keystroke, and the
 * writers no longer queue on the document's lock one connection at a time.
 *
 * <p>Bounded: a document holds at most {@link #QUEUED_MAX} updates waiting; a connection that would queue more
 * waits (its browser's later messages wait in the network meanwhile). The tasks run on one thread per core,
 * a busy document giving way to the others after each burst.
 */
@Component
class UpdateBursts implements DisposableBean {

    /** Updates waiting per document at most, and the most taken in one burst. */
    static final int QUEUED_MAX = 2048;
    static final int BURST_MAX = 256;
    private static final Logger log = LoggerFactory.getLogger(UpdateBursts.class);

    /** An update received: who sent it, under which reference, and its bytes. */
    private record Received(Peer peer, long ref, byte[] update) {
    }

    /** A document's queue; {@code scheduled} while a task is taking from it or about to. */
    private static final class Lane {
        final Queue<Received> queue = new ConcurrentLinkedQueue<>();
        final Semaphore room = new Semaphore(QUEUED_MAX);
        final AtomicBoolean scheduled = new AtomicBoolean();
    }

    private final ServerDocuments server;
    private final WritingHub hub;
    private final JsonMapper json;
    private final Map<Long, Lane> lanes = new ConcurrentHashMap<>();
    private final ExecutorService workers;

    UpdateBursts(ServerDocuments server, WritingHub hub, JsonMapper json) {
        this.server = server;
        this.hub = hub;
        this.json = json;
        int threads = Math.max(2, Runtime.getRuntime().availableProcessors());
        this.workers = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "writing-updates");
            t.setDaemon(true);
            return t;
        });
    }

    /** Queues an update of the peer's document (waits while the document has {@link #QUEUED_MAX} waiting). */
    void submit(Peer peer, long ref, byte[] update) {
        Lane lane = lanes.computeIfAbsent(peer.documentId(), id -> new Lane());
        try {
            lane.room.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;   // not acknowledged: the browser sends it again after reconnecting
        }
        lane.queue.add(new Received(peer, ref, update));
        schedule(peer.documentId(), lane);
    }

    private void schedule(long documentId, Lane lane) {
        if (lane.scheduled.compareAndSet(false, true)) {
            workers.execute(() -> burst(documentId, lane));
        }
    }

    /** Takes what is queued (up to {@link #BURST_MAX}), then gives way: another task comes if more is queued. */
    private void burst(long documentId, Lane lane) {
        List<Received> taken = new ArrayList<>();
        try {
            Received r;
            while (taken.size() < BURST_MAX && (r = lane.queue.poll()) != null) {
                taken.add(r);
            }
            lane.room.release(taken.size());
            if (!taken.isEmpty()) {
                handle(documentId, taken);
            }
        } catch (RuntimeException e) {
            // Not acknowledged: their browsers are disconnected, connect again and send them again (as when
            // the handler of a connection fails).
            log.warn("Writing: updates of document {} not handled ({})", documentId, e.toString());
            taken.stream().map(Received::peer).distinct().forEach(Peer::disconnect);
        } finally {
            lane.scheduled.set(false);
            if (!lane.queue.isEmpty()) {
                schedule(documentId, lane);
            }
        }
    }

    private void handle(long documentId, List<Received> taken) {
        List<ServerDocuments.Accepted> outcomes = server.acceptAll(documentId,
                taken.stream().map(Received::update).toList(), stored -> hub.updateNotification(documentId, stored));
        boolean compact = false;
        for (int i = 0; i < taken.size(); i++) {
            Received r = taken.get(i);
            ServerDocuments.Accepted accepted = outcomes.get(i);
            switch (accepted.outcome()) {
                case MALFORMED -> r.peer().send(refused("malformed"));
                case CLOSED -> r.peer().send(refused("closed"));
                case STORED -> {
                    r.peer().send(new TextMessage(json.writeValueAsString(
                            Map.of("t", "ack", "ref", r.ref(), "seq", accepted.seq()))));
                    hub.updated(r.peer(), accepted.seq(), r.update());
                    compact |= accepted.seq() % 50 == 0;
                }
            }
        }
        if (compact) {
            server.compactSoon(documentId);
        }
    }

    private TextMessage refused(String reason) {
        return new TextMessage(json.writeValueAsString(Map.of("t", "refused", "reason", reason)));
    }

    /** Forgets the queue of a document nobody edits here any more (a new one is made on next use). */
    void forget(long documentId) {
        lanes.computeIfPresent(documentId, (id, lane) -> lane.queue.isEmpty() && !lane.scheduled.get() ? null : lane);
    }

    @Override
    public void destroy() {
        workers.shutdownNow();
    }
}
