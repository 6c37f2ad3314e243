package org.rencontres.planner.rotation;

import java.util.SplittableRandom;

/**
 * Tabu search in the manner of Dotú and Van Hentenryck: each step makes the best swap of two people
 * of one round at different tables, among swaps that involve someone in conflict (a repeated pair, a
 * broken rule or a changed announcement); moving back to a table just left is tabu for a few steps,
 * unless it beats the best plan so far. When the best plan has not improved for a while, the search
 * restarts from it with a few random swaps. In rounds whose table sizes differ, moving one person from a
 * larger table to a smaller one (which keeps the sizes balanced) is a step too.
 *
 * <p>The effort is counted in evaluated neighbours, not in time, so the same seed gives the same plan.
 */
final class TabuSearch {

    /** Tabu tenure: TENURE_MIN plus a random part below TENURE_SPAN (and below n). */
    static final int TENURE_MIN = 3;
    static final int TENURE_SPAN = 20;

    private final SearchState s;
    private final SplittableRandom random;
    private final long optimum;
    private final int[][] free;
    private final int[] tabu;
    private final boolean[] conflicted;
    private final int stallLimit;
    private long best;
    private int[][] bestSeats;
    private long work;
    private int iteration;
    private int lastImprovement;

    TabuSearch(SearchState s, SplittableRandom random, long optimum) {
        this.s = s;
        this.random = random;
        this.optimum = optimum;
        int n = s.n;
        free = new int[s.w][];
        for (int r = 0; r < s.w; r++) {
            int count = 0;
            int[] list = new int[n];
            for (int i = 0; i < n; i++) {
                if (s.present[r][i] && !s.pinned[r][i]) {
                    list[count++] = i;
                }
            }
            free[r] = java.util.Arrays.copyOf(list, count);
        }
        tabu = new int[s.w * n * s.g];
        conflicted = new boolean[n];
        stallLimit = Math.max(300, 4 * n);
        best = s.total();
        bestSeats = s.copySeats();
    }

    long best() {
        return best;
    }

    int[][] bestSeats() {
        return bestSeats;
    }

    long work() {
        return work;
    }

    boolean optimal() {
        return best <= optimum;
    }

    /** Searches until the work done reaches {@code workTarget}, the optimum is found or the deadline passes. */
    void advance(long workTarget, long deadlineNanos) {
        int n = s.n;
        int g = s.g;
        int w = s.w;
        while (best > optimum && work < workTarget) {
            if ((iteration & 31) == 0 && System.nanoTime() > deadlineNanos) {
                return;
            }
            long current = s.total();
            long bestDelta = Long.MAX_VALUE;
            int ties = 0;
            int moveRound = -1;
            int moveI = -1;
            int moveJ = -1;
            int moveTable = -1;
            for (int r = 0; r < w; r++) {
                int[] people = free[r];
                if (people.length == 0) {
                    continue;
                }
                for (int i : people) {
                    conflicted[i] = s.conflicted(r, i);
                }
                int[] seat = s.seat[r];
                int[] size = s.size[r];
                int tabuBase = r * n * g;
                for (int i : people) {
                    if (!conflicted[i]) {
                        continue;
                    }
                    int a = seat[i];
                    for (int j : people) {
                        int b = seat[j];
                        if (b == a || (conflicted[j] && j < i)) {
                            continue;
                        }
                        long delta = s.deltaSwap(r, i, j);
                        work++;
                        if (delta > bestDelta) {
                            continue;
                        }
                        boolean isTabu = tabu[tabuBase + i * g + b] > iteration || tabu[tabuBase + j * g + a] > iteration;
                        if (isTabu && current + delta >= best) {
                            continue;
                        }
                        if (delta < bestDelta) {
                            bestDelta = delta;
                            ties = 1;
                        } else if (random.nextInt(++ties) != 0) {
                            continue;
                        }
                        moveRound = r;
                        moveI = i;
                        moveJ = j;
                        moveTable = -1;
                    }
                    for (int t = 0; t < g; t++) {
                        if (t == a || size[t] + 1 != size[a] || size[t] + 1 > s.capacity[t]) {
                            continue;
                        }
                        long delta = s.deltaMove(r, i, t);
                        work++;
                        if (delta > bestDelta) {
                            continue;
                        }
                        boolean isTabu = tabu[tabuBase + i * g + t] > iteration;
                        if (isTabu && current + delta >= best) {
                            continue;
                        }
                        if (delta < bestDelta) {
                            bestDelta = delta;
                            ties = 1;
                        } else if (random.nextInt(++ties) != 0) {
                            continue;
                        }
                        moveRound = r;
                        moveI = i;
                        moveJ = -1;
                        moveTable = t;
                    }
                }
            }
            iteration++;
            work += n;
            if (moveRound < 0) {
                // Everything is tabu: let the tabu list expire, or leave.
                if (iteration - lastImprovement > stallLimit) {
                    lastImprovement = iteration;
                    perturb();
                }
                continue;
            }
            int tenure = TENURE_MIN + random.nextInt(Math.max(4, Math.min(n, TENURE_SPAN)));
            int tabuBase = moveRound * n * g;
            int a = s.seat[moveRound][moveI];
            if (moveJ >= 0) {
                int b = s.seat[moveRound][moveJ];
                s.swap(moveRound, moveI, moveJ);
                tabu[tabuBase + moveI * g + a] = iteration + tenure;
                tabu[tabuBase + moveJ * g + b] = iteration + tenure;
            } else {
                s.move(moveRound, moveI, moveTable);
                tabu[tabuBase + moveI * g + a] = iteration + tenure;
            }
            long now = s.total();
            if (now < best) {
                best = now;
                bestSeats = s.copySeats();
                lastImprovement = iteration;
            } else if (iteration - lastImprovement > stallLimit) {
                lastImprovement = iteration;
                perturb();
            }
        }
    }

    /** Back to the best plan, then a few random swaps to leave its neighbourhood. */
    private void perturb() {
        work += (long) s.w * s.n * 4;
        s.load(bestSeats);
        java.util.Arrays.fill(tabu, 0);
        int swaps = 1 + random.nextInt(Math.max(2, s.w));
        for (int k = 0; k < swaps; k++) {
            int r = random.nextInt(s.w);
            int[] people = free[r];
            if (people.length < 2) {
                continue;
            }
            int i = people[random.nextInt(people.length)];
            int j = people[random.nextInt(people.length)];
            if (s.seat[r][i] != s.seat[r][j]) {
                s.swap(r, i, j);
            }
        }
    }
}
