package org.parax4j.engine.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
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
 * order), agrees within {@code 1e-13} of the sum of absolute terms.
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
}
