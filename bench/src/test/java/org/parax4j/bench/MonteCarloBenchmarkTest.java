package org.parax4j.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The Monte Carlo contenders fill the same buffer with samples of the same distribution. */
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
            assertEquals(Math.sqrt(a[1]), Math.sqrt(b[1]), 0.1 * Math.sqrt(a[1]), "std of output " + k);
        }
    }

    private static double[] moments(double[] rows, int k, int out) {
        int n = rows.length / out;
        double mean = 0;
        for (int s = 0; s < n; s++) {
            mean += rows[s * out + k];
        }
        mean /= n;
        double v = 0;
        for (int s = 0; s < n; s++) {
            double d = rows[s * out + k] - mean;
            v += d * d;
        }
        return new double[] {mean, v / (n - 1)};
    }
}
