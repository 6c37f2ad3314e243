package org.rencontres.planner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.rencontres.planner.RandomInstances.AllocationCase;
import org.rencontres.planner.RandomInstances.RotationCase;
import org.rencontres.planner.allocation.AllocationProblem;
import org.rencontres.planner.rotation.Participant;

/**
 * The generators of the property tests: same seed, same instance; the instances stay within the bounds and
 * reach every bound and every choice over the fixed seeds the properties use.
 */
class RandomInstancesTest {

    private static final int CASES = 300;

    @Test
    void the_fixed_seeds_are_fixed_distinct_and_start_with_the_edge_values() {
        List<Long> seeds = RandomInstances.defaultSeeds(CASES).boxed().toList();
        assertThat(RandomInstances.defaultSeeds(CASES).boxed().toList()).isEqualTo(seeds);
        assertThat(seeds).hasSize(CASES).doesNotHaveDuplicates()
                .startsWith(0L, 1L, -1L, Long.MIN_VALUE, Long.MAX_VALUE);
    }

    @Test
    void a_seed_gives_the_same_instance() {
        for (long seed : RandomInstances.defaultSeeds(20).toArray()) {
            assertThat(RandomInstances.rotation(seed, 1000)).isEqualTo(RandomInstances.rotation(seed, 1000));
            assertThat(RandomInstances.allocation(seed)).isEqualTo(RandomInstances.allocation(seed));
        }
    }

    @Test
    void rotation_instances_cover_their_bounds() {
        List<RotationCase> cases = RandomInstances.defaultSeeds(CASES)
                .mapToObj(seed -> RandomInstances.rotation(seed, 1000)).toList();
        for (RotationCase c : cases) {
            assertThat(c.tables()).isBetween(1, RandomInstances.MAX_TABLES);
            assertThat(c.askedRounds()).isBetween(1, RandomInstances.MAX_ROUNDS);
            assertThat(c.participants()).isBetween(1, RandomInstances.MAX_PARTICIPANTS);
            assertThat(c.problem().tables()).hasSize(c.tables());
            assertThat(c.problem().participants()).hasSize(c.participants());
            assertThat(c.problem().seed()).isEqualTo(c.seed());
        }
        assertThat(values(cases, RotationCase::tables)).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(values(cases, RotationCase::askedRounds)).containsExactly(1, 2, 3, 4, 5);
        assertThat(values(cases, RotationCase::participants)).contains(1, 2, 29, 30);
        assertThat(values(cases, RotationCase::tableOnce)).containsExactly(false, true);
        assertThat(values(cases, RotationCase::organisations)).containsExactly(false, true);
        assertThat(values(cases, RotationCase::separate)).containsExactly(false, true);
        assertThat(values(cases, c -> c.replan() != null)).containsExactly(false, true);
        List<Participant> everyone = cases.stream().flatMap(c -> c.problem().participants().stream()).toList();
        assertThat(everyone).anyMatch(p -> p.availableRounds() == null)
                .anyMatch(p -> p.availableRounds() != null && p.availableRounds().isEmpty())
                .anyMatch(p -> p.availableRounds() != null && p.availableRounds().size() >= 2);
        List<RandomInstances.Replan> replans = cases.stream().map(RotationCase::replan)
                .filter(java.util.Objects::nonNull).toList();
        assertThat(replans).anyMatch(r -> !r.leaving().isEmpty());
        assertThat(values(replans, RandomInstances.Replan::lateArrivals)).containsExactly(0, 1, 2);
        assertThat(replans).anyMatch(r -> r.played() >= 2);
    }

    @Test
    void allocation_instances_cover_their_bounds() {
        List<AllocationCase> cases = RandomInstances.defaultSeeds(CASES).mapToObj(RandomInstances::allocation).toList();
        List<AllocationProblem> problems = cases.stream().map(AllocationCase::problem).toList();
        for (AllocationProblem p : problems) {
            assertThat(p.participants().size()).isBetween(1, RandomInstances.MAX_PEOPLE);
            assertThat(p.workshops().size()).isBetween(1, RandomInstances.MAX_WORKSHOPS);
            assertThat(p.slots()).isBetween(1, Math.min(RandomInstances.MAX_SLOTS, p.workshops().size()));
        }
        assertThat(values(problems, p -> p.participants().size())).containsExactly(1, 2, 3, 4, 5);
        assertThat(values(problems, p -> p.workshops().size())).containsExactly(1, 2, 3, 4);
        assertThat(values(problems, AllocationProblem::slots)).containsExactly(1, 2);
        assertThat(values(problems, AllocationProblem::fairness)).containsExactly(false, true);
        assertThat(values(problems, AllocationProblem::allowUnranked)).containsExactly(false, true);
        assertThat(values(cases, AllocationCase::minimums)).containsExactly(false, true);
        assertThat(problems.stream().flatMap(p -> p.workshops().stream()))
                .anyMatch(w -> w.minimum() == 1).anyMatch(w -> w.capacity() == 1).anyMatch(w -> w.capacity() == 3);
        assertThat(problems.stream().flatMap(p -> p.participants().stream()))
                .anyMatch(c -> c.choices().isEmpty()).anyMatch(c -> c.choices().size() == 4);
    }

    @Test
    void a_failure_names_the_seed_and_the_instance() {
        AssertionError failure = org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class,
                () -> RandomInstances.check("SomeTest", 42, report -> {
                    report.show("instance", "the instance");
                    throw new IllegalStateException("boom");
                }));
        assertThat(failure.getMessage()).contains("seed 42", "-Dtest=SomeTest -Dplanner.seeds=42", "the instance",
                "boom");
        assertThat(failure.getCause()).isInstanceOf(IllegalStateException.class);
    }

    private static <T, V extends Comparable<V>> Set<V> values(List<T> items, java.util.function.Function<T, V> f) {
        return items.stream().map(f).collect(Collectors.toCollection(TreeSet::new));
    }
}
