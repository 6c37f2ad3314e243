package org.rencontres.planner.rotation;

/**
 * The table sizes of one round: as balanced as the capacities and the seats already fixed allow.
 * Water-filling: every table gets {@code level} (raised to its fixed seats, capped by its capacity),
 * and {@code extra} tables among those that can take one more get {@code level + 1}.
 */
public final class TableSizes {

    private final int level;
    private final int extra;
    private final int[] base;
    private final boolean[] canTakeOneMore;

    private TableSizes(int level, int extra, int[] base, boolean[] canTakeOneMore) {
        this.level = level;
        this.extra = extra;
        this.base = base;
        this.canTakeOneMore = canTakeOneMore;
    }

    /**
     * @return the sizes, or null when the tables cannot seat {@code present} people at all
     */
    public static TableSizes of(int present, int[] fixedCounts, int[] capacities) {
        long total = 0;
        int maxCapacity = 0;
        for (int c : capacities) {
            total += c;
            maxCapacity = Math.max(maxCapacity, c);
        }
        if (present > total) {
            return null;
        }
        int level = 0;
        while (level < maxCapacity && sum(level + 1, fixedCounts, capacities) <= present) {
            level++;
        }
        int g = capacities.length;
        int[] base = new int[g];
        boolean[] more = new boolean[g];
        int assigned = 0;
        for (int t = 0; t < g; t++) {
            base[t] = clamp(level, fixedCounts[t], capacities[t]);
            assigned += base[t];
            more[t] = fixedCounts[t] <= level && capacities[t] >= level + 1;
        }
        return new TableSizes(level, present - assigned, base, more);
    }

    private static long sum(int level, int[] fixedCounts, int[] capacities) {
        long s = 0;
        for (int t = 0; t < capacities.length; t++) {
            s += clamp(level, fixedCounts[t], capacities[t]);
        }
        return s;
    }

    private static int clamp(int level, int fixed, int capacity) {
        return Math.min(capacity, Math.max(fixed, level));
    }

    public int level() {
        return level;
    }

    /** How many tables get one more than their base size. */
    public int extra() {
        return extra;
    }

    public int base(int table) {
        return base[table];
    }

    public boolean canTakeOneMore(int table) {
        return canTakeOneMore[table];
    }

    /** The smallest possible difference between the largest and the smallest table of the round. */
    public int spread() {
        int min = Integer.MAX_VALUE;
        int max = Integer.MIN_VALUE;
        int extraLeft = extra;
        // The extra seats go first to tables at the level, which is what keeps the spread minimal.
        int[] sizes = base.clone();
        for (int t = 0; t < sizes.length && extraLeft > 0; t++) {
            if (canTakeOneMore[t] && sizes[t] == level) {
                sizes[t]++;
                extraLeft--;
            }
        }
        for (int s : sizes) {
            min = Math.min(min, s);
            max = Math.max(max, s);
        }
        return sizes.length == 0 ? 0 : max - min;
    }
}
