package org.parax4j.engine.random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.parax4j.distribution.Normal;
import org.parax4j.distribution.Uniform;

/** Latin hypercube designs: one point per stratum per dimension, reproducible, marginals by icdf. */
class LatinHypercubeTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 7, 64, 1000})
    void everyStratumHoldsExactlyOnePointInEveryDimension(int n) {
        double[] out = new double[3 * n];
        LatinHypercube.unitCube(CounterRandom.of(n), n, 3, out, 0);
        for (int k = 0; k < 3; k++) {
            boolean[] hit = new boolean[n];
            for (int s = 0; s < n; s++) {
                double v = out[k * n + s];
                assertTrue(v > 0 && v < 1, "value " + v);
                int stratum = (int) (v * n);
                assertTrue(!hit[stratum], "stratum " + stratum + " twice in dimension " + k);
                hit[stratum] = true;
            }
        }
    }

    @Test
    void sameSeedSameDesignAndDimensionsDiffer() {
        double[] a = new double[2 * 50];
        double[] b = new double[2 * 50 + 1];
        LatinHypercube.unitCube(CounterRandom.of(3), 50, 2, a, 0);
        LatinHypercube.unitCube(CounterRandom.of(3), 50, 2, b, 1);
        assertArrayEquals(a, java.util.Arrays.copyOfRange(b, 1, b.length));
        assertTrue(!java.util.Arrays.equals(java.util.Arrays.copyOfRange(a, 0, 50), java.util.Arrays.copyOfRange(a, 50, 100)));
    }

    @Test
    void marginalsAreStratifiedThroughTheirQuantiles() {
        int n = 200;
        double[] out = new double[2 * n];
        Normal normal = new Normal(2, 3);
        LatinHypercube.design(CounterRandom.of(9), n, List.of(normal, new Uniform(-1, 1)), out, 0);
        double mean = 0;
        for (int s = 0; s < n; s++) {
            mean += out[s] / n;
            assertTrue(out[n + s] > -1 && out[n + s] < 1);
        }
        // Stratification makes the mean far more precise than σ/√n (≈ 0.21).
        assertEquals(2.0, mean, 0.05);
        boolean[] hit = new boolean[n];
        for (int s = 0; s < n; s++) {
            hit[(int) (normal.cdf(out[s]) * n)] = true;
        }
        for (boolean h : hit) {
            assertTrue(h);
        }
    }

    @Test
    void invalidArgumentsAreRejected() {
        double[] out = new double[10];
        assertThrows(IllegalArgumentException.class, () -> LatinHypercube.unitCube(null, 2, 2, out, 0));
        assertThrows(IllegalArgumentException.class, () -> LatinHypercube.unitCube(CounterRandom.of(1), 0, 2, out, 0));
        assertThrows(IllegalArgumentException.class, () -> LatinHypercube.unitCube(CounterRandom.of(1), 2, 0, out, 0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LatinHypercube.unitCube(CounterRandom.of(1), 4, 3, out, 0));
        assertTrue(e.getMessage().contains("> out.length = 10"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> LatinHypercube.design(CounterRandom.of(1), 2, List.of(), out, 0));
        assertArrayEquals(new double[10], out);
    }
}
