package org.rencontres.planner;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.rencontres.planner.allocation.AllocationProblem;
import org.rencontres.planner.allocation.Chooser;
import org.rencontres.planner.allocation.Workshop;
import org.rencontres.planner.rotation.Participant;
import org.rencontres.planner.rotation.RotationPlan;
import org.rencontres.planner.rotation.RotationProblem;
import org.rencontres.planner.rotation.Rules;
import org.rencontres.planner.rotation.Seating;
import org.rencontres.planner.rotation.Table;

/**
 * Random instances for the hand-written property tests: each case is one {@code long} seed, and everything
 * random in the case is drawn from a {@link SplittableRandom} built from that seed, so that a case is
 * replayed from its seed alone.
 *
 * <p>The seeds are a fixed list, the same on every run: a few edge values (0, 1, -1, the extremes of
 * {@code long}) then values drawn from a fixed master seed. To replay some cases only, give their seeds:
 * {@code ./mvnw -q -pl planner test -Dtest=RotationPropertiesTest -Dplanner.seeds=-42,7}.
 *
 * <p>{@link #check} runs one case and, when it fails, rethrows with the seed, the replay command and the
 * instance (as described by the case while it ran) in the message.
 */
public final class RandomInstances {

    /** System property: comma-separated seeds to run instead of the fixed list. */
    public static final String SEEDS_PROPERTY = "planner.seeds";

    private static final long[] EDGE_SEEDS = {0L, 1L, -1L, Long.MIN_VALUE, Long.MAX_VALUE};
    private static final long MASTER_SEED = 0x5EED_2026_0001L;

    private final SplittableRandom random;

    public RandomInstances(long seed) {
        this.random = new SplittableRandom(seed);
    }

    // ------------------------------------------------------------------ seeds and failure reports

