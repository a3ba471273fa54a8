package org.parax4j.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The Monte Carlo contenders fill the same buffer with samples of the same distribution: two
 * independent samples, each statistic's difference held to five standard errors of a difference.
 * The standard deviation's standard error comes from the samples' fourth moments
 * ({@code Var(s) ≈ (m₄ − s⁴)/(4·s²·n)} per sample). At n = 4000 a relative error of the standard
 * deviation is detected with probability ≥ 99 % from {@code 7.33·√2·√((κ − 1)/(4n))} (κ the
 * kurtosis), 11.6 % for normal outputs; the mean from {@code 7.33·√2·σ/√n = 0.16·σ}.
 */
class MonteCarloBenchmarkTest {

    @Test
    void contendersAgreeInSizeAndDistribution() {
        MonteCarloBenchmark bench = new MonteCarloBenchmark();
        bench.samples = 4000;
        bench.batch = 64;
        bench.setUp();
        double[] single = bench.engineSingleThread().clone();
        assertArrayEquals(single, bench.engineAllCores().clone());
        double[] plain = bench.plainLoop().clone();
        assertEquals(single.length, plain.length);
        int out = 200;
        for (int k = 0; k < out; k += 19) {
            double[] a = moments(single, k, out);
            double[] b = moments(plain, k, out);
            double se = Math.sqrt((a[1] + b[1]) / bench.samples);
            assertEquals(a[0], b[0], 5 * se, "mean of output " + k);
            double seStd = Math.sqrt((a[2] - a[1] * a[1]) / (4 * a[1] * bench.samples)
                    + (b[2] - b[1] * b[1]) / (4 * b[1] * bench.samples));
            assertEquals(Math.sqrt(a[1]), Math.sqrt(b[1]), 5 * seStd, "std of output " + k);
        }
    }

    /** Mean, unbiased variance and fourth central moment of column {@code k}. */
    private static double[] moments(double[] rows, int k, int out) {
        int n = rows.length / out;
        double mean = 0;
        for (int s = 0; s < n; s++) {
            mean += rows[s * out + k];
        }
        mean /= n;
        double v = 0;
        double m4 = 0;
        for (int s = 0; s < n; s++) {
            double d = rows[s * out + k] - mean;
            v += d * d;
            m4 += d * d * d * d;
        }
        return new double[] {mean, v / (n - 1), m4 / n};
    }
}
