package org.rencontres.event;

import java.time.LocalDate;

/** A session the signed-in organiser may manage, with what back-office pages need to know of it. */
public record ManagedDay(long id, String sessionCode, String slug, String title, SessionDays days) {

    public LocalDate firstDate() {
        return days.firstDate();
    }
}
