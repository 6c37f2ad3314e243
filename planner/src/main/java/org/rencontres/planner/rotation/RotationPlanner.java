package org.rencontres.planner.rotation;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.rencontres.planner.MeetingBounds;

/**
 * Plans a networking rotation: a design-based start where one exists (affine planes, transversal
 * designs), otherwise a randomized greedy start, then tabu search; two independent walks run side by side
 * and the better plan wins. Hard rules (seating, capacity, balanced sizes, fixed seats) hold by
 * construction; tableOnce and separateOrganisations are driven to zero by a heavy penalty and reported
 * when they cannot be.
 *
 * <p>Same problem, same seed: same plan, as long as the search ends on its effort budget
 * ({@link RotationProblem#workLimit()}, by default proportional to the time limit) rather than on the
 * wall clock, which only a machine far slower than the calibration one would reach.
 */
public final class RotationPlanner {

    /** Neighbour evaluations per millisecond of time limit: calibrated to end well within it on 2 cores. */
    static final long WORK_PER_MILLI = 6_000;
    private static final int WALKS = 2;

    private RotationPlanner() {
    }

    public static RotationPlan plan(RotationProblem problem) {
        long start = System.nanoTime();
        Model model = new Model(problem);
        long optimum = lowerBound(model);
        long workLimit = problem.workLimit() > 0 ? problem.workLimit() : problem.timeLimitMillis() * WORK_PER_MILLI;
        long deadline = start + problem.timeLimitMillis() * 850_000L;
        List<int[]> design = designStart(model);
        ExecutorService pool = Executors.newFixedThreadPool(WALKS, runnable -> {
            Thread thread = new Thread(runnable, "rotation-walk");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<TabuSearch>> starts = new ArrayList<>();
            for (int k = 0; k < WALKS; k++) {
                int walk = k;
                starts.add(pool.submit(() -> start(model, walk, design, optimum)));
            }
            List<TabuSearch> walks = new ArrayList<>();
            for (Future<TabuSearch> f : starts) {
                walks.add(f.get());
            }
            // Epochs of equal effort, then a barrier: the walks stop together as soon as one of them is
            // optimal, and which one wins depends only on the seed, never on thread timing.
            long epoch = Math.max(200_000, workLimit / 40);
            long done = 0;
            while (done < workLimit && walks.stream().noneMatch(TabuSearch::optimal) && System.nanoTime() < deadline) {
                long target = Math.min(workLimit, done + epoch);
                List<Future<?>> running = new ArrayList<>();
                for (TabuSearch walk : walks) {
                    running.add(pool.submit(() -> walk.advance(target, deadline)));
                }
                for (Future<?> f : running) {
                    f.get();
                }
                done = target;
            }
            TabuSearch best = walks.get(0);
            for (TabuSearch walk : walks) {
                if (walk.best() < best.best()) {
                    best = walk;
                }
            }
            return toPlan(model, best.bestSeats(), start);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("planning interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("planning failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static TabuSearch start(Model model, int walk, List<int[]> design, long optimum) {
        SplittableRandom random = new SplittableRandom(model.problem.seed() * 0x9E3779B97F4A7C15L + walk);
        SearchState state = model.newState();
        if (walk == 0 && !design.isEmpty()) {
            for (int r = 0; r < design.size(); r++) {
                int[] tables = design.get(r);
                for (int i = 0; i < model.n; i++) {
                    state.place(r, i, tables[i]);
                }
            }
            RandomizedGreedy.seatFrom(model, state, design.size(), random);
        } else {
            RandomizedGreedy.seatFrom(model, state, 0, random);
        }
        return new TabuSearch(state, random, optimum);
    }

    /** Zero-repeat rounds from a design, when the problem is a classic g-p-w instance. */
    private static List<int[]> designStart(Model model) {
        RotationProblem problem = model.problem;
        if (!problem.fixed().isEmpty() || !problem.announced().isEmpty() || !model.everyoneAlwaysPresent()
                || problem.rules().separateOrganisations() || model.n % model.g != 0) {
            return List.of();
        }
        int p = model.n / model.g;
        for (int c : model.capacity) {
            if (c < p) {
                return List.of();
            }
        }
        if (p < 2) {
            return List.of();
        }
        return Designs.zeroRepeatRounds(model.g, p, model.w);
    }

    static long lowerBound(Model model) {
        int[][] common = new int[model.w][model.w];
        for (int i = 0; i < model.n; i++) {
            for (int r = 0; r < model.w; r++) {
                for (int s = r + 1; s < model.w; s++) {
                    if (model.present[r][i] && model.present[s][i]) {
                        common[r][s]++;
                    }
                }
            }
        }
        return MeetingBounds.lowerBoundRepeatPairs(common, model.g, model.problem.rules().tableOnce());
    }

    static RotationPlan toPlan(Model model, int[][] seats, long startNanos) {
        RotationProblem problem = model.problem;
        List<PlannedRound> rounds = new ArrayList<>();
        for (int r = 0; r < model.w; r++) {
            List<List<String>> groups = new ArrayList<>();
            for (int t = 0; t < model.g; t++) {
                groups.add(new ArrayList<>());
            }
            for (int i = 0; i < model.n; i++) {
                if (seats[r][i] >= 0) {
                    groups.get(seats[r][i]).add(problem.participants().get(i).id());
                }
            }
            List<TableGroup> tables = new ArrayList<>();
            for (int t = 0; t < model.g; t++) {
                tables.add(new TableGroup(problem.tables().get(t).id(), groups.get(t)));
            }
            rounds.add(new PlannedRound(r, tables));
        }
        RotationMetrics metrics = RotationMetricsCalculator.measure(problem, rounds);
        long elapsed = (System.nanoTime() - startNanos) / 1_000_000;
        return new RotationPlan(rounds, metrics, elapsed);
    }
}
