package org.rencontres.event;

import java.util.List;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Tells the modules above of the changes of a session that its registrants must hear of
 * ({@link SessionCancelled}, {@link SessionRescheduled}), each raising the session's calendar sequence so
 * that the calendar file sent with it replaces the ones sent before (RFC 5545 SEQUENCE). Called by
 * {@link Days} inside the change's transaction.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class SessionChangeNotices {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    int calendarSequence(long dayId) {
        return jdbc.sql("SELECT calendar_sequence FROM event_day WHERE id = ?").param(dayId).query(Integer.class)
                .optional().orElse(0);
    }

    void cancelled(long dayId, String message) {
        events.publishEvent(new SessionCancelled(dayId, message, next(dayId)));
    }

    void reinstated(long dayId) {
        events.publishEvent(new SessionReinstated(dayId, next(dayId)));
    }

    /** Nothing is told when the days, their hours and the place are all as they were. */
    void rescheduled(long dayId, SessionDays before, SessionDays after, Venue venueBefore) {
        Venue venueAfter = venue(dayId);
        if (schedule(before).equals(schedule(after)) && Venue.samePlace(venueBefore, venueAfter)) {
            return;
        }
        events.publishEvent(new SessionRescheduled(dayId, before, after, venueBefore, venueAfter, next(dayId)));
    }

    Venue venue(long dayId) {
        return jdbc.sql("SELECT * FROM event_venue WHERE event_day_id = ?").param(dayId).query(Venue.class).optional()
                .orElse(null);
    }

    private int next(long dayId) {
        return jdbc.sql("""
                UPDATE event_day SET calendar_sequence = calendar_sequence + 1 WHERE id = ? RETURNING calendar_sequence""")
                .param(dayId).query(Integer.class).single();
    }

    private static List<SessionDayDraft> schedule(SessionDays days) {
        return days.all().stream().map(SessionDay::draft).toList();
    }
}
