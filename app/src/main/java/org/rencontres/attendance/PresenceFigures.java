package org.rencontres.attendance;

import java.util.HashMap;
import java.util.Map;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * A session's presences counted by the database, for the dashboard: no attendee is loaded into
 * memory to be counted. Which registrations are confirmed is the registration module's to say: the
 * caller passes their ids.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class PresenceFigures {

    private final JdbcClient jdbc;

    /** One half-day: the confirmed registrations present, and the walk-ins present. */
    public record HalfCount(int confirmedPresent, int walkIns) {
    }

    /**
     * The session's presences.
     *
     * @param byHalf per half-day of a day of the session (key {@link #key(long, HalfDay)}), only those with a presence
     * @param walkIns the people present without a registration at some half-day
     * @param confirmedSeen the confirmed registrations present at some half-day
     */
    public record Figures(Map<String, HalfCount> byHalf, int walkIns, int confirmedSeen) {

        /** The counts of that half-day, zero when nobody was there. */
        public HalfCount of(long sessionDayId, HalfDay half) {
            return byHalf.getOrDefault(key(sessionDayId, half), new HalfCount(0, 0));
        }
    }

    static String key(long sessionDayId, HalfDay half) {
        return sessionDayId + "/" + half.name();
    }

    /**
     * The presences of the session, the confirmed registrations being those ids (joined as a table: a
     * hash join, where {@code = ANY(array)} would compare each presence with every id).
     */
    public Figures of(long dayId, long[] confirmedIds) {
        Long[] confirmed = java.util.Arrays.stream(confirmedIds).boxed().toArray(Long[]::new);
        Map<String, HalfCount> byHalf = new HashMap<>();
        jdbc.sql("""
                SELECT a.session_day_id, a.half_day, count(c.id), count(a.walk_in_id)
                  FROM attendance a LEFT JOIN (SELECT DISTINCT unnest(?::bigint[]) AS id) c ON c.id = a.registration_id
                 WHERE a.day_id = ? GROUP BY a.session_day_id, a.half_day""")
                .params(confirmed, dayId)
                .query(rs -> {
                    byHalf.put(key(rs.getLong(1), HalfDay.valueOf(rs.getString(2))), new HalfCount(rs.getInt(3), rs.getInt(4)));
                });
        return jdbc.sql("""
                SELECT count(DISTINCT a.walk_in_id), count(DISTINCT c.id)
                  FROM attendance a LEFT JOIN (SELECT DISTINCT unnest(?::bigint[]) AS id) c ON c.id = a.registration_id
                 WHERE a.day_id = ?""")
                .params(confirmed, dayId)
                .query((rs, n) -> new Figures(Map.copyOf(byHalf), rs.getInt(1), rs.getInt(2))).single();
    }
}
