package org.rencontres.planner.rotation;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/** The problem turned into arrays, shared read-only by the search walks. */
final class Model {

    final RotationProblem problem;
    final int n;
    final int g;
    final int w;
    final int[] capacity;
    final int[] organisation;
    final boolean[][] present;
    final int[][] fixedSeat;
    final boolean[][] pinned;
    final int[][] announced;
    final TableSizes[] sizes;

    Model(RotationProblem problem) {
        this.problem = problem;
        n = problem.participants().size();
        g = problem.tables().size();
        w = problem.rounds();
        capacity = problem.capacities();
        Map<String, Integer> orgIds = new HashMap<>();
        organisation = new int[n];
        for (int i = 0; i < n; i++) {
            String o = problem.participants().get(i).organisation();
            organisation[i] = o == null ? -1 : orgIds.computeIfAbsent(o, key -> orgIds.size());
        }
        present = new boolean[w][n];
        for (int r = 0; r < w; r++) {
            for (int i = 0; i < n; i++) {
                present[r][i] = problem.participants().get(i).isAvailable(r);
            }
        }
        Map<String, Integer> people = new HashMap<>();
        for (int i = 0; i < n; i++) {
            people.put(problem.participants().get(i).id(), i);
        }
        fixedSeat = new int[w][n];
        pinned = new boolean[w][n];
        for (int[] row : fixedSeat) {
            Arrays.fill(row, -1);
        }
        for (Seating s : problem.fixed()) {
            int t = problem.tableIndex(s.table());
            for (String id : s.participants()) {
                int i = people.get(id);
                fixedSeat[s.round()][i] = t;
                pinned[s.round()][i] = true;
            }
        }
        announced = new int[w][n];
        for (int[] row : announced) {
            Arrays.fill(row, -1);
        }
        for (Seating s : problem.announced()) {
            int t = problem.tableIndex(s.table());
            for (String id : s.participants()) {
                int i = people.get(id);
                if (present[s.round()][i] && !pinned[s.round()][i] && announced[s.round()][i] < 0) {
                    announced[s.round()][i] = t;
                }
            }
        }
        sizes = new TableSizes[w];
        for (int r = 0; r < w; r++) {
            sizes[r] = problem.sizes(r);
        }
    }

    SearchState newState() {
        boolean separate = problem.rules().separateOrganisations();
        int[] org = separate ? organisation : new int[n];
        if (!separate) {
            Arrays.fill(org, -1);
        }
        return new SearchState(n, g, w, capacity, problem.rules().tableOnce(), separate, org, present, pinned,
                announced);
    }

    boolean everyoneAlwaysPresent() {
        for (boolean[] row : present) {
            for (boolean p : row) {
                if (!p) {
                    return false;
                }
            }
        }
        return true;
    }
}
