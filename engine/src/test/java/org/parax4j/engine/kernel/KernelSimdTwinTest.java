package org.parax4j.engine.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.parax4j.engine.internal.vector.ScalarVectorSupport;
import org.parax4j.engine.internal.vector.VectorSupport;
import org.parax4j.engine.internal.vector.VectorizationProvider;

/**
 * The Vector API implementation, built at every width this CPU offers (whatever the JVM chose),
 * gives the scalar twin's bits for every kernel on random inputs whose sizes hit the vector tails.
 * The comparison is exact ({@link #assertSameBits}): both twins run the same IEEE operations in the
 * same order lane by lane, with the exp, sin and log1p of {@code internal.math},
 * so any difference, even one ulp in one element, is a bug (a mutant that replaces the exp's final
 * {@code fma} by {@code mul + add} changes about 1 % of the elements by 1–3 ulp and fails here).
 *
 * <p>Every run is a distinct parameter set that computes something: cross matrices over
 * {@code bits × n × m × d}, Gram matrices over {@code bits × n × d} (they have no {@code m}), and the
 * empty shapes once per width rather than once per other size.
 */
class KernelSimdTwinTest {

    private static final int[] SMALL = {1, 7, 8, 9};
    private static final int[] DIMENSIONS = {1, 3, 8, 17};
    private static final VectorSupport SCALAR = new ScalarVectorSupport();

    /** Every width from 128 bits to this CPU's widest. */
    static IntStream widths() {
        return IntStream.iterate(128, bits -> bits <= VectorizationProvider.preferredBits(), bits -> bits * 2);
    }

