package org.rencontres.planner.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.rencontres.planner.allocation.AllocationBenchmark;
import org.rencontres.planner.allocation.AllocationPlan;
import org.rencontres.planner.allocation.AllocationPlanner;
import org.rencontres.planner.allocation.AllocationProblem;
import org.rencontres.planner.allocation.Workshop;
import org.rencontres.planner.rotation.Participant;
import org.rencontres.planner.rotation.PlannedRound;
import org.rencontres.planner.rotation.RandomizedGreedy;
import org.rencontres.planner.rotation.RotationMetrics;
import org.rencontres.planner.rotation.RotationPlan;
import org.rencontres.planner.rotation.RotationPlanner;
import org.rencontres.planner.rotation.RotationProblem;
import org.rencontres.planner.rotation.Rules;
import org.rencontres.planner.rotation.Seating;
import org.rencontres.planner.rotation.Table;
import org.rencontres.planner.rotation.TableGroup;

/**
 * The planner's quality benchmark: classic instances against the two public peers (when their checkouts
 * are given with --peers), event-like instances with the table rule against the randomized greedy
 * baseline, the largest instance, re-planning and the allocation. Prints a Markdown section and, with
 * --write FILE, puts it between the planner markers of FILE.
 *
 * <pre>
 * ./mvnw -q -pl planner -Pbench package -DskipTests
 * java -cp planner/target/planner-benchmarks.jar org.rencontres.planner.bench.QualityBenchmark \
 *     [--peers /tmp/peers] [--write docs/benchmarks.md]
 * </pre>
 *
 * The peers directory holds {@code gg/} (islemaster/good-enough-golfers with lodash 4.17.4 in
 * {@code node_modules/}) and {@code golfer/build/sgp} (arezae4/golfer built), see docs/planner.md.
 */
public final class QualityBenchmark {

    private static final long PEER_TIMEOUT_SECONDS = 300;

    record Classic(int groups, int size, int rounds, boolean stretch) {
        String name() {
            return groups + "-" + size + "-" + rounds;
        }
    }

    record PeerResult(long k, int maxMeetings, long millis, String note) {
    }

    public static void main(String[] args) throws Exception {
        Path peers = null;
        Path write = null;
        boolean jmh = false;
        for (int a = 0; a < args.length; a++) {
            switch (args[a]) {
                case "--peers" -> peers = Path.of(args[++a]);
                case "--write" -> write = Path.of(args[++a]);
                case "--jmh" -> jmh = true;
                default -> throw new IllegalArgumentException("unknown option " + args[a]);
            }
        }
        StringBuilder md = new StringBuilder();
        md.append("## Planner\n\n");
        md.append("Measured ").append(LocalDate.now()).append(" on ").append(Runtime.getRuntime().availableProcessors())
                .append(" cores, Java ").append(System.getProperty("java.version"))
                .append(", load average at start ").append(loadAverage())
                .append(". Rerun everything below with one command (a few minutes):\n\n```\n")
                .append("./mvnw -q -pl planner -Pbench package -DskipTests && java -cp planner/target/planner-benchmarks.jar "
                        + "org.rencontres.planner.bench.QualityBenchmark --peers /tmp/peers --jmh --write docs/benchmarks.md\n")
                .append("```\n\nThe peers are fetched and built outside the repository (docs/planner.md says how); "
                        + "without `--peers` their columns stay empty. Every planner run uses its defaults "
                        + "(seed 1, time limit 2 s). K = Σ over pairs of C(m, 2); max = the most rounds one pair "
                        + "shares; LB = the lower bound on K (docs/planner.md).\n\n");

        warmUp();
        classic(md, peers);
        events(md);
        replanning(md);
        allocation(md);
        if (jmh) {
            jmh(md);
        }

        md.append("Load average at the end: ").append(loadAverage())
                .append(" (2 cores: above 2, other work was slowing these figures down).\n");
        String section = md.toString();
        System.out.println(section);
        if (write != null) {
            String doc = Files.readString(write, StandardCharsets.UTF_8);
            String begin = "<!-- planner:begin -->";
            String end = "<!-- planner:end -->";
            int b = doc.indexOf(begin);
            int e = doc.indexOf(end);
            if (b < 0 || e < b) {
                throw new IllegalStateException(write + " has no planner markers");
            }
            Files.writeString(write, doc.substring(0, b + begin.length()) + "\n" + section + doc.substring(e),
                    StandardCharsets.UTF_8);
        }
    }

