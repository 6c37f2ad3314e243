package org.rencontres.planner.rotation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Random instances, with availability, organisations and re-planning: every plan keeps every hard rule.
 * The effort is bounded (workLimit) so that the whole property stays fast.
 */
class RotationPropertiesTest {

    private static final long WORK = 150_000;

    @Property(tries = 60)
    void every_plan_keeps_every_hard_rule(@ForAll @IntRange(min = 1, max = 6) int tables,
                                         @ForAll @IntRange(min = 1, max = 5) int rounds,
                                         @ForAll @IntRange(min = 1, max = 30) int participants,
                                         @ForAll boolean tableOnce, @ForAll boolean organisations,
                                         @ForAll boolean replan, @ForAll long seed) {
        Random random = new Random(seed);
        int w = tableOnce ? Math.min(rounds, tables) : rounds;
        List<Table> ts = new ArrayList<>();
        for (int t = 0; t < tables; t++) {
            ts.add(new Table("t" + t, (participants + tables - 1) / tables + random.nextInt(3)));
        }
        // Separation is only asked where it is certainly possible: at most one per table from each
        // organisation with room to spare.
        int orgCount = Math.max(1, (participants + Math.max(1, tables / 2) - 1) / Math.max(1, tables / 2));
        boolean separate = organisations && tables >= 2;
        List<Participant> people = new ArrayList<>();
        for (int i = 0; i < participants; i++) {
            TreeSet<Integer> available = new TreeSet<>();
            for (int r = 0; r < w; r++) {
                if (random.nextInt(5) > 0) {
                    available.add(r);
                }
            }
            String org = organisations ? "o" + (i % orgCount) : null;
            people.add(new Participant("p" + i, org, random.nextBoolean() ? null : available));
        }
        RotationProblem problem = new RotationProblem(w, ts, people, new Rules(tableOnce, separate), List.of(),
                List.of(), seed, 60_000, WORK);
        RotationPlan plan = RotationPlanner.plan(problem);
        assertThat(plan.metrics().violations()).as("first plan").isEmpty();
        assertThat(plan.metrics().repeatPairs()).isGreaterThanOrEqualTo(plan.metrics().lowerBoundRepeatPairs());
        assertThat(plan.metrics().distinctMetMean()).isLessThanOrEqualTo(plan.metrics().upperBoundDistinctMet());

        if (replan && w >= 2) {
            int played = 1 + random.nextInt(w - 1);
            List<Seating> fixed = new ArrayList<>();
            List<Seating> announced = new ArrayList<>();
            for (PlannedRound round : plan.rounds()) {
                for (TableGroup group : round.tables()) {
                    Seating seating = new Seating(round.round(), group.table(), group.participants());
                    (round.round() < played ? fixed : announced).add(seating);
                }
            }
            // Some leave after the played rounds, some arrive late.
            List<Participant> now = new ArrayList<>();
            for (Participant p : people) {
                if (random.nextInt(6) == 0) {
                    TreeSet<Integer> until = new TreeSet<>();
                    for (int r = 0; r < played; r++) {
                        if (p.isAvailable(r)) {
                            until.add(r);
                        }
                    }
                    now.add(new Participant(p.id(), p.organisation(), until));
                } else {
                    now.add(p);
                }
            }
            for (int k = random.nextInt(3); k > 0; k--) {
                TreeSet<Integer> later = new TreeSet<>();
                for (int r = played; r < w; r++) {
                    later.add(r);
                }
                now.add(new Participant("late" + k, organisations ? "o0" : null, later));
            }
            RotationProblem second;
            try {
                second = problem.withParticipants(now).withFixed(fixed, announced);
            } catch (org.rencontres.planner.InvalidProblemException tooMany) {
                return; // late arrivals beyond the tables' capacity: refused, which is right
            }
            RotationPlan replanned = RotationPlanner.plan(second);
            if (separate || tableOnce) {
                // Played rounds fix where people have been: a late arrival of an organisation, or someone whose
                // remaining tables are all full, may have no seat left that keeps these two rules. The plan
                // must then say so; the other rules (seating, capacity, balance, fixed seats) always hold.
                assertThat(replanned.metrics().violations()).as("re-planned")
                        .allMatch(v -> v.contains("share table") || v.contains("sits again"));
            } else {
                assertThat(replanned.metrics().violations()).as("re-planned").isEmpty();
            }
            for (int r = 0; r < played; r++) {
                assertThat(replanned.rounds().get(r)).isEqualTo(plan.rounds().get(r));
            }
        }
    }
}
