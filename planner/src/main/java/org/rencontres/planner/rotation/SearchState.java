package org.rencontres.planner.rotation;

import java.util.Arrays;

/**
 * The mutable seating that the search works on, with incremental caches so that evaluating a swap is
 * O(1): {@code add[r][i][t]} is the pair cost participant i would add by joining table t in round r,
 * {@code sub[r][i][t]} the pair cost it would remove by leaving it.
 *
 * <p>Pair cost: f(m) = C(m, 2) + FAIRNESS · C(m − 1, 2), for a pair sharing a table in m rounds. Its
 * first term is K; the second one only counts from a third meeting on, which spreads the repeats (a
 * pair meeting three times costs more than three pairs meeting twice).
 */
final class SearchState {

    static final long HARD = 1000;
    static final int FAIRNESS = 2;
    static final long CHANGE = 4;

    final int n;
    final int g;
    final int w;
    final int[] capacity;
    final boolean tableOnce;
    final boolean separate;
    final int[] organisation;
    final int organisations;
    final boolean[][] present;
    final boolean[][] pinned;
    final int[][] announced;

    final int[][] seat;
    final int[][][] members;
    final int[][] size;
    final int[][] position;
    final int[] meetings;
    final int[] add;
    final int[] sub;
    final int[] timesAt;
    final int[] orgCount;
    final long[] f;
    final int[] d;

    long pairCost;
    long tableViolations;
    long orgViolations;
    long changes;

    SearchState(int n, int g, int w, int[] capacity, boolean tableOnce, boolean separate, int[] organisation,
                boolean[][] present, boolean[][] pinned, int[][] announced) {
        this.n = n;
        this.g = g;
        this.w = w;
        this.capacity = capacity;
        this.tableOnce = tableOnce;
        this.separate = separate;
        this.organisation = organisation;
        int orgs = 0;
        for (int o : organisation) {
            orgs = Math.max(orgs, o + 1);
        }
        this.organisations = Math.max(1, orgs);
        this.present = present;
        this.pinned = pinned;
        this.announced = announced;
        seat = new int[w][n];
        members = new int[w][g][];
        size = new int[w][g];
        position = new int[w][n];
        for (int r = 0; r < w; r++) {
            Arrays.fill(seat[r], -1);
            for (int t = 0; t < g; t++) {
                members[r][t] = new int[Math.min(n, capacity[t])];
            }
        }
        meetings = new int[n * n];
        add = new int[w * n * g];
        sub = new int[w * n * g];
        timesAt = new int[n * g];
        orgCount = new int[w * g * organisations];
        f = new long[w + 2];
        d = new int[w + 3];
        for (int m = 0; m < f.length; m++) {
            f[m] = choose2(m) + FAIRNESS * choose2(m - 1);
        }
        // d[m + 1] = f(m + 1) - f(m), so that d(-1) = 0 is addressable.
        for (int m = -1; m <= w + 1; m++) {
            d[m + 1] = m < 0 ? 0 : (int) (f[Math.min(m + 1, f.length - 1)] - f[m]);
        }
    }

    private static long choose2(long x) {
        return x < 2 ? 0 : x * (x - 1) / 2;
    }

    long total() {
        return pairCost + HARD * (tableViolations + orgViolations) + CHANGE * changes;
    }

    long hardViolations() {
        return tableViolations + orgViolations;
    }

    private int index(int r, int i, int t) {
        return (r * n + i) * g + t;
    }

    private int dAt(int m) {
        return d[m + 1];
    }

