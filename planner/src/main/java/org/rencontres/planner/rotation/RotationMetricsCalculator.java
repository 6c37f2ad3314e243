package org.rencontres.planner.rotation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.rencontres.planner.MeetingBounds;

/**
 * Measures a plan against its problem, from the plan alone: it shares no code with the search, so the
 * tests can trust it to judge the planner.
 */
public final class RotationMetricsCalculator {

    private static final int MAX_LISTED_VIOLATIONS = 20;

    private RotationMetricsCalculator() {
    }

    public static RotationMetrics measure(RotationProblem problem, List<PlannedRound> plan) {
        int n = problem.participants().size();
        int g = problem.tables().size();
        int w = problem.rounds();
        Map<String, Integer> people = new HashMap<>();
        for (int i = 0; i < n; i++) {
            people.put(problem.participants().get(i).id(), i);
        }
        Map<String, Integer> tableIds = new HashMap<>();
        for (int t = 0; t < g; t++) {
            tableIds.put(problem.tables().get(t).id(), t);
        }
        List<String> violations = new ArrayList<>();
        int[] count = {0};
        int[][] seat = new int[w][n];
        for (int[] row : seat) {
            Arrays.fill(row, -1);
        }
        int[][] size = new int[w][g];
        boolean[] roundSeen = new boolean[w];
        for (PlannedRound round : plan) {
            int r = round.round();
            if (r < 0 || r >= w || roundSeen[r]) {
                violation(violations, count, "round " + r + " is unknown or planned twice");
                continue;
            }
            roundSeen[r] = true;
            for (TableGroup group : round.tables()) {
                Integer t = tableIds.get(group.table());
                if (t == null) {
                    violation(violations, count, "round " + r + ": unknown table " + group.table());
                    continue;
                }
                for (String id : group.participants()) {
                    Integer i = people.get(id);
                    if (i == null) {
                        violation(violations, count, "round " + r + ": unknown participant " + id);
                    } else if (seat[r][i] >= 0) {
                        violation(violations, count, "round " + r + ": " + id + " is seated twice");
                    } else {
                        seat[r][i] = t;
                        size[r][t]++;
                    }
                }
            }
        }
        for (int r = 0; r < w; r++) {
            if (!roundSeen[r]) {
                violation(violations, count, "round " + r + " is missing");
            }
            for (int i = 0; i < n; i++) {
                boolean available = problem.participants().get(i).isAvailable(r);
                if (available && seat[r][i] < 0) {
                    violation(violations, count, "round " + r + ": " + problem.participants().get(i).id()
                            + " has no table");
                } else if (!available && seat[r][i] >= 0) {
                    violation(violations, count, "round " + r + ": " + problem.participants().get(i).id()
                            + " is seated but not available");
                }
            }
            int min = Integer.MAX_VALUE;
            int max = 0;
            for (int t = 0; t < g; t++) {
                int capacity = problem.tables().get(t).capacity();
                if (size[r][t] > capacity) {
                    violation(violations, count, "round " + r + ": table " + problem.tables().get(t).id() + " seats "
                            + size[r][t] + " for a capacity of " + capacity);
                }
                min = Math.min(min, size[r][t]);
                max = Math.max(max, size[r][t]);
            }
            TableSizes best = problem.sizes(r);
            int allowed = Math.max(1, best == null ? 1 : best.spread());
            if (max - min > allowed) {
                violation(violations, count, "round " + r + ": table sizes range from " + min + " to " + max);
            }
        }
        for (Seating s : problem.fixed()) {
            int t = tableIds.get(s.table());
            for (String id : s.participants()) {
                if (seat[s.round()][people.get(id)] != t) {
                    violation(violations, count, "round " + s.round() + ": fixed seat of " + id + " at " + s.table()
                            + " not kept");
                }
            }
        }
        if (problem.rules().tableOnce()) {
            for (int i = 0; i < n; i++) {
                int[] times = new int[g];
                for (int r = 0; r < w; r++) {
                    if (seat[r][i] >= 0 && ++times[seat[r][i]] > 1) {
                        violation(violations, count, problem.participants().get(i).id() + " sits again at table "
                                + problem.tables().get(seat[r][i]).id() + " in round " + r);
                    }
                }
            }
        }
        int[] meetings = new int[n * n];
        for (int r = 0; r < w; r++) {
            for (int i = 0; i < n; i++) {
                if (seat[r][i] < 0) {
                    continue;
                }
                for (int j = i + 1; j < n; j++) {
                    if (seat[r][j] == seat[r][i]) {
                        meetings[i * n + j]++;
                        String oi = problem.participants().get(i).organisation();
                        if (problem.rules().separateOrganisations() && oi != null
                                && oi.equals(problem.participants().get(j).organisation())) {
                            violation(violations, count, "round " + r + ": " + problem.participants().get(i).id()
                                    + " and " + problem.participants().get(j).id() + " of " + oi + " share table "
                                    + problem.tables().get(seat[r][i]).id());
                        }
                    }
                }
            }
        }
        long repeatPairs = 0;
        long repeatExcess = 0;
        int maxMeetings = 0;
        long[] histogram = new long[w + 1];
        int[] distinct = new int[n];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                int m = meetings[i * n + j];
                histogram[m]++;
                repeatPairs += (long) m * (m - 1) / 2;
                repeatExcess += Math.max(0, m - 1);
                maxMeetings = Math.max(maxMeetings, m);
                if (m > 0) {
                    distinct[i]++;
                    distinct[j]++;
                }
            }
        }
        int distinctMin = Integer.MAX_VALUE;
        long distinctSum = 0;
        int attending = 0;
        for (int i = 0; i < n; i++) {
            boolean attends = false;
            for (int r = 0; r < w; r++) {
                attends |= problem.participants().get(i).isAvailable(r);
            }
            if (attends) {
                attending++;
                distinctMin = Math.min(distinctMin, distinct[i]);
                distinctSum += distinct[i];
            }
        }
        if (attending == 0) {
            distinctMin = 0;
        }
        double distinctMean = attending == 0 ? 0 : Math.round(100.0 * distinctSum / attending) / 100.0;
        int[][] common = new int[w][w];
        for (Participant p : problem.participants()) {
            for (int r = 0; r < w; r++) {
                for (int s = r + 1; s < w; s++) {
                    if (p.isAvailable(r) && p.isAvailable(s)) {
                        common[r][s]++;
                    }
                }
            }
        }
        long lowerBound = MeetingBounds.lowerBoundRepeatPairs(common, g, problem.rules().tableOnce());
        int largestGroup = 1;
        int largestCapacity = 0;
        for (Table t : problem.tables()) {
            largestCapacity = Math.max(largestCapacity, t.capacity());
        }
        for (int r = 0; r < w; r++) {
            int present = problem.presentIn(r);
            largestGroup = Math.max(largestGroup, Math.min(largestCapacity, (present + g - 1) / g));
        }
        int upperBound = MeetingBounds.maxDistinctPeople(Math.max(1, n), largestGroup, w);
        int changed = 0;
        for (Seating s : problem.announced()) {
            int t = tableIds.get(s.table());
            for (String id : s.participants()) {
                int i = people.get(id);
                if (problem.participants().get(i).isAvailable(s.round()) && seat[s.round()][i] != t) {
                    changed++;
                }
            }
        }
        List<Long> hist = new ArrayList<>();
        int last = w;
        while (last > 1 && histogram[last] == 0) {
            last--;
        }
        for (int m = 0; m <= last; m++) {
            hist.add(histogram[m]);
        }
        return new RotationMetrics(count[0], repeatPairs, repeatExcess, maxMeetings, distinctMin, distinctMean,
                lowerBound, upperBound, hist, changed, violations);
    }

    private static void violation(List<String> violations, int[] count, String what) {
        count[0]++;
        if (violations.size() < MAX_LISTED_VIOLATIONS) {
            violations.add(what);
        }
    }
}
