package org.rencontres.networking;

import java.time.LocalTime;
import java.util.List;

/**
 * A published rotation plan, frozen until the organiser unpublishes it: what the conductor screen,
 * route cards and personal pages follow.
 *
 * @param startsAt when the first round starts (the programme slot's start)
 * @param rounds   every round in order, numbered from 0
 */
record PublishedPlan(long sessionId, long dayId, int rotationMinutes, int changeoverMinutes, LocalTime startsAt,
                            List<PlannedRound> rounds) {

    public PublishedPlan {
        rounds = List.copyOf(rounds);
    }
}