    /** The 1-minute load average: on a shared 2-core machine, anything above 2 means the figures are slowed. */
    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static void warmUp() {
        for (int k = 0; k < 3; k++) {
            RotationPlanner.plan(RotationProblem.simple(30, 5, 5, true, k, 300));
        }
    }

    private static void classic(StringBuilder md, Path peers) throws Exception {
        List<Classic> instances = List.of(new Classic(5, 6, 5, false), new Classic(5, 3, 7, false),
                new Classic(4, 4, 5, false), new Classic(6, 6, 3, false), new Classic(8, 4, 9, false),
                new Classic(8, 4, 10, true), new Classic(5, 5, 6, true), new Classic(7, 7, 8, true),
                new Classic(8, 8, 9, true));
        md.append("### Without the table rule: planner against the peers\n\n");
        md.append("g-p-w = g groups of p, w rounds (5-6-5 is 30 people, 5 groups, 5 rounds). good-enough-golfers "
                + "(JavaScript genetic search, round by round) runs with its built-in settings; golfer (C++, tabu "
                + "search of Dotú and Van Hentenryck) runs `--tabu` with its defaults (10,000 iterations).\n\n");
        md.append("| instance | planner K | planner max | planner ms | good-enough-golfers K | max | ms "
                + "| golfer (tabu) K | max | ms | planner no worse on K and max |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (Classic c : instances) {
            RotationPlan plan = RotationPlanner.plan(RotationProblem.simple(c.groups() * c.size(), c.groups(),
                    c.rounds(), false, 1, 2000));
            RotationMetrics m = plan.metrics();
            PeerResult js = peers == null ? null : goodEnoughGolfers(peers, c);
            PeerResult cpp = peers == null ? null : golfer(peers, c);
            String verdict = "—";
            if (js != null || cpp != null) {
                long bestK = Long.MAX_VALUE;
                int bestMax = Integer.MAX_VALUE;
                for (PeerResult p : new PeerResult[] {js, cpp}) {
                    if (p != null && p.k() >= 0) {
                        bestK = Math.min(bestK, p.k());
                        bestMax = Math.min(bestMax, p.maxMeetings());
                    }
                }
                verdict = m.repeatPairs() <= bestK && m.maxMeetings() <= bestMax ? "yes" : "**no**";
            }
            md.append("| ").append(c.name()).append(c.stretch() ? " (stretch)" : "").append(" | ")
                    .append(m.repeatPairs()).append(" | ").append(m.maxMeetings()).append(" | ")
                    .append(plan.elapsedMillis()).append(" | ").append(peerCells(js)).append(" | ")
                    .append(peerCells(cpp)).append(" | ").append(verdict).append(" |\n");
        }
        md.append("\n");
    }

    private static String peerCells(PeerResult p) {
        if (p == null) {
            return "— | — | —";
        }
        if (p.k() < 0) {
            return p.note() + " | — | " + p.millis();
        }
        return p.k() + " | " + p.maxMeetings() + " | " + p.millis();
    }

