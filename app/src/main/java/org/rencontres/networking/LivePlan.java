package org.rencontres.networking;

import java.util.List;

/**
 * The plan a live rotation runs: its rounds in order, each with its tables and who sits there.
 *
 * @param roundSeconds how long people stay at a table
 * @param changeoverSeconds the time given to move to the next table between two rounds (0: none)
 */
public record LivePlan(int roundSeconds, int changeoverSeconds, List<LiveRound> rounds) {

    public LivePlan {
        if (roundSeconds <= 0) {
            throw new IllegalArgumentException("A round lasts at least one second");
        }
        if (changeoverSeconds < 0) {
            throw new IllegalArgumentException("A changeover cannot be negative");
        }
        rounds = List.copyOf(rounds);
    }
}