    /** The seeds of a property: {@code count} fixed seeds, or those of {@value #SEEDS_PROPERTY} when it is set. */
    public static LongStream seeds(int count) {
        String given = System.getProperty(SEEDS_PROPERTY, "").trim();
        if (!given.isEmpty()) {
            return java.util.Arrays.stream(given.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                    .mapToLong(Long::parseLong);
        }
        return defaultSeeds(count);
    }

    /** The fixed list of {@code count} seeds (edge values first), whatever {@value #SEEDS_PROPERTY} says. */
    public static LongStream defaultSeeds(int count) {
        SplittableRandom master = new SplittableRandom(MASTER_SEED);
        long[] seeds = new long[count];
        for (int i = 0; i < count; i++) {
            seeds[i] = i < EDGE_SEEDS.length ? EDGE_SEEDS[i] : master.nextLong();
        }
        return LongStream.of(seeds);
    }

    /** Whether the seeds were given on the command line (replaying), rather than the fixed list. */
    public static boolean replaying() {
        return !System.getProperty(SEEDS_PROPERTY, "").isBlank();
    }

    /** What a case shows about itself when it fails: labelled descriptions, added as the case goes. */
    public static final class Report {
        private final Map<String, String> shown = new LinkedHashMap<>();

        public void show(String label, Object what) {
            shown.put(label, String.valueOf(what));
        }

        @Override
        public String toString() {
            return shown.entrySet().stream().map(e -> e.getKey() + ":\n  " + e.getValue().replace("\n", "\n  "))
                    .collect(Collectors.joining("\n"));
        }
    }

    /**
     * Runs one case of property {@code test} (the test class's simple name, for the replay command). Any
     * failure, an assertion or an exception from the planner, comes back as an {@link AssertionError} whose
     * message gives the seed, how to replay it and what the case showed, followed by the original message.
     */
    public static void check(String test, long seed, Consumer<Report> body) {
        Report report = new Report();
        try {
            body.accept(report);
        } catch (Throwable failure) {
            if (failure instanceof VirtualMachineError error) {
                throw error;
            }
            throw new AssertionError("Property failed for seed " + seed + "\n"
                    + "replay: ./mvnw -q -pl planner test -Dtest=" + test + " -D" + SEEDS_PROPERTY + "=" + seed + "\n"
                    + report + "\n"
                    + "failure: " + failure, failure);
        }
    }

    // ------------------------------------------------------------------ draws

    /** An int in [min, max]; like the property tools, the bounds come up more often than the rest. */
    public int between(int min, int max) {
        if (min == max) {
            return min;
        }
        int pick = random.nextInt(8);
        if (pick == 0) {
            return min;
        }
        if (pick == 1) {
            return max;
        }
        return random.nextInt(min, max + 1);
    }

    /** An int in [0, bound), uniform. */
    public int below(int bound) {
        return random.nextInt(bound);
    }

    public boolean bool() {
        return random.nextBoolean();
    }

    /** Fisher–Yates, from this instance's random. */
    public <T> void shuffle(List<T> list) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            list.set(j, list.set(i, list.get(j)));
        }
    }

    // ------------------------------------------------------------------ rotation instances

    /** Bounds of the random rotation instances. */
    public static final int MAX_TABLES = 6;
    public static final int MAX_ROUNDS = 5;
    public static final int MAX_PARTICIPANTS = 30;

    /** How a plan is re-planned: after {@code played} rounds, {@code leaving} leave and {@code lateArrivals} come. */
    public record Replan(int played, List<String> leaving, int lateArrivals) {
    }

    /**
     * A random rotation: 1–6 tables, 1–5 rounds asked (at most the tables when {@code tableOnce}), 1–30
     * participants, with or without tableOnce and organisations, and sometimes a re-planning ({@code replan}
     * null when there is none, or fewer than two rounds). The problem's search seed is the case's seed.
     */
    public record RotationCase(long seed, int tables, int askedRounds, int participants, boolean tableOnce,
                               boolean organisations, RotationProblem problem, Replan replan) {

        public boolean separate() {
            return problem.rules().separateOrganisations();
        }
    }

    public static RotationCase rotation(long seed, long workLimit) {
        RandomInstances random = new RandomInstances(seed);
        int tables = random.between(1, MAX_TABLES);
        int rounds = random.between(1, MAX_ROUNDS);
        int participants = random.between(1, MAX_PARTICIPANTS);
        boolean tableOnce = random.bool();
        boolean organisations = random.bool();
        boolean replan = random.bool();

        int w = tableOnce ? Math.min(rounds, tables) : rounds;
        List<Table> ts = new ArrayList<>();
        for (int t = 0; t < tables; t++) {
            ts.add(new Table("t" + t, (participants + tables - 1) / tables + random.below(3)));
        }
        // Separation is only asked where it is certainly possible: at most one per table from each
        // organisation with room to spare.
        int orgCount = Math.max(1, (participants + Math.max(1, tables / 2) - 1) / Math.max(1, tables / 2));
        boolean separate = organisations && tables >= 2;
        List<Participant> people = new ArrayList<>();
        for (int i = 0; i < participants; i++) {
            TreeSet<Integer> available = new TreeSet<>();
            for (int r = 0; r < w; r++) {
                if (random.below(5) > 0) {
                    available.add(r);
                }
            }
            String org = organisations ? "o" + (i % orgCount) : null;
            people.add(new Participant("p" + i, org, random.bool() ? null : available));
        }
        RotationProblem problem = new RotationProblem(w, ts, people, new Rules(tableOnce, separate), List.of(),
                List.of(), seed, 60_000, workLimit);

        Replan again = null;
        if (replan && w >= 2) {
            int played = 1 + random.below(w - 1);
            List<String> leaving = new ArrayList<>();
            for (Participant p : people) {
                if (random.below(6) == 0) {
                    leaving.add(p.id());
                }
            }
            again = new Replan(played, leaving, random.below(3));
        }
        return new RotationCase(seed, tables, rounds, participants, tableOnce, organisations, problem, again);
    }

    /** A rotation problem in a few readable lines. */
    public static String describe(RotationProblem problem) {
        StringBuilder text = new StringBuilder();
        text.append("rounds ").append(problem.rounds()).append(", tableOnce ").append(problem.rules().tableOnce())
                .append(", separateOrganisations ").append(problem.rules().separateOrganisations())
                .append(", seed ").append(problem.seed()).append(", workLimit ").append(problem.workLimit())
                .append("\ntables: ")
                .append(problem.tables().stream().map(t -> t.id() + "/" + t.capacity()).collect(Collectors.joining(" ")))
                .append("\nparticipants (id org rounds): ")
                .append(problem.participants().stream()
                        .map(p -> p.id() + " " + (p.organisation() == null ? "-" : p.organisation()) + " "
                                + (p.availableRounds() == null ? "all" : p.availableRounds().toString()))
                        .collect(Collectors.joining(", ")));
        if (!problem.fixed().isEmpty()) {
            text.append("\nfixed: ").append(describe(problem.fixed()));
        }
        if (!problem.announced().isEmpty()) {
            text.append("\nannounced: ").append(describe(problem.announced()));
        }
        return text.toString();
    }

    /** A rotation plan's seating, one line per round. */
    public static String describe(RotationPlan plan) {
        return plan.rounds().stream()
                .map(round -> "r" + round.round() + ": " + round.tables().stream()
                        .map(group -> group.table() + " " + group.participants()).collect(Collectors.joining(", ")))
                .collect(Collectors.joining("\n"));
    }

    private static String describe(List<Seating> seatings) {
        return seatings.stream().map(s -> "r" + s.round() + " " + s.table() + " " + s.participants())
                .collect(Collectors.joining(", "));
    }

    // ------------------------------------------------------------------ allocation instances

    /** Bounds of the random allocation instances. */
    public static final int MAX_PEOPLE = 5;
    public static final int MAX_WORKSHOPS = 4;
    public static final int MAX_SLOTS = 2;

    /**
     * A random allocation: 1–5 people, 1–4 workshops w0.. of capacity 1–3 (minimum 0 or 1 when
     * {@code minimums}), 1–2 slots but never more slots than workshops (the problem refuses that), each person
     * ranking a random prefix of a shuffled list of the workshops (possibly none), fairness and allowUnranked
     * either way.
     */
    public record AllocationCase(long seed, boolean minimums, AllocationProblem problem) {
    }

    public static AllocationCase allocation(long seed) {
        RandomInstances random = new RandomInstances(seed);
        int people = random.between(1, MAX_PEOPLE);
        int workshops = random.between(1, MAX_WORKSHOPS);
        int slots = random.between(1, Math.min(MAX_SLOTS, workshops));
        boolean fairness = random.bool();
        boolean allowUnranked = random.bool();
        boolean minimums = random.bool();
        List<Workshop> ws = new ArrayList<>();
        for (int w = 0; w < workshops; w++) {
            int capacity = 1 + random.below(3);
            ws.add(new Workshop("w" + w, capacity, minimums ? random.below(2) : 0));
        }
        List<Chooser> cs = new ArrayList<>();
        for (int p = 0; p < people; p++) {
            List<String> ids = new ArrayList<>();
            for (int w = 0; w < workshops; w++) {
                ids.add("w" + w);
            }
            random.shuffle(ids);
            cs.add(new Chooser("p" + p, ids.subList(0, random.below(workshops + 1))));
        }
        return new AllocationCase(seed, minimums, new AllocationProblem(slots, ws, cs, fairness, allowUnranked));
    }

    /** An allocation problem in a few readable lines. */
    public static String describe(AllocationProblem problem) {
        return "slots " + problem.slots() + ", fairness " + problem.fairness() + ", allowUnranked "
                + problem.allowUnranked()
                + "\nworkshops (id capacity minimum): "
                + problem.workshops().stream().map(w -> w.id() + " " + w.capacity() + " " + w.minimum())
                        .collect(Collectors.joining(", "))
                + "\nchoices: "
                + problem.participants().stream().map(c -> c.id() + " " + c.choices())
                        .collect(Collectors.joining(", "));
    }
}
