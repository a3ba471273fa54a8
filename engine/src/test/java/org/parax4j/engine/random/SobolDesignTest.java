package org.parax4j.engine.random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.hipparchus.random.SobolSequenceGenerator;
import org.junit.jupiter.api.Test;

/** Sobol' designs: the plain sequence against Hipparchus, net properties kept by scrambling. */
class SobolDesignTest {

    @Test
    void unscrambledPointsEqualHipparchus() {
        int d = SobolDesign.MAX_DIMENSION;
        int n = 1024;
        double[] out = new double[d * n];
        SobolDesign.unscrambled(d).points(n, out, 0);
        SobolSequenceGenerator reference = new SobolSequenceGenerator(d);
        for (int i = 0; i < n; i++) {
            double[] x = reference.nextVector();
            for (int k = 0; k < d; k++) {
                assertEquals(x[k], out[k * n + i] - 0x1.0p-53, "point " + i + " dimension " + k);
            }
        }
    }

    @Test
    void scrambledCoordinatesHoldOnePointPerStratum() {
        int d = 12;
        for (int m = 0; m <= 12; m += 3) {
            int n = 1 << m;
            double[] out = new double[d * n];
            SobolDesign.scrambled(CounterRandom.of(m), d).points(n, out, 0);
            for (int k = 0; k < d; k++) {
                boolean[] hit = new boolean[n];
                for (int i = 0; i < n; i++) {
                    double v = out[k * n + i];
                    assertTrue(v > 0 && v < 1);
                    int stratum = (int) (v * n);
                    assertTrue(!hit[stratum], "n=" + n + " dimension " + k + " stratum " + stratum);
                    hit[stratum] = true;
                }
            }
        }
    }

    @Test
    void firstTwoDimensionsStayAZeroNetAfterScrambling() {
        int m = 8;
        int n = 1 << m;
        double[] out = new double[2 * n];
        SobolDesign.scrambled(CounterRandom.of(11), 2).points(n, out, 0);
        for (int a = 0; a <= m; a++) {
            int cellsX = 1 << a;
            int cellsY = 1 << (m - a);
            int[] count = new int[n];
            for (int i = 0; i < n; i++) {
                count[(int) (out[i] * cellsX) * cellsY + (int) (out[n + i] * cellsY)]++;
            }
            for (int c : count) {
                assertEquals(1, c, "elementary intervals 2^-" + a + " x 2^-" + (m - a));
            }
        }
    }

    @Test
    void scramblingIsReproducibleAndIntegratesBetterThanMonteCarlo() {
        int n = 4096;
        double[] a = new double[3 * n];
        double[] b = new double[3 * n + 2];
        SobolDesign.scrambled(CounterRandom.of(5), 3).points(n, a, 0);
        SobolDesign.scrambled(CounterRandom.of(5), 3).points(n, b, 2);
        assertArrayEquals(a, Arrays.copyOfRange(b, 2, b.length));
        double[] c = new double[3 * n];
        SobolDesign.scrambled(CounterRandom.of(6), 3).points(n, c, 0);
        assertTrue(!Arrays.equals(a, c));
        double integral = 0;
        for (int i = 0; i < n; i++) {
            integral += a[i] * a[n + i] * a[2 * n + i] / n;
        }
        // Exact value 1/8; plain Monte Carlo's standard error here is about 0.002.
        assertEquals(0.125, integral, 2e-4);
    }

    @Test
    void invalidArgumentsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> SobolDesign.unscrambled(0));
        assertThrows(IllegalArgumentException.class, () -> SobolDesign.unscrambled(SobolDesign.MAX_DIMENSION + 1));
        assertThrows(IllegalArgumentException.class, () -> SobolDesign.scrambled(null, 2));
        double[] out = new double[12];
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SobolDesign.unscrambled(2).points(6, out, 0));
        assertTrue(e.getMessage().contains("power of two"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SobolDesign.unscrambled(2).points(8, out, 0));
        assertArrayEquals(new double[12], out);
        assertEquals(2, SobolDesign.unscrambled(2).dimension());
    }
}
