package org.parax4j.engine.internal.random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.parax4j.engine.internal.vector.PanamaConstants;

/**
 * Every kernel implementation (the scalar twin and the Vector API one at each width this CPU
 * offers, built with explicit species) against the scalar twin, over tail sizes and start offsets:
 * every stream bit for bit (the elementary functions are written out in IEEE-exact operations); and every
 * implementation against itself when a request is cut into pieces (bit for bit).
 */
class RandomKernelsTest {

    static final long SEED = 0x5eed_1234_abcdL;
    static final long GAMMA = SplitMix.GOLDEN_GAMMA;
    static final RandomKernels SCALAR = new ScalarRandomKernels();

    /** One named implementation with its lane count (1 for scalar). */
    record Impl(String name, RandomKernels kernels, int lanes) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Impl> implementations() {
        List<Impl> impls = new ArrayList<>();
        impls.add(new Impl("scalar", SCALAR, 1));
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()) {
            for (int bits = 128; bits <= Math.min(512, PanamaConstants.preferredBits()); bits *= 2) {
                var species = PanamaConstants.doubleSpecies(bits);
                impls.add(new Impl("panama-" + bits, new PanamaRandomKernels(species), species.length()));
            }
        }
        return impls;
    }

    /**
     * Implementation × size, the sizes hitting every tail: 0, 1, lanes ± 1, lanes, blocks ± 1,
     * large; each size once per implementation (for the scalar twin, lanes − 1 = 0 and lanes = 1
     * would otherwise repeat).
     */
    static Stream<Arguments> cases() {
        return cases(implementations());
    }

    /**
     * {@link #cases()} without the scalar twin, for the tests that compare an implementation with
     * the scalar twin (the scalar twin against itself proves nothing).
     */
    static Stream<Arguments> vectorCases() {
        return cases(implementations().stream().filter(impl -> impl.kernels() != SCALAR).toList());
    }

    private static Stream<Arguments> cases(List<Impl> impls) {
        List<Arguments> cases = new ArrayList<>();
        for (Impl impl : impls) {
            int l = impl.lanes();
            IntStream.of(0, 1, l - 1, l, l + 1, 2 * l + 1, 15, 16, 17, 33, 207, 4098).distinct()
                    .forEach(n -> cases.add(Arguments.of(impl, n)));
        }
        return cases.stream();
    }

    @Test
    void atLeastTheScalarAndOneVectorWidthAreCovered() {
        List<Impl> impls = implementations();
        assertTrue(impls.size() >= (ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent() ? 2 : 1));
    }

    @Test
    void scalarStreamIsSplittableRandom() {
        SplittableRandom reference = new SplittableRandom(SEED);
        long[] longs = new long[100];
        SCALAR.longs(SEED, GAMMA, 0, longs, 0, 100);
        for (long value : longs) {
            assertEquals(reference.nextLong(), value);
        }
        SplittableRandom doubles = new SplittableRandom(SEED);
        double[] u = new double[100];
        SCALAR.uniforms(SEED, GAMMA, 0, 0, 1, u, 0, 100);
        for (double value : u) {
            assertEquals(doubles.nextDouble(), value);
        }
    }

    @ParameterizedTest(name = "{0} n={1}")
    @MethodSource("vectorCases")
    void longsAndUniformsAreBitIdenticalToTheScalarTwin(Impl impl, int n) {
        for (long index : new long[] {0, 3, 17, 1L << 40}) {
            long[] expected = new long[n + 2];
            long[] actual = new long[n + 2];
            SCALAR.longs(SEED, GAMMA, index, expected, 1, n);
            impl.kernels().longs(SEED, GAMMA, index, actual, 1, n);
            assertArrayEquals(expected, actual, impl + " longs at index " + index);

            double[] u = new double[n + 2];
            double[] v = new double[n + 2];
            SCALAR.uniforms(SEED, GAMMA, index, -2.5, 7.25, u, 1, n);
            impl.kernels().uniforms(SEED, GAMMA, index, -2.5, 7.25, v, 1, n);
            assertArrayEquals(u, v, impl + " uniforms at index " + index);
        }
    }

    @ParameterizedTest(name = "{0} n={1}")
    @MethodSource("vectorCases")
    void transcendentalSamplesAreBitIdenticalToTheScalarTwin(Impl impl, int n) {
        TruncationConstants tails = new TruncationConstants(0.001, 0.998, -3.09, 3.09, 1.5, 2.0, -4.68, 7.68);
        for (long index : new long[] {0, 5, 16, 1L << 33}) {
            double[] expected = new double[n + 2];
            double[] actual = new double[n + 2];
            SCALAR.normals(SEED, GAMMA, index, 1.5, 2.0, expected, 1, n);
            impl.kernels().normals(SEED, GAMMA, index, 1.5, 2.0, actual, 1, n);
            assertClose(expected, actual, impl + " normals at " + index);

            SCALAR.logNormals(SEED, GAMMA, index, 0.3, 0.7, expected, 1, n);
            impl.kernels().logNormals(SEED, GAMMA, index, 0.3, 0.7, actual, 1, n);
            assertClose(expected, actual, impl + " log-normals at " + index);

            SCALAR.truncatedNormals(SEED, GAMMA, index, tails, expected, 1, n);
            impl.kernels().truncatedNormals(SEED, GAMMA, index, tails, actual, 1, n);
            assertClose(expected, actual, impl + " truncated normals at " + index);
        }
    }

    /** Bit for bit: the elementary functions are IEEE-exact operation sequences in both implementations. */
    static void assertClose(double[] expected, double[] actual, String what) {
        assertArrayEquals(expected, actual, what);
    }

    @ParameterizedTest(name = "{0} n={1}")
    @MethodSource("cases")
    void cuttingARequestIntoPiecesGivesTheSameBits(Impl impl, int n) {
        RandomKernels k = impl.kernels();
        TruncationConstants c = new TruncationConstants(0.02, 0.5, -2.05, 0.0, 0, 1, -2.05, 0);
        long index = 7;
        double[][] whole = new double[3][n];
        k.normals(SEED, GAMMA, index, 0, 1, whole[0], 0, n);
        k.logNormals(SEED, GAMMA, index, 0, 1, whole[1], 0, n);
        k.truncatedNormals(SEED, GAMMA, index, c, whole[2], 0, n);
        SplittableRandom cuts = new SplittableRandom(n);
        double[][] pieces = new double[3][n];
        for (int start = 0; start < n; ) {
            int length = Math.min(n - start, 1 + cuts.nextInt(20));
            k.normals(SEED, GAMMA, index + start, 0, 1, pieces[0], start, length);
            k.logNormals(SEED, GAMMA, index + start, 0, 1, pieces[1], start, length);
            k.truncatedNormals(SEED, GAMMA, index + start, c, pieces[2], start, length);
            start += length;
        }
        for (int i = 0; i < 3; i++) {
            assertArrayEquals(whole[i], pieces[i], impl + " stream " + i);
        }
    }

    @ParameterizedTest(name = "{0} n={1}")
    @MethodSource("cases")
    void requestsNeverWriteOutsideTheirRange(Impl impl, int n) {
        double[] out = new double[n + 40];
        java.util.Arrays.fill(out, Double.NaN);
        impl.kernels().normals(SEED, GAMMA, 9, 0, 1, out, 20, n);
        for (int i = 0; i < out.length; i++) {
            boolean inside = i >= 20 && i < 20 + n;
            assertEquals(inside, !Double.isNaN(out[i]), impl + " position " + i);
        }
    }

    @ParameterizedTest(name = "{0} n={1}")
    @MethodSource("vectorCases")
    void axpyAndAffineAreBitIdenticalToTheScalarTwin(Impl impl, int n) {
        SplittableRandom random = new SplittableRandom(n);
        double[] x = random.doubles(n + 3, -5, 5).toArray();
        double[] y = random.doubles(n + 1, -5, 5).toArray();
        double[] expected = y.clone();
        double[] actual = y.clone();
        SCALAR.axpy(0.37, x, 3, expected, 1, n);
        impl.kernels().axpy(0.37, x, 3, actual, 1, n);
        assertArrayEquals(expected, actual);
        SCALAR.affine(-1.3, 0.25, expected, 1, n);
        impl.kernels().affine(-1.3, 0.25, actual, 1, n);
        assertArrayEquals(expected, actual);
    }

    /** The bits do not change once the JIT has compiled the kernels (cold and warm calls agree). */
    @Test
    void warmCodeGivesTheColdBits() {
        TruncationConstants c = new TruncationConstants(1e-12, 0.3, -7.03, -0.52, 0, 1, -7.03, -0.52);
        for (Impl impl : implementations()) {
            RandomKernels k = impl.kernels();
            double[][] cold = new double[3][5003];
            double[][] warm = new double[3][5003];
            k.normals(SEED, GAMMA, 3, 0, 1, cold[0], 0, 5003);
            k.logNormals(SEED, GAMMA, 3, 0, 1, cold[1], 0, 5003);
            k.truncatedNormals(SEED, GAMMA, 3, c, cold[2], 0, 5003);
            for (int rep = 0; rep < 300; rep++) {
                k.normals(SEED, GAMMA, 3, 0, 1, warm[0], 0, 5003);
                k.logNormals(SEED, GAMMA, 3, 0, 1, warm[1], 0, 5003);
                k.truncatedNormals(SEED, GAMMA, 3, c, warm[2], 0, 5003);
            }
            for (int i = 0; i < 3; i++) {
                assertArrayEquals(cold[i], warm[i], impl + " stream " + i);
            }
        }
    }

    @Test
    void inverseNormalMatchesHipparchus() {
        org.hipparchus.special.Erf.erf(0); // warm the class so a missing dependency fails here
        for (double p : new double[] {1e-300, 1e-20, 1e-5, 0.02, 0.0749, 0.075, 0.3, 0.5, 0.7, 0.925, 0.99, 1 - 1e-12}) {
            double expected = Math.sqrt(2) * org.hipparchus.special.Erf.erfInv(2 * p - 1);
            if (p < 1e-10) {
                expected = -Math.sqrt(2) * org.hipparchus.special.Erf.erfcInv(2 * p);
            }
            assertEquals(expected, InverseNormal.icdf(p), 1e-13 * Math.max(1, Math.abs(expected)), "p=" + p);
        }
    }
}
