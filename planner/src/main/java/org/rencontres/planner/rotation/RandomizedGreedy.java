package org.rencontres.planner.rotation;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Round after round, each participant takes the table (with room, allowed by the hard rules) where
 * they would meet the fewest people already met; ties are broken at random. Under hard rules the most
 * constrained participant is seated first. The search's starting point, and the baseline of the
 * benchmark.
 */
public final class RandomizedGreedy {

    private RandomizedGreedy() {
    }

    /** A plan by the greedy alone, best of as many restarts as fit in the problem's time limit. */
    public static RotationPlan plan(RotationProblem problem) {
        long start = System.nanoTime();
        long deadline = start + problem.timeLimitMillis() * 900_000L;
        Model model = new Model(problem);
        SplittableRandom random = new SplittableRandom(problem.seed());
        int[][] best = null;
        long bestCost = Long.MAX_VALUE;
        do {
            SearchState state = model.newState();
            seatFrom(model, state, 0, random);
            if (state.total() < bestCost) {
                bestCost = state.total();
                best = state.copySeats();
            }
        } while (System.nanoTime() < deadline);
        return RotationPlanner.toPlan(model, best, start);
    }

    /** Seats every round from {@code fromRound} on (rounds before it are already seated in the state). */
    static void seatFrom(Model model, SearchState state, int fromRound, SplittableRandom random) {
        for (int r = fromRound; r < model.w; r++) {
            seatRound(model, state, r, random);
        }
    }

    static void seatRound(Model model, SearchState state, int r, SplittableRandom random) {
        int g = model.g;
        TableSizes sizes = model.sizes[r];
        int[] target = new int[g];
        List<Integer> eligible = new ArrayList<>();
        for (int t = 0; t < g; t++) {
            target[t] = sizes.base(t);
            if (sizes.canTakeOneMore(t)) {
                eligible.add(t);
            }
        }
        // Tables announced with more people keep priority for the extra seats (fewer changes); otherwise random.
        shuffle(eligible, random);
        int[] announcedAt = new int[g];
        for (int i = 0; i < model.n; i++) {
            if (model.announced[r][i] >= 0) {
                announcedAt[model.announced[r][i]]++;
            }
        }
        eligible.sort((x, y) -> Integer.compare(announcedAt[y], announcedAt[x]));
        for (int e = 0; e < sizes.extra(); e++) {
            target[eligible.get(e)]++;
        }
        List<Integer> waiting = new ArrayList<>();
        for (int i = 0; i < model.n; i++) {
            if (model.pinned[r][i]) {
                state.place(r, i, model.fixedSeat[r][i]);
            }
        }
        for (int i = 0; i < model.n; i++) {
            if (!model.present[r][i] || model.pinned[r][i]) {
                continue;
            }
            int t = model.announced[r][i];
            if (t >= 0 && state.size[r][t] < target[t]) {
                state.place(r, i, t);
            } else {
                waiting.add(i);
            }
        }
        shuffle(waiting, random);
        boolean constrained = state.tableOnce || state.separate;
        while (!waiting.isEmpty()) {
            int pick = 0;
            if (constrained) {
                int fewest = Integer.MAX_VALUE;
                for (int k = 0; k < waiting.size(); k++) {
                    int options = 0;
                    int i = waiting.get(k);
                    for (int t = 0; t < g; t++) {
                        if (state.size[r][t] < target[t] && state.feasibleJoin(r, i, t)) {
                            options++;
                        }
                    }
                    if (options < fewest) {
                        fewest = options;
                        pick = k;
                    }
                }
            }
            int i = waiting.get(pick);
            waiting.set(pick, waiting.get(waiting.size() - 1));
            waiting.remove(waiting.size() - 1);
            int chosen = -1;
            long bestCost = Long.MAX_VALUE;
            int ties = 0;
            for (int t = 0; t < g; t++) {
                if (state.size[r][t] >= target[t]) {
                    continue;
                }
                long cost = state.joinCost(r, i, t);
                if (cost < bestCost) {
                    bestCost = cost;
                    chosen = t;
                    ties = 1;
                } else if (cost == bestCost && random.nextInt(++ties) == 0) {
                    chosen = t;
                }
            }
            state.place(r, i, chosen);
        }
    }

    static <T> void shuffle(List<T> list, SplittableRandom random) {
        for (int k = list.size() - 1; k > 0; k--) {
            int j = random.nextInt(k + 1);
            T tmp = list.get(k);
            list.set(k, list.get(j));
            list.set(j, tmp);
        }
    }
}
