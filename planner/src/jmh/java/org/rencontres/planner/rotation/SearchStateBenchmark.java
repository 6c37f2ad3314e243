package org.rencontres.planner.rotation;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** The tabu search's hot loops: evaluating every swap of a round, and applying a swap (and undoing it). */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SearchStateBenchmark {

    @Param({"30", "120"})
    int participants;

    private SearchState state;
    private int round;
    private int[] people;

    @Setup
    public void setUp() {
        int tables = participants / 6;
        RotationProblem problem = RotationProblem.simple(participants, tables, 5, true, 1, 2000);
        Model model = new Model(problem);
        state = model.newState();
        RandomizedGreedy.seatFrom(model, state, 0, new SplittableRandom(1));
        round = 2;
        people = new int[participants];
        for (int i = 0; i < participants; i++) {
            people[i] = i;
        }
    }

    /** All swaps of one round: n²/2 O(1) evaluations. */
    @Benchmark
    public long evaluateAllSwapsOfOneRound() {
        long sum = 0;
        int[] seat = state.seat[round];
        for (int i : people) {
            for (int j : people) {
                if (j > i && seat[i] != seat[j]) {
                    sum += state.deltaSwap(round, i, j);
                }
            }
        }
        return sum;
    }

    /** One swap and its undo, with every cache kept up to date: O(n + p·w). */
    @Benchmark
    public long swapAndUndo() {
        int j = people[people.length - 1];
        int i = 0;
        while (state.seat[round][i] == state.seat[round][j]) {
            i++;
        }
        state.swap(round, i, j);
        state.swap(round, i, j);
        return state.total();
    }
}
