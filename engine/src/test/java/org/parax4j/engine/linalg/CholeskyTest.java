package org.parax4j.engine.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.parax4j.engine.EngineOptions;
import org.parax4j.engine.internal.linalg.PanelKernels;

/**
 * Cholesky factor and triangular solves: the Vector API inner kernel at every width this CPU offers
 * equals the scalar twin bit for bit (sizes hit the vector and block tails), the factor reconstructs
 * {@code A} to {@code ‖LLᵀ − A‖_F/‖A‖_F ≤ 1e-14·n}, solves satisfy {@code A·x = b}, jitter rescues a
 * singular kernel matrix and the failure message names what to raise.
 */
class CholeskyTest {

    /** The scalar twin's factor per size, computed once for all widths. */
    private static final Map<Integer, double[]> SCALAR_FACTORS = new ConcurrentHashMap<>();

    private static final int[] SIZES = {0, 1, 7, 8, 9, 63, 64, 65, 71, 72, 73, 1000, 1025};

    /** A random SPD matrix: an RBF Gram matrix of random points plus 1e-3 on the diagonal. */
    static double[] spd(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int d = 3;
        double[] x = new double[n * d];
        for (int i = 0; i < x.length; i++) {
            x[i] = rng.nextDouble(-2, 2);
        }
        double[] a = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double s = 0;
                for (int k = 0; k < d; k++) {
                    double diff = x[i * d + k] - x[j * d + k];
                    s += diff * diff;
                }
                double v = Math.exp(-0.5 * s) + (i == j ? 1e-3 : 0);
                a[i * n + j] = v;
                a[j * n + i] = v;
            }
        }
        return a;
    }

    static Stream<Arguments> widths() {
        List<Arguments> cases = new ArrayList<>();
        for (int bits = 128; bits <= PanelKernels.preferredBits(); bits *= 2) {
            for (int n : SIZES) {
                cases.add(Arguments.of(bits, n));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} bits, n={1}")
    @MethodSource("widths")
    void simdFactorAndSolvesEqualScalarTwin(int bits, int n) {
        double[] a = spd(n, 17 + n);
        double[] scalar = SCALAR_FACTORS.computeIfAbsent(n, k -> {
            double[] f = a.clone();
            assertEquals(-1, Cholesky.factor(PanelKernels.scalar(), f, k, new double[Cholesky.panelLength(k)], false));
            return f;
        });
        double[] simd = a.clone();
        double[] panel = new double[Cholesky.panelLength(n)];
        assertEquals(-1, Cholesky.factor(PanelKernels.panama(bits), simd, n, panel, n % 2 == 1));
        assertArrayEquals(scalar, simd, "factor differs from the scalar twin");
        int m = 5;
        double[] b = new double[n * m];
        SplittableRandom rng = new SplittableRandom(n);
        for (int i = 0; i < b.length; i++) {
            b[i] = rng.nextGaussian();
        }
        double[] bScalar = b.clone();
        double[] bSimd = b.clone();
        TriangularSolve.lower(PanelKernels.scalar(), scalar, n, bScalar, m);
        TriangularSolve.lower(PanelKernels.panama(bits), simd, n, bSimd, m);
        assertArrayEquals(bScalar, bSimd, "L·X = B differs");
        TriangularSolve.lowerTransposed(PanelKernels.scalar(), scalar, n, bScalar, m);
        TriangularSolve.lowerTransposed(PanelKernels.panama(bits), simd, n, bSimd, m);
        assertArrayEquals(bScalar, bSimd, "Lᵀ·X = B differs");
        if (n <= 65) {
            double[] invScalar = new double[n * n];
            double[] invSimd = new double[n * n];
            TriangularSolve.inverse(PanelKernels.scalar(), scalar, n, invScalar, false);
            TriangularSolve.inverse(PanelKernels.panama(bits), simd, n, invSimd, n % 2 == 1);
            assertArrayEquals(invScalar, invSimd, "inverse differs");
            // Against solving with the identity as a full right-hand side.
            double[] identity = new double[n * n];
            for (int i = 0; i < n; i++) {
                identity[i * n + i] = 1;
            }
            TriangularSolve.solve(scalar, n, identity, n);
            for (int i = 0; i < n * n; i++) {
                assertEquals(identity[i], invScalar[i], 1e-9 * (1 + Math.abs(identity[i])), "inverse element " + i);
            }
        }
    }

    @Test
    void matrixSolveBitsDoNotDependOnItsRowBlocks() {
        // m = 1 solves in one block of 512 rows, m = 200 in blocks of 160: each column of the wide
        // solve must still be the row-at-a-time chain of the narrow one, bit for bit.
        int n = 1025;
        int m = 200;
        double[] l = spd(n, 41);
        assertEquals(-1, Cholesky.factor(l, n, new double[Cholesky.panelLength(n)], true));
        double[] wide = new double[n * m];
        SplittableRandom rng = new SplittableRandom(5);
        for (int i = 0; i < wide.length; i++) {
            wide[i] = rng.nextGaussian();
        }
        double[] narrow = new double[n];
        int column = 137;
        for (int i = 0; i < n; i++) {
            narrow[i] = wide[i * m + column];
        }
        double[] vector = narrow.clone();
        TriangularSolve.lower(l, n, wide, m);
        TriangularSolve.lower(l, n, narrow, 1);
        TriangularSolve.lower(l, n, vector); // four rows interleaved: still the same chains
        for (int i = 0; i < n; i++) {
            assertEquals(narrow[i], wide[i * m + column], "row " + i);
            assertEquals(narrow[i], vector[i], "vector solve, row " + i);
        }
    }

    @ParameterizedTest(name = "n={0}")
    @ValueSource(ints = {5, 97, 300})
    void inverseDoesNotDependOnWhatOutHeld(int n) {
        // each column block zeroes its own part of out: a stale out (NaN) must give the same bits
        double[] l = spd(n, 43);
        assertEquals(-1, Cholesky.factor(l, n, new double[Cholesky.panelLength(n)], false));
        double[] clean = new double[n * n];
        TriangularSolve.inverse(l, n, clean, false);
        for (boolean parallel : new boolean[] {false, true}) {
            double[] stale = new double[n * n];
            java.util.Arrays.fill(stale, Double.NaN);
            TriangularSolve.inverse(l, n, stale, parallel);
            assertArrayEquals(clean, stale, "parallel " + parallel);
        }
    }

    @ParameterizedTest(name = "n={0}")
    @ValueSource(ints = {1, 7, 8, 9, 63, 64, 65, 73, 217, 1025})
    void factorReconstructsAndSolves(int n) {
        double[] a = spd(n, 3 + n);
        double[] l = a.clone();
        assertEquals(-1, Cholesky.factor(l, n, new double[Cholesky.panelLength(n)], true));
        double err = 0;
        double norm = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double s = 0;
                for (int k = 0; k <= j; k++) {
                    s += l[i * n + k] * l[j * n + k];
                }
                double diff = s - a[i * n + j];
                double w = i == j ? 1 : 2;
                err += w * diff * diff;
                norm += w * a[i * n + j] * a[i * n + j];
            }
            for (int j = i + 1; j < n; j++) {
                assertEquals(a[i * n + j], l[i * n + j], "upper triangle touched at " + i + "," + j);
            }
        }
        double relative = Math.sqrt(err / norm);
        assertTrue(relative <= 1e-14 * n, "‖LLᵀ − A‖/‖A‖ = " + relative);
        // A·x = b through the vector and the matrix solves.
        double[] b = new double[n];
        SplittableRandom rng = new SplittableRandom(n);
        for (int i = 0; i < n; i++) {
            b[i] = rng.nextGaussian();
        }
        double[] x = b.clone();
        TriangularSolve.solve(l, n, x);
        double[] xm = b.clone();
        TriangularSolve.solve(l, n, xm, 1);
        double residual = 0;
        double bNorm = 0;
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < n; j++) {
                s += a[i * n + j] * x[j];
            }
            residual = Math.max(residual, Math.abs(s - b[i]));
            bNorm = Math.max(bNorm, Math.abs(b[i]));
            assertEquals(x[i], xm[i], 1e-12 * (1 + Math.abs(x[i])) * n, "vector and matrix solves differ at " + i);
        }
        // Condition numbers up to ~1e3·n: the residual bound is loose but can still bite on a wrong solve.
        assertTrue(residual <= 1e-9 * bNorm * n, "max |A·x − b| = " + residual);
        double logDet = Cholesky.logDeterminant(l, n);
        assertTrue(Double.isFinite(logDet));
    }

    @Test
    void inverseAndLogDeterminantOfSmallMatrix() {
        double[] a = {4, 2, 0.6, 2, 2, 0.5, 0.6, 0.5, 3};
        double[] l = a.clone();
        assertEquals(-1, Cholesky.factor(l, 3, new double[Cholesky.panelLength(3)], false));
        double det = 4 * (2 * 3 - 0.5 * 0.5) - 2 * (2 * 3 - 0.5 * 0.6) + 0.6 * (2 * 0.5 - 2 * 0.6);
        assertEquals(Math.log(det), Cholesky.logDeterminant(l, 3), 1e-14);
        double[] inv = TriangularSolve.inverse(l, 3);
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                double s = 0;
                for (int k = 0; k < 3; k++) {
                    s += a[i * 3 + k] * inv[k * 3 + j];
                }
                assertEquals(i == j ? 1 : 0, s, 1e-14, "A·A⁻¹ at " + i + "," + j);
            }
        }
    }

    @Test
    void jitterRescuesDuplicatedPoints() {
        // RBF Gram of points with duplicates: exactly singular without noise.
        int n = 100;
        double[] a = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double diff = (i % 50) * 0.1 - (j % 50) * 0.1;
                a[i * n + j] = Math.exp(-0.5 * diff * diff);
            }
        }
        double[] original = a.clone();
        double[] panel = new double[Cholesky.panelLength(n)];
        double[] diagonal = new double[n];
        assertTrue(Cholesky.factor(original.clone(), n, panel, false) >= 0, "the plain factorisation must fail");
        double jitter = Cholesky.factorWithJitter(a, n, panel, diagonal, false, "RBF(ℓ = 1)");
        assertTrue(jitter >= 1e-8 && jitter <= 1e-4, "jitter " + jitter);
        double[] check = original.clone();
        for (int i = 0; i < n; i++) {
            check[i * n + i] += jitter;
        }
        assertEquals(-1, Cholesky.factor(check, n, panel, false));
        assertArrayEquals(check, a, "the jittered factor is the factor of A + jitter·I");
    }

    @ParameterizedTest(name = "parallel {0}")
    @ValueSource(booleans = {false, true})
    void aPivotFailingInALaterPanelIsReportedWithItsValue(boolean parallel) {
        // row 350 repeats row 17 (point 17): pivot 350 is the first that fails, in the fifth 72-column panel
        // (288-359), whose diagonal block the look-ahead task of the fourth panel's step factors (312 rows
        // below: parallel)
        int n = 600;
        double[] a = spd(n, 47);
        for (int j = 0; j < n; j++) {
            double v = j == 350 ? a[17 * n + 17] : a[17 * n + j];
            a[350 * n + j] = v;
            a[j * n + 350] = v;
        }
        a[350 * n + 17] = a[17 * n + 17];
        a[17 * n + 350] = a[17 * n + 17];
        double[] scalar = a.clone();
        int expected = Cholesky.factor(PanelKernels.scalar(), scalar, n, new double[Cholesky.panelLength(n)], false);
        assertEquals(350, expected, "the scalar twin's failing pivot");
        double[] simd = a.clone();
        assertEquals(expected, Cholesky.factor(PanelKernels.chosen(), simd, n, new double[Cholesky.panelLength(n)],
                parallel));
        assertTrue(!(Cholesky.failedPivotValue(simd, n, expected) > 1e-12), "pivot value "
                + Cholesky.failedPivotValue(simd, n, expected));
        assertEquals(Cholesky.failedPivotValue(scalar, n, expected), Cholesky.failedPivotValue(simd, n, expected));
    }

    @Test
    void failureMessageNamesKernelPivotAndWhatToRaise() {
        double[] a = {1, 2, 2, 1};
        double[] before = a.clone();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Cholesky.factorWithJitter(a, 2, new double[Cholesky.panelLength(2)], new double[2], false,
                        "Sum[RBF, White]"));
        String msg = e.getMessage();
        assertTrue(msg.contains("Sum[RBF, White]") && msg.contains("n = 2") && msg.contains("pivot 1 was -2.999")
                && msg.contains("raise the noise variance"), msg);
        assertArrayEquals(before, a, "a failed call restores the matrix");
    }

    /**
     * The look-ahead Cholesky (one task factors the next panel while the others finish the trailing
     * update) gives the same bits on any thread count, over many parallel steps and
     * a ragged last panel, with the inverse from the factor too.
     */
    @Test
    void theLookAheadFactorAndInverseHaveTheSameBitsOnAnyThreadCount() {
        int n = 777;
        double[] a = spd(n, 29);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            double[] oneFactor = null;
            double[] oneInverse = null;
            for (int parallelism : new int[] {1, 2, 3, 4}) {
                EngineOptions options = EngineOptions.of(pool, parallelism);
                double[] l = a.clone();
                assertEquals(-1, Cholesky.factor(l, n, new double[Cholesky.panelLength(n)], options));
                double[] inverse = new double[n * n];
                TriangularSolve.inverse(l, n, inverse, options);
                if (oneFactor == null) {
                    oneFactor = l;
                    oneInverse = inverse;
                } else {
                    assertArrayEquals(oneFactor, l, "factor, parallelism " + parallelism);
                    assertArrayEquals(oneInverse, inverse, "inverse, parallelism " + parallelism);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The solve and the inverse in one pass give the separate calls' bits on any thread count: the
     * solution, the full inverse when mirrored, and its lower triangle and diagonal when not (from a
     * stale {@code out}); bad arguments are refused before anything is written.
     */
    @ParameterizedTest(name = "n={0}")
    @ValueSource(ints = {5, 300, 777})
    void solveAndInverseHaveTheBitsOfTheSeparateCalls(int n) {
        double[] l = spd(n, 47);
        assertEquals(-1, Cholesky.factor(l, n, new double[Cholesky.panelLength(n)], false));
        double[] b = new SplittableRandom(5).doubles(n, -1, 1).toArray();
        double[] x = b.clone();
        TriangularSolve.solve(l, n, x);
        double[] inverse = new double[n * n];
        TriangularSolve.inverse(l, n, inverse, false);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int parallelism : new int[] {1, 2, 3}) {
                for (boolean upper : new boolean[] {true, false}) {
                    double[] solved = b.clone();
                    double[] out = new double[n * n];
                    java.util.Arrays.fill(out, Double.NaN);
                    TriangularSolve.solveAndInverse(l, n, solved, out, upper, EngineOptions.of(pool, parallelism));
                    String where = "parallelism " + parallelism + ", upper " + upper;
                    assertArrayEquals(x, solved, "solution, " + where);
                    for (int i = 0; i < n; i++) {
                        int to = upper ? n : i + 1;
                        for (int j = 0; j < to; j++) {
                            assertEquals(inverse[i * n + j], out[i * n + j], "inverse (" + i + ", " + j + "), " + where);
                        }
                    }
                }
            }
        } finally {
            pool.shutdownNow();
        }
        double[] untouched = b.clone();
        double[] out = new double[n * n];
        EngineOptions one = EngineOptions.singleThreaded();
        assertThrows(IllegalArgumentException.class,
                () -> TriangularSolve.solveAndInverse(l, n, new double[n - 1], out, true, one));
        assertThrows(IllegalArgumentException.class,
                () -> TriangularSolve.solveAndInverse(l, n, untouched, l, true, one));
        assertThrows(IllegalArgumentException.class,
                () -> TriangularSolve.solveAndInverse(l, n, untouched, out, true, null));
        assertThrows(IllegalArgumentException.class,
                () -> TriangularSolve.solveAndInverse(l, n, untouched, new double[n * n - 1], true, one));
        double[] shared = new double[n * n];
        assertThrows(IllegalArgumentException.class, () -> TriangularSolve.solveAndInverse(l, n, shared, shared, true, one));
        double[] factor = l.clone();
        assertThrows(IllegalArgumentException.class, () -> TriangularSolve.solveAndInverse(factor, n, factor, out, true, one));
        assertArrayEquals(l, factor, "a refused call changed the factor");
        assertArrayEquals(b, untouched, "a refused call changed b");
    }

    /**
     * The blocked factor (panels, look-ahead, register tiles, any thread count) equals the plain
     * unblocked loop bit for bit: every element is one fused multiply-add chain over {@code k}
     * ascending, then the square root or the division, whatever the panel width.
     */
    @ParameterizedTest(name = "n={0}")
    @ValueSource(ints = {73, 217, 300})
    void theBlockedFactorIsThePlainFmaLoop(int n) {
        double[] a = spd(n, 53);
        double[] plain = a.clone();
        for (int j = 0; j < n; j++) {
            double s = plain[j * n + j];
            for (int k = 0; k < j; k++) {
                s = Math.fma(-plain[j * n + k], plain[j * n + k], s);
            }
            double d = Math.sqrt(s);
            plain[j * n + j] = d;
            for (int i = j + 1; i < n; i++) {
                double acc = plain[i * n + j];
                for (int k = 0; k < j; k++) {
                    acc = Math.fma(-plain[i * n + k], plain[j * n + k], acc);
                }
                plain[i * n + j] = acc / d;
            }
        }
        for (boolean parallel : new boolean[] {false, true}) {
            double[] l = a.clone();
            assertEquals(-1, Cholesky.factor(l, n, new double[Cholesky.panelLength(n)], parallel));
            for (int i = 0; i < n; i++) {
                for (int j = 0; j <= i; j++) {
                    assertEquals(plain[i * n + j], l[i * n + j], "L(" + i + ", " + j + "), parallel " + parallel);
                }
            }
        }
    }
}
