package org.parax4j.engine.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * LU with partial pivoting: the factor reconstructs {@code P·A = L·U} to
 * {@code ‖PA − LU‖_F/‖A‖_F ≤ 1e-15·n} with {@code |L_ij| ≤ 1}, solves and the inverse have small
 * residuals, the determinant has the permutation's sign, singular and non-finite matrices are
 * reported (and give non-finite results rather than exceptions), bad arguments change nothing.
 */
class LuTest {

    private static double[] random(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] a = new double[n * n];
        for (int i = 0; i < a.length; i++) {
            a[i] = rng.nextDouble(-1, 1);
        }
        return a;
    }

    /** Frobenius norm. */
    private static double norm(double[] a) {
        return Math.sqrt(Arrays.stream(a).map(v -> v * v).sum());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 5, 8, 17, 40})
    void factorReconstructsPermutedMatrix(int n) {
        double[] a = random(n, 11 + n);
        double[] lu = a.clone();
        int[] pivots = new int[n];
        assertEquals(-1, Lu.factor(lu, n, pivots));
        double[] pa = a.clone();
        for (int k = 0; k < n; k++) {
            assertTrue(pivots[k] >= k && pivots[k] < n, "pivot " + k + " = " + pivots[k]);
            for (int c = 0; c < n; c++) {
                double t = pa[k * n + c];
                pa[k * n + c] = pa[pivots[k] * n + c];
                pa[pivots[k] * n + c] = t;
            }
        }
        double[] diff = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int k = 0; k <= Math.min(i, j); k++) {
                    double l = k == i ? 1 : lu[i * n + k];
                    s += l * lu[k * n + j];
                }
                diff[i * n + j] = pa[i * n + j] - s;
                if (j < i) {
                    assertTrue(Math.abs(lu[i * n + j]) <= 1, "|L| ≤ 1 at " + i + "," + j);
                }
            }
        }
        assertTrue(norm(diff) <= 1e-15 * n * norm(a), "‖PA − LU‖ = " + norm(diff));
        int swaps = 0;
        for (int k = 0; k < n; k++) {
            swaps += pivots[k] != k ? 1 : 0;
        }
        double det = swaps % 2 == 0 ? 1 : -1;
        for (int k = 0; k < n; k++) {
            det *= lu[k * n + k];
        }
        assertEquals(det, Lu.determinant(lu, n, pivots));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 8, 30})
    void solveAndInverseHaveSmallResiduals(int n) {
        double[] a = random(n, 101 + n);
        double[] lu = a.clone();
        int[] pivots = new int[n];
        assertEquals(-1, Lu.factor(lu, n, pivots));
        int k = 3;
        int off = 2;
        double[] b = new double[off + n * k + 1];
        SplittableRandom rng = new SplittableRandom(7);
        for (int i = 0; i < b.length; i++) {
            b[i] = rng.nextDouble(-1, 1);
        }
        double[] x = b.clone();
        Lu.solve(lu, n, pivots, x, off, k);
        assertEquals(b[0], x[0]);
        assertEquals(b[1], x[1]);
        assertEquals(b[b.length - 1], x[b.length - 1]);
        double[] r = new double[n * k];
        double[] xs = new double[n * k];
        System.arraycopy(x, off, xs, 0, n * k);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < k; j++) {
                double s = b[off + i * k + j];
                for (int q = 0; q < n; q++) {
                    s -= a[i * n + q] * x[off + q * k + j];
                }
                r[i * k + j] = s;
            }
        }
        assertTrue(norm(r) <= 1e-14 * n * norm(a) * norm(xs), "‖AX − B‖ = " + norm(r));

        double[] vector = new double[n];
        vector[0] = 1;
        Lu.solve(lu, n, pivots, vector);
        double[] inv = new double[n * n];
        Lu.inverse(lu, n, pivots, inv);
        double[] residual = new double[n * n];
        for (int i = 0; i < n; i++) {
            assertEquals(inv[i * n], vector[i], "inverse column 0 equals the solve with e0");
            for (int j = 0; j < n; j++) {
                double s = i == j ? 1 : 0;
                for (int q = 0; q < n; q++) {
                    s -= a[i * n + q] * inv[q * n + j];
                }
                residual[i * n + j] = s;
            }
        }
        assertTrue(norm(residual) <= 1e-14 * n * norm(a) * norm(inv), "‖I − A·A⁻¹‖ = " + norm(residual));
    }

    @Test
    void determinantCarriesThePermutationSign() {
        double[] a = {0, 2, 3, 4};
        int[] pivots = new int[2];
        assertEquals(-1, Lu.factor(a, 2, pivots));
        assertArrayEquals(new int[] {1, 1}, pivots);
        assertEquals(-6, Lu.determinant(a, 2, pivots), 1e-15);
        double[] p = {0, 1, 0, 0, 0, 1, 1, 0, 0};
        int[] piv3 = new int[3];
        assertEquals(-1, Lu.factor(p, 3, piv3));
        assertEquals(1, Lu.determinant(p, 3, piv3));
        assertEquals(1, Lu.determinant(new double[0], 0, new int[0]));
    }

    @Test
    void singularAndNonFiniteMatricesAreReportedNotThrown() {
        double[] rank1 = {1, 2, 2, 4};
        int[] pivots = new int[2];
        assertEquals(1, Lu.factor(rank1, 2, pivots));
        assertEquals(0, Lu.determinant(rank1, 2, pivots), 0.0);
        double[] b = {1, 1};
        Lu.solve(rank1, 2, pivots, b);
        assertFalse(Double.isFinite(b[0]) && Double.isFinite(b[1]), "solve with a singular factor is not finite");

        double[] zero = new double[9];
        assertEquals(0, Lu.factor(zero, 3, new int[3]));
        double[] nan = {1, 0, 0, Double.NaN};
        assertEquals(1, Lu.factor(nan, 2, pivots));
        double[] inf = {Double.POSITIVE_INFINITY, 0, 0, 1};
        assertEquals(0, Lu.factor(inf, 2, pivots));
    }

    @Test
    void badArgumentsChangeNothing() {
        double[] a = {4, 1, 1, 3};
        double[] copy = a.clone();
        assertThrows(IllegalArgumentException.class, () -> Lu.factor(a, 2, new int[1]));
        assertThrows(IllegalArgumentException.class, () -> Lu.factor(a, 3, new int[3]));
        assertThrows(IllegalArgumentException.class, () -> Lu.factor(a, -1, new int[3]));
        assertArrayEquals(copy, a);
        int[] pivots = new int[2];
        Lu.factor(a, 2, pivots);
        double[] b = {1, 2, 3};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Lu.solve(a, 2, pivots, b, 0, 2));
        assertTrue(e.getMessage().contains("n × k = 2 × 2"), e.getMessage());
        assertArrayEquals(new double[] {1, 2, 3}, b);
        assertThrows(IllegalArgumentException.class, () -> Lu.inverse(a, 2, pivots, a));
        assertThrows(IllegalArgumentException.class, () -> Lu.inverse(a, 2, pivots, new double[3]));
    }

    @Test
    void smallCholeskyNeedsNoPanel() {
        assertEquals(0, Cholesky.panelLength(0));
        assertEquals(0, Cholesky.panelLength(Cholesky.BLOCK));
        assertEquals(2 * Cholesky.BLOCK, Cholesky.panelLength(Cholesky.BLOCK + 1)); // two panels: the look-ahead
        double[] a = {4, 0, 2, 5};
        assertEquals(-1, Cholesky.factor(a, 2, null, false));
        assertArrayEquals(new double[] {2, 0, 1, 2}, a);
        double[] x = {8, 11};
        TriangularSolve.solve(a, 2, x);
        assertArrayEquals(new double[] {1.125, 1.75}, x, 1e-15);
        assertThrows(IllegalArgumentException.class,
                () -> Cholesky.factor(new double[(Cholesky.BLOCK + 1) * (Cholesky.BLOCK + 1)], Cholesky.BLOCK + 1,
                        new double[Cholesky.BLOCK - 1], false));
    }
}
