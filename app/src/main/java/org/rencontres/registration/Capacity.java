package org.rencontres.registration;

import java.time.Instant;

/**
 * A day's seats.
 *
 * @param offerHours how long a waiting-listed agent has to accept a freed seat
 * @param managerOpinionAsked whether requests go to the agent's line manager before the training service
 * @param opensAt when the public form starts taking requests, or null (at once)
 * @param closesAt when it stops, or null (when the day begins)
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
}
