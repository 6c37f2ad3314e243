package org.rencontres.planner.rotation;

import java.util.List;

/** A planned rotation: every round, its metrics, and how long planning took. */
public record RotationPlan(List<PlannedRound> rounds, RotationMetrics metrics, long elapsedMillis) {

    public RotationPlan {
        rounds = List.copyOf(rounds);
    }

    /** The table of {@code participant} in {@code round}, or null when they are not seated. */
    public String tableOf(String participant, int round) {
        for (TableGroup group : rounds.get(round).tables()) {
            if (group.participants().contains(participant)) {
                return group.table();
            }
        }
        return null;
    }
}
