package org.rencontres.planner.rotation;

import java.util.List;
import org.rencontres.planner.InvalidProblemException;

/** Some participants at one table in one round: a fixed (already played) or an announced assignment. */
public record Seating(int round, String table, List<String> participants) {

    public Seating {
        if (round < 0) {
            throw new InvalidProblemException("a seating has a negative round: " + round);
        }
        if (table == null || table.isBlank()) {
            throw new InvalidProblemException("a seating of round " + round + " has no table");
        }
        participants = List.copyOf(participants == null ? List.of() : participants);
    }
}
