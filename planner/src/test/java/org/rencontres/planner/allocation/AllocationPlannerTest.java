package org.rencontres.planner.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.rencontres.planner.InvalidProblemException;
import org.rencontres.planner.RandomInstances;

class AllocationPlannerTest {

    @Test
    void everyone_gets_a_first_choice_when_there_is_room() {
        AllocationProblem problem = new AllocationProblem(1, List.of(new Workshop("a", 2), new Workshop("b", 2)),
                List.of(new Chooser("p1", List.of("a", "b")), new Chooser("p2", List.of("b", "a")),
                        new Chooser("p3", List.of("a", "b"))), false, true);
        AllocationPlan plan = AllocationPlanner.plan(problem);
        assertThat(plan.rankProfile()).containsExactly(3);
        assertThat(plan.unassigned()).isEmpty();
        assertThat(plan.optimal()).isTrue();
    }

    @Test
    void fairness_costs_the_square_of_the_rank() {
        // Three people, one seat in each of a, b, c, all ranking a, b, c.
        AllocationProblem fair = new AllocationProblem(1,
                List.of(new Workshop("a", 1), new Workshop("b", 1), new Workshop("c", 1)),
                List.of(new Chooser("p1", List.of("a", "b", "c")), new Chooser("p2", List.of("a", "b", "c")),
                        new Chooser("p3", List.of("a", "b", "c"))), true, true);
        AllocationPlan plan = AllocationPlanner.plan(fair);
        assertThat(plan.rankProfile()).containsExactly(1, 1, 1);
        assertThat(plan.cost()).isEqualTo(1 + 4 + 9);
    }

    @Test
    void two_slots_never_repeat_a_workshop() {
        AllocationProblem problem = new AllocationProblem(2,
                List.of(new Workshop("a", 2), new Workshop("b", 2), new Workshop("c", 2)),
                List.of(new Chooser("p1", List.of("a", "b")), new Chooser("p2", List.of("a", "b")),
                        new Chooser("p3", List.of("a", "c"))), false, true);
        AllocationPlan plan = AllocationPlanner.plan(problem);
        assertThat(plan.rankProfile()).containsExactly(3, 3);
        for (AllocationPlan.Assignment a : plan.assignments()) {
            assertThat(a.workshops()).doesNotHaveDuplicates().doesNotContainNull();
        }
    }

    @Test
    void says_who_could_not_be_placed_and_why() {
        AllocationProblem problem = new AllocationProblem(1, List.of(new Workshop("a", 1)),
                List.of(new Chooser("p1", List.of("a")), new Chooser("p2", List.of("a"))), false, true);
        AllocationPlan plan = AllocationPlanner.plan(problem);
        assertThat(plan.unassigned()).hasSize(1);
        assertThat(plan.unassigned().get(0).reason()).contains("capacity short");
    }

    @Test
    void a_workshop_below_its_minimum_is_cancelled() {
        AllocationProblem problem = new AllocationProblem(1,
                List.of(new Workshop("a", 5), new Workshop("b", 5, 3)),
                List.of(new Chooser("p1", List.of("a")), new Chooser("p2", List.of("a"))), false, true);
        AllocationPlan plan = AllocationPlanner.plan(problem);
        assertThat(plan.cancelled()).extracting(AllocationPlan.Cancelled::workshop).containsExactly("b");
        assertThat(plan.rankProfile()).containsExactly(2);
    }

    @Test
    void a_minimum_is_reached_by_moving_the_cheapest_people() {
        AllocationProblem problem = new AllocationProblem(1,
                List.of(new Workshop("a", 5), new Workshop("b", 5, 2)),
                List.of(new Chooser("p1", List.of("a", "b")), new Chooser("p2", List.of("a", "b")),
                        new Chooser("p3", List.of("a", "b"))), false, true);
        AllocationPlan plan = AllocationPlanner.plan(problem);
        assertThat(plan.cancelled()).isEmpty();
        assertThat(plan.rankProfile()).containsExactly(1, 2);
    }

    @Test
    void refuses_nonsense() {
        assertThatThrownBy(() -> new AllocationProblem(3, List.of(new Workshop("a", 1), new Workshop("b", 1)),
                List.of(), false, true)).isInstanceOf(InvalidProblemException.class).hasMessageContaining("slots");
        assertThatThrownBy(() -> new AllocationProblem(1, List.of(new Workshop("a", 1)),
                List.of(new Chooser("p1", List.of("z"))), false, true)).hasMessageContaining("unknown workshop z");
        assertThatThrownBy(() -> new Workshop("a", 3, 4)).isInstanceOf(InvalidProblemException.class);
    }

