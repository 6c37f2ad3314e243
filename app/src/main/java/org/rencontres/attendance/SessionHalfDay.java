package org.rencontres.attendance;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;

import org.rencontres.event.SessionDay;

/**
 * A half-day of one day of the session, with its hours clipped to the day's: the one shape the desk,
 * the sheets, the certificates and the dashboard use (see {@link HalfDays} for the rule).
 */
public record SessionHalfDay(SessionDay day, HalfDay half, LocalTime start, LocalTime end) {

    public long sessionDayId() {
        return day.id();
    }

    public LocalDate date() {
        return day.date();
    }

    /** Its hours (always positive: a half-day exists only when the day has time on that side of the boundary). */
    public Duration duration() {
        return Duration.between(start, end);
    }

    /** As a certificate keeps it: "2027-03-16 MORNING 09:00-13:00" (see {@link AttendedHalfDay}). */
    public AttendedHalfDay attended() {
        return new AttendedHalfDay(date(), half, start, end);
    }
}
