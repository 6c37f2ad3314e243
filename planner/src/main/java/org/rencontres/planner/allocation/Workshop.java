package org.rencontres.planner.allocation;

import org.rencontres.planner.InvalidProblemException;

/**
 * A workshop, run once in every slot, seating at most {@code capacity} per slot; with a {@code minimum}
 * above 0 it runs only if every slot reaches it (otherwise it is cancelled and said so).
 */
public record Workshop(String id, int capacity, int minimum) {

    public Workshop {
        if (id == null || id.isBlank()) {
            throw new InvalidProblemException("a workshop has no id");
        }
        if (capacity < 1) {
            throw new InvalidProblemException("workshop " + id + ": capacity must be at least 1, was " + capacity);
        }
        if (minimum < 0 || minimum > capacity) {
            throw new InvalidProblemException("workshop " + id + ": minimum must be between 0 and the capacity, was "
                    + minimum);
        }
    }

    public Workshop(String id, int capacity) {
        this(id, capacity, 0);
    }
}
