package org.rencontres.planner.allocation;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.rencontres.planner.InvalidProblemException;

/**
 * Workshops to allocate: {@code slots} workshop slots in the day (each participant takes one workshop per
 * slot, never the same one twice), workshops with capacities per slot, participants with ranked choices.
 * {@code fairness}: a convex cost (rank²) that prefers two second choices to a first and a third;
 * otherwise the cost is the rank. {@code allowUnranked}: a participant may be placed in a workshop they did
 * not rank (after all their ranked ones) rather than left out.
 */
public record AllocationProblem(int slots, List<Workshop> workshops, List<Chooser> participants, boolean fairness,
                                boolean allowUnranked) {

    public AllocationProblem {
        if (slots < 1) {
            throw new InvalidProblemException("slots must be at least 1, was " + slots);
        }
        workshops = List.copyOf(workshops == null ? List.of() : workshops);
        participants = List.copyOf(participants == null ? List.of() : participants);
        if (workshops.isEmpty()) {
            throw new InvalidProblemException("there must be at least one workshop");
        }
        if (slots > workshops.size()) {
            throw new InvalidProblemException(slots + " slots but only " + workshops.size()
                    + " workshops: nobody may take the same workshop twice");
        }
        Set<String> ids = new HashSet<>();
        for (Workshop w : workshops) {
            if (!ids.add(w.id())) {
                throw new InvalidProblemException("workshop " + w.id() + " is listed twice");
            }
        }
        Set<String> people = new HashSet<>();
        for (Chooser c : participants) {
            if (!people.add(c.id())) {
                throw new InvalidProblemException("participant " + c.id() + " is listed twice");
            }
            Set<String> seen = new HashSet<>();
            for (String choice : c.choices()) {
                if (!ids.contains(choice)) {
                    throw new InvalidProblemException("participant " + c.id() + " chose unknown workshop " + choice);
                }
                if (!seen.add(choice)) {
                    throw new InvalidProblemException("participant " + c.id() + " chose workshop " + choice + " twice");
                }
            }
        }
    }

    /** Cost of one placement at a rank (1 = first choice; workshops().size() + 1 = unranked). */
    public long rankCost(int rank) {
        return fairness ? (long) rank * rank : rank;
    }

    /** Cost of one slot left without a workshop: more than any set of placements could cost. */
    public long unassignedCost() {
        return (long) participants.size() * slots * rankCost(workshops.size() + 1) + 1;
    }
}