    /** Changes the number of meetings of the pair (i, j) by delta, keeping add and sub right in every round. */
    private void pairChange(int i, int j, int delta) {
        int old = meetings[i * n + j];
        int now = old + delta;
        meetings[i * n + j] = now;
        meetings[j * n + i] = now;
        pairCost += f[now] - f[old];
        int dAdd = dAt(now) - dAt(old);
        int dSub = dAt(now - 1) - dAt(old - 1);
        if (dAdd == 0 && dSub == 0) {
            return;
        }
        for (int s = 0; s < w; s++) {
            int tj = seat[s][j];
            if (tj >= 0) {
                int k = index(s, i, tj);
                add[k] += dAdd;
                sub[k] += dSub;
            }
            int ti = seat[s][i];
            if (ti >= 0) {
                int k = index(s, j, ti);
                add[k] += dAdd;
                sub[k] += dSub;
            }
        }
    }

    /** Seats i (not seated in round r) at table t. */
    void place(int r, int i, int t) {
        int[] table = members[r][t];
        int count = size[r][t];
        for (int k = 0; k < count; k++) {
            pairChange(i, table[k], +1);
        }
        if (count == table.length) {
            members[r][t] = table = Arrays.copyOf(table, Math.max(1, table.length * 2));
        }
        table[count] = i;
        position[r][i] = count;
        size[r][t] = count + 1;
        seat[r][i] = t;
        int base = i * n;
        for (int x = 0; x < n; x++) {
            if (x != i) {
                int m = meetings[base + x];
                int k = index(r, x, t);
                add[k] += dAt(m);
                sub[k] += dAt(m - 1);
            }
        }
        if (timesAt[i * g + t]++ >= 1 && tableOnce) {
            tableViolations++;
        }
        int o = organisation[i];
        if (o >= 0) {
            int k = (r * g + t) * organisations + o;
            orgViolations += orgCount[k]++;
        }
        if (announced[r][i] >= 0 && announced[r][i] != t) {
            changes++;
        }
    }

    /** Unseats i from its table in round r. */
    void remove(int r, int i) {
        int t = seat[r][i];
        int[] table = members[r][t];
        int last = --size[r][t];
        int p = position[r][i];
        table[p] = table[last];
        position[r][table[p]] = p;
        seat[r][i] = -1;
        int base = i * n;
        for (int x = 0; x < n; x++) {
            if (x != i) {
                int m = meetings[base + x];
                int k = index(r, x, t);
                add[k] -= dAt(m);
                sub[k] -= dAt(m - 1);
            }
        }
        for (int k = 0; k < last; k++) {
            pairChange(i, table[k], -1);
        }
        if (--timesAt[i * g + t] >= 1 && tableOnce) {
            tableViolations--;
        }
        int o = organisation[i];
        if (o >= 0) {
            int k = (r * g + t) * organisations + o;
            orgViolations -= --orgCount[k];
        }
        if (announced[r][i] >= 0 && announced[r][i] != t) {
            changes--;
        }
    }

    void swap(int r, int i, int j) {
        int a = seat[r][i];
        int b = seat[r][j];
        remove(r, i);
        remove(r, j);
        place(r, i, b);
        place(r, j, a);
    }

    void move(int r, int i, int t) {
        remove(r, i);
        place(r, i, t);
    }

    /** The change of {@link #total()} if i and j (at different tables of round r) swapped. */
    long deltaSwap(int r, int i, int j) {
        int a = seat[r][i];
        int b = seat[r][j];
        int ia = index(r, i, 0);
        int ja = index(r, j, 0);
        int dij = dAt(meetings[i * n + j]);
        long delta = -sub[ia + a] + add[ia + b] - sub[ja + b] + add[ja + a] - 2L * dij;
        if (tableOnce) {
            long v = 0;
            if (timesAt[i * g + a] >= 2) v--;
            if (timesAt[i * g + b] >= 1) v++;
            if (timesAt[j * g + b] >= 2) v--;
            if (timesAt[j * g + a] >= 1) v++;
            delta += HARD * v;
        }
        if (separate) {
            int oi = organisation[i];
            int oj = organisation[j];
            if (oi != oj) {
                long v = 0;
                if (oi >= 0) {
                    v += orgCount[(r * g + b) * organisations + oi] - (orgCount[(r * g + a) * organisations + oi] - 1);
                }
                if (oj >= 0) {
                    v += orgCount[(r * g + a) * organisations + oj] - (orgCount[(r * g + b) * organisations + oj] - 1);
                }
                delta += HARD * v;
            }
        }
        int ai = announced[r][i];
        if (ai >= 0) {
            delta += CHANGE * ((ai != b ? 1 : 0) - (ai != a ? 1 : 0));
        }
        int aj = announced[r][j];
        if (aj >= 0) {
            delta += CHANGE * ((aj != a ? 1 : 0) - (aj != b ? 1 : 0));
        }
        return delta;
    }

