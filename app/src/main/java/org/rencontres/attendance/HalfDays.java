package org.rencontres.attendance;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The two half-days of a day: the morning from the day's start to {@code afternoonStarts}, the
 * afternoon from then to the day's end (the boundary is a per-day setting, 13:00 by default).
 */
public record HalfDays(long dayId, long sessionDayId, LocalDate date, ZoneId zone, LocalTime startsAt, LocalTime afternoonStarts,
                       LocalTime endsAt) {

    public static final LocalTime DEFAULT_AFTERNOON = LocalTime.of(13, 0);

    public LocalTime start(HalfDay half) {
        return half == HalfDay.MORNING ? startsAt : afternoonStarts;
    }

    public LocalTime end(HalfDay half) {
        return half == HalfDay.MORNING ? afternoonStarts : endsAt;
    }

    /** Hours of that half-day, for certificates (never negative). */
    public Duration duration(HalfDay half) {
        Duration d = Duration.between(start(half), end(half));
        return d.isNegative() ? Duration.ZERO : d;
    }

    /** The half-day the desk is in at that moment, by the day's clock: afternoon from the boundary on. */
    public HalfDay at(Instant now) {
        ZonedDateTime local = now.atZone(zone);
        if (local.toLocalDate().isBefore(date)) {
            return HalfDay.MORNING;
        }
        if (local.toLocalDate().isAfter(date)) {
            return HalfDay.AFTERNOON;
        }
        return local.toLocalTime().isBefore(afternoonStarts) ? HalfDay.MORNING : HalfDay.AFTERNOON;
    }
}
