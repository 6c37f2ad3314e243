package org.rencontres.event;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What the catalogue's feeds list: public sessions (never a draft), filtered by theme (a tag, as the
 * catalogue's filter) and by organising unit, both compared without case.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class CatalogueFeeds {

    /** The most sessions a feed lists: a calendar client fetches it often, and a page of it suffices. */
    static final int MAX_UPCOMING = 200;
    /** The Atom feed's entries: the newest sessions. */
    static final int MAX_NEWEST = 30;

    private final JdbcClient jdbc;
    private final Days days;

    /** A feed's filters; both optional. */
    record Filter(String theme, String unit) {
        boolean hasTheme() {
            return theme != null && !theme.isBlank();
        }

        boolean hasUnit() {
            return unit != null && !unit.isBlank();
        }
    }

    /** A session of the Atom feed, with when it was put in and last changed. */
    record Entry(Day day, Instant created, Instant updated, List<String> tags) {
    }

    /** Sessions not over yet on {@code today}, soonest first. */
    List<Day> upcoming(LocalDate today, Filter filter) {
        Map<String, Object> params = new HashMap<>();
        params.put("today", today);
        params.put("limit", MAX_UPCOMING);
        return jdbc.sql("SELECT d.id FROM event_day d" + where(filter, params)
                        + " AND d.last_date >= :today ORDER BY d.first_date, d.id LIMIT :limit")
                .params(params).query(Long.class).list().stream()
                .flatMap(id -> days.find(id).stream()).toList();
    }

    /** The sessions most recently put in the catalogue, newest first. */
    List<Entry> newest(Filter filter) {
        Map<String, Object> params = new HashMap<>();
        params.put("limit", MAX_NEWEST);
        record Row(long id, OffsetDateTime createdAt, OffsetDateTime updatedAt) {
        }
        return jdbc.sql("SELECT d.id, d.created_at, d.updated_at FROM event_day d" + where(filter, params)
                        + " ORDER BY d.created_at DESC, d.id DESC LIMIT :limit")
                .params(params).query(Row.class).list().stream()
                .flatMap(r -> days.find(r.id()).stream()
                        .map(d -> new Entry(d, r.createdAt().toInstant(), r.updatedAt().toInstant(), days.tags(d.id()))))
                .toList();
    }

    private static String where(Filter filter, Map<String, Object> params) {
        StringBuilder where = new StringBuilder(" WHERE d.status <> 'DRAFT'");
        if (filter.hasTheme()) {
            where.append(" AND EXISTS (SELECT 1 FROM event_day_tag t WHERE t.event_day_id = d.id AND lower(t.tag) = lower(:theme))");
            params.put("theme", filter.theme().strip());
        }
        if (filter.hasUnit()) {
            where.append(" AND lower(d.organising_unit) = lower(:unit)");
            params.put("unit", filter.unit().strip());
        }
        return where.toString();
    }
}
