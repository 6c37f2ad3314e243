package org.rencontres.event;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.rencontres.shared.FrenchSearch;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The public catalogue: published sessions, filtered and paged (the catalogue page, and the public API). */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class DayCatalogue {

    private final JdbcClient jdbc;
    private final Days days;

    /** Days per catalogue page. */
    public static final int PAGE_SIZE = 20;

    /**
     * The public catalogue, one page of it: days still to come, soonest first, then past editions,
     * latest first. Filters are optional: words of the title, subtitle, theme or tags; a tag; a
     * city; a date range. With words, the best matches come first within the upcoming days, and within the past.
     */
    public Catalogue catalogue(LocalDate today, CatalogueQuery query) {
        return catalogue(today, query, PAGE_SIZE);
    }

    /** The same, {@code pageSize} days a page; a page past the last gives the last. */
    public Catalogue catalogue(LocalDate today, CatalogueQuery query, int pageSize) {
        StringBuilder where = new StringBuilder(" WHERE d.status <> 'DRAFT'");
        Map<String, Object> params = new HashMap<>();
        params.put("today", today);
        String rank = "";
        if (query.hasText()) {
            // Words in any form (« finance », « Finances »), parts of words, without accents nor case; the title and
            // its kin (their stored forms), or a tag. Three conditions the planner ORs as bitmaps of three indexes (the
            // two of the stored columns, and the primary key for the ids of the tags that match), then reads only the
            // matching sessions: no scan of the sessions, nothing computed per row but the ranking.
            FrenchSearch search = FrenchSearch.of(query.text());
            where.append(" AND (").append(OrganiserDays.STORED.hasWords())
                    .append(" OR ").append(OrganiserDays.STORED.contains())
                    .append(" OR d.id = ANY (ARRAY(SELECT t.event_day_id FROM event_day_tag t WHERE ")
                    .append(FrenchSearch.matches("t.tag")).append(")))");
            params.putAll(search.params());
            rank = OrganiserDays.STORED.relevance() + ", ";
        }
        if (query.hasTag()) {
            where.append(" AND EXISTS (SELECT 1 FROM event_day_tag t WHERE t.event_day_id = d.id AND lower(t.tag) = lower(:tag))");
            params.put("tag", query.tag().strip());
        }
        if (query.hasPlace()) {
            where.append(" AND v.city ILIKE :place");
            params.put("place", "%" + escapeLike(query.place().strip()) + "%");
        }
        if (query.from() != null) {
            where.append(" AND d.last_date >= :from");
            params.put("from", query.from());
        }
        if (query.to() != null) {
            where.append(" AND d.first_date <= :to");
            params.put("to", query.to());
        }
        String from = " FROM event_day d LEFT JOIN event_venue v ON v.event_day_id = d.id";
        long total = jdbc.sql("SELECT count(*)" + from + where).params(params).query(Long.class).single();
        int pages = (int) Math.max(1, (total + pageSize - 1) / pageSize);
        int page = Math.min(Math.max(query.page(), 1), pages);
        params.put("limit", pageSize);
        params.put("offset", (page - 1) * pageSize);
        List<DaySummary> rows = days.summaries(jdbc.sql("""
                SELECT d.id, d.session_code, d.title, d.subtitle, d.theme, d.status, v.city""" + from + where + "\n" + """
                ORDER BY (d.last_date < :today), """ + rank + """
                         CASE WHEN d.last_date >= :today THEN d.first_date END ASC,
                         d.first_date DESC, d.id
                LIMIT :limit OFFSET :offset""")
                .params(params));
        List<DaySummary> upcoming = rows.stream().filter(d -> !d.days().lastDate().isBefore(today)).toList();
        List<DaySummary> past = rows.stream().filter(d -> d.days().lastDate().isBefore(today)).toList();
        return new Catalogue(upcoming, past, page, pages, total);
    }

    /** The tags of public days, for the catalogue's theme filter. */
    public List<String> publicTags() {
        return jdbc.sql("""
                SELECT DISTINCT t.tag FROM event_day_tag t JOIN event_day d ON d.id = t.event_day_id
                WHERE d.status <> 'DRAFT' ORDER BY t.tag""").query(String.class).list();
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** One page of the catalogue, in its two lists. */
    public record Catalogue(List<DaySummary> upcoming, List<DaySummary> past, int page, int pages, long total) {
        public boolean isEmpty() {
            return upcoming.isEmpty() && past.isEmpty();
        }
    }

    /** What a visitor filters the catalogue by; every part may be empty; pages count from 1. */
    public record CatalogueQuery(String text, String tag, String place, LocalDate from, LocalDate to, int page) {
        public static final CatalogueQuery ALL = new CatalogueQuery(null, null, null, null, null, 1);

        boolean hasText() {
            return text != null && !text.isBlank();
        }

        boolean hasTag() {
            return tag != null && !tag.isBlank();
        }

        boolean hasPlace() {
            return place != null && !place.isBlank();
        }

        public boolean isFiltered() {
            return hasText() || hasTag() || hasPlace() || from != null || to != null;
        }
    }

}
