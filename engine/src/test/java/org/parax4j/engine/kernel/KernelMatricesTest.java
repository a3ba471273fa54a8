package org.parax4j.engine.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.parax4j.engine.internal.vector.ScalarVectorSupport;
import org.parax4j.engine.internal.vector.VectorSupport;
import org.parax4j.engine.internal.vector.VectorizationProvider;

class KernelMatricesTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 8, 17})
    void everyKernelMatchesItsTextbookFormula(int d) {
        SplittableRandom random = new SplittableRandom(11 + d);
        int n = 13, m = 10;
        double[] x1 = KernelFixtures.points(random, n, d);
        double[] x2 = KernelFixtures.sharing(x1, n, KernelFixtures.points(random, m, d), m, d);
        for (KernelFixtures.Named named : KernelFixtures.all(d)) {
            double[] out = KernelMatrices.matrix(named.kernel(), x1, n, x2, m, d);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < m; j++) {
                    double expected = ReferenceKernels.value(named.kernel(), x1, i, x2, j, d);
                    if (!(Math.abs(out[i * m + j] - expected) <= 1e-15 + 1e-12 * Math.abs(expected))) {
                        fail(named + " at (" + i + ", " + j + "): expected " + expected + ", got " + out[i * m + j]);
                    }
                }
            }
        }
    }

    @Test
    void gramIsExactlySymmetricAndHasTheBitsOfTheCrossMatrixAndTheDiagonal() {
        SplittableRandom random = new SplittableRandom(3);
        int n = 301, d = 3;
        double[] x = KernelFixtures.points(random, n, d);
        for (KernelFixtures.Named named : KernelFixtures.all(d)) {
            double[] gram = KernelMatrices.gram(named.kernel(), x, n, d);
            double[] cross = KernelMatrices.matrix(named.kernel(), x, n, x.clone(), n, d);
            double[] diagonal = KernelMatrices.diagonal(named.kernel(), x, n, d);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    assertEquals(gram[i * n + j], gram[j * n + i], 0.0, named + " symmetric at " + i + ", " + j);
                }
                assertEquals(diagonal[i], gram[i * n + i], 0.0, named + " diagonal " + i);
            }
            KernelSimdTwinTest.assertSameBits(named + " gram vs cross", cross, gram, n);
        }
    }

    @Test
    void theNumberOfThreadsDoesNotChangeABit() {
        SplittableRandom random = new SplittableRandom(5);
        int n = 517, m = 389, d = 3;
        double[] x1 = KernelFixtures.points(random, n, d);
        double[] x2 = KernelFixtures.points(random, m, d);
        KernelWorkspace parallel = KernelWorkspace.parallel();
        KernelWorkspace single = KernelWorkspace.singleThreaded();
        for (KernelFixtures.Named named : KernelFixtures.all(d)) {
            double[] a = new double[n * m];
            double[] b = new double[n * m];
            KernelMatrices.matrix(named.kernel(), x1, n, x2, m, d, a, parallel);
            KernelMatrices.matrix(named.kernel(), x1, n, x2, m, d, b, single);
            assertArrayEquals(b, a, 0.0, named.name());
            double[] g1 = new double[n * n];
            double[] g2 = new double[n * n];
            KernelMatrices.gram(named.kernel(), x1, n, d, g1, parallel);
            KernelMatrices.gram(named.kernel(), x1, n, d, g2, single);
            assertArrayEquals(g2, g1, 0.0, named.name());
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 8})
    void choleskyOfEveryKernelPlusTinyJitterSucceeds(int d) {
        SplittableRandom random = new SplittableRandom(19 + d);
        int n = 120;
        double[] x = KernelFixtures.points(random, n, d);
        for (KernelFixtures.Named named : KernelFixtures.all(d)) {
            double[] k = KernelMatrices.gram(named.kernel(), x, n, d);
            for (int i = 0; i < n; i++) {
                k[i * n + i] += 1e-10;
            }
            assertTrue(cholesky(k, n), named + " is not positive definite after jitter");
        }
    }

    /** In-place lower Cholesky; false when a pivot is not positive. */
    private static boolean cholesky(double[] a, int n) {
        for (int j = 0; j < n; j++) {
            double pivot = a[j * n + j];
            for (int k = 0; k < j; k++) {
                pivot -= a[j * n + k] * a[j * n + k];
            }
            if (!(pivot > 0)) {
                return false;
            }
            double root = Math.sqrt(pivot);
            a[j * n + j] = root;
            for (int i = j + 1; i < n; i++) {
                double s = a[i * n + j];
                for (int k = 0; k < j; k++) {
                    s -= a[i * n + k] * a[j * n + k];
                }
                a[i * n + j] = s / root;
            }
        }
        return true;
    }

    @Test
    void farFromTheOriginKeepsTheDifference() {
        double[] x = {1e6, -1e6, 1e6 + 1e-3, -1e6 + 2e-3};
        int d = 2;
        Kernel[] kernels = {Kernel.rbf(1e-3), Kernel.rbfArd(1e-3, 2e-3), Kernel.matern(Kernel.Nu.FIVE_HALVES, 1e-3),
            new Kernel.RationalQuadratic(1e-3, 0.5), new Kernel.Periodic(1, 0.01)};
        for (Kernel kernel : kernels) {
            double expected = ReferenceKernels.value(kernel, x, 0, x, 1, d);
            assertTrue(expected > 1e-3 && expected < 0.999, kernel + ": the test needs a value away from 0 and 1");
            double[] gram = KernelMatrices.gram(kernel, x, 2, d);
            double[] cross = KernelMatrices.matrix(kernel, x, 2, x.clone(), 2, d);
            assertEquals(expected, gram[1], 1e-13 * expected, kernel.toString());
            assertEquals(expected, cross[1], 1e-13 * expected, kernel.toString());
        }
    }

    @Test
    void nanOrInfiniteInputIsNamedAndOutputUnchanged() {
        double[] out = new double[4];
        Arrays.fill(out, 9);
        double[] bad = {0, Double.NaN};
        double[] good = {0, 1};
        var e1 = assertThrows(IllegalArgumentException.class,
                () -> KernelMatrices.matrix(Kernel.rbf(1), bad, 2, good, 2, 1, out, KernelWorkspace.parallel()));
        assertTrue(e1.getMessage().contains("x1[1][0]") && e1.getMessage().contains("NaN"), e1.getMessage());
        var e2 = assertThrows(IllegalArgumentException.class, () -> KernelMatrices.matrix(Kernel.rbf(1), good, 1, 
                new double[] {Double.POSITIVE_INFINITY, 0}, 1, 2, out, KernelWorkspace.parallel()));
        assertTrue(e2.getMessage().contains("x2[0][0]") && e2.getMessage().contains("Infinity"), e2.getMessage());
        var e3 = assertThrows(IllegalArgumentException.class,
                () -> KernelMatrices.gram(Kernel.rbf(1), bad, 2, 1, out, KernelWorkspace.parallel()));
        assertTrue(e3.getMessage().contains("x[1][0]"), e3.getMessage());
        var e4 = assertThrows(IllegalArgumentException.class, () -> KernelMatrices.gram(Kernel.rbf(1),
                new float[] {0, Float.NaN}, 2, 1, new float[4], KernelWorkspace.parallel()));
        assertTrue(e4.getMessage().contains("x[1][0]"), e4.getMessage());
        assertArrayEquals(new double[] {9, 9, 9, 9}, out);
    }

    @Test
    void nonPositiveLengthScalesAndParametersAreNamed() {
        assertMessage(() -> Kernel.rbf(-1), "lengthScale", "-1.0");
        assertMessage(() -> Kernel.rbf(0), "lengthScale", "0.0");
        assertMessage(() -> Kernel.rbf(Double.NaN), "lengthScale", "NaN");
        assertMessage(() -> Kernel.rbfArd(1, 0, 2), "lengthScales[1]", "0.0");
        assertMessage(() -> Kernel.matern(Kernel.Nu.HALF, Double.POSITIVE_INFINITY), "lengthScale", "Infinity");
        assertMessage(() -> new Kernel.Periodic(1, -2), "period", "-2.0");
        assertMessage(() -> new Kernel.Periodic(-0.5, 2), "lengthScale", "-0.5");
        assertMessage(() -> new Kernel.RationalQuadratic(1, 0), "alpha", "0.0");
        assertMessage(() -> new Kernel.RationalQuadratic(-3, 1), "lengthScale", "-3.0");
        assertMessage(() -> new Kernel.Constant(-1), "value", "-1.0");
        assertMessage(() -> new Kernel.WhiteNoise(-0.5), "variance", "-0.5"); // 0 is valid (issue 16)
        assertMessage(() -> Kernel.rbf(1).scaled(-2), "variance", "-2.0");
        assertMessage(() -> KernelMatrices.rbf(new double[] {0, 1}, 2, new double[] {0, 1}, 2, 1, -1, new double[4]),
                "lengthScale", "-1.0");
        assertMessage(() -> Kernel.rbf(1).plus(null), "right", "null");
    }

    @Test
    void ardScalesMustMatchTheDimension() {
        double[] x = new double[6];
        assertMessage(() -> KernelMatrices.gram(Kernel.rbfArd(1, 2), x, 2, 3), "lengthScales", "d = 3");
    }

    @Test
    void sizesAreChecked() {
        double[] x = {0, 1};
        assertMessage(() -> KernelMatrices.rbf(x, 2, x, 2, 1, 1, new double[3]), "4", "3");
        assertMessage(() -> KernelMatrices.matrix(Kernel.rbf(1), x, 3, x, 2, 1), "x1", "3");
        assertMessage(() -> KernelMatrices.matrix(Kernel.rbf(1), x, 2, x, 2, 0), "d", "0");
        double[] out = new double[4];
        assertMessage(() -> KernelMatrices.gram(Kernel.rbf(1), out, 2, 2, out, KernelWorkspace.parallel()), "out", "inputs");
    }

    @Test
    void emptyInputsGiveEmptyMatrices() {
        assertEquals(0, KernelMatrices.matrix(Kernel.rbf(1), new double[0], 0, new double[] {1, 2}, 1, 2).length);
        assertEquals(0, KernelMatrices.gram(Kernel.rbf(1), new double[0], 0, 4).length);
        assertEquals(0, KernelMatrices.diagonal(Kernel.rbf(1), new double[0], 0, 4).length);
    }

    @Test
    void pairValueAndDiagonalFollowTheDefinitions() {
        Kernel kernel = Kernel.rbf(2).scaled(3).plus(new Kernel.WhiteNoise(0.5));
        assertEquals(3 * Math.exp(-0.5 * (1 + 4) / 4), kernel.value(new double[] {0, 0}, new double[] {1, 2}), 1e-15);
        assertEquals(3.5, kernel.value(new double[] {1, 2}, new double[] {1, 2}), 1e-15);
        assertArrayEquals(new double[] {3.5, 3.5}, KernelMatrices.diagonal(kernel, new double[] {1, 2, 5, -1}, 2, 2), 1e-15);
        assertEquals(0.0, new Kernel.WhiteNoise(1).value(new double[] {0, 1}, new double[] {0, Math.nextUp(1.0)}));
        assertEquals(1.0, new Kernel.WhiteNoise(1).value(new double[] {-0.0}, new double[] {0.0}));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 8, 17})
    void float32RbfIsWithinItsStatedAccuracy(int d) {
        SplittableRandom random = new SplittableRandom(23 + d);
        int n = 211, m = 157;
        float[] x1 = KernelSimdTwinTest.toFloat(KernelFixtures.points(random, n, d));
        float[] x2 = KernelSimdTwinTest.toFloat(KernelFixtures.points(random, m, d));
        double[] isotropic = new double[d];
        double[] ard = new double[d];
        for (int k = 0; k < d; k++) {
            isotropic[k] = 0.5 + 0.3 * d;
            ard[k] = 0.5 + 0.3 * d + 0.2 * k;
        }
        // One length scale takes the isotropic path ((Σ δ²)·w²), several the weighted one (Σ (δ·w)²).
        for (double[] scales : new double[][] {isotropic, ard}) {
            Kernel.Rbf kernel = d == 1 || scales == isotropic ? Kernel.rbf(scales[0]) : Kernel.rbfArd(scales);
            float[] single = new float[n * m];
            KernelMatrices.matrix(kernel, x1, n, x2, m, d, single, KernelWorkspace.parallel());
            double bound = 2.5e-7 + 6e-8 * d;
            double worst = 0;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < m; j++) {
                    double r2 = 0;
                    for (int k = 0; k < d; k++) {
                        double t = ((double) x1[i * d + k] - x2[j * d + k]) / scales[k];
                        r2 += t * t;
                    }
                    worst = Math.max(worst, Math.abs(single[i * m + j] - Math.exp(-0.5 * r2)));
                }
            }
            assertTrue(worst <= bound, kernel + ": float32 error " + worst + " exceeds the stated " + bound);
            float[] gram = new float[n * n];
            KernelMatrices.gram(kernel, x1, n, d, gram, KernelWorkspace.parallel());
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < i; j++) {
                    assertEquals(gram[i * n + j], gram[j * n + i], 0f);
                }
            }
        }
    }

    /**
     * An isotropic squared distance is computed as {@code (Σ δ²)·w²}; for weights far from 1 that
     * would overflow (or underflow) where {@code Σ (δ·w)²} does not, so such weights take the
     * weighted path. Points one length scale apart give {@code exp(−½)} whatever the scale.
     */
    @Test
    void extremeLengthScalesStillGiveTheTrueValue() {
        for (double lengthScale : new double[] {1e200, 1e-200, 1e120, 1e-120}) {
            double[] x = {0, lengthScale};
            for (Kernel kernel : new Kernel[] {Kernel.rbf(lengthScale), Kernel.matern(Kernel.Nu.HALF, lengthScale)}) {
                double expected = kernel instanceof Kernel.Rbf ? Math.exp(-0.5) : Math.exp(-1);
                for (VectorSupport support : new VectorSupport[] {VectorizationProvider.support(), new ScalarVectorSupport()}) {
                    double[] gram = new double[4];
                    KernelMatrices.gram(support, kernel, x, 2, 1, gram, KernelWorkspace.singleThreaded());
                    assertEquals(expected, gram[1], 1e-15, kernel + " with " + support);
                }
            }
        }
        for (float lengthScale : new float[] {1e20f, 1e-20f}) {
            float[] x = {0, lengthScale};
            for (VectorSupport support : new VectorSupport[] {VectorizationProvider.support(), new ScalarVectorSupport()}) {
                float[] gram = new float[4];
                KernelMatrices.gram(support, Kernel.rbf(lengthScale), x, 2, 1, gram, KernelWorkspace.singleThreaded());
                assertEquals(Math.exp(-0.5), gram[1], 1e-6, lengthScale + " with " + support);
            }
        }
    }

    private static void assertMessage(org.junit.jupiter.api.function.Executable call, String... parts) {
        var e = assertThrows(IllegalArgumentException.class, call);
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), "'" + e.getMessage() + "' should mention '" + part + "'");
        }
    }
}