    private static final int CASES = 300;
    private static final AtomicInteger ran = new AtomicInteger();
    private static final AtomicInteger comparedWithBruteForce = new AtomicInteger();

    static LongStream seeds() {
        return RandomInstances.seeds(CASES);
    }

    /**
     * The flow's optimum against every possible allocation of a small instance (see
     * {@link RandomInstances#allocation}); a failure shows the seed, the instance and how to replay it.
     */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void the_allocation_is_optimal_and_valid(long seed) {
        RandomInstances.check(getClass().getSimpleName(), seed, report -> {
            AllocationProblem problem = RandomInstances.allocation(seed).problem();
            report.show("instance", RandomInstances.describe(problem));
            int slots = problem.slots();
            int workshops = problem.workshops().size();
            List<Workshop> ws = problem.workshops();
            AllocationPlan plan = AllocationPlanner.plan(problem);
            report.show("plan", plan);

            // Valid: one workshop per slot, never twice, within capacity, above the minimum of running ones.
            Set<String> cancelled = new HashSet<>();
            plan.cancelled().forEach(c -> cancelled.add(c.workshop()));
            int[][] load = new int[slots][workshops];
            for (AllocationPlan.Assignment a : plan.assignments()) {
                assertThat(a.workshops()).hasSize(slots);
                Set<String> seen = new HashSet<>();
                for (int s = 0; s < slots; s++) {
                    String w = a.workshops().get(s);
                    if (w != null) {
                        assertThat(seen.add(w)).as("same workshop twice").isTrue();
                        assertThat(cancelled).doesNotContain(w);
                        load[s][Integer.parseInt(w.substring(1))]++;
                    }
                }
            }
            for (int s = 0; s < slots; s++) {
                for (int w = 0; w < workshops; w++) {
                    assertThat(load[s][w]).as("load of w%d in slot %d", w, s)
                            .isLessThanOrEqualTo(ws.get(w).capacity());
                    if (!cancelled.contains("w" + w)) {
                        assertThat(load[s][w]).as("load of running w%d in slot %d", w, s)
                                .isGreaterThanOrEqualTo(ws.get(w).minimum());
                    }
                }
            }
            if (plan.optimal()) {
                long optimum = BruteForce.optimum(problem);
                report.show("brute-force optimum", optimum);
                assertThat(plan.cost()).as("cost of an optimal plan").isEqualTo(optimum);
                comparedWithBruteForce.incrementAndGet();
            }
        });
        ran.incrementAndGet();
    }

    /** The property says something only if most plans are optimal, hence compared with brute force. */
    @AfterAll
    static void brute_force_comparison_was_exercised() {
        if (!RandomInstances.replaying() && ran.get() == CASES) {
            assertThat(comparedWithBruteForce.get()).as("cases compared with brute force, of %d", CASES)
                    .isGreaterThanOrEqualTo(CASES / 2);
        }
    }

    /** Every allocation, one participant and slot at a time. */
    static final class BruteForce {
        private final AllocationProblem problem;
        private final int slots;
        private final int workshops;
        private final int[][] load;
        private long best = Long.MAX_VALUE;

        private BruteForce(AllocationProblem problem) {
            this.problem = problem;
            this.slots = problem.slots();
            this.workshops = problem.workshops().size();
            this.load = new int[slots][workshops];
        }

        static long optimum(AllocationProblem problem) {
            BruteForce search = new BruteForce(problem);
            search.place(0, 0, new boolean[problem.workshops().size()], 0);
            return search.best;
        }

        private void place(int person, int slot, boolean[] taken, long cost) {
            if (person == problem.participants().size()) {
                for (int s = 0; s < slots; s++) {
                    for (int w = 0; w < workshops; w++) {
                        if (load[s][w] < problem.workshops().get(w).minimum()) {
                            return;
                        }
                    }
                }
                best = Math.min(best, cost);
                return;
            }
            if (slot == slots) {
                place(person + 1, 0, new boolean[workshops], cost);
                return;
            }
            place(person, slot + 1, taken, cost + problem.unassignedCost());
            List<String> choices = problem.participants().get(person).choices();
            for (int w = 0; w < workshops; w++) {
                int rank = choices.indexOf("w" + w) + 1;
                if (rank == 0) {
                    if (!problem.allowUnranked()) {
                        continue;
                    }
                    rank = workshops + 1;
                }
                if (!taken[w] && load[slot][w] < problem.workshops().get(w).capacity()) {
                    taken[w] = true;
                    load[slot][w]++;
                    place(person, slot + 1, taken, cost + problem.rankCost(rank));
                    load[slot][w]--;
                    taken[w] = false;
                }
            }
        }
    }
}
