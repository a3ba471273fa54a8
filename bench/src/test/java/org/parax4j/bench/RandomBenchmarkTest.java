package org.parax4j.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every contender fills the whole buffer with the distribution it claims, so timings compare like with like. */
class RandomBenchmarkTest {

    static final int N = 200_000;
    RandomBenchmark bench;

    @BeforeEach
    void setUp() {
        bench = new RandomBenchmark();
        bench.n = N;
        bench.setUp();
    }

    @Test
    void normalsAreStandardNormal() {
        for (Supplier<double[]> contender : java.util.List.<Supplier<double[]>>of(bench::normalsParax4j,
                bench::normalsParax4jAllCores, bench::normalsCommonsZiggurat, bench::normalsL64X128Mix,
                bench::normalsSplittable)) {
            assertMoments(contender.get(), 0, 1, 2);
        }
    }

    @Test
    void uniformsAreUniformOnZeroOne() {
        for (Supplier<double[]> contender : java.util.List.<Supplier<double[]>>of(bench::uniformsParax4j,
                bench::uniformsParax4jAllCores, bench::uniformsSplittable, bench::uniformsL64X128Mix,
                bench::uniformsCommonsXoShiRo)) {
            double[] x = contender.get();
            for (double v : x) {
                assertTrue(v >= 0 && v < 1, "uniform " + v);
            }
            assertMoments(x, 0.5, 1.0 / 12, 1.0 / 80 - 1.0 / 144);
        }
    }

    @Test
    void logNormalsAreExpOfStandardNormal() {
        double e = Math.E;
        double variance = (e - 1) * e;
        for (Supplier<double[]> contender : java.util.List.<Supplier<double[]>>of(bench::logNormalsParax4j,
                bench::logNormalsParax4jAllCores, bench::logNormalsCommonsZiggurat, bench::logNormalsL64X128Mix)) {
            double[] x = contender.get();
            for (int i = 0; i < x.length; i++) {
                x[i] = Math.log(x[i]);
            }
            assertMoments(x, 0, 1, 2);
        }
    }

    /** Size, mean and variance within 5 standard errors ({@code varOfVar} = μ₄ − σ⁴). */
    static void assertMoments(double[] x, double mean, double variance, double varOfVar) {
        assertEquals(N, x.length);
        double m = java.util.Arrays.stream(x).average().orElseThrow();
        double s = java.util.Arrays.stream(x).map(v -> (v - m) * (v - m)).sum() / (N - 1);
        assertEquals(mean, m, 5 * Math.sqrt(variance / N), "mean");
        assertEquals(variance, s, 5 * Math.sqrt(varOfVar / N), "variance");
    }
}
