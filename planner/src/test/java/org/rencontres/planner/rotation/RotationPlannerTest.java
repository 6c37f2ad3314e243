package org.rencontres.planner.rotation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.rencontres.planner.InvalidProblemException;

class RotationPlannerTest {

    @ParameterizedTest(name = "{0} groups of {1}, {2} rounds: nobody meets twice")
    @CsvSource({"5, 3, 7", "4, 4, 5", "6, 6, 3", "8, 4, 9", "5, 5, 6", "7, 7, 8"})
    void classic_instances_have_zero_repeats(int groups, int size, int rounds) {
        RotationPlan plan = RotationPlanner.plan(RotationProblem.simple(groups * size, groups, rounds, false, 7, 10_000));
        assertThat(plan.metrics().hardViolations()).isZero();
        assertThat(plan.metrics().repeatPairs()).isZero();
        assertThat(plan.metrics().distinctMetMin()).isEqualTo(plan.metrics().upperBoundDistinctMet());
    }

    @Test
    void same_problem_and_seed_give_the_same_plan() {
        RotationProblem problem = RotationProblem.simple(30, 5, 5, true, 42, 60_000).withSearch(42, 60_000, 3_000_000);
        RotationPlan first = RotationPlanner.plan(problem);
        RotationPlan second = RotationPlanner.plan(problem);
        assertThat(second.rounds()).isEqualTo(first.rounds());
        assertThat(first.metrics().hardViolations()).isZero();
    }

    @Test
    void a_different_seed_may_give_another_plan_but_keeps_the_rules() {
        RotationProblem problem = RotationProblem.simple(31, 5, 5, true, 3, 60_000).withSearch(3, 60_000, 2_000_000);
        RotationPlan plan = RotationPlanner.plan(problem);
        assertThat(plan.metrics().hardViolations()).isZero();
        assertThat(plan.metrics().repeatPairs()).isGreaterThanOrEqualTo(plan.metrics().lowerBoundRepeatPairs());
    }

    @Test
    void replanning_keeps_played_rounds_and_most_announced_seats() {
        RotationProblem original = RotationProblem.simple(36, 6, 6, true, 5, 60_000).withSearch(5, 60_000, 2_000_000);
        RotationPlan announced = RotationPlanner.plan(original);
        List<Seating> fixed = new ArrayList<>();
        List<Seating> future = new ArrayList<>();
        for (PlannedRound round : announced.rounds()) {
            for (TableGroup group : round.tables()) {
                (round.round() <= 2 ? fixed : future).add(new Seating(round.round(), group.table(), group.participants()));
            }
        }
        // p1..p4 leave after round 2; l1..l3 arrive for round 3.
        List<Participant> people = new ArrayList<>();
        for (Participant p : original.participants()) {
            boolean leaves = Set.of("p1", "p2", "p3", "p4").contains(p.id());
            people.add(leaves ? Participant.of(p.id(), null, Set.of(0, 1, 2)) : p);
        }
        for (int k = 1; k <= 3; k++) {
            people.add(Participant.of("l" + k, null, Set.of(3, 4, 5)));
        }
        RotationProblem replan = original.withParticipants(people).withFixed(fixed, future);
        RotationPlan plan = RotationPlanner.plan(replan);
        assertThat(plan.metrics().hardViolations()).isZero();
        for (int r = 0; r <= 2; r++) {
            assertThat(plan.rounds().get(r)).isEqualTo(announced.rounds().get(r));
        }
        // 35 people in rounds 3 to 5 instead of 36: a few moves rebalance, far from re-seating everyone.
        assertThat(plan.metrics().changedAssignments()).isLessThan(36);
        assertThat(plan.tableOf("l1", 3)).isNotNull();
        assertThat(plan.tableOf("p1", 3)).isNull();
    }

    @Test
    void organisations_are_kept_apart_when_possible() {
        List<Participant> people = new ArrayList<>();
        for (int i = 1; i <= 40; i++) {
            people.add(new Participant("p" + i, "org" + (i % 5), null));
        }
        List<Table> tables = new ArrayList<>();
        for (int t = 1; t <= 8; t++) {
            tables.add(new Table("t" + t, 5));
        }
        RotationProblem problem = new RotationProblem(5, tables, people, new Rules(true, true), List.of(), List.of(), 1,
                60_000, 3_000_000);
        RotationPlan plan = RotationPlanner.plan(problem);
        assertThat(plan.metrics().violations()).isEmpty();
    }

    @Test
    void an_impossible_separation_is_reported_not_hidden() {
        List<Participant> people = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            people.add(new Participant("p" + i, "same", null));
        }
        RotationProblem problem = new RotationProblem(1, List.of(new Table("a", 3), new Table("b", 3)), people,
                new Rules(false, true), List.of(), List.of(), 1, 60_000, 100_000);
        RotationPlan plan = RotationPlanner.plan(problem);
        assertThat(plan.metrics().hardViolations()).isPositive();
        assertThat(plan.metrics().violations()).allMatch(v -> v.contains("share table"));
    }

    @Test
    void bad_problems_are_refused_with_a_reason() {
        List<Participant> people = List.of(new Participant("p1"), new Participant("p2"), new Participant("p3"));
        List<Table> tables = List.of(new Table("odd", 1), new Table("even", 1));
        assertThatThrownBy(() -> new RotationProblem(1, tables, people, Rules.NONE, List.of(), List.of(), 1, 100, 0))
                .isInstanceOf(InvalidProblemException.class).hasMessageContaining("capacity too small");
        List<Table> roomy = List.of(new Table("odd", 3), new Table("even", 3));
        assertThatThrownBy(() -> new RotationProblem(1, roomy, people, Rules.NONE,
                List.of(new Seating(0, "nowhere", List.of("p1"))), List.of(), 1, 100, 0))
                .isInstanceOf(InvalidProblemException.class).hasMessageContaining("unknown table nowhere");
        assertThatThrownBy(() -> new RotationProblem(3, roomy, people, new Rules(true, false), List.of(), List.of(), 1,
                100, 0)).hasMessageContaining("tableOnce");
        assertThatThrownBy(() -> new Table("t", -1)).isInstanceOf(InvalidProblemException.class);
    }
}
