package org.rencontres.planner.rotation;

import org.rencontres.planner.InvalidProblemException;

/** A networking table, held by a host on one theme, seating at most {@code capacity} participants. */
public record Table(String id, int capacity) {

    public Table {
        if (id == null || id.isBlank()) {
            throw new InvalidProblemException("a table has no id");
        }
        if (capacity < 1) {
            throw new InvalidProblemException("table " + id + ": capacity must be at least 1, was " + capacity);
        }
    }
}
