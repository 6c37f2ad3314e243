package org.rencontres.attendance;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.rencontres.registration.Registrations;
import org.rencontres.shared.FrenchSearch;
import org.rencontres.shared.Paging;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The attendance list of one day of a session, 50 people a page: the confirmed registrations, anyone marked present
 * that day whatever their state, and the session's walk-ins, by name, each with their presence in the morning and in
 * the afternoon; filtered by a search on the name or organisation (without case nor accents, {@link FrenchSearch}) and
 * by presence. The counts (present each half-day, absent, walk-ins) are the database's, over the whole day, never the
 * page's rows. The registrations come from the registration module's API ({@link Registrations#peopleOfDay}: five columns each, read from an index) and are joined
 * to this module's tables as a table of values: attendance reads no table of another module.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class AttendanceList {

    static final int PAGE_SIZE = 50;

    /** The text of a walk-in the search reads: the name in both orders and the organisation. */
    private static final String SEARCHED = "given_name || ' ' || surname || ' ' || given_name || ' ' || coalesce(organisation, '')";

    private final JdbcClient jdbc;
    private final Registrations registrations;

    /** Whom the list shows, by their presence that day ({@code presence} in the address). */
    enum Presence {
        ALL(""), MORNING("matin"), AFTERNOON("apres-midi"), BOTH("journee"), ABSENT("absent"), WALK_INS("sans-inscription");

        private final String slug;

        Presence(String slug) {
            this.slug = slug;
        }

        public String slug() {
            return slug;
        }

        /** The presence of that name in an address; everyone for anything else. */
        static Presence of(String slug) {
            return Arrays.stream(values()).filter(p -> p.slug.equals(slug)).findFirst().orElse(ALL);
        }

        /** The SQL condition on a line of {@code lines} (see {@link #page}). */
        String condition() {
            return switch (this) {
                case ALL -> "true";
                case MORNING -> "m_id IS NOT NULL";
                case AFTERNOON -> "a_id IS NOT NULL";
                case BOTH -> "(m_id IS NOT NULL OR NOT :hasMorning) AND (a_id IS NOT NULL OR NOT :hasAfternoon)";
                case ABSENT -> "m_id IS NULL AND a_id IS NULL";
                case WALK_INS -> "walk_in_id IS NOT NULL";
            };
        }
    }

    /** The list's filters, as they travel in its address and its forms. */
    record Filter(String jour, String text, Presence presence) {

        Filter {
            text = FrenchSearch.of(text).text();
            presence = presence == null ? Presence.ALL : presence;
        }

        static Filter of(String jour, String q, String presence) {
            return new Filter(jour == null || jour.isBlank() ? null : jour.strip(), q, Presence.of(presence));
        }

        /** The parameters of the list's address (empty values are left out of links by {@link Paging}). */
        Map<String, String> params() {
            Map<String, String> p = new LinkedHashMap<>();
            p.put("jour", jour == null ? "" : jour);
            p.put("q", text);
            p.put("presence", presence.slug());
            return p;
        }
    }

    /** A person and their presence each half-day of the day; null for a half-day the day does not have. */
    record Line(Attendee morning, Attendee afternoon) {

        /** The person (name, organisation, walk-in or not). */
        public Attendee person() {
            return morning != null ? morning : afternoon;
        }
    }

    /**
     * The day's counts, over everyone the list shows whatever the filter and search: present in the morning, in the
     * afternoon, at every half-day, at none, the walk-ins, and the confirmed registrations expected.
     */
    record Counts(long all, long morning, long afternoon, long both, long absent, long walkIns, long expected) {
    }

    /** One page of the list, the day's counts and the place of the page (total: the lines under the filters). */
    record Page(List<Line> lines, Counts counts, Paging paging) {
    }

    Page page(long dayId, long sessionDayId, boolean hasMorning, boolean hasAfternoon, Filter filter,
              String requestedPage, String path) {
        List<Registrations.Person> ofDay = registrations.peopleOfDay(dayId, filter.text());
        Map<String, Object> params = new HashMap<>();
        params.put("day", dayId);
        params.put("sessionDay", sessionDayId);
        params.put("hasMorning", hasMorning);
        params.put("hasAfternoon", hasAfternoon);
        params.put("ids", ofDay.stream().map(Registrations.Person::id).toArray(Long[]::new));
        params.put("surnames", ofDay.stream().map(Registrations.Person::surname).toArray(String[]::new));
        params.put("givenNames", ofDay.stream().map(Registrations.Person::givenName).toArray(String[]::new));
        params.put("organisations", ofDay.stream().map(Registrations.Person::employerName).toArray(String[]::new));
        params.put("states", ofDay.stream().map(r -> r.state().name()).toArray(String[]::new));
        params.put("found", ofDay.stream().map(Registrations.Person::found).toArray(Boolean[]::new));
        // The registrations found by the registration module's search (its stored column); the walk-ins here.
        FrenchSearch search = FrenchSearch.of(filter.text());
        params.putAll(search.params());
        params.put("searching", !search.isEmpty());
        String shown = "(" + filter.presence().condition() + ") AND found";
        String counted = "SELECT count(*), count(m_id), count(a_id),"
                + " count(*) FILTER (WHERE " + Presence.BOTH.condition() + "),"
                + " count(*) FILTER (WHERE " + Presence.ABSENT.condition() + "),"
                + " count(*) FILTER (WHERE " + Presence.WALK_INS.condition() + "),"
                + " count(*) FILTER (WHERE state = 'CONFIRMED'),"
                + " count(*) FILTER (WHERE " + shown + ") FROM lines";
        long[] total = new long[1];
        Counts counts = jdbc.sql(LINES + counted).params(params).query((rs, n) -> {
            total[0] = rs.getLong(8);
            return new Counts(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6),
                    rs.getLong(7));
        }).single();
        Paging paging = Paging.of(requestedPage, PAGE_SIZE, total[0], path, filter.params());
        params.put("limit", paging.limit());
        params.put("offset", paging.offset());
        List<Line> lines = jdbc.sql(LINES + "SELECT * FROM lines WHERE " + shown
                        + " ORDER BY f_unaccent(lower(surname)), f_unaccent(lower(given_name)),"
                        + " registration_id NULLS LAST, walk_in_id LIMIT :limit OFFSET :offset")
                .params(params)
                .query((rs, n) -> new Line(hasMorning ? attendee(rs, "m_") : null, hasAfternoon ? attendee(rs, "a_") : null))
                .list();
        return new Page(lines, counts, paging);
    }

    /**
     * Everyone of the day with their presence each half-day ({@code m_…} the morning, {@code a_…} the afternoon):
     * a person is the registration's id, or the walk-in's id negated, on both sides of the join.
     */
    private static final String LINES = """
            WITH reg AS (
                SELECT * FROM unnest(CAST(:ids AS bigint[]), CAST(:surnames AS text[]), CAST(:givenNames AS text[]),
                                     CAST(:organisations AS text[]), CAST(:states AS text[]), CAST(:found AS boolean[]))
                       AS r(registration_id, surname, given_name, organisation, state, found)),
            people AS (
                SELECT registration_id, NULL::bigint AS walk_in_id, surname, given_name, organisation, state,
                       registration_id AS who, found FROM reg
                UNION ALL
                SELECT NULL, id, surname, given_name, organisation, NULL, -id, NOT :searching OR\s"""
            + FrenchSearch.contains(SEARCHED) + """
                FROM attendance_walk_in WHERE day_id = :day),
            att AS (
                SELECT coalesce(registration_id, -walk_in_id) AS who, half_day, id, present_at, recorded_by, signed_at,
                       correction
                FROM attendance WHERE day_id = :day AND session_day_id = :sessionDay),
            lines AS (
                SELECT p.*, m.id AS m_id, m.present_at AS m_present_at, m.recorded_by AS m_recorded_by,
                       m.signed_at AS m_signed_at, m.correction AS m_correction,
                       a.id AS a_id, a.present_at AS a_present_at, a.recorded_by AS a_recorded_by,
                       a.signed_at AS a_signed_at, a.correction AS a_correction
                FROM people p
                LEFT JOIN att m ON m.who = p.who AND m.half_day = 'MORNING' AND :hasMorning
                LEFT JOIN att a ON a.who = p.who AND a.half_day = 'AFTERNOON' AND :hasAfternoon
                WHERE p.state = 'CONFIRMED' OR p.walk_in_id IS NOT NULL OR m.id IS NOT NULL OR a.id IS NOT NULL)
            """;

    private static Attendee attendee(ResultSet rs, String half) throws SQLException {
        OffsetDateTime at = rs.getObject(half + "present_at", OffsetDateTime.class);
        OffsetDateTime signed = rs.getObject(half + "signed_at", OffsetDateTime.class);
        return new Attendee((Long) rs.getObject("registration_id"), (Long) rs.getObject("walk_in_id"),
                rs.getString("surname"), rs.getString("given_name"), rs.getString("organisation"), rs.getString("state"),
                (Long) rs.getObject(half + "id"), at == null ? null : at.toInstant(), rs.getString(half + "recorded_by"),
                signed == null ? null : signed.toInstant(), rs.getString(half + "correction"));
    }
}