    /** The change of {@link #total()} if i moved to table t in round r (t different from its own). */
    long deltaMove(int r, int i, int t) {
        int a = seat[r][i];
        int ia = index(r, i, 0);
        long delta = -sub[ia + a] + add[ia + t];
        if (tableOnce) {
            long v = 0;
            if (timesAt[i * g + a] >= 2) v--;
            if (timesAt[i * g + t] >= 1) v++;
            delta += HARD * v;
        }
        if (separate) {
            int oi = organisation[i];
            if (oi >= 0) {
                delta += HARD * (orgCount[(r * g + t) * organisations + oi]
                        - (orgCount[(r * g + a) * organisations + oi] - 1));
            }
        }
        int ai = announced[r][i];
        if (ai >= 0) {
            delta += CHANGE * ((ai != t ? 1 : 0) - (ai != a ? 1 : 0));
        }
        return delta;
    }

    /** The pair cost i would add by joining table t in round r, plus its hard-rule and change costs. */
    long joinCost(int r, int i, int t) {
        long cost = add[index(r, i, t)];
        if (tableOnce && timesAt[i * g + t] >= 1) {
            cost += HARD;
        }
        if (separate && organisation[i] >= 0) {
            cost += HARD * orgCount[(r * g + t) * organisations + organisation[i]];
        }
        if (announced[r][i] >= 0 && announced[r][i] != t) {
            cost += CHANGE;
        }
        return cost;
    }

    boolean feasibleJoin(int r, int i, int t) {
        return !(tableOnce && timesAt[i * g + t] >= 1)
                && !(separate && organisation[i] >= 0 && orgCount[(r * g + t) * organisations + organisation[i]] > 0);
    }

    /** Whether i, in round r, is part of a cost: a repeated pair, a broken rule or a changed announcement. */
    boolean conflicted(int r, int i) {
        int a = seat[r][i];
        if (sub[index(r, i, a)] > 0) {
            return true;
        }
        if (tableOnce && timesAt[i * g + a] >= 2) {
            return true;
        }
        int o = organisation[i];
        if (separate && o >= 0 && orgCount[(r * g + a) * organisations + o] >= 2) {
            return true;
        }
        return announced[r][i] >= 0 && announced[r][i] != a;
    }

    int[][] copySeats() {
        int[][] copy = new int[w][];
        for (int r = 0; r < w; r++) {
            copy[r] = seat[r].clone();
        }
        return copy;
    }

    /** Replaces the whole seating (recomputing every cache from scratch). */
    void load(int[][] seats) {
        for (int r = 0; r < w; r++) {
            Arrays.fill(seat[r], -1);
            Arrays.fill(size[r], 0);
        }
        Arrays.fill(meetings, 0);
        Arrays.fill(add, 0);
        Arrays.fill(sub, 0);
        Arrays.fill(timesAt, 0);
        Arrays.fill(orgCount, 0);
        pairCost = 0;
        tableViolations = 0;
        orgViolations = 0;
        changes = 0;
        for (int r = 0; r < w; r++) {
            for (int i = 0; i < n; i++) {
                if (seats[r][i] >= 0) {
                    place(r, i, seats[r][i]);
                }
            }
        }
    }
}
