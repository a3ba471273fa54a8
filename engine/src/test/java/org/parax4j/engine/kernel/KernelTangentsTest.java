package org.parax4j.engine.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.parax4j.engine.gp.KernelGradients;

/**
 * The tangent tiles against Richardson-extrapolated central differences of the value tiles, for
 * every kernel and composite: {@code ∂K/∂log θ}, {@code ∂K/∂θ} and {@code ∂K/∂x1} agree to 1e-8
 * relative to the largest entry of each plane; the Gram form equals the cross form, and the
 * contraction equals the weighted sum of the planes.
 */
class KernelTangentsTest {

    private static final int D = 3;
    private static final double TOLERANCE = 1e-8;

    static Stream<KernelFixtures.Named> kernels() {
        List<KernelFixtures.Named> all = new ArrayList<>(KernelFixtures.all(D));
        double[] ard = KernelFixtures.ardScales(D);
        all.add(new KernelFixtures.Named("matern12Ard", new Kernel.Matern(Kernel.Nu.HALF, LengthScales.ard(ard))));
        all.add(new KernelFixtures.Named("rbfTimesConstant", Kernel.rbfArd(ard).times(new Kernel.Constant(1.6))));
        all.add(new KernelFixtures.Named("constantTimesMatern", new Kernel.Constant(1.6)
                .times(Kernel.matern(Kernel.Nu.FIVE_HALVES, 0.7))));
        all.add(new KernelFixtures.Named("productOfSums", Kernel.rbf(0.8).plus(new Kernel.Periodic(1.2, 1.9))
                .times(new Kernel.Matern(Kernel.Nu.THREE_HALVES, LengthScales.ard(ard)).plus(new Kernel.Constant(0.4)))));
        all.add(new KernelFixtures.Named("periodicTimesRq", new Kernel.Periodic(0.7, 2.9)
                .times(new Kernel.RationalQuadratic(1.3, 0.6)).scaled(1.7)));
        return all.stream();
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void logTangentsEqualRichardsonDifferences(KernelFixtures.Named named) {
        Kernel kernel = named.kernel();
        SplittableRandom random = new SplittableRandom(named.name().hashCode());
        int n = 7;
        int m = 5;
        double[] x1 = KernelFixtures.points(random, n, D);
        double[] x2 = KernelFixtures.sharing(x1, n, KernelFixtures.points(random, m, D), m, D);
        int p = KernelTangents.count(kernel);
        double[] value = new double[n * m];
        double[] tangents = new double[p * n * m];
        KernelTangents.matrix(kernel, KernelTangents.Wrt.LOG, x1, n, x2, m, D, value, tangents,
                KernelWorkspace.singleThreaded());
        assertArrayEquals(KernelMatrices.matrix(kernel, x1, n, x2, m, D), value, 1e-15, "value");
        double[] theta = KernelGradients.logTheta(kernel);
        for (int q = 0; q < p; q++) {
            int index = q;
            double[] fd = richardson(h -> {
                double[] t = theta.clone();
                t[index] += h;
                return t;
            }, t -> KernelMatrices.matrix(KernelGradients.withLogTheta(kernel, t), x1, n, x2, m, D), 1e-3);
            assertClose(fd, tangents, q * n * m, named + " ∂K/∂log θ_" + q);
        }
        double[] physical = new double[p * n * m];
        KernelTangents.matrix(kernel, KernelTangents.Wrt.PHYSICAL, x1, n, x2, m, D, null, physical,
                KernelWorkspace.singleThreaded());
        for (int q = 0; q < p; q++) {
            double scale = Math.exp(theta[q]);
            for (int e = 0; e < n * m; e++) {
                double expected = tangents[q * n * m + e];
                assertEquals(expected, physical[q * n * m + e] * scale, 1e-13 * (1 + Math.abs(expected)),
                        named + " physical plane " + q);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void inputGradientEqualsRichardsonDifferences(KernelFixtures.Named named) {
        Kernel kernel = named.kernel();
        SplittableRandom random = new SplittableRandom(named.name().hashCode() + 1);
        int n = 6;
        int m = 9;
        double[] x1 = KernelFixtures.points(random, n, D);
        double[] x2 = KernelFixtures.points(random, m, D);
        double[] gradient = new double[D * n * m];
        KernelTangents.inputGradient(kernel, x1, n, x2, m, D, null, gradient, KernelWorkspace.singleThreaded());
        for (int k = 0; k < D; k++) {
            int dim = k;
            double[] fd = new double[n * m];
            for (int i = 0; i < n; i++) {
                int row = i;
                double[] rowFd = richardson(h -> {
                    double[] moved = x1.clone();
                    moved[row * D + dim] += h;
                    return moved;
                }, moved -> KernelMatrices.matrix(kernel, moved, n, x2, m, D), 1e-3);
                System.arraycopy(rowFd, i * m, fd, i * m, m);
            }
            assertClose(fd, gradient, k * n * m, named + " ∂K/∂x1_" + k);
        }
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void gramPlanesEqualCrossPlanesAndContractionSumsThem(KernelFixtures.Named named) {
        Kernel kernel = named.kernel();
        SplittableRandom random = new SplittableRandom(7);
        int n = 150;
        double[] x = KernelFixtures.points(random, n, D);
        System.arraycopy(x, 0, x, 5 * D, D);
        int p = KernelTangents.count(kernel);
        double[] gramValue = new double[n * n];
        double[] gram = new double[p * n * n];
        KernelTangents.gram(kernel, KernelTangents.Wrt.LOG, x, n, D, gramValue, gram, KernelWorkspace.parallel());
        double[] crossValue = new double[n * n];
        double[] cross = new double[p * n * n];
        KernelTangents.matrix(kernel, KernelTangents.Wrt.LOG, x, n, x.clone(), n, D, crossValue, cross,
                KernelWorkspace.singleThreaded());
        assertArrayEquals(crossValue, gramValue, 0, named + " value");
        assertArrayEquals(cross, gram, 0, named + " planes");
        double[] w = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                w[i * n + j] = w[j * n + i] = random.nextDouble(-1, 1);
            }
        }
        double[] gradient = new double[p];
        KernelTangents.contractGram(kernel, KernelTangents.Wrt.LOG, x, n, D, w, gradient, KernelWorkspace.parallel());
        double[] single = new double[p];
        KernelTangents.contractGram(kernel, KernelTangents.Wrt.LOG, x, n, D, w, single,
                KernelWorkspace.singleThreaded());
        assertArrayEquals(single, gradient, 0, "same bits on one thread and on all");
        for (int q = 0; q < p; q++) {
            double sum = 0;
            double abs = 0;
            for (int e = 0; e < n * n; e++) {
                sum += w[e] * gram[q * n * n + e];
                abs += Math.abs(w[e] * gram[q * n * n + e]);
            }
            assertEquals(sum, gradient[q], 1e-13 * abs, named + " contraction " + q);
        }
    }

    @Test
    void zeroValuedConstantsWhiteNoiseAndScalesAreAcceptedWithTheirPhysicalTangent() {
        Kernel kernel = Kernel.rbf(0.8).scaled(0).plus(new Kernel.Constant(0)).plus(new Kernel.WhiteNoise(0))
                .plus(Kernel.rbf(0.5).times(new Kernel.Constant(0)));
        SplittableRandom random = new SplittableRandom(3);
        int n = 5;
        double[] x = KernelFixtures.points(random, n, D);
        int p = KernelTangents.count(kernel);
        assertEquals(6, p);
        double[] value = new double[n * n];
        double[] tangents = new double[p * n * n];
        KernelTangents.gram(kernel, KernelTangents.Wrt.PHYSICAL, x, n, D, value, tangents,
                KernelWorkspace.singleThreaded());
        double[] rbf = KernelMatrices.gram(Kernel.rbf(0.8), x, n, D);
        double[] rbf2 = KernelMatrices.gram(Kernel.rbf(0.5), x, n, D);
        for (int e = 0; e < n * n; e++) {
            assertEquals(0, value[e]);
            assertEquals(rbf[e], tangents[e], 1e-15, "∂/∂σ² is the inner kernel");
            assertEquals(0, tangents[n * n + e], "∂/∂ℓ of a zero-scaled kernel");
            assertEquals(1, tangents[2 * n * n + e], "∂/∂c of a constant");
            assertEquals(e % (n + 1) == 0 ? 1 : 0, tangents[3 * n * n + e], "∂/∂σ² of white noise");
            assertEquals(rbf2[e], tangents[5 * n * n + e], 1e-15, "∂/∂c of rbf·c");
        }
        double[] log = new double[p * n * n];
        KernelTangents.gram(kernel, KernelTangents.Wrt.LOG, x, n, D, null, log, KernelWorkspace.singleThreaded());
        for (int e = 0; e < n * n; e++) {
            assertEquals(0, log[e], "∂/∂log σ² at σ² = 0");
        }
    }

    @Test
    void refusesShortOrAliasedOutputs() {
        double[] x = new double[6];
        Kernel kernel = Kernel.rbfArd(1, 2);
        KernelWorkspace ws = KernelWorkspace.singleThreaded();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> KernelTangents.gram(kernel, KernelTangents.Wrt.LOG, x, 3, 2, null, new double[17], ws));
        assertTrue(e.getMessage().contains("tangents must hold 18 values, has 17"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> KernelTangents.gram(kernel, KernelTangents.Wrt.LOG, x, 3, 2, null, x, ws));
        assertThrows(IllegalArgumentException.class,
                () -> KernelTangents.contractGram(kernel, KernelTangents.Wrt.LOG, x, 3, 2, new double[9],
                        new double[1], ws));
    }

    /**
     * Richardson extrapolation of central differences, {@code (4·D(h/2) − D(h))/3} with
     * {@code D(h) = (f(+h) − f(−h))/(2h)}: error {@code O(h⁴)}.
     */
    static double[] richardson(java.util.function.DoubleFunction<double[]> at,
            java.util.function.Function<double[], double[]> f, double h) {
        double[] big = central(at, f, h);
        double[] small = central(at, f, h / 2);
        double[] out = new double[big.length];
        for (int e = 0; e < out.length; e++) {
            out[e] = (4 * small[e] - big[e]) / 3;
        }
        return out;
    }

    private static double[] central(java.util.function.DoubleFunction<double[]> at,
            java.util.function.Function<double[], double[]> f, double h) {
        double[] plus = f.apply(at.apply(h));
        double[] minus = f.apply(at.apply(-h));
        double[] out = new double[plus.length];
        for (int e = 0; e < out.length; e++) {
            out[e] = (plus[e] - minus[e]) / (2 * h);
        }
        return out;
    }

    /** {@code max|expected − actual| ≤ 1e-8·max(max|expected|, 1e-300)} over one plane. */
    static void assertClose(double[] expected, double[] actual, int offset, String what) {
        double max = 0;
        double err = 0;
        for (int e = 0; e < expected.length; e++) {
            max = Math.max(max, Math.abs(expected[e]));
            err = Math.max(err, Math.abs(expected[e] - actual[offset + e]));
        }
        assertTrue(err <= TOLERANCE * Math.max(max, 1e-300), what + ": error " + err + " against max " + max);
    }

}
