package org.rencontres.networking;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.rencontres.audit.AuditTrail;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The live run of a rotation's plan: its snapshot and its clock, kept in {@code networking_live}
 * so that any application instance serves the same session and a restarted one takes it up where
 * it was. Each control is one transaction on the session's row (locked with {@code FOR UPDATE},
 * version + 1), timed by the database's clock, written to the audit trail and announced to every
 * instance with {@code pg_notify} on channel {@value #CHANNEL} (delivered at commit).
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class LiveSessions {

    /** The PostgreSQL channel that carries the id of a session whose state changed. */
    static final String CHANNEL = "networking_live";
    static final int MAX_ADDED_SECONDS = 3600;

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final AuditTrail audit;
    private final Map<Long, ParsedPlan> plans = new ConcurrentHashMap<>();

    /**
     * Sets the plan a session will run, clock not started; replaces an earlier plan unless the
     * session is running or paused.
     *
     * @throws LiveRefusal while the session is running or paused ({@code live.refused.running})
     */
    @Transactional
    public void prepare(long sessionId, long dayId, LivePlan plan) {
        String text = json.writeValueAsString(plan);
        int written = jdbc.sql("""
                INSERT INTO networking_live (session_id, event_day_id, plan, round_count, round_seconds,
                    changeover_seconds, status, phase, round)
                VALUES (?, ?, CAST(? AS jsonb), ?, ?, ?, 'NOT_STARTED', 'ROUND', 0)
                ON CONFLICT (session_id) DO UPDATE SET event_day_id = EXCLUDED.event_day_id, plan = EXCLUDED.plan,
                    round_count = EXCLUDED.round_count, round_seconds = EXCLUDED.round_seconds,
                    changeover_seconds = EXCLUDED.changeover_seconds, status = 'NOT_STARTED', phase = 'ROUND',
                    round = 0, phase_ends_at = NULL, remaining_ms = NULL, version = networking_live.version + 1,
                    updated_at = clock_timestamp()
                WHERE networking_live.status NOT IN ('RUNNING', 'PAUSED')""")
                .params(sessionId, dayId, text, plan.rounds().size(), plan.roundSeconds(), plan.changeoverSeconds())
                .update();
        if (written != 1) {
            throw new LiveRefusal("live.refused.running");
        }
        notifyChanged(sessionId);
    }

    /**
     * Replaces the rounds still to come with those of {@code plan}, keeping the clock (status, round,
     * phase, end of the phase) and the first {@code keptRounds} rounds as they are; screens and
     * personal pages are told. Returns false, changing nothing, when the clock has already reached a
     * round beyond {@code keptRounds} (it moved on while the re-plan was computed) or the session is
     * finished. Without a prepared session, there is nothing to update (true).
     */
    @Transactional
    public boolean replan(long sessionId, LivePlan plan, int keptRounds, LiveActor who) {
        Optional<Row> locked = jdbc.sql("SELECT l.*, clock_timestamp() AS now FROM networking_live l"
                        + " WHERE session_id = ? FOR UPDATE")
                .param(sessionId).query((rs, n) -> row(rs)).optional();
        if (locked.isEmpty()) {
            return true;
        }
        Row row = locked.get();
        Instant now = jdbc.sql("SELECT clock_timestamp()").query((rs, n) -> instant(rs, 1)).single();
        LiveClock clock = row.clock().at(now);
        boolean started = clock.status() == LiveStatus.RUNNING || clock.status() == LiveStatus.PAUSED;
        if (clock.status() == LiveStatus.FINISHED || (started && clock.shownRound() > keptRounds)
                || plan.rounds().size() != clock.roundCount()) {
            return false;
        }
        LivePlan before = plan(sessionId, row.planText());
        List<LiveRound> rounds = new ArrayList<>();
        for (int r = 0; r < plan.rounds().size(); r++) {
            rounds.add(r < keptRounds && r < before.rounds().size() ? before.rounds().get(r) : plan.rounds().get(r));
        }
        LivePlan after = new LivePlan(before.roundSeconds(), before.changeoverSeconds(), rounds);
        jdbc.sql("""
                UPDATE networking_live SET plan = CAST(? AS jsonb), version = version + 1, updated_at = clock_timestamp()
                WHERE session_id = ?""")
                .params(json.writeValueAsString(after), sessionId).update();
        audit.record(row.dayId(), who.accountId(), who.name(), "networking", "live.replanned",
                "Rotations à venir remplacées par le nouveau plan (à partir du tour " + (keptRounds + 1) + ")");
        notifyChanged(sessionId);
        return true;
    }

    /** Starts round 1 now. */
    @Transactional
    public LiveState start(long sessionId, LiveActor who) {
        return control(sessionId, who, "live.started", (clock, now) -> clock.start(now));
    }

    /** Stops the clock, keeping what is left of the round or changeover. */
    @Transactional
    public LiveState pause(long sessionId, LiveActor who) {
        return control(sessionId, who, "live.paused", (clock, now) -> clock.pause(now));
    }

    /** Sets the clock running again with the time it had left. */
    @Transactional
    public LiveState resume(long sessionId, LiveActor who) {
        return control(sessionId, who, "live.resumed", (clock, now) -> clock.resume(now));
    }

    /** Starts the next round now (paused, it stays paused at a full round); after the last one, finishes. */
    @Transactional
    public LiveState nextRound(long sessionId, LiveActor who) {
        return control(sessionId, who, "live.next", (clock, now) -> clock.nextRound(now));
    }

    /** Gives the current round or changeover that many more seconds (1 to 3600). */
    @Transactional
    public LiveState addTime(long sessionId, LiveActor who, int seconds) {
        return control(sessionId, who, "live.time.added", (clock, now) -> clock.addTime(seconds));
    }

    /** The session's state now, by the database's clock; empty when no plan was prepared for it. */
    @Transactional(readOnly = true)
    public Optional<LiveState> state(long sessionId) {
        return jdbc.sql("SELECT l.*, clock_timestamp() AS now FROM networking_live l WHERE session_id = ?")
                .param(sessionId)
                .query((rs, n) -> {
                    Row row = row(rs);
                    return stateOf(row, row.clock().at(instant(rs, "now")), instant(rs, "now"));
                })
                .optional();
    }

    /** Where that participant sits now (or goes, during a changeover) and next; empty if the plan does not know them. */
    @Transactional(readOnly = true)
    public Optional<LiveSeatNow> seatOf(long sessionId, String key) {
        return state(sessionId).flatMap(state -> {
            LivePlan plan = plan(sessionId);
            Optional<String> name = plan.rounds().stream().flatMap(r -> r.tables().stream())
                    .flatMap(t -> t.seats().stream()).filter(s -> s.key().equals(key)).map(LiveSeat::name).findFirst();
            return name.map(n -> new LiveSeatNow(key, n, tableOf(state.current(), key), tableOf(state.next(), key),
                    state));
        });
    }

    private static LiveTable tableOf(LiveRound round, String key) {
        if (round == null) {
            return null;
        }
        return round.tables().stream().filter(t -> t.seats().stream().anyMatch(s -> s.key().equals(key)))
                .findFirst().orElse(null);
    }

    private LiveState control(long sessionId, LiveActor who, String action,
                              BiFunction<LiveClock, Instant, LiveClock> change) {
        Row row = jdbc.sql("SELECT l.*, clock_timestamp() AS now FROM networking_live l WHERE session_id = ? FOR UPDATE")
                .param(sessionId).query((rs, n) -> row(rs)).optional()
                .orElseThrow(() -> new LiveRefusal("live.refused.none"));
        // Taken after the lock: a control that waited for another one is timed when it acts.
        Instant now = jdbc.sql("SELECT clock_timestamp()").query((rs, n) -> instant(rs, 1)).single();
        LiveClock after = change.apply(row.clock().at(now), now);
        jdbc.sql("""
                UPDATE networking_live SET status = ?, phase = ?, round = ?, phase_ends_at = ?, remaining_ms = ?,
                    version = version + 1, updated_at = clock_timestamp()
                WHERE session_id = ?""")
                .params(after.status().name(), after.phase().name(), after.round(),
                        after.endsAt() == null ? null : OffsetDateTime.ofInstant(after.endsAt(), ZoneOffset.UTC),
                        after.remainingMillis(), sessionId)
                .update();
        audit.record(row.dayId(), who.accountId(), who.name(), "networking", action,
                describe(action, after, now));
        notifyChanged(sessionId);
        return stateOf(new Row(sessionId, row.dayId(), row.version() + 1, row.planText(), after), after, now);
    }

    private static String describe(String action, LiveClock c, Instant now) {
        String what = switch (action) {
            case "live.started" -> "Speed dating démarré";
            case "live.paused" -> "Speed dating mis en pause";
            case "live.resumed" -> "Speed dating repris";
            case "live.next" -> "Passage au tour suivant";
            default -> "Temps ajouté";
        };
        if (c.status() == LiveStatus.FINISHED) {
            return what + " : speed dating terminé";
        }
        long seconds = (c.remainingAt(now) + 999) / 1000;
        return what + " : tour " + c.shownRound() + " sur " + c.roundCount()
                + (c.phase() == LivePhase.CHANGEOVER ? " (changement de table)" : "")
                + ", reste " + seconds / 60 + " min " + String.format("%02d", seconds % 60) + " s";
    }

    private void notifyChanged(long sessionId) {
        jdbc.sql("SELECT pg_notify(?, ?)").params(CHANNEL, String.valueOf(sessionId)).query((rs, n) -> 1).list();
    }

    private LiveState stateOf(Row row, LiveClock clock, Instant now) {
        LivePlan plan = plan(row.sessionId(), row.planText());
        int shown = clock.shownRound();
        LiveRound current = round(plan, shown);
        LiveRound next = shown == 0 ? null : round(plan, shown + 1);
        return new LiveState(row.sessionId(), row.dayId(), row.version(), clock.status(), clock.phase(),
                clock.round(), clock.roundCount(), clock.roundSeconds(), clock.changeoverSeconds(),
                clock.status() == LiveStatus.RUNNING ? clock.endsAt() : null, clock.remainingAt(now), now,
                clock.nextStartsAt(), current, next);
    }

    private static LiveRound round(LivePlan plan, int number) {
        return number >= 1 && number <= plan.rounds().size() ? plan.rounds().get(number - 1) : null;
    }

    private LivePlan plan(long sessionId) {
        String text = jdbc.sql("SELECT plan::text FROM networking_live WHERE session_id = ?").param(sessionId)
                .query(String.class).single();
        return plan(sessionId, text);
    }

    /** The plan read from its JSON, kept while the text is the same (it changes only on prepare). */
    private LivePlan plan(long sessionId, String text) {
        ParsedPlan cached = plans.get(sessionId);
        if (cached != null && Objects.equals(cached.text(), text)) {
            return cached.plan();
        }
        LivePlan plan = json.readValue(text, LivePlan.class);
        plans.put(sessionId, new ParsedPlan(text, plan));
        return plan;
    }

    private static Row row(ResultSet rs) throws SQLException {
        Long remaining = rs.getObject("remaining_ms") == null ? null : rs.getLong("remaining_ms");
        LiveClock clock = new LiveClock(LiveStatus.valueOf(rs.getString("status")),
                LivePhase.valueOf(rs.getString("phase")), rs.getInt("round"), instant(rs, "phase_ends_at"),
                remaining, rs.getInt("round_count"), rs.getInt("round_seconds"), rs.getInt("changeover_seconds"));
        return new Row(rs.getLong("session_id"), rs.getLong("event_day_id"), rs.getLong("version"),
                rs.getString("plan"), clock);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    private record Row(long sessionId, long dayId, long version, String planText, LiveClock clock) {
    }

    private record ParsedPlan(String text, LivePlan plan) {
    }
}
