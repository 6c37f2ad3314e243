package org.rencontres.networking;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.rencontres.networking.RotationData.Member;
import org.rencontres.networking.RotationData.PlanStatus;
import org.rencontres.networking.RotationData.Presence;
import org.rencontres.networking.RotationData.RoomTable;
import org.rencontres.networking.RotationData.SeatRow;
import org.rencontres.networking.RotationData.Settings;
import org.rencontres.planner.rotation.RotationMetrics;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** SQL of a rotation's set-up, participants and plan (tables networking_table, _participant, _plan, _seat). */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class RotationStore {

    /** First key of the advisory lock: "the set-up and plan of rotation n". */
    private static final int PLAN_LOCK = 4_0502;

    /** A generation that has run this long was lost with its instance: it may be started again. */
    static final Duration STALE_GENERATION = Duration.ofMinutes(10);

    private final JdbcClient jdbc;

    /** Serialises the changes to one rotation's set-up and plan, until the transaction ends. */
    void lock(long sessionId) {
        jdbc.sql("SELECT pg_advisory_xact_lock(?, ?)").params(PLAN_LOCK, (int) sessionId).query((rs, n) -> 1).list();
    }

    // ---- settings ----

    Settings settings(NetworkingSession session) {
        return jdbc.sql("""
                SELECT rotation_minutes, changeover_minutes, rounds_chosen, table_once, separate_organisations
                FROM networking_session WHERE id = ?""")
                .param(session.id())
                .query((rs, n) -> new Settings(rs.getObject("rotation_minutes") == null ? session.rotationMaxMinutes()
                        : rs.getInt("rotation_minutes"), rs.getInt("changeover_minutes"),
                        (Integer) rs.getObject("rounds_chosen"), rs.getBoolean("table_once"),
                        rs.getBoolean("separate_organisations")))
                .single();
    }

    void saveSettings(long sessionId, Settings s) {
        jdbc.sql("""
                UPDATE networking_session SET rotation_minutes = ?, changeover_minutes = ?, rounds_chosen = ?,
                    table_once = ?, separate_organisations = ? WHERE id = ?""")
                .params(s.rotationMinutes(), s.changeoverMinutes(), s.roundsChosen(), s.tableOnce(),
                        s.separateOrganisations(), sessionId)
                .update();
    }

    // ---- tables ----

    List<RoomTable> tables(long sessionId) {
        return jdbc.sql("SELECT * FROM networking_table WHERE session_id = ? ORDER BY position, id")
                .param(sessionId).query(RotationStore::table).list();
    }

    Optional<RoomTable> table(long sessionId, long tableId) {
        return jdbc.sql("SELECT * FROM networking_table WHERE session_id = ? AND id = ?")
                .params(sessionId, tableId).query(RotationStore::table).optional();
    }

    boolean tableNameTaken(long sessionId, String name, Long exceptTableId) {
        return jdbc.sql("SELECT count(*) FROM networking_table WHERE session_id = ? AND lower(name) = lower(?)"
                        + " AND id <> ?")
                .params(sessionId, name, exceptTableId == null ? -1L : exceptTableId).query(Long.class).single() > 0;
    }

    long addTable(long sessionId, RoomTable t) {
        return jdbc.sql("""
                INSERT INTO networking_table (session_id, name, place, capacity, host_person_id, host_name, theme, position)
                VALUES (?, ?, ?, ?, ?, ?, ?, (SELECT coalesce(max(position) + 1, 0) FROM networking_table WHERE session_id = ?))
                RETURNING id""")
                .params(sessionId, t.name(), t.place(), t.capacity(), t.hostPersonId(), t.hostName(), t.theme(), sessionId)
                .query(Long.class).single();
    }

    void updateTable(long sessionId, RoomTable t) {
        jdbc.sql("""
                UPDATE networking_table SET name = ?, place = ?, capacity = ?, host_person_id = ?, host_name = ?, theme = ?
                WHERE session_id = ? AND id = ?""")
                .params(t.name(), t.place(), t.capacity(), t.hostPersonId(), t.hostName(), t.theme(), sessionId, t.id())
                .update();
    }

    void removeTable(long sessionId, long tableId) {
        jdbc.sql("DELETE FROM networking_table WHERE session_id = ? AND id = ?").params(sessionId, tableId).update();
    }

    private static RoomTable table(ResultSet rs, int n) throws SQLException {
        return new RoomTable(rs.getLong("id"), rs.getString("name"), rs.getString("place"), rs.getInt("capacity"),
                (Long) rs.getObject("host_person_id"), rs.getString("host_name"), rs.getString("theme"),
                rs.getInt("position"));
    }

    // ---- participants ----

    List<Member> members(long sessionId) {
        return jdbc.sql("""
                SELECT id, name, organisation, registration_id FROM networking_participant WHERE session_id = ?
                ORDER BY lower(name), id""")
                .param(sessionId)
                .query((rs, n) -> new Member(rs.getLong("id"), rs.getString("name"), rs.getString("organisation"),
                        (Long) rs.getObject("registration_id")))
                .list();
    }

    Optional<Member> member(long sessionId, long participantId) {
        return members(sessionId).stream().filter(m -> m.id() == participantId).findFirst();
    }

    long addMember(long sessionId, String name, String organisation, Long registrationId) {
        return jdbc.sql("""
                INSERT INTO networking_participant (session_id, name, organisation, registration_id)
                VALUES (?, ?, ?, ?) RETURNING id""")
                .params(sessionId, name, organisation, registrationId).query(Long.class).single();
    }

    boolean hasRegistration(long sessionId, long registrationId) {
        return jdbc.sql("SELECT count(*) FROM networking_participant WHERE session_id = ? AND registration_id = ?")
                .params(sessionId, registrationId).query(Long.class).single() > 0;
    }

    void removeMember(long sessionId, long participantId) {
        jdbc.sql("DELETE FROM networking_participant WHERE session_id = ? AND id = ?")
                .params(sessionId, participantId).update();
    }

    // ---- on the day ----

    /** Arrivals, departures and cards to reprint, by participant id. */
    Map<Long, Presence> presences(long sessionId) {
        Map<Long, Presence> result = new HashMap<>();
        jdbc.sql("SELECT id, arrives_round, leaves_round, reprint FROM networking_participant WHERE session_id = ?")
                .param(sessionId)
                .query(rs -> {
                    result.put(rs.getLong("id"), new Presence(rs.getLong("id"),
                            (Integer) rs.getObject("arrives_round"), (Integer) rs.getObject("leaves_round"),
                            rs.getBoolean("reprint")));
                });
        return result;
    }

    long addLateMember(long sessionId, String name, String organisation, int arrivesRound) {
        return addLateMember(sessionId, name, organisation, arrivesRound, null);
    }

    long addLateMember(long sessionId, String name, String organisation, int arrivesRound, Long registrationId) {
        return jdbc.sql("""
                INSERT INTO networking_participant (session_id, name, organisation, arrives_round, registration_id)
                VALUES (?, ?, ?, ?, ?) RETURNING id""")
                .params(sessionId, name, organisation, arrivesRound, registrationId).query(Long.class).single();
    }

    void setLeaves(long sessionId, long participantId, Integer leavesRound) {
        jdbc.sql("UPDATE networking_participant SET leaves_round = ? WHERE session_id = ? AND id = ?")
                .params(leavesRound, sessionId, participantId).update();
    }

    void setReprint(long sessionId, Collection<Long> participantIds, boolean reprint) {
        for (long id : participantIds) {
            jdbc.sql("UPDATE networking_participant SET reprint = ? WHERE session_id = ? AND id = ?")
                    .params(reprint, sessionId, id).update();
        }
    }

    /** Replaces the seats of the rounds from {@code fromRound} on; earlier rounds stay as they are. */
    void replaceSeatsFrom(long sessionId, int fromRound, List<SeatRow> seats) {
        jdbc.sql("DELETE FROM networking_seat WHERE session_id = ? AND round >= ?").params(sessionId, fromRound)
                .update();
        for (SeatRow s : seats) {
            if (s.round() >= fromRound) {
                jdbc.sql("INSERT INTO networking_seat (session_id, round, table_id, participant_id) VALUES (?, ?, ?, ?)")
                        .params(sessionId, s.round(), s.tableId(), s.participantId()).update();
            }
        }
    }

    // ---- plan ----

    PlanStatus status(long sessionId) {
        return jdbc.sql("SELECT * FROM networking_plan WHERE session_id = ?").param(sessionId)
                .query((rs, n) -> new PlanStatus(rs.getString("state"), rs.getInt("generation"), rs.getString("message"),
                        instant(rs, "started_at"), instant(rs, "finished_at"), (Integer) rs.getObject("rounds"),
                        (Integer) rs.getObject("hard_violations"), (Long) rs.getObject("repeat_pairs"),
                        (Long) rs.getObject("lower_bound_repeat_pairs"), (Integer) rs.getObject("max_meetings"),
                        (Integer) rs.getObject("distinct_met_min"), (Double) rs.getObject("distinct_met_mean"),
                        (Integer) rs.getObject("upper_bound_distinct_met"), (Long) rs.getObject("elapsed_millis"),
                        instant(rs, "published_at"), rs.getString("published_by")))
                .optional().orElse(PlanStatus.NONE);
    }

    /**
     * Marks the plan as being generated, unless a generation is already running (and not lost):
     * returns the new generation number, or empty when another run holds it.
     */
    Optional<Integer> claimGeneration(long sessionId, Long accountId, String actor) {
        jdbc.sql("INSERT INTO networking_plan (session_id, state) VALUES (?, 'NONE') ON CONFLICT DO NOTHING")
                .param(sessionId).update();
        return jdbc.sql("""
                UPDATE networking_plan SET state = 'GENERATING', generation = generation + 1, message = NULL,
                    requested_by_account = ?, requested_by = ?, started_at = now(), finished_at = NULL
                WHERE session_id = ? AND published_at IS NULL
                  AND (state <> 'GENERATING' OR started_at < now() - make_interval(secs => ?))
                RETURNING generation""")
                .params(accountId, actor, sessionId, STALE_GENERATION.toSeconds())
                .query(Integer.class).optional();
    }

    /** Who asked for the running generation: (account id, name). */
    Object[] requester(long sessionId) {
        return jdbc.sql("SELECT requested_by_account, requested_by FROM networking_plan WHERE session_id = ?")
                .param(sessionId).query((rs, n) -> new Object[] {rs.getObject(1), rs.getString(2)}).single();
    }

    /** Forgets the plan (a set-up change makes it stale); a generation still running will not store its result. */
    boolean discardPlan(long sessionId) {
        jdbc.sql("DELETE FROM networking_seat WHERE session_id = ?").param(sessionId).update();
        return jdbc.sql("""
                UPDATE networking_plan SET state = 'NONE', generation = generation + 1, message = NULL, finished_at = NULL,
                    rounds = NULL, hard_violations = NULL, repeat_pairs = NULL, lower_bound_repeat_pairs = NULL,
                    max_meetings = NULL, distinct_met_min = NULL, distinct_met_mean = NULL,
                    upper_bound_distinct_met = NULL, elapsed_millis = NULL
                WHERE session_id = ? AND state <> 'NONE'""").param(sessionId).update() == 1;
    }

    void discardSeatsOnly(long sessionId) {
        jdbc.sql("DELETE FROM networking_seat WHERE session_id = ?").param(sessionId).update();
    }

    void failed(long sessionId, int generation, String message) {
        jdbc.sql("""
                UPDATE networking_plan SET state = 'FAILED', message = ?, finished_at = now()
                WHERE session_id = ? AND generation = ? AND state = 'GENERATING'""")
                .params(message, sessionId, generation).update();
    }

    /** Whether that generation is still the one the plan waits for. */
    boolean awaits(long sessionId, int generation) {
        return jdbc.sql("SELECT count(*) FROM networking_plan WHERE session_id = ? AND generation = ? AND state = 'GENERATING'")
                .params(sessionId, generation).query(Long.class).single() > 0;
    }

    void storeSeats(long sessionId, List<SeatRow> seats) {
        jdbc.sql("DELETE FROM networking_seat WHERE session_id = ?").param(sessionId).update();
        for (SeatRow s : seats) {
            jdbc.sql("INSERT INTO networking_seat (session_id, round, table_id, participant_id) VALUES (?, ?, ?, ?)")
                    .params(sessionId, s.round(), s.tableId(), s.participantId()).update();
        }
    }

    void moveSeat(long sessionId, int round, long participantId, long tableId) {
        jdbc.sql("UPDATE networking_seat SET table_id = ? WHERE session_id = ? AND round = ? AND participant_id = ?")
                .params(tableId, sessionId, round, participantId).update();
    }

    List<SeatRow> seats(long sessionId) {
        return jdbc.sql("SELECT round, table_id, participant_id FROM networking_seat WHERE session_id = ?"
                        + " ORDER BY round, table_id, participant_id")
                .param(sessionId)
                .query((rs, n) -> new SeatRow(rs.getInt(1), rs.getLong(2), rs.getLong(3))).list();
    }

    void storeMetrics(long sessionId, int rounds, RotationMetrics m, Long elapsedMillis, boolean done) {
        jdbc.sql("""
                UPDATE networking_plan SET rounds = ?, hard_violations = ?, repeat_pairs = ?, lower_bound_repeat_pairs = ?,
                    max_meetings = ?, distinct_met_min = ?, distinct_met_mean = ?, upper_bound_distinct_met = ?,
                    elapsed_millis = coalesce(?, elapsed_millis),
                    state = CASE WHEN ? THEN 'DONE' ELSE state END,
                    finished_at = CASE WHEN ? THEN now() ELSE finished_at END
                WHERE session_id = ?""")
                .params(rounds, m.hardViolations(), m.repeatPairs(), m.lowerBoundRepeatPairs(), m.maxMeetings(),
                        m.distinctMetMin(), m.distinctMetMean(), m.upperBoundDistinctMet(), elapsedMillis, done, done,
                        sessionId)
                .update();
    }

    /** A registration's place in a rotation: the session, its title and the participant's public key. */
    record Participation(long sessionId, String title, String key) {
    }

    List<Participation> participationsOf(long registrationId) {
        return jdbc.sql("""
                SELECT p.session_id, s.title, p.public_key FROM networking_participant p
                JOIN networking_session s ON s.id = p.session_id WHERE p.registration_id = ? ORDER BY p.session_id""")
                .param(registrationId)
                .query((rs, n) -> new Participation(rs.getLong("session_id"), rs.getString("title"),
                        rs.getString("public_key")))
                .list();
    }

    /** The participants' public keys (their personal page's address), by participant id. */
    Map<Long, String> publicKeys(long sessionId) {
        Map<Long, String> keys = new HashMap<>();
        jdbc.sql("SELECT id, public_key FROM networking_participant WHERE session_id = ?").param(sessionId)
                .query(rs -> {
                    keys.put(rs.getLong("id"), rs.getString("public_key"));
                });
        return keys;
    }

    void publish(long sessionId, String who) {
        jdbc.sql("UPDATE networking_plan SET published_at = now(), published_by = ? WHERE session_id = ?")
                .params(who, sessionId).update();
    }

    void unpublish(long sessionId) {
        jdbc.sql("UPDATE networking_plan SET published_at = NULL, published_by = NULL WHERE session_id = ?")
                .param(sessionId).update();
    }

    /** The day and slot of a rotation, when it exists. */
    Optional<long[]> dayAndSlot(long sessionId) {
        return jdbc.sql("SELECT event_day_id, slot_id FROM networking_session WHERE id = ?").param(sessionId)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).optional();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
