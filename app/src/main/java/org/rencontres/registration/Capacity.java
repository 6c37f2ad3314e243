package org.rencontres.registration;

import java.time.Instant;
import java.time.LocalDate;

import org.rencontres.shared.FrenchTime;

/**
 * A day's seats.
 *
 * @param offerHours how long a waiting-listed agent has to accept a freed seat
 * @param managerOpinionAsked whether requests go to the agent's line manager before the training service
 * @param opensAt when the public form starts taking requests, or null (at once)
 * @param closesAt when it stops, or null (when the day begins): the start of the day after the last day
 *                 the form is open (a closing date of 9 December is stored as 10 December, 00:00, Paris)
 */
public record Capacity(long dayId, int seats, int offerHours, boolean managerOpinionAsked, Instant opensAt,
                       Instant closesAt) {

    /** Seats that take requests at any time. */
    public Capacity(long dayId, int seats, int offerHours, boolean managerOpinionAsked) {
        this(dayId, seats, offerHours, managerOpinionAsked, null, null);
    }

    public Capacity {
        if (seats <= 0) {
            throw new IllegalArgumentException("seats must be positive");
        }
        if (offerHours <= 0) {
            throw new IllegalArgumentException("offerHours must be positive");
        }
        if (opensAt != null && closesAt != null && !opensAt.isBefore(closesAt)) {
            throw new IllegalArgumentException("registration must open before it closes");
        }
    }

    /** The first day the form takes requests (Paris), or null when it takes them at once. */
    public LocalDate firstDay() {
        return opensAt == null ? null : opensAt.atZone(FrenchTime.PARIS).toLocalDate();
    }

    /**
     * The last day the form takes requests (Paris), or null when it takes them until the session:
     * {@code closesAt} is the first instant it no longer does, so people are shown the day before.
     */
    public LocalDate lastDay() {
        return closesAt == null ? null : closesAt.minusNanos(1).atZone(FrenchTime.PARIS).toLocalDate();
    }
}
