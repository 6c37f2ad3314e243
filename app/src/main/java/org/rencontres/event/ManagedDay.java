package org.rencontres.event;

import java.time.LocalDate;
import java.time.LocalTime;

/** A day the signed-in organiser may manage, with what back-office pages need to know of it. */
public record ManagedDay(long id, String sessionCode, String slug, String title, LocalDate date,
                         LocalTime startsAt, LocalTime endsAt) {
}
