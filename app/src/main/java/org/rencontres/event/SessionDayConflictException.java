package org.rencontres.event;

import java.time.LocalDate;

/** The session already has a day on that date. */
public class SessionDayConflictException extends RuntimeException {

    private final LocalDate date;

    public SessionDayConflictException(LocalDate date) {
        super("The session already has a day on " + date);
        this.date = date;
    }

    public LocalDate date() {
        return date;
    }
}
