package org.parax4j.engine.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.parax4j.engine.internal.vector.ScalarVectorSupport;
import org.parax4j.engine.internal.vector.VectorSupport;
import org.parax4j.engine.internal.vector.VectorizationProvider;

/**
 * The Vector API tangent tiles, built at 128, 256 and 512 bits (as far as this CPU goes), against
 * the scalar twin for every kernel, over sizes that hit the vector and tile tails (tiles are 16 ×
 * 128): hyperparameter planes ({@code K(X1, X2)} and the mirrored {@code K(X, X)}) and input
 * gradients have the same bits; the contraction, whose sum order differs (lanes, then lanes in
 * order), agrees within {@code 1e-13} of the sum of absolute terms. A lone RBF or rational
 * quadratic leaf, whose value and planes one fused pass writes, has the bits of the tile program
 * that every composite runs.
 */
class KernelTangentTwinTest {

    private static final VectorSupport SCALAR = new ScalarVectorSupport();

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        KernelSimdTwinTest.widths().forEach(bits -> {
            int[][] sizes = {{1, 1, 1}, {7, 9, 3}, {9, 8, 1}, {17, 130, 3}, {5, 257, 2}, {33, 7, 8}};
            for (int[] s : sizes) {
                cases.add(Arguments.of(bits, s[0], s[1], s[2]));
            }
        });
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} bits, n={1}, m={2}, d={3}")
    @MethodSource("cases")
    void tangentTilesMatchTheScalarTwin(int bits, int n, int m, int d) {
        VectorSupport simd = VectorizationProvider.panama(bits);
        SplittableRandom random = new SplittableRandom(13L * n + m + 101L * d + bits);
        double[] x1 = KernelFixtures.points(random, n, d);
        double[] x2 = KernelFixtures.sharing(x1, n, KernelFixtures.points(random, m, d), m, d);
        KernelWorkspace workspace = KernelWorkspace.singleThreaded();
        List<KernelFixtures.Named> kernels = new ArrayList<>(KernelFixtures.all(d));
        kernels.add(new KernelFixtures.Named("matern12Ard", new Kernel.Matern(Kernel.Nu.HALF,
                LengthScales.ard(KernelFixtures.ardScales(d)))));
        kernels.add(new KernelFixtures.Named("rbfArdTimesConstant", Kernel.rbfArd(KernelFixtures.ardScales(d))
                .times(new Kernel.Constant(1.6))));
        for (KernelFixtures.Named named : kernels) {
            Kernel k = named.kernel();
            int p = KernelTangents.count(k);
            double[][] cross = new double[2][p * n * m];
            double[][] value = new double[2][n * m];
            double[][] input = new double[2][d * n * m];
            double[][] gram = new double[2][p * n * n];
            double[][] gradient = new double[2][p];
            double[] w = new double[n * n];
            for (int e = 0; e < w.length; e++) {
                w[e] = (e / n + 1.0) * (e % n + 2.0) / (n * n); // symmetric in the upper triangle's use
            }
            VectorSupport[] twins = {SCALAR, simd};
            for (int t = 0; t < 2; t++) {
                KernelTangents.matrix(twins[t], k, KernelTangents.Wrt.LOG, x1, n, x2, m, d, value[t], cross[t],
                        workspace);
                KernelTangents.inputGradient(twins[t], k, x1, n, x2, m, d, null, input[t], workspace);
                KernelTangents.gram(twins[t], k, KernelTangents.Wrt.PHYSICAL, x1, n, d, null, gram[t], workspace);
                KernelTangents.contractGram(twins[t], k, KernelTangents.Wrt.LOG, x1, n, d, w, gradient[t], workspace);
            }
            KernelSimdTwinTest.assertSameBits(named + " value", value[0], value[1], m);
            KernelSimdTwinTest.assertSameBits(named + " tangents", cross[0], cross[1], m);
            KernelSimdTwinTest.assertSameBits(named + " input gradient", input[0], input[1], m);
            KernelSimdTwinTest.assertSameBits(named + " gram tangents", gram[0], gram[1], n);
            for (int q = 0; q < p; q++) {
                double abs = 0;
                for (int i = 0; i < n; i++) {
                    for (int j = i; j < n; j++) {
                        abs += Math.abs(w[i * n + j] * gram[0][q * n * n + i * n + j]) * (j > i ? 2 : 1);
                    }
                }
                assertEquals(gradient[0][q], gradient[1][q], 1e-13 * abs + Double.MIN_VALUE, named + " contraction " + q);
            }
        }
    }

    /**
     * {@code k} alone takes the fused pass ({@code VectorSupport.squaredPlanes}); {@code k + 0} (a zero
     * constant added, which changes no bit of the value and none of {@code k}'s planes) takes the
     * tile program. Every twin, Gram (mirrored; one thread at these sizes, the two-sweep queue's
     * participants are {@code TwoSweepQueueTest}'s) and cross, row and vector tails.
     */
    @Test
    void fusedSquaredPlanesHaveTheBitsOfTheTileProgram() {
        int d = 3;
        List<VectorSupport> supports = new ArrayList<>();
        supports.add(SCALAR);
        KernelSimdTwinTest.widths().forEach(bits -> supports.add(VectorizationProvider.panama(bits)));
        Kernel[] kernels = {Kernel.rbfArd(KernelFixtures.ardScales(d)).scaled(1.5), Kernel.rbf(0.9),
            Kernel.rbf(1.2).times(new Kernel.Constant(0.7)), Kernel.rbfArd(new double[] {0.8, 0.8, 0.8}),
            new Kernel.RationalQuadratic(1.1, 0.7).scaled(1.5), new Kernel.RationalQuadratic(0.4, 2.5)};
        // n = 6: fewer columns than the widest vector; n = 37: an odd last row block, vector heads and tails.
        for (int n : new int[] {6, 37}) {
            fusedMatchesTiles(supports, kernels, d, n, 21);
        }
    }

    private static void fusedMatchesTiles(List<VectorSupport> supports, Kernel[] kernels, int d, int n, int m) {
        SplittableRandom random = new SplittableRandom(29 + n);
        double[] x1 = KernelFixtures.points(random, n, d);
        double[] x2 = KernelFixtures.sharing(x1, n, KernelFixtures.points(random, m, d), m, d);
        for (VectorSupport support : supports) {
            for (Kernel k : kernels) {
                Kernel tiled = k.plus(new Kernel.Constant(0.0));
                int p = KernelTangents.count(k);
                for (KernelTangents.Wrt wrt : KernelTangents.Wrt.values()) {
                    String what = support.getClass().getSimpleName() + " n=" + n + " " + k + " " + wrt;
                    double[][] value = new double[2][n * n];
                    double[][] planes = {new double[p * n * n], new double[(p + 1) * n * n]};
                    KernelTangents.gram(support, k, wrt, x1, n, d, value[0], planes[0], KernelWorkspace.parallel());
                    KernelTangents.gram(support, tiled, wrt, x1, n, d, value[1], planes[1],
                            KernelWorkspace.singleThreaded());
                    KernelSimdTwinTest.assertSameBits(what + " gram value", value[1], value[0], n);
                    KernelSimdTwinTest.assertSameBits(what + " gram planes",
                            Arrays.copyOf(planes[1], p * n * n), planes[0], n);
                    double[][] cross = {new double[p * n * m], new double[(p + 1) * n * m]};
                    double[][] crossValue = new double[2][n * m];
                    KernelTangents.matrix(support, k, wrt, x1, n, x2, m, d, crossValue[0], cross[0],
                            KernelWorkspace.singleThreaded());
                    KernelTangents.matrix(support, tiled, wrt, x1, n, x2, m, d, crossValue[1], cross[1],
                            KernelWorkspace.singleThreaded());
                    KernelSimdTwinTest.assertSameBits(what + " cross value", crossValue[1], crossValue[0], m);
                    KernelSimdTwinTest.assertSameBits(what + " cross planes",
                            Arrays.copyOf(cross[1], p * n * m), cross[0], m);
                }
            }
        }
    }
}
