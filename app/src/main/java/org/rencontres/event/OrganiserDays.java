package org.rencontres.event;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.rencontres.shared.FrenchSearch;
import org.rencontres.shared.Paging;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The organiser's home, one page of it: the sessions of their unit (every unit for an organiser without one, who may
 * pick one), upcoming first then past ones, filtered by state and words; counted in SQL.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class OrganiserDays {

    /** Sessions a page of the organiser's home. */
    static final int PAGE_SIZE = 25;

    /**
     * The text of a session that searches read (catalogue and organiser's home): title, subtitle, theme and session
     * code without its space; indexed by {@code V60_1__event_search.sql} on this very expression.
     */
    static final String SEARCHED = "d.title || ' ' || coalesce(d.subtitle, '') || ' ' || coalesce(d.theme, '') || ' '"
            + " || replace(d.session_code, ' ', '')";

    /** {@link #SEARCHED}'s two forms, stored by {@code V63__event_day_search_columns.sql} and indexed. */
    static final FrenchSearch.Stored STORED = new FrenchSearch.Stored("d.search_words", "d.search_letters");

    private final JdbcClient jdbc;
    private final Days days;

    /**
     * What the home is filtered by, as it travels in the address: {@code q} words, {@code etat} a state,
     * {@code unite} a unit (only for an organiser without one), {@code page}.
     */
    record Filter(FrenchSearch search, DayStatus status, String unit) {

        static Filter of(String q, String etat, String unite) {
            DayStatus status = null;
            for (DayStatus s : DayStatus.values()) {
                if (s.name().equals(etat)) {
                    status = s;
                }
            }
            String unit = unite == null || unite.isBlank() ? null : unite.strip();
            return new Filter(FrenchSearch.of(q), status, unit);
        }

        public Map<String, String> params() {
            Map<String, String> p = new LinkedHashMap<>();
            p.put("q", search.text());
            p.put("etat", status == null ? "" : status.name());
            p.put("unite", unit == null ? "" : unit);
            return p;
        }

        public boolean isActive() {
            return !search.isEmpty() || status != null || unit != null;
        }
    }

    record Page(List<DaySummary> days, Paging paging) {
    }

    /**
     * One page of the sessions an organiser of {@code organiserUnit} (null: every unit) sees.
     *
     * @param requestedPage the page number as typed in the address
     */
    Page page(String organiserUnit, Filter filter, LocalDate today, String requestedPage, String path) {
        StringBuilder where = new StringBuilder(" WHERE TRUE");
        Map<String, Object> params = new HashMap<>();
        String unit = organiserUnit != null ? organiserUnit : filter.unit();
        if (unit != null) {
            where.append(" AND lower(d.organising_unit) = lower(:unit)");
            params.put("unit", unit);
        }
        if (filter.status() != null) {
            where.append(" AND d.status = :status");
            params.put("status", filter.status().name());
        }
        String rank = "";
        if (!filter.search().isEmpty()) {
            where.append(" AND ").append(STORED.matches());
            params.putAll(filter.search().params());
            rank = STORED.relevance() + ", ";
        }
        long total = jdbc.sql("SELECT count(*) FROM event_day d" + where).params(params).query(Long.class).single();
        Paging paging = Paging.of(requestedPage, PAGE_SIZE, total, path, filter.params());
        params.put("today", today);
        params.put("limit", paging.limit());
        params.put("offset", paging.offset());
        List<DaySummary> rows = days.summaries(jdbc.sql("""
                SELECT d.id, d.session_code, d.title, d.subtitle, d.theme, d.status, v.city
                FROM event_day d LEFT JOIN event_venue v ON v.event_day_id = d.id""" + where + "\n"
                + "ORDER BY (d.last_date < :today), " + rank + """
                CASE WHEN d.last_date >= :today THEN d.first_date END ASC, d.first_date DESC, d.id DESC
                LIMIT :limit OFFSET :offset""").params(params));
        return new Page(rows, paging);
    }

    /** The units that have sessions, for the filter of an organiser without a unit. */
    List<String> units() {
        return jdbc.sql("""
                SELECT DISTINCT organising_unit FROM event_day WHERE organising_unit IS NOT NULL
                ORDER BY organising_unit""").query(String.class).list();
    }
}
