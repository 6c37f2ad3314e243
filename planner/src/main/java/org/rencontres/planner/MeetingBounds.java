package org.rencontres.planner;

/**
 * Bounds on what a networking rotation can achieve, used to judge a plan against what is possible.
 * The derivation of the lower bound on repeats is written out in docs/planner.md.
 */
public final class MeetingBounds {

    private MeetingBounds() {
    }

    /**
     * The most distinct people one participant can meet: each of {@code rounds} rounds seats them
     * with at most {@code groupSize - 1} others, and there are only {@code participants - 1} others.
     */
    public static int maxDistinctPeople(int participants, int groupSize, int rounds) {
        if (participants < 1 || groupSize < 1 || rounds < 0) {
            throw new IllegalArgumentException("participants and group size must be positive, rounds not negative");
        }
        return (int) Math.min(participants - 1L, (long) rounds * (groupSize - 1));
    }

    /** The most distinct themes one participant can discover when nobody sits at the same table twice. */
    public static int maxDistinctThemes(int tables, int rounds) {
        if (tables < 0 || rounds < 0) {
            throw new IllegalArgumentException("tables and rounds must not be negative");
        }
        return Math.min(tables, rounds);
    }

    /**
     * The fewest pairs that can fall together when {@code people} people are spread over {@code parts}
     * groups: Σ C(x, 2) over the most even split (C(x, 2) is convex, so evening out never hurts).
     */
    public static long minPairsInSplit(long people, int parts) {
        if (people < 0 || parts < 1) {
            throw new IllegalArgumentException("people must not be negative and parts must be positive");
        }
        long q = people / parts;
        long rem = people % parts;
        return rem * choose2(q + 1) + (parts - rem) * choose2(q);
    }

    /**
     * The fewest pairs that share a table in both of two rounds, when {@code common} people attend both
     * rounds and there are {@code tables} tables. Each table's group of the first round spreads over the
     * second round's tables; with {@code tableOnce} it cannot return to its own table, so it spreads over
     * only {@code tables - 1}. Pairs landing together in the second round met twice (pigeonhole).
     */
    public static long minRepeatsBetweenTwoRounds(int common, int tables, boolean tableOnce) {
        if (common < 0 || tables < 1) {
            throw new IllegalArgumentException("common must not be negative and tables must be positive");
        }
        int targets = tableOnce ? Math.max(1, tables - 1) : tables;
        long q = common / tables;
        long rem = common % tables;
        // The first round's groups restricted to the common people: their sizes are free, and since
        // minPairsInSplit is convex in the group size, the most even sizes give the smallest total.
        return rem * minPairsInSplit(q + 1, targets) + (tables - rem) * minPairsInSplit(q, targets);
    }

    /**
     * A lower bound on K = Σ over pairs of C(m, 2): C(m, 2) counts the pairs of rounds in which a pair
     * met, so K is the sum over pairs of rounds (r, s) of the pairs meeting in both r and s, each bounded
     * by {@link #minRepeatsBetweenTwoRounds}. {@code common[r][s]} is how many people attend both.
     */
    public static long lowerBoundRepeatPairs(int[][] common, int tables, boolean tableOnce) {
        long bound = 0;
        for (int r = 0; r < common.length; r++) {
            for (int s = r + 1; s < common.length; s++) {
                bound += minRepeatsBetweenTwoRounds(common[r][s], tables, tableOnce);
            }
        }
        return bound;
    }

    private static long choose2(long x) {
        return x * (x - 1) / 2;
    }
}
