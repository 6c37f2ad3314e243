package org.rencontres.attendance;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.rencontres.registration.Registration;
import org.rencontres.registration.Registrations;
import org.rencontres.shared.FrenchSearch;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The welcome desk's search, bounded: at most a screenful of people (registered, then walk-ins) whose name, e-mail or
 * organisation contains the words typed, without case nor accents, the closest first; and how many match in all, so
 * that the desk asks to refine the search rather than send a phone thousands of lines. Counted in SQL.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class DeskSearch {

    /** People shown at most for one search: a phone's screenful. */
    static final int SHOWN = 12;

    /** The text of a walk-in that the search reads. */
    private static final String WALK_IN = "given_name || ' ' || surname || ' ' || given_name || ' '"
            + " || coalesce(email, '') || ' ' || coalesce(organisation, '')";

    private final Registrations registrations;
    private final JdbcClient jdbc;

    /** The people shown and how many match in all ({@code total > shown.size()}: ask to refine). */
    record Found(List<Attendee> shown, long total) {

        boolean isTruncated() {
            return total > shown.size();
        }
    }

    Found search(long dayId, long sessionDayId, HalfDay half, String text) {
        FrenchSearch search = FrenchSearch.of(text);
        if (search.isEmpty()) {
            return new Found(List.of(), 0);
        }
        Registrations.Found registered = registrations.search(dayId, search.text(), SHOWN);
        Map<String, Object> params = new HashMap<>(search.params());
        params.put("day", dayId);
        params.put("limit", Math.max(0, SHOWN - registered.registrations().size()));
        String where = " FROM attendance_walk_in WHERE day_id = :day AND " + FrenchSearch.contains(WALK_IN);
        long walkIns = jdbc.sql("SELECT count(*)" + where).params(params).query(Long.class).single();
        record WalkInRow(long id, String surname, String givenName, String organisation) {
        }
        List<WalkInRow> walkInRows = jdbc.sql("SELECT id, surname, given_name, organisation" + where + " ORDER BY "
                        + FrenchSearch.closeness(WALK_IN) + ", surname, given_name, id LIMIT :limit")
                .params(params).query(WalkInRow.class).list();
        Map<String, Presence> presences = presences(dayId, sessionDayId, half,
                registered.registrations().stream().map(Registration::id).toList(),
                walkInRows.stream().map(WalkInRow::id).toList());
        List<Attendee> shown = new ArrayList<>();
        for (Registration r : registered.registrations()) {
            Presence p = presences.getOrDefault("inscription-" + r.id(), Presence.NONE);
            shown.add(new Attendee(r.id(), null, r.surname(), r.givenName(), r.employerName(), r.state().name(),
                    p.id(), p.presentAt(), p.recordedBy(), p.signedAt(), p.correction()));
        }
        for (WalkInRow w : walkInRows) {
            Presence p = presences.getOrDefault("sans-inscription-" + w.id(), Presence.NONE);
            shown.add(new Attendee(null, w.id(), w.surname(), w.givenName(), w.organisation(), null,
                    p.id(), p.presentAt(), p.recordedBy(), p.signedAt(), p.correction()));
        }
        return new Found(shown, registered.total() + walkIns);
    }

    private record Presence(Long id, Instant presentAt, String recordedBy, Instant signedAt, String correction) {
        static final Presence NONE = new Presence(null, null, null, null, null);
    }

    /** An IN list is never empty: 0 is no one's id. */
    private static List<Long> orNone(List<Long> ids) {
        return ids.isEmpty() ? List.of(0L) : ids;
    }

    /** The presences for the half-day of these people, by {@link Attendee#ref()}. */
    private Map<String, Presence> presences(long dayId, long sessionDayId, HalfDay half, List<Long> registrationIds,
                                            List<Long> walkInIds) {
        Map<String, Presence> byRef = new HashMap<>();
        if (registrationIds.isEmpty() && walkInIds.isEmpty()) {
            return byRef;
        }
        jdbc.sql("""
                SELECT id, registration_id, walk_in_id, present_at, recorded_by, signed_at, correction
                FROM attendance WHERE day_id = :day AND session_day_id = :sessionDay AND half_day = :half
                AND (registration_id IN (:registrations) OR walk_in_id IN (:walkIns))""")
                .param("day", dayId).param("sessionDay", sessionDayId).param("half", half.name())
                .param("registrations", orNone(registrationIds)).param("walkIns", orNone(walkInIds))
                .query((rs, n) -> {
                    Long registration = (Long) rs.getObject("registration_id");
                    String ref = registration != null ? "inscription-" + registration
                            : "sans-inscription-" + rs.getLong("walk_in_id");
                    OffsetDateTime signed = rs.getObject("signed_at", OffsetDateTime.class);
                    return byRef.put(ref, new Presence(rs.getLong("id"),
                            rs.getObject("present_at", OffsetDateTime.class).toInstant(), rs.getString("recorded_by"),
                            signed == null ? null : signed.toInstant(), rs.getString("correction")));
                }).list();
        return byRef;
    }
}
