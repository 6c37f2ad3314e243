package org.rencontres.registration;

import java.sql.Array;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * A session's registrations counted by the database (GROUP BY over indexed columns), for the
 * dashboard: no registration is loaded into memory to be counted, whatever the size of the session.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class RegistrationFigures {

    private final JdbcClient jdbc;

    /**
     * Registrations of one employer: a directory organisation (its id; the typed name as stored
     * beside it), or a name typed by the agent ("—" when none), stripped.
     */
    public record EmployerCount(Long organisationId, String typedName, long count) {
    }

    /**
     * The approval funnel: all requests; those moved to AWAITING_TRAINING_SERVICE; those the training
     * service moved on to AWAITING_ORGANISER (not an organiser deciding in its place); those an
     * organiser moved in an approver's place (other than to a refusal); those ever CONFIRMED.
     */
    public record Funnel(long requested, long manager, long training, long inPlace, long confirmedEver) {
    }

    /**
     * A session's registrations counted in one pass over its rows.
     *
     * @param byState how many are in each state (states with none left out)
     * @param byEmployer how many each employer has, in no particular order
     * @param confirmedIds the ids of the confirmed ones
     */
    public record Session(Map<RegistrationState, Long> byState, List<EmployerCount> byEmployer, long[] confirmedIds) {
    }

    /**
     * The session's counts by state and by employer, and its confirmed ids, from one GROUP BY over its rows (one
     * read of them, where a query for each figure read them three times).
     */
    public Session session(long dayId) {
        Map<RegistrationState, Long> states = new EnumMap<>(RegistrationState.class);
        List<EmployerCount> employers = new ArrayList<>();
        Map<EmployerKey, Long> byEmployer = new HashMap<>();
        List<Long> confirmed = new ArrayList<>();
        jdbc.sql("""
                SELECT state, employer_organisation_id, coalesce(nullif(btrim(employer_name), ''), '—') AS employer,
                       count(*) AS n, CASE WHEN state = 'CONFIRMED' THEN array_agg(id) END AS ids
                  FROM registration WHERE event_day_id = ? GROUP BY 1, 2, 3""").param(dayId)
                .query((ResultSet rs) -> {
                    long n = rs.getLong("n");
                    states.merge(RegistrationState.valueOf(rs.getString("state")), n, Long::sum);
                    byEmployer.merge(new EmployerKey((Long) rs.getObject("employer_organisation_id"),
                            rs.getString("employer")), n, Long::sum);
                    Array ids = rs.getArray("ids");
                    if (ids != null) {
                        confirmed.addAll(Arrays.asList((Long[]) ids.getArray()));
                    }
                });
        byEmployer.forEach((k, n) -> employers.add(new EmployerCount(k.organisationId(), k.typedName(), n)));
        return new Session(states, employers, confirmed.stream().mapToLong(Long::longValue).toArray());
    }

    private record EmployerKey(Long organisationId, String typedName) {
    }

    /** How many registrations of the session each employer has, in no particular order. */
    public List<EmployerCount> byEmployer(long dayId) {
        List<EmployerCount> counts = new ArrayList<>();
        jdbc.sql("""
                SELECT employer_organisation_id, coalesce(nullif(btrim(employer_name), ''), '—'), count(*)
                  FROM registration WHERE event_day_id = ? GROUP BY 1, 2""").param(dayId)
                .query(rs -> {
                    counts.add(new EmployerCount((Long) rs.getObject(1), rs.getString(2), rs.getLong(3)));
                });
        return counts;
    }

    /** The session's approval funnel, counted from the transitions of its registrations. */
    public Funnel funnel(long dayId) {
        // Per registration, its few transitions through index registration_transition_states_idx (index
        // only): the cost follows the session's size, not the whole table's.
        return jdbc.sql("""
                SELECT count(*),
                       count(*) FILTER (WHERE h.manager), count(*) FILTER (WHERE h.training),
                       count(*) FILTER (WHERE h.in_place), count(*) FILTER (WHERE h.confirmed)
                  FROM registration r
                  CROSS JOIN LATERAL (
                       SELECT bool_or(t.to_state = 'AWAITING_TRAINING_SERVICE') AS manager,
                              bool_or(t.from_state = 'AWAITING_TRAINING_SERVICE'
                                      AND t.to_state = 'AWAITING_ORGANISER' AND NOT t.in_place) AS training,
                              bool_or(t.in_place AND t.to_state <> 'REFUSED') AS in_place,
                              bool_or(t.to_state = 'CONFIRMED') AS confirmed
                         FROM registration_transition t WHERE t.registration_id = r.id) h
                 WHERE r.event_day_id = ?""").param(dayId)
                .query((rs, n) -> new Funnel(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)))
                .single();
    }

    /** The ids of the session's confirmed registrations, from the (day, state) index. */
    public long[] confirmedIds(long dayId) {
        return jdbc.sql("SELECT id FROM registration WHERE event_day_id = ? AND state = 'CONFIRMED'").param(dayId)
                .query(Long.class).list().stream().mapToLong(Long::longValue).toArray();
    }
}
