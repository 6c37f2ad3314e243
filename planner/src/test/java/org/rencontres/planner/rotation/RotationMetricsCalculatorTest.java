package org.rencontres.planner.rotation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RotationMetricsCalculatorTest {

    private static RotationProblem problem(int n, int g, int w, Rules rules, List<Participant> people) {
        List<Table> tables = new ArrayList<>();
        for (int t = 1; t <= g; t++) {
            tables.add(new Table("t" + t, (n + g - 1) / g));
        }
        return new RotationProblem(w, tables, people, rules, List.of(), List.of(), 1, 1000, 0);
    }

    private static List<Participant> people(int n) {
        List<Participant> list = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            list.add(new Participant("p" + i));
        }
        return list;
    }

    private static PlannedRound round(int r, List<List<String>> groups) {
        List<TableGroup> tables = new ArrayList<>();
        for (int t = 0; t < groups.size(); t++) {
            tables.add(new TableGroup("t" + (t + 1), groups.get(t)));
        }
        return new PlannedRound(r, tables);
    }

    @Test
    void counts_repeats_fairness_and_people_met() {
        RotationProblem problem = problem(4, 2, 3, Rules.NONE, people(4));
        // p1 and p2 together three times, p3 and p4 too: K = 2 · C(3, 2) = 6.
        List<PlannedRound> plan = List.of(
                round(0, List.of(List.of("p1", "p2"), List.of("p3", "p4"))),
                round(1, List.of(List.of("p1", "p2"), List.of("p3", "p4"))),
                round(2, List.of(List.of("p3", "p4"), List.of("p1", "p2"))));
        RotationMetrics m = RotationMetricsCalculator.measure(problem, plan);
        assertThat(m.hardViolations()).isZero();
        assertThat(m.repeatPairs()).isEqualTo(6);
        assertThat(m.repeatExcess()).isEqualTo(4);
        assertThat(m.maxMeetings()).isEqualTo(3);
        assertThat(m.distinctMetMin()).isEqualTo(1);
        assertThat(m.distinctMetMean()).isEqualTo(1.0);
        assertThat(m.pairMeetingHistogram()).containsExactly(4L, 0L, 0L, 2L);
        assertThat(m.upperBoundDistinctMet()).isEqualTo(3);
    }

    @Test
    void a_zero_repeat_plan_meets_its_bounds() {
        RotationProblem problem = problem(4, 2, 3, Rules.NONE, people(4));
        List<PlannedRound> plan = List.of(
                round(0, List.of(List.of("p1", "p2"), List.of("p3", "p4"))),
                round(1, List.of(List.of("p1", "p3"), List.of("p2", "p4"))),
                round(2, List.of(List.of("p1", "p4"), List.of("p2", "p3"))));
        RotationMetrics m = RotationMetricsCalculator.measure(problem, plan);
        assertThat(m.repeatPairs()).isZero();
        assertThat(m.lowerBoundRepeatPairs()).isZero();
        assertThat(m.distinctMetMin()).isEqualTo(3);
    }

    @Test
    void sees_every_broken_rule() {
        List<Participant> people = new ArrayList<>(people(3));
        people.add(Participant.of("p4", null, java.util.Set.of(0)));
        people.set(0, new Participant("p1", "evry", null));
        people.set(1, new Participant("p2", "evry", null));
        RotationProblem problem = problem(4, 2, 2, new Rules(true, true), people);
        List<PlannedRound> plan = List.of(
                // p1 and p2 of one organisation together: 1.
                round(0, List.of(List.of("p1", "p2"), List.of("p3", "p4"))),
                // p1 again at t1 (tableOnce): 1; p4 not available: 1; p3 missing: 1; p2 twice: 1;
                // sizes 3 and 1 for 2 tables of capacity 2: over capacity 1 and unbalanced 1.
                round(1, List.of(List.of("p1", "p2", "p4"), List.of("p2"))));
        RotationMetrics m = RotationMetricsCalculator.measure(problem, plan);
        assertThat(m.violations()).anyMatch(v -> v.contains("share table"))
                .anyMatch(v -> v.contains("sits again"))
                .anyMatch(v -> v.contains("not available"))
                .anyMatch(v -> v.contains("has no table"))
                .anyMatch(v -> v.contains("seated twice"))
                .anyMatch(v -> v.contains("capacity"));
        assertThat(m.hardViolations()).isEqualTo(m.violations().size());
    }

    @Test
    void counts_changed_announcements_of_people_still_present() {
        RotationProblem base = problem(4, 2, 2, Rules.NONE, people(4));
        RotationProblem problem = base.withFixed(List.of(),
                List.of(new Seating(1, "t1", List.of("p1", "p3")), new Seating(1, "t2", List.of("p2", "p4"))));
        List<PlannedRound> plan = List.of(
                round(0, List.of(List.of("p1", "p2"), List.of("p3", "p4"))),
                round(1, List.of(List.of("p1", "p4"), List.of("p2", "p3"))));
        assertThat(RotationMetricsCalculator.measure(problem, plan).changedAssignments()).isEqualTo(2);
    }
}
