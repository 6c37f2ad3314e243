package org.rencontres.planner.allocation;

import java.util.List;

/**
 * An allocation: each participant's workshop per slot (null: none), the rank profile (element k: how many
 * placements were a (k+1)-th choice), placements in unranked workshops, who could not be placed and why,
 * workshops cancelled for lack of participants, the total cost, and whether it is proven optimal.
 */
public record AllocationPlan(List<Assignment> assignments, List<Integer> rankProfile, int unrankedPlacements,
                             List<Unplaced> unassigned, List<Cancelled> cancelled, long cost, boolean optimal,
                             long elapsedMillis) {

    public AllocationPlan {
        assignments = List.copyOf(assignments);
        rankProfile = List.copyOf(rankProfile);
        unassigned = List.copyOf(unassigned);
        cancelled = List.copyOf(cancelled);
    }

    /** One participant's workshops, by slot; an element is null when they have no workshop in that slot. */
    public record Assignment(String participant, List<String> workshops) {
        public Assignment {
            workshops = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(workshops));
        }
    }

    public record Unplaced(String participant, int slot, String reason) {
    }

    public record Cancelled(String workshop, String reason) {
    }
}
