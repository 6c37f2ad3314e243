package org.rencontres.planner.allocation;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** The allocation of 2,000 participants to 12 workshops over 2 slots (flow + slot colouring). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class AllocationBenchmark {

    private AllocationProblem problem;

    @Setup
    public void setUp() {
        problem = eventSized(false);
    }

    /**
     * 2,000 participants, 12 workshops of 170 seats, 2 slots, 5 ranked choices each, with skewed
     * popularity (low-numbered workshops are wanted more); the same instance for every seed-1 run.
     */
    public static AllocationProblem eventSized(boolean fair) {
        Random random = new Random(1);
        List<Workshop> workshops = new ArrayList<>();
        for (int w = 0; w < 12; w++) {
            workshops.add(new Workshop("w" + w, 170));
        }
        List<Chooser> people = new ArrayList<>();
        for (int p = 0; p < 2000; p++) {
            List<String> choices = new ArrayList<>();
            while (choices.size() < 5) {
                String w = "w" + (int) Math.floor(12 * Math.pow(random.nextDouble(), 1.8));
                if (!choices.contains(w)) {
                    choices.add(w);
                }
            }
            people.add(new Chooser("p" + p, choices));
        }
        return new AllocationProblem(2, workshops, people, fair, true);
    }

    @Benchmark
    public AllocationPlan allocate() {
        return AllocationPlanner.plan(problem);
    }
}