    /** Cross-matrix cases: {@code (bits, n, m, d)}, all distinct. */
    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        widths().forEach(bits -> {
            for (int n : SMALL) {
                for (int m : SMALL) {
                    for (int d : DIMENSIONS) {
                        cases.add(Arguments.of(bits, n, m, d));
                    }
                }
            }
            // Empty on either side, once per width.
            cases.add(Arguments.of(bits, 0, 9, 3));
            cases.add(Arguments.of(bits, 9, 0, 3));
            // Large sizes: a selection, not the full cross product, to keep the run short.
            int[][] large = {{1023, 9, 17}, {1, 1025, 3}, {1024, 7, 1}, {9, 1024, 8}, {1025, 1023, 1}};
            for (int[] c : large) {
                cases.add(Arguments.of(bits, c[0], c[1], c[2]));
            }
        });
        return cases.stream();
    }

    /** Gram cases: {@code (bits, n, d)}, all distinct; large Gram matrices only at d = 1. */
    static Stream<Arguments> gramCases() {
        List<Arguments> cases = new ArrayList<>();
        widths().forEach(bits -> {
            for (int n : SMALL) {
                for (int d : DIMENSIONS) {
                    cases.add(Arguments.of(bits, n, d));
                }
            }
            cases.add(Arguments.of(bits, 0, 3));
            cases.add(Arguments.of(bits, 1023, 1));
            cases.add(Arguments.of(bits, 1025, 1));
        });
        return cases.stream();
    }

    @Test
    void noParameterSetRepeats() {
        for (Stream<Arguments> stream : List.of(cases(), gramCases())) {
            List<List<Object>> all = stream.map(a -> List.of(a.get())).toList();
            assertEquals(all.size(), new HashSet<>(all).size(), "duplicate parameter sets");
        }
    }

    @ParameterizedTest(name = "{0} bits, n={1}, m={2}, d={3}")
    @MethodSource("cases")
    void crossMatrixMatchesScalarTwin(int bits, int n, int m, int d) {
        VectorSupport simd = VectorizationProvider.panama(bits);
        SplittableRandom random = new SplittableRandom(31L * n + 7L * m + d + bits);
        double[] x1 = KernelFixtures.points(random, n, d);
        double[] x2 = KernelFixtures.sharing(x1, n, KernelFixtures.points(random, m, d), m, d);
        KernelWorkspace workspace = KernelWorkspace.parallel();
        for (KernelFixtures.Named named : KernelFixtures.all(d)) {
            double[] expected = new double[n * m];
            double[] actual = new double[n * m];
            KernelMatrices.matrix(SCALAR, named.kernel(), x1, n, x2, m, d, expected, workspace);
            KernelMatrices.matrix(simd, named.kernel(), x1, n, x2, m, d, actual, workspace);
            assertSameBits(named + " K(X1, X2)", expected, actual, m);
        }
    }

    @ParameterizedTest(name = "{0} bits, n={1}, d={2}")
    @MethodSource("gramCases")
    void gramMatchesScalarTwin(int bits, int n, int d) {
        VectorSupport simd = VectorizationProvider.panama(bits);
        SplittableRandom random = new SplittableRandom(17L * n + d + bits);
        double[] x = KernelFixtures.points(random, n, d);
        if (n > 2) {
            System.arraycopy(x, 0, x, (n - 1) * d, d);
        }
        KernelWorkspace workspace = KernelWorkspace.singleThreaded();
        for (KernelFixtures.Named named : KernelFixtures.all(d)) {
            double[] expected = new double[n * n];
            double[] actual = new double[n * n];
            KernelMatrices.gram(SCALAR, named.kernel(), x, n, d, expected, workspace);
            KernelMatrices.gram(simd, named.kernel(), x, n, d, actual, workspace);
            assertSameBits(named + " K(X, X)", expected, actual, n);
        }
    }

    @ParameterizedTest(name = "{0} bits, n={1}, m={2}, d={3}")
    @MethodSource("cases")
    void floatRbfMatchesScalarTwin(int bits, int n, int m, int d) {
        VectorSupport simd = VectorizationProvider.panama(bits);
        SplittableRandom random = new SplittableRandom(5L * n + m + d);
        float[] x1 = toFloat(KernelFixtures.points(random, n, d));
        float[] x2 = toFloat(KernelFixtures.points(random, m, d));
        // Isotropic and, from d = 2 on, per-dimension length scales (two code paths).
        List<Kernel.Rbf> kernels = d < 2 ? List.of(Kernel.rbf(0.9))
                : List.of(Kernel.rbf(0.9), Kernel.rbfArd(KernelFixtures.ardScales(d)));
        for (Kernel.Rbf rbf : kernels) {
            float[] expected = new float[n * m];
            float[] actual = new float[n * m];
            KernelWorkspace workspace = KernelWorkspace.parallel();
            KernelMatrices.matrix(SCALAR, rbf, x1, n, x2, m, d, expected, workspace);
            KernelMatrices.matrix(simd, rbf, x1, n, x2, m, d, actual, workspace);
            for (int e = 0; e < expected.length; e++) {
                if (Float.floatToRawIntBits(expected[e]) != Float.floatToRawIntBits(actual[e])) {
                    fail(rbf + " float at (" + e / m + ", " + e % m + "): scalar " + expected[e] + ", simd "
                            + actual[e]);
                }
            }
        }
    }

    @ParameterizedTest(name = "{0} bits, n={1}, d={2}")
    @MethodSource("gramCases")
    void floatGramMatchesScalarTwinAndIsExactlySymmetric(int bits, int n, int d) {
        VectorSupport simd = VectorizationProvider.panama(bits);
        SplittableRandom random = new SplittableRandom(3L * n + d + bits);
        float[] x = toFloat(KernelFixtures.points(random, n, d));
        Kernel.Rbf rbf = Kernel.rbf(0.7);
        float[] expected = new float[n * n];
        float[] actual = new float[n * n];
        KernelWorkspace workspace = KernelWorkspace.parallel();
        KernelMatrices.gram(SCALAR, rbf, x, n, d, expected, workspace);
        KernelMatrices.gram(simd, rbf, x, n, d, actual, workspace);
        for (int e = 0; e < expected.length; e++) {
            int i = e / Math.max(n, 1);
            int j = e % Math.max(n, 1);
            if (expected[e] != actual[e] || actual[e] != actual[j * n + i]) {
                fail("float gram at (" + i + ", " + j + "): scalar " + expected[e] + ", simd " + actual[e]
                        + ", mirror " + actual[j * n + i]);
            }
        }
    }

    static float[] toFloat(double[] x) {
        float[] f = new float[x.length];
        for (int k = 0; k < x.length; k++) {
            f[k] = (float) x[k];
        }
        return f;
    }

    /**
     * Every element of {@code actual} has the bits of {@code expected} ({@code +0.0} and {@code −0.0}
     * differ; NaNs must have the same payload).
     */
    static void assertSameBits(String what, double[] expected, double[] actual, int m) {
        assertEquals(expected.length, actual.length);
        for (int e = 0; e < expected.length; e++) {
            if (Double.doubleToRawLongBits(expected[e]) != Double.doubleToRawLongBits(actual[e])) {
                fail(what + " at (" + e / m + ", " + e % m + "): expected " + expected[e] + ", got " + actual[e]
                        + " (" + Math.round((actual[e] - expected[e]) / Math.ulp(expected[e])) + " ulp)");
            }
        }
    }
}
