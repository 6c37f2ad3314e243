package org.rencontres.attendance;

import java.sql.ResultSet;
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
     * hash join, where {@code = ANY(array)} would compare each presence with every id). One statement: the
     * half-days' counts and the session's totals are two grouping sets of one read of the presences.
     */
    public Figures of(long dayId, long[] confirmedIds) {
        Long[] confirmed = java.util.Arrays.stream(confirmedIds).boxed().toArray(Long[]::new);
        Map<String, HalfCount> byHalf = new HashMap<>();
        int[] totals = {0, 0};
        jdbc.sql("""
                SELECT GROUPING(a.session_day_id) = 1 AS whole, a.session_day_id, a.half_day,
                       count(c.id) AS confirmed, count(a.walk_in_id) AS walk_ins,
                       count(DISTINCT c.id) AS confirmed_seen, count(DISTINCT a.walk_in_id) AS walk_ins_seen
                  FROM attendance a LEFT JOIN (SELECT DISTINCT unnest(?::bigint[]) AS id) c ON c.id = a.registration_id
                 WHERE a.day_id = ? GROUP BY GROUPING SETS ((a.session_day_id, a.half_day), ())""")
                .params(confirmed, dayId)
                .query((ResultSet rs) -> {
                    if (rs.getBoolean("whole")) {
                        totals[0] = rs.getInt("walk_ins_seen");
                        totals[1] = rs.getInt("confirmed_seen");
                    } else {
                        byHalf.put(key(rs.getLong("session_day_id"), HalfDay.valueOf(rs.getString("half_day"))),
                                new HalfCount(rs.getInt("confirmed"), rs.getInt("walk_ins")));
                    }
                });
        return new Figures(Map.copyOf(byHalf), totals[0], totals[1]);
    }
}
