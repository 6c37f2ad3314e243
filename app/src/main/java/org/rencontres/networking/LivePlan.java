package org.rencontres.networking;

import java.util.List;
import java.util.Map;

/**
 * The plan a live rotation runs: its rounds in order, each with its tables and who sits there.
 *
 * @param roundSeconds how long people stay at a table
 * @param changeoverSeconds the time given to move to the next table between two rounds (0: none)
 */
record LivePlan(int roundSeconds, int changeoverSeconds, List<LiveRound> rounds) {

    public LivePlan {
        if (roundSeconds <= 0) {
            throw new IllegalArgumentException("A round lasts at least one second");
        }
        if (changeoverSeconds < 0) {
            throw new IllegalArgumentException("A changeover cannot be negative");
        }
        rounds = List.copyOf(rounds);
    }

    /** The published plan as the conductor screen runs it; each participant known by their public key. */
    static LivePlan of(PublishedPlan plan, Map<Long, String> keys) {
        List<LiveRound> rounds = plan.rounds().stream().map(round -> new LiveRound(round.number() + 1,
                round.tables().stream().map(t -> new LiveTable(t.table(), t.place(), t.theme(), t.host(),
                        t.seats().stream().map(seat -> new LiveSeat(keys.get(seat.participantId()), seat.name()))
                                .toList())).toList())).toList();
        return new LivePlan(plan.rotationMinutes() * 60, plan.changeoverMinutes() * 60, rounds);
    }
}