    private static final String GG_ADAPTER = String.join("\n",
            "const path = require('path'); const fs = require('fs'); const vm = require('vm');",
            "const dir = process.argv[1];",
            "global._ = require(path.join(dir, 'node_modules', 'lodash'));",
            "vm.runInThisContext(fs.readFileSync(path.join(dir, 'gg', 'lib', 'geneticSolver.js'), 'utf8'));",
            "const [g, p, w] = process.argv.slice(2).map(Number);",
            "let last = null; const t0 = Date.now();",
            "geneticSolver(g, p, w, false, [], [], r => { last = r; });",
            "const ms = Date.now() - t0; const n = g * p;",
            "const m = Array.from({length: n}, () => new Array(n).fill(0));",
            "for (const round of last.rounds) for (const group of round)",
            "  for (let i = 0; i < group.length; i++) for (let j = i + 1; j < group.length; j++) {",
            "    m[group[i]][group[j]]++; }",
            "let k = 0, max = 0;",
            "for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) {",
            "  const x = m[i][j] + m[j][i]; k += x * (x - 1) / 2; max = Math.max(max, x); }",
            "console.log(k + ' ' + max + ' ' + ms);");

    private static PeerResult goodEnoughGolfers(Path peers, Classic c) throws Exception {
        if (!Files.exists(peers.resolve("gg/lib/geneticSolver.js"))) {
            return null;
        }
        List<String> out = run(List.of("node", "-e", GG_ADAPTER, peers.toAbsolutePath().toString(),
                String.valueOf(c.groups()), String.valueOf(c.size()), String.valueOf(c.rounds())));
        if (out == null) {
            return new PeerResult(-1, 0, PEER_TIMEOUT_SECONDS * 1000, "timeout");
        }
        String[] f = out.get(out.size() - 1).trim().split(" ");
        return new PeerResult(Long.parseLong(f[0]), Integer.parseInt(f[1]), Long.parseLong(f[2]), "");
    }

    private static PeerResult golfer(Path peers, Classic c) throws Exception {
        Path exe = peers.resolve("golfer/build/sgp");
        if (!Files.isExecutable(exe)) {
            return null;
        }
        long start = System.nanoTime();
        List<String> out = run(List.of(exe.toString(), String.valueOf(c.groups()), String.valueOf(c.size()),
                String.valueOf(c.rounds()), "--tabu", "-l", "3"));
        long ms = (System.nanoTime() - start) / 1_000_000;
        if (out == null) {
            return new PeerResult(-1, 0, ms, "timeout");
        }
        // The last "CONFLICT MATRIX" printed: row i lists how often i met each j.
        int n = c.groups() * c.size();
        int matrixStart = -1;
        for (int l = 0; l < out.size(); l++) {
            if (out.get(l).contains("CONFLICT MATRIX")) {
                matrixStart = l;
            }
        }
        if (matrixStart < 0) {
            return new PeerResult(-1, 0, ms, "no result");
        }
        long k = 0;
        int max = 0;
        int row = 0;
        for (int l = matrixStart + 1; l < out.size() && row < n; l++) {
            String line = out.get(l).trim();
            int bar = line.indexOf('|');
            if (bar < 0 || !line.substring(0, bar).trim().matches("\\d+")) {
                continue;
            }
            String[] cells = line.substring(bar + 1).trim().split("\\s+");
            for (int j = row + 1; j < n; j++) {
                int m = Integer.parseInt(cells[j]);
                k += (long) m * (m - 1) / 2;
                max = Math.max(max, m);
            }
            row++;
        }
        return new PeerResult(k, max, ms, "");
    }

    private static List<String> run(List<String> command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Path log = Files.createTempFile("peer", ".out");
        builder.redirectOutput(log.toFile());
        Process process = builder.start();
        if (!process.waitFor(PEER_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return null;
        }
        List<String> lines = Files.readAllLines(log);
        Files.deleteIfExists(log);
        return lines;
    }

    private static RotationProblem event(int n, int[] capacities, int rounds, int organisations) {
        List<Table> tables = new ArrayList<>();
        for (int t = 0; t < capacities.length; t++) {
            tables.add(new Table("t" + (t + 1), capacities[t]));
        }
        List<Participant> people = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            people.add(new Participant("p" + i, organisations > 0 ? "org" + (i % organisations) : null, null));
        }
        return new RotationProblem(rounds, tables, people, new Rules(true, organisations > 0), List.of(), List.of(),
                1, 2000, 0);
    }

