package org.rencontres.planner.rotation;

import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.rencontres.planner.InvalidProblemException;

/**
 * A participant of the rotation. {@code organisation} may be null; {@code availableRounds} null
 * means every round (late arrivals and early departures give a smaller set).
 */
public record Participant(String id, String organisation, SortedSet<Integer> availableRounds) {

    public Participant {
        if (id == null || id.isBlank()) {
            throw new InvalidProblemException("a participant has no id");
        }
        if (organisation != null && organisation.isBlank()) {
            organisation = null;
        }
        if (availableRounds != null) {
            for (Integer round : availableRounds) {
                if (round == null || round < 0) {
                    throw new InvalidProblemException("participant " + id + ": available rounds must not be negative");
                }
            }
            availableRounds = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(availableRounds));
        }
    }

    public Participant(String id) {
        this(id, null, null);
    }

    public static Participant of(String id, String organisation, Set<Integer> availableRounds) {
        return new Participant(id, organisation, availableRounds == null ? null : new TreeSet<>(availableRounds));
    }

    public boolean isAvailable(int round) {
        return availableRounds == null || availableRounds.contains(round);
    }
}
