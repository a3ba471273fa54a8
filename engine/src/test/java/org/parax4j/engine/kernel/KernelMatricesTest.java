package org.parax4j.engine.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class KernelMatricesTest {

    @Test
    void rbfMatchesTheDefinitionOnRandomPoints() {
        SplittableRandom random = new SplittableRandom(7);
        int n = 9, m = 11, d = 3;
        double[] x1 = random.doubles(n * d, -2, 2).toArray();
        double[] x2 = random.doubles(m * d, -2, 2).toArray();
        double[] out = new double[n * m];
        KernelMatrices.rbf(x1, n, x2, m, d, 0.7, out);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                double r2 = 0;
                for (int k = 0; k < d; k++) {
                    double diff = (x1[i * d + k] - x2[j * d + k]) / 0.7;
                    r2 += diff * diff;
                }
                assertEquals(Math.exp(-0.5 * r2), out[i * m + j], 1e-15);
            }
        }
    }

    @Test
    void farFromTheOriginKeepsTheDifference() {
        double[] x = {1e6, 1e6 + 1e-3};
        double[] out = new double[4];
        KernelMatrices.rbf(x, 2, x, 2, 1, 1e-3, out);
        double diff = (x[1] - x[0]) / 1e-3;
        assertEquals(Math.exp(-0.5 * diff * diff), out[1], 1e-12);
    }

    @Test
    void nanInputIsNamed() {
        double[] x = {0, Double.NaN};
        var e = assertThrows(IllegalArgumentException.class, () -> KernelMatrices.rbf(x, 2, x, 2, 1, 1, new double[4]));
        assertTrue(e.getMessage().contains("x1[1][0]") && e.getMessage().contains("NaN"), e.getMessage());
    }

    @Test
    void nonPositiveLengthScaleIsNamedAndOutputUnchanged() {
        double[] x = {0, 1};
        double[] out = new double[4];
        Arrays.fill(out, 9);
        var e = assertThrows(IllegalArgumentException.class, () -> KernelMatrices.rbf(x, 2, x, 2, 1, -1, out));
        assertTrue(e.getMessage().contains("lengthScale") && e.getMessage().contains("-1.0"), e.getMessage());
        assertArrayEquals(new double[] {9, 9, 9, 9}, out);
    }

    @Test
    void shortOutputGivesBothSizes() {
        double[] x = {0, 1};
        var e = assertThrows(IllegalArgumentException.class, () -> KernelMatrices.rbf(x, 2, x, 2, 1, 1, new double[3]));
        assertTrue(e.getMessage().contains("4") && e.getMessage().contains("3"), e.getMessage());
    }
}
