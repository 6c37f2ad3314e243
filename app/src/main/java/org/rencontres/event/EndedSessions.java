package org.rencontres.event;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The sessions that are over: what the retention of the modules above measures its periods from (the
 * personal data of a registration, its attendance, its survey answers are kept so long after the session's
 * last day).
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class EndedSessions {

    private final JdbcClient jdbc;

    /** The ids of the sessions whose last day ended (in the session's time zone) before that instant. */
    public List<Long> endedBefore(Instant cutoff) {
        return jdbc.sql("""
                SELECT d.id FROM event_day d JOIN event_session_day s ON s.event_day_id = d.id
                GROUP BY d.id, d.time_zone
                HAVING max((s.day_date + s.ends_at) AT TIME ZONE d.time_zone) < ?
                ORDER BY d.id""")
                .param(OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC))
                .query(Long.class).list();
    }
}