    private static int[] even(int n, int g) {
        int[] c = new int[g];
        java.util.Arrays.fill(c, (n + g - 1) / g);
        return c;
    }

    private static void events(StringBuilder md) {
        md.append("### With the table rule (nobody at the same table twice): planner against the randomized greedy\n\n");
        md.append("The greedy baseline (`RandomizedGreedy`: each person takes the allowed table where they meet "
                + "the fewest people already met) restarts for the same 2 s and keeps its best plan. "
                + "met = distinct people met, min / mean against the upper bound min(n − 1, w(p − 1)).\n\n");
        md.append("| instance | LB | planner K | max | met min / mean / bound | violations | ms "
                + "| greedy K | max | met min / mean | violations | planner better |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        Object[][] instances = {
                {"30 people, 5 tables, 5 rounds", event(30, even(30, 5), 5, 0)},
                {"36 / 6 / 6", event(36, even(36, 6), 6, 0)},
                {"48 / 8 / 6", event(48, even(48, 8), 6, 0)},
                {"60 / 10 / 6", event(60, even(60, 10), 6, 0)},
                {"120 / 20 / 6", event(120, even(120, 20), 6, 0)},
                {"31 / 5 / 5, tables of 8, 7, 7, 7, 7", event(31, new int[] {8, 7, 7, 7, 7}, 5, 0)},
                {"40 / 8 / 5, 5 organisations kept apart", event(40, even(40, 8), 5, 5)},
        };
        for (Object[] row : instances) {
            RotationProblem problem = (RotationProblem) row[1];
            RotationPlan plan = RotationPlanner.plan(problem);
            RotationPlan greedy = RandomizedGreedy.plan(problem);
            RotationMetrics m = plan.metrics();
            RotationMetrics b = greedy.metrics();
            boolean better = m.hardViolations() <= b.hardViolations()
                    && (m.repeatPairs() < b.repeatPairs() || (m.repeatPairs() == b.repeatPairs()
                    && m.maxMeetings() <= b.maxMeetings()));
            md.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %d / %.2f / %d | %d | %d | %d | %d | %d / %.2f | %d | %s |%n",
                    row[0], m.lowerBoundRepeatPairs(), m.repeatPairs(), m.maxMeetings(), m.distinctMetMin(),
                    m.distinctMetMean(), m.upperBoundDistinctMet(), m.hardViolations(), plan.elapsedMillis(),
                    b.repeatPairs(), b.maxMeetings(), b.distinctMetMin(), b.distinctMetMean(), b.hardViolations(),
                    better ? "yes" : "**no**"));
        }
        md.append("\n");
    }

    private static void replanning(StringBuilder md) {
        RotationProblem original = event(36, even(36, 6), 6, 0);
        RotationPlan announced = RotationPlanner.plan(original);
        List<Seating> fixed = new ArrayList<>();
        List<Seating> future = new ArrayList<>();
        for (PlannedRound round : announced.rounds()) {
            for (TableGroup group : round.tables()) {
                (round.round() <= 2 ? fixed : future).add(new Seating(round.round(), group.table(), group.participants()));
            }
        }
        List<Participant> people = new ArrayList<>();
        Set<String> leaving = new HashSet<>(List.of("p3", "p11", "p20", "p29"));
        for (Participant p : original.participants()) {
            people.add(leaving.contains(p.id()) ? Participant.of(p.id(), null, Set.of(0, 1, 2)) : p);
        }
        for (int k = 1; k <= 3; k++) {
            people.add(Participant.of("late" + k, null, Set.of(3, 4, 5)));
        }
        RotationProblem replan = original.withParticipants(people).withFixed(fixed, future).withSearch(1, 1000, 0);
        RotationPlan plan = RotationPlanner.plan(replan);
        int announcedSeats = 0;
        for (Seating s : future) {
            for (String id : s.participants()) {
                if (!leaving.contains(id)) {
                    announcedSeats++;
                }
            }
        }
        RotationMetrics m = plan.metrics();
        md.append("### Re-planning\n\n");
        md.append("36 people, 6 tables, 6 rounds, table rule; after round 2, 4 people leave and 3 arrive; "
                + "rounds 0–2 fixed, rounds 3–5 re-planned from the announced plan with a 1 s time limit.\n\n");
        md.append("| elapsed ms | changed future assignments | announced seats still valid | violations | K | LB | max |\n");
        md.append("|---|---|---|---|---|---|---|\n");
        md.append(String.format(Locale.ROOT, "| %d | %d | %d | %d | %d | %d | %d |%n%n", plan.elapsedMillis(),
                m.changedAssignments(), announcedSeats, m.hardViolations(), m.repeatPairs(),
                m.lowerBoundRepeatPairs(), m.maxMeetings()));
    }

    private static void jmh(StringBuilder md) throws Exception {
        org.openjdk.jmh.runner.options.Options options = new org.openjdk.jmh.runner.options.OptionsBuilder()
                .include("org.rencontres.planner.(rotation.SearchStateBenchmark|allocation.AllocationBenchmark)")
                .build();
        java.util.Collection<org.openjdk.jmh.results.RunResult> results = new org.openjdk.jmh.runner.Runner(options).run();
        md.append("### JMH: the hot loops\n\n");
        md.append("`java -jar planner/target/planner-benchmarks.jar` (1 fork, 3 warm-up and 5 measured iterations "
                + "of 1–2 s). `evaluateAllSwapsOfOneRound`: every swap of one round of a 5-round table-rule plan "
                + "(n²/2 O(1) evaluations); `swapAndUndo`: two swaps with every cache updated; `allocate`: the "
                + "2,000 × 12 × 2 allocation.\n\n");
        md.append("| benchmark | participants | score | error | unit |\n|---|---|---|---|---|\n");
        for (org.openjdk.jmh.results.RunResult r : results) {
            org.openjdk.jmh.results.Result<?> primary = r.getPrimaryResult();
            String label = r.getParams().getBenchmark();
            label = label.substring(label.lastIndexOf('.', label.lastIndexOf('.') - 1) + 1);
            String param = r.getParams().getParamsKeys().contains("participants")
                    ? r.getParams().getParam("participants") : "2000";
            md.append(String.format(Locale.ROOT, "| %s | %s | %.3f | ± %.3f | %s |%n", label, param,
                    primary.getScore(), primary.getScoreError(), primary.getScoreUnit()));
        }
        md.append("\n");
    }

    private static void allocation(StringBuilder md) {
        AllocationProblem problem = AllocationBenchmark.eventSized(false);
        AllocationProblem fair = AllocationBenchmark.eventSized(true);
        md.append("### Workshop allocation\n\n");
        md.append("2,000 participants, 12 workshops of 170 seats, 2 slots, 5 ranked choices each with skewed "
                + "popularity. Elapsed time of the whole `AllocationPlanner.plan` (flow + slot colouring), first call "
                + "in a fresh JVM after the rotation runs above, then the best of 5.\n\n");
        md.append("| objective | first call ms | best of 5 ms | rank profile (1st, 2nd, …) | unranked | unassigned |\n");
        md.append("|---|---|---|---|---|---|\n");
        for (AllocationProblem pr : List.of(problem, fair)) {
            AllocationPlan first = AllocationPlanner.plan(pr);
            long best = first.elapsedMillis();
            for (int k = 0; k < 5; k++) {
                best = Math.min(best, AllocationPlanner.plan(pr).elapsedMillis());
            }
            md.append("| ").append(pr.fairness() ? "fair (rank²)" : "rank sum").append(" | ")
                    .append(first.elapsedMillis()).append(" | ").append(best).append(" | ")
                    .append(first.rankProfile()).append(" | ").append(first.unrankedPlacements()).append(" | ")
                    .append(first.unassigned().size()).append(" |\n");
        }
        md.append("\n");
    }
}
