package org.rencontres.planner.rotation;

import java.util.List;

/**
 * How good a plan is, computed by {@link RotationMetricsCalculator} from the plan alone.
 *
 * @param hardViolations         broken hard rules (seating, capacity, balance, tableOnce, separateOrganisations, fixed)
 * @param repeatPairs            K = Σ over pairs of C(m, 2), m the number of rounds the pair shares a table
 * @param repeatExcess           R = Σ over pairs of max(0, m − 1): meetings that were not new
 * @param maxMeetings            the most rounds any one pair shares a table (fairness)
 * @param distinctMetMin         the fewest distinct people any participant meets
 * @param distinctMetMean        the mean number of distinct people met
 * @param lowerBoundRepeatPairs  no plan of this problem has a smaller K (see {@link org.rencontres.planner.MeetingBounds})
 * @param upperBoundDistinctMet  no participant can meet more distinct people
 * @param pairMeetingHistogram   element m: how many pairs share a table in exactly m rounds
 * @param changedAssignments     announced seats (of people still present) that the plan changed
 * @param violations             the first few broken rules, in words
 */
public record RotationMetrics(int hardViolations, long repeatPairs, long repeatExcess, int maxMeetings,
                              int distinctMetMin, double distinctMetMean, long lowerBoundRepeatPairs,
                              int upperBoundDistinctMet, List<Long> pairMeetingHistogram, int changedAssignments,
                              List<String> violations) {

    public RotationMetrics {
        pairMeetingHistogram = List.copyOf(pairMeetingHistogram);
        violations = List.copyOf(violations);
    }
}
