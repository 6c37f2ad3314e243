package org.rencontres.registration;

/**
 * A day's seats.
 *
 * @param offerHours how long a waiting-listed agent has to accept a freed seat
 * @param managerOpinionAsked whether requests go to the agent's line manager before the training service
 */
public record Capacity(long dayId, int seats, int offerHours, boolean managerOpinionAsked) {

    public Capacity {
        if (seats <= 0) {
            throw new IllegalArgumentException("seats must be positive");
        }
        if (offerHours <= 0) {
            throw new IllegalArgumentException("offerHours must be positive");
        }
    }
}
