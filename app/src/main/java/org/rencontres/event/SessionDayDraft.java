package org.rencontres.event;

import java.time.LocalDate;
import java.time.LocalTime;

/** A day of a session as typed, before it is stored. */
public record SessionDayDraft(LocalDate date, LocalTime startsAt, LocalTime endsAt) {

    public SessionDayDraft {
        if (date == null || startsAt == null || endsAt == null || !endsAt.isAfter(startsAt)) {
            throw new IllegalArgumentException("A day has a date and ends after it starts");
        }
    }

    /** The same hours, {@code days} later (a new edition moves every day by the same offset). */
    public SessionDayDraft plusDays(long days) {
        return new SessionDayDraft(date.plusDays(days), startsAt, endsAt);
    }
}
