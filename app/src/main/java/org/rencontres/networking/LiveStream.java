package org.rencontres.networking;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The screens connected to this instance, by session, and what they are sent: the state on
 * connection, on each change announced by {@link LiveNotifications} (whichever instance made it),
 * when a running clock reaches the end of a phase (computed here from the database's time, so that
 * every instance switches at the same moment), a resynchronisation every 10 s in case a
 * notification was lost, and a heartbeat comment every 15 s that keeps proxies from closing the
 * stream. An event is sent only when the state differs from the last one sent (its id says which).
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class LiveStream implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LiveStream.class);
    static final Duration STREAM_TIMEOUT = Duration.ofMinutes(30);
    private static final long TICK_MILLIS = 250;
    private static final long RESYNC_MILLIS = 10_000;
    private static final long HEARTBEAT_MILLIS = 15_000;

    private final LiveSessions sessions;
    private final Map<Long, Screens> screens = new ConcurrentHashMap<>();
    private ScheduledExecutorService clock;
    private volatile boolean running;

    /** What a kind of screen is sent of a state. */
    enum View {
        /** The conductor's screens: every table of the current and next rounds. */
        FULL,
        /** Public: the clock only, or the clock and one participant's tables. */
        CLOCK
    }

    /** Connects a screen: it gets the current state at once, then every change. */
    SseEmitter subscribe(long sessionId, View view, String participantKey) {
        SseEmitter emitter = new SseEmitter(STREAM_TIMEOUT.toMillis());
        Screen screen = new Screen(emitter, state -> event(state, view, participantKey));
        Screens of = screens.compute(sessionId, (id, existing) -> {
            Screens s = existing == null ? new Screens() : existing;
            s.list.add(screen);
            return s;
        });
        Runnable remove = () -> of.list.remove(screen);
        emitter.onCompletion(remove);
        emitter.onTimeout(remove);
        emitter.onError(e -> remove.run());
        synchronized (of) {
            Optional<LiveState> state = sessions.state(sessionId);
            state.ifPresent(s -> {
                of.last = s;
                of.lastSeenNanos = System.nanoTime();
                send(of, screen, s);
            });
        }
        return emitter;
    }

    /** Sends the session's state to its screens on this instance, if it changed. */
    void changed(long sessionId) {
        Screens of = screens.get(sessionId);
        if (of == null || of.list.isEmpty()) {
            return;
        }
        synchronized (of) {
            Optional<LiveState> state;
            try {
                state = sessions.state(sessionId);
            } catch (RuntimeException e) {
                log.warn("Live session {}: state not read ({})", sessionId, e.getMessage());
                return;
            }
            if (state.isEmpty()) {
                return;
            }
            LiveState s = state.get();
            boolean differs = of.last == null || !key(of.last).equals(key(s));
            of.last = s;
            of.lastSeenNanos = System.nanoTime();
            if (differs) {
                for (Screen screen : of.list) {
                    send(of, screen, s);
                }
            }
        }
    }

    /** Every session with a screen here: after the notifications' connection came back, as some may be lost. */
    void changedAll() {
        screens.keySet().forEach(this::changed);
    }

    /** How many screens of that session are connected to this instance. */
    int screens(long sessionId) {
        Screens of = screens.get(sessionId);
        return of == null ? 0 : of.list.size();
    }

    private void send(Screens of, Screen screen, LiveState state) {
        try {
            screen.emitter.send(SseEmitter.event().id(key(state)).name("etat").reconnectTime(2000)
                    .data(screen.view.apply(state), MediaType.APPLICATION_JSON));
        } catch (IOException | IllegalStateException e) {
            of.list.remove(screen);
        }
    }

    private void tick() {
        long nowNanos = System.nanoTime();
        for (Map.Entry<Long, Screens> entry : screens.entrySet()) {
            Screens of = entry.getValue();
            if (of.list.isEmpty()) {
                screens.computeIfPresent(entry.getKey(), (id, s) -> s.list.isEmpty() ? null : s);
                continue;
            }
            LiveState last = of.last;
            long sinceMillis = (nowNanos - of.lastSeenNanos) / 1_000_000;
            boolean phaseOver = last != null && last.status() == LiveStatus.RUNNING && last.endsAt() != null
                    && !last.serverNow().plusMillis(sinceMillis).isBefore(last.endsAt());
            if (phaseOver || last == null || sinceMillis >= RESYNC_MILLIS) {
                changed(entry.getKey());
            }
        }
    }

    private void heartbeat() {
        for (Screens of : screens.values()) {
            for (Screen screen : of.list) {
                try {
                    screen.emitter.send(SseEmitter.event().comment("battement"));
                } catch (IOException | IllegalStateException e) {
                    of.list.remove(screen);
                }
            }
        }
    }

    /** What tells two states apart for a screen: a control (version), or the clock moving on by itself. */
    static String key(LiveState s) {
        return s.version() + "-" + s.status() + "-" + s.phase() + "-" + s.round();
    }

    /** The JSON a screen receives: times in milliseconds since the epoch, with the server's "now" to count from. */
    static Map<String, Object> event(LiveState s, View view, String participantKey) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("version", s.version());
        e.put("status", s.status().name());
        e.put("phase", s.phase().name());
        e.put("round", s.round());
        e.put("shownRound", s.shownRound());
        e.put("roundCount", s.roundCount());
        e.put("endsAt", millis(s.endsAt()));
        e.put("serverNow", millis(s.serverNow()));
        e.put("remainingMs", s.remainingMillis());
        e.put("nextStartsAt", millis(s.nextStartsAt()));
        if (view == View.FULL) {
            e.put("current", round(s.current(), true));
            e.put("next", round(s.next(), true));
        }
        if (participantKey != null) {
            Map<String, Object> seat = new LinkedHashMap<>();
            seat.put("now", table(tableOf(s.current(), participantKey), false));
            seat.put("next", table(tableOf(s.next(), participantKey), false));
            e.put("seat", seat);
        }
        return e;
    }

    private static Long millis(Instant t) {
        return t == null ? null : t.toEpochMilli();
    }

    private static Map<String, Object> round(LiveRound r, boolean withSeats) {
        if (r == null) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("number", r.number());
        m.put("tables", r.tables().stream().map(t -> table(t, withSeats)).toList());
        return m;
    }

    private static Map<String, Object> table(LiveTable t, boolean withSeats) {
        if (t == null) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", t.name());
        m.put("place", t.place());
        m.put("theme", t.theme());
        m.put("host", t.host());
        if (withSeats) {
            m.put("seats", t.seats().stream().map(LiveSeat::name).toList());
        }
        return m;
    }

    static LiveTable tableOf(LiveRound round, String key) {
        if (round == null) {
            return null;
        }
        return round.tables().stream().filter(t -> t.seats().stream().anyMatch(seat -> seat.key().equals(key)))
                .findFirst().orElse(null);
    }

    @Override
    public void start() {
        clock = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "networking-live-clock");
            t.setDaemon(true);
            return t;
        });
        clock.scheduleWithFixedDelay(this::safely, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
        clock.scheduleWithFixedDelay(this::heartbeat, HEARTBEAT_MILLIS, HEARTBEAT_MILLIS, TimeUnit.MILLISECONDS);
        running = true;
    }

    private void safely() {
        try {
            tick();
        } catch (RuntimeException e) {
            log.warn("Live screens: tick failed", e);
        }
    }

    /** Closes every stream, so that a stopping server is not held by them (browsers reconnect elsewhere). */
    @Override
    public void stop() {
        running = false;
        if (clock != null) {
            clock.shutdownNow();
        }
        for (Screens of : screens.values()) {
            for (Screen screen : List.copyOf(of.list)) {
                screen.emitter.complete();
            }
        }
        screens.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private static final class Screens {
        final List<Screen> list = new CopyOnWriteArrayList<>();
        volatile LiveState last;
        volatile long lastSeenNanos;
    }

    private record Screen(SseEmitter emitter, Function<LiveState, Object> view) {
    }
}
