package org.rencontres.event;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.rencontres.shared.FrenchTime;

/** One day of a session: its date and its hours. */
public record SessionDay(long id, LocalDate date, LocalTime startsAt, LocalTime endsAt) {

    public SessionDay {
        if (!endsAt.isAfter(startsAt)) {
            throw new IllegalArgumentException("A day must end after it starts");
        }
    }

    public ZonedDateTime start(ZoneId zone) {
        return date.atTime(startsAt).atZone(zone);
    }

    public ZonedDateTime end(ZoneId zone) {
        return date.atTime(endsAt).atZone(zone);
    }

    /** "mardi 16 mars 2027". */
    public String frenchDate() {
        return FrenchTime.longDate(date);
    }

    /** "9h – 17h". */
    public String frenchHours() {
        return FrenchTime.clock(startsAt) + " – " + FrenchTime.clock(endsAt);
    }

    /** The same day, as a draft to edit or to copy (a new edition shifts it). */
    public SessionDayDraft draft() {
        return new SessionDayDraft(date, startsAt, endsAt);
    }
}
