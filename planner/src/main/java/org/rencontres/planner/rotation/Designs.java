package org.rencontres.planner.rotation;

import java.util.ArrayList;
import java.util.List;

/**
 * Zero-repeat rounds built from designs rather than searched: g groups of p (g·p people, person
 * index = row · g + column, rows 0..p-1, columns 0..g-1).
 *
 * <p>Transversal design: in round k, person (row r, column c) joins group k·x_r + c, where x_r is the
 * row's field element. Two people of different rows meet in round k only if k = (c' − c)/(x_r − x_r'),
 * a single k, so the g rounds of GF(g) repeat nobody; people of one row never meet. When p divides g,
 * more rounds split each row into g/p groups by the same construction, recursively; for p = g = q this
 * is the affine plane (q + 1 rounds). When g is not a prime power, the same idea over Z_g keeps the rounds
 * k whose differences stay invertible on the row differences (6-6-3: rows, columns, one Latin square).
 */
final class Designs {

    private Designs() {
    }

    /**
     * @return up to {@code wanted} rounds without any repeated pair, each an array giving the table of
     *         each person (tables are shifted per round so that, when p < g, nobody sits at the same table
     *         twice in the transversal rounds)
     */
    static List<int[]> zeroRepeatRounds(int g, int p, int wanted) {
        List<int[]> field = fieldRounds(g, p, wanted);
        List<int[]> cyclic = cyclicRounds(g, p, wanted);
        return field != null && field.size() >= cyclic.size() ? field : cyclic;
    }

    private static List<int[]> fieldRounds(int g, int p, int wanted) {
        GaloisField field = GaloisField.of(g);
        if (field == null || p > g || p < 1) {
            return null;
        }
        // Table shift a·k: person (x, c) sits at k·(x + a) + c, the same table twice only when x = -a.
        int a = p < g ? 1 : 0;
        int avoid = field.negate(a);
        int[] rows = new int[p];
        int filled = 0;
        for (int x = 0; x < g && filled < p; x++) {
            if (p == g || x != avoid) {
                rows[filled++] = x;
            }
        }
        List<int[]> rounds = new ArrayList<>();
        for (int k = 0; k < g && rounds.size() < wanted; k++) {
            int[] table = new int[g * p];
            int shift = field.multiply(a, k);
            for (int r = 0; r < p; r++) {
                for (int c = 0; c < g; c++) {
                    table[r * g + c] = field.add(field.add(field.multiply(k, rows[r]), c), shift);
                }
            }
            rounds.add(table);
        }
        addRowRounds(rounds, g, p, wanted);
        return rounds;
    }

    private static List<int[]> cyclicRounds(int g, int p, int wanted) {
        List<int[]> rounds = new ArrayList<>();
        if (p > g) {
            return rounds;
        }
        List<Integer> ks = new ArrayList<>();
        for (int k = 0; k < g && ks.size() < wanted; k++) {
            boolean ok = true;
            for (int other : ks) {
                for (int diff = 1; diff < p && ok; diff++) {
                    ok = ((long) (k - other) * diff) % g != 0;
                }
            }
            if (ok) {
                ks.add(k);
            }
        }
        for (int k : ks) {
            int[] table = new int[g * p];
            for (int r = 0; r < p; r++) {
                for (int c = 0; c < g; c++) {
                    table[r * g + c] = Math.floorMod(k * (r + 1) + c, g);
                }
            }
            rounds.add(table);
        }
        addRowRounds(rounds, g, p, wanted);
        return rounds;
    }

    /** People of one row never met: split every row into g/p groups, as a smaller design when possible. */
    private static void addRowRounds(List<int[]> rounds, int g, int p, int wanted) {
        if (g % p != 0 || rounds.size() >= wanted) {
            return;
        }
        int subGroups = g / p;
        List<int[]> inner = subGroups >= p ? zeroRepeatRounds(subGroups, p, wanted - rounds.size()) : List.of();
        if (inner.isEmpty()) {
            int[] trivial = new int[g];
            for (int c = 0; c < g; c++) {
                trivial[c] = c / p;
            }
            inner = List.of(trivial);
        }
        for (int[] sub : inner) {
            if (rounds.size() >= wanted) {
                break;
            }
            int[] table = new int[g * p];
            for (int r = 0; r < p; r++) {
                for (int c = 0; c < g; c++) {
                    table[r * g + c] = r * subGroups + sub[c];
                }
            }
            rounds.add(table);
        }
    }
}
