package org.rencontres.attendance;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Who was present at each half-day of a session, read in two queries for the exports (one column per
 * half-day): the ids of the registrations present, and the walk-ins with their half-days. Nothing else
 * of the registrations is read here.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class PresenceLists {

    private final JdbcClient jdbc;

    /** A walk-in of the session and the half-days they were present (as {@link SessionHalfDay}s of the session). */
    public record WalkInPresent(long id, String surname, String givenName, String organisation, Set<String> halves) {

        public boolean presentAt(SessionHalfDay half) {
            return halves.contains(PresenceFigures.key(half.sessionDayId(), half.half()));
        }
    }

    /** The registrations present at each half-day of the session. */
    public record Present(Map<String, Set<Long>> byHalf) {

        public boolean presentAt(long registrationId, SessionHalfDay half) {
            return byHalf.getOrDefault(PresenceFigures.key(half.sessionDayId(), half.half()), Set.of())
                    .contains(registrationId);
        }
    }

    public Present registrations(long dayId) {
        Map<String, Set<Long>> byHalf = new HashMap<>();
        jdbc.sql("SELECT session_day_id, half_day, registration_id FROM attendance WHERE day_id = ? AND registration_id IS NOT NULL")
                .param(dayId).query(rs -> {
                    byHalf.computeIfAbsent(PresenceFigures.key(rs.getLong(1), HalfDay.valueOf(rs.getString(2))),
                            k -> new HashSet<>()).add(rs.getLong(3));
                });
        return new Present(byHalf);
    }

    /** The walk-ins present at least one half-day, by name (surname, given name, case aside, then id). */
    public List<WalkInPresent> walkIns(long dayId) {
        Map<Long, WalkInPresent> walkIns = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT w.id, w.surname, w.given_name, w.organisation, a.session_day_id, a.half_day
                  FROM attendance a JOIN attendance_walk_in w ON w.id = a.walk_in_id
                 WHERE a.day_id = ?
                 ORDER BY lower(w.surname) COLLATE "C", lower(w.given_name) COLLATE "C", w.id""")
                .param(dayId).query(rs -> {
                    long id = rs.getLong(1);
                    WalkInPresent w = walkIns.get(id);
                    if (w == null) {
                        w = new WalkInPresent(id, rs.getString(2), rs.getString(3), rs.getString(4), new HashSet<>());
                        walkIns.put(id, w);
                    }
                    w.halves().add(PresenceFigures.key(rs.getLong(5), HalfDay.valueOf(rs.getString(6))));
                });
        return new ArrayList<>(walkIns.values());
    }
}
