package org.rencontres.registration;

import java.time.LocalDate;

/**
 * Whether a session's public form takes requests now, for the pages that offer it (the public page
 * of the session): open, not yet open (from {@code firstDay}), or closed (after {@code lastDay}, or
 * the session begun, past, cancelled or not published).
 *
 * @param firstDay the first day requests are taken, or null when there is no opening date
 * @param lastDay the last day requests are taken, or null when there is no closing date
 */
public record RegistrationWindow(Phase phase, LocalDate firstDay, LocalDate lastDay) {

    public enum Phase { OPEN, NOT_YET_OPEN, CLOSED }

    public boolean isOpen() {
        return phase == Phase.OPEN;
    }

    public boolean isNotYetOpen() {
        return phase == Phase.NOT_YET_OPEN;
    }

    public boolean isClosed() {
        return phase == Phase.CLOSED;
    }
}
