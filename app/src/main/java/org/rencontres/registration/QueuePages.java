package org.rencontres.registration;

import static org.rencontres.registration.RegistrationRows.COLUMNS;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.rencontres.shared.FrenchSearch;
import org.rencontres.shared.Paging;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The queue's reads in SQL: one page of a day's requests under the queue's filters, the counts per state, and the
 * search of a part of a name, e-mail or employer without case nor accents (also the welcome desk's, through
 * {@link Registrations#search}). Nothing is loaded to be counted.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class QueuePages {

    /** Requests a page of the queue. */
    static final int PAGE_SIZE = 50;

    /** The text of a request that searches read. */
    static final String SEARCHED = "given_name || ' ' || surname || ' ' || given_name || ' ' || email || ' '"
            + " || coalesce(employer_name, '')";

    /**
     * {@link #SEARCHED} without case nor accents, stored by {@code V63_1__registration_search_column.sql}: every search is
     * within one session, whose rows come through index (event_day_id, state); nothing is computed per row.
     */
    static final FrenchSearch.Stored STORED = new FrenchSearch.Stored(null, "searched");

    private static final String PAPER = "EXISTS (SELECT 1 FROM registration_paper_form p"
            + " WHERE p.registration_id = registration.id)";

    private final JdbcClient jdbc;

    /** A request of the page, and whether it came on paper. */
    record Line(Registration registration, boolean paper) {
    }

    /** One page of the queue, and the counts per state under every filter but the state. */
    record Page(List<Line> lines, Map<RegistrationState, Integer> counts, Paging paging) {
    }

    Page page(long dayId, QueueFilter filter, String requestedPage, String path) {
        Map<String, Object> params = new HashMap<>();
        params.put("day", dayId);
        StringBuilder where = new StringBuilder(" WHERE event_day_id = :day");
        FrenchSearch search = FrenchSearch.of(filter.text());
        if (!search.isEmpty()) {
            where.append(" AND ").append(STORED.contains());
            params.putAll(search.params());
        }
        if (filter.outsideDirectory()) {
            where.append(" AND employer_organisation_id IS NULL");
        }
        if (filter.source() != null) {
            where.append(filter.source() == QueueFilter.Source.PAPER ? " AND " : " AND NOT ").append(PAPER);
        }
        Map<RegistrationState, Integer> counts = countsByState(where.toString(), params);
        if (filter.state() != null) {
            where.append(" AND state = :state");
            params.put("state", filter.state().name());
        }
        long total = filter.state() == null ? counts.values().stream().mapToLong(Integer::longValue).sum()
                : counts.getOrDefault(filter.state(), 0);
        Paging paging = Paging.of(requestedPage, PAGE_SIZE, total, path, filter.params());
        params.put("limit", paging.limit());
        params.put("offset", paging.offset());
        String order = search.isEmpty() ? "id" : STORED.closeness() + ", id";
        // The page's ids first, from index registration_day_covering_idx alone (V66_1), then only their rows.
        List<Line> lines = jdbc.sql("SELECT " + COLUMNS + ", " + PAPER + " AS paper FROM registration"
                        + " WHERE id IN (SELECT id FROM registration" + where + " ORDER BY " + order
                        + " LIMIT :limit OFFSET :offset) ORDER BY " + order)
                .params(params)
                .query((rs, n) -> new Line(RegistrationRows.registrationOf(rs, n), rs.getBoolean("paper"))).list();
        return new Page(lines, counts, paging);
    }

    /** How many requests of the day each state has, with no filter. */
    Map<RegistrationState, Integer> countsByState(long dayId) {
        return countsByState(" WHERE event_day_id = :day", Map.of("day", dayId));
    }

    private Map<RegistrationState, Integer> countsByState(String where, Map<String, Object> params) {
        Map<RegistrationState, Integer> counts = new EnumMap<>(RegistrationState.class);
        jdbc.sql("SELECT state, count(*) AS n FROM registration" + where + " GROUP BY state").params(params)
                .query((rs, n) -> counts.put(RegistrationState.valueOf(rs.getString("state")), rs.getInt("n")))
                .list();
        return counts;
    }

    /**
     * The requests of a day whose name (either order), e-mail or employer contains the text, the closest first, at
     * most {@code limit}; and how many there are in all.
     */
    Registrations.Found search(long dayId, String text, int limit) {
        FrenchSearch search = FrenchSearch.of(text);
        if (search.isEmpty()) {
            return new Registrations.Found(List.of(), 0);
        }
        Map<String, Object> params = new HashMap<>(search.params());
        params.put("day", dayId);
        params.put("limit", limit);
        String where = " WHERE event_day_id = :day AND " + STORED.contains();
        long total = jdbc.sql("SELECT count(*) FROM registration" + where).params(params).query(Long.class).single();
        List<Registration> found = jdbc.sql("SELECT " + COLUMNS + " FROM registration" + where + " ORDER BY "
                        + STORED.closeness() + ", surname, given_name, id LIMIT :limit")
                .params(params).query(RegistrationRows::registrationOf).list();
        return new Registrations.Found(found, total);
    }
}
