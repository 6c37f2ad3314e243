package org.rencontres.planner.rotation;

/**
 * The finite field GF(q) for a prime power q (small q only): elements 0..q-1 are polynomials over GF(p)
 * written in base p, multiplied modulo the first monic polynomial found that makes every non-zero
 * element invertible.
 */
final class GaloisField {

    final int q;
    private final int p;
    private final int[][] mul;

    private GaloisField(int q, int p, int[][] mul) {
        this.q = q;
        this.p = p;
        this.mul = mul;
    }

    /** @return the field of order q, or null when q is not a prime power or too large to tabulate */
    static GaloisField of(int q) {
        if (q < 2 || q > 256) {
            return null;
        }
        int p = smallestPrimeFactor(q);
        int k = 0;
        int rest = q;
        while (rest % p == 0) {
            rest /= p;
            k++;
        }
        if (rest != 1) {
            return null;
        }
        // Monic polynomials x^k + c(x), c of degree < k, tried in order.
        for (int c = 0; c < q; c++) {
            int[][] mul = new int[q][q];
            for (int a = 0; a < q; a++) {
                for (int b = a; b < q; b++) {
                    int v = multiply(a, b, c, p, k);
                    mul[a][b] = v;
                    mul[b][a] = v;
                }
            }
            if (isField(mul, q)) {
                return new GaloisField(q, p, mul);
            }
        }
        return null;
    }

    private static boolean isField(int[][] mul, int q) {
        for (int a = 1; a < q; a++) {
            boolean inverse = false;
            for (int b = 1; b < q && !inverse; b++) {
                inverse = mul[a][b] == 1;
            }
            if (!inverse) {
                return false;
            }
        }
        return true;
    }

    private static int multiply(int a, int b, int modulus, int p, int k) {
        int[] x = digits(a, p, k);
        int[] y = digits(b, p, k);
        int[] product = new int[2 * k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                product[i + j] = (product[i + j] + x[i] * y[j]) % p;
            }
        }
        int[] m = digits(modulus, p, k);
        // x^k = -c(x): reduce from the top degree down.
        for (int deg = 2 * k - 1; deg >= k; deg--) {
            int coef = product[deg];
            if (coef != 0) {
                product[deg] = 0;
                for (int i = 0; i < k; i++) {
                    product[deg - k + i] = ((product[deg - k + i] - coef * m[i]) % p + p) % p;
                }
            }
        }
        int value = 0;
        for (int i = k - 1; i >= 0; i--) {
            value = value * p + product[i];
        }
        return value;
    }

    private static int[] digits(int value, int p, int k) {
        int[] digits = new int[k];
        for (int i = 0; i < k; i++) {
            digits[i] = value % p;
            value /= p;
        }
        return digits;
    }

    private static int smallestPrimeFactor(int q) {
        for (int f = 2; f * f <= q; f++) {
            if (q % f == 0) {
                return f;
            }
        }
        return q;
    }

    int add(int a, int b) {
        int result = 0;
        int scale = 1;
        while (a > 0 || b > 0) {
            result += ((a % p + b % p) % p) * scale;
            a /= p;
            b /= p;
            scale *= p;
        }
        return result;
    }

    int negate(int a) {
        int result = 0;
        int scale = 1;
        while (a > 0) {
            result += ((p - a % p) % p) * scale;
            a /= p;
            scale *= p;
        }
        return result;
    }

    int multiply(int a, int b) {
        return mul[a][b];
    }
}
