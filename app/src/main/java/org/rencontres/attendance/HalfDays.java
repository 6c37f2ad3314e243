package org.rencontres.attendance;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.rencontres.event.SessionDay;
import org.rencontres.event.SessionDays;

/**
 * The half-days of a session, day by day. The afternoon boundary is a setting of the session (13:00
 * unless changed); a day has a morning when it starts before the boundary and an afternoon when it
 * ends after it, each clipped to the day's hours: 09:00–17:00 gives 09:00–13:00 and 13:00–17:00,
 * 09:00–12:30 a morning only, 14:00–17:00 an afternoon only.
 */
public record HalfDays(long dayId, SessionDays days, LocalTime afternoonStarts) {

    public static final LocalTime DEFAULT_AFTERNOON = LocalTime.of(13, 0);

    public ZoneId zone() {
        return days.zone();
    }

    /** The half-days of one day of the session, morning first (one or two, never none). */
    public List<SessionHalfDay> of(SessionDay day) {
        List<SessionHalfDay> halves = new ArrayList<>(2);
        if (day.startsAt().isBefore(afternoonStarts)) {
            halves.add(new SessionHalfDay(day, HalfDay.MORNING, day.startsAt(), min(day.endsAt(), afternoonStarts)));
        }
        if (day.endsAt().isAfter(afternoonStarts)) {
            halves.add(new SessionHalfDay(day, HalfDay.AFTERNOON, max(day.startsAt(), afternoonStarts), day.endsAt()));
        }
        return halves;
    }

    /** Every half-day of the session, in order. */
    public List<SessionHalfDay> all() {
        List<SessionHalfDay> all = new ArrayList<>();
        days.all().forEach(d -> all.addAll(of(d)));
        return all;
    }

    public Optional<SessionHalfDay> find(long sessionDayId, HalfDay half) {
        return days.byId(sessionDayId).flatMap(d -> of(d).stream().filter(h -> h.half() == half).findFirst());
    }

    /** The day a desk works on at that moment, by the session's clock: today's day, else the first. */
    public SessionDay dayAt(Instant now) {
        LocalDate today = now.atZone(zone()).toLocalDate();
        return days.on(today).orElse(days.first());
    }

    /**
     * The half-day of that day the desk is in at that moment: the afternoon from the boundary on (the
     * morning before the day, the afternoon after it), or the day's only half-day.
     */
    public SessionHalfDay at(SessionDay day, Instant now) {
        List<SessionHalfDay> halves = of(day);
        if (halves.size() == 1) {
            return halves.get(0);
        }
        ZonedDateTime local = now.atZone(zone());
        boolean afternoon = local.toLocalDate().isAfter(day.date())
                || local.toLocalDate().equals(day.date()) && !local.toLocalTime().isBefore(afternoonStarts);
        return halves.get(afternoon ? 1 : 0);
    }

    /** The earliest start of the session's days (the afternoon boundary must come after it). */
    LocalTime earliestStart() {
        return days.all().stream().map(SessionDay::startsAt).min(LocalTime::compareTo).orElseThrow();
    }

    /** The latest end of the session's days (the afternoon boundary must come before it). */
    LocalTime latestEnd() {
        return days.all().stream().map(SessionDay::endsAt).max(LocalTime::compareTo).orElseThrow();
    }

    private static LocalTime min(LocalTime a, LocalTime b) {
        return a.isBefore(b) ? a : b;
    }

    private static LocalTime max(LocalTime a, LocalTime b) {
        return a.isAfter(b) ? a : b;
    }
}
