package org.parax4j.distribution;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.random.RandomGeneratorFactory;
import org.junit.jupiter.api.Test;
import org.parax4j.json.Json;

/** MultivariateNormal with Σ = [[4, 2], [2, 3]] (L = [[2, 0], [1, √2]], det Σ = 8). */
class MultivariateNormalTest {

    private final double[] mean = {1, -1};
    private final double[][] cov = {{4, 2}, {2, 3}};
    private final MultivariateNormal mvn = new MultivariateNormal(mean, cov);

    @Test
    void choleskyAndDefensiveCopies() {
        double[][] l = mvn.cholesky();
        assertArrayEquals(new double[] {2, 0}, l[0], 0);
        assertArrayEquals(new double[] {1, Math.sqrt(2)}, l[1], 1e-15);
        l[0][0] = 99;
        mean[0] = 99;
        cov[0][0] = 99;
        mvn.covariance()[1][1] = 99;
        assertEquals(2.0, mvn.cholesky()[0][0]);
        assertArrayEquals(new double[] {1, -1}, mvn.meanVector(), 0);
        assertArrayEquals(new double[] {4, 2}, mvn.covariance()[0], 0);
        assertArrayEquals(new double[] {1, -1}, mvn.mean(), 0);
    }

    @Test
    void logProbEntropyAndMoments() {
        // x − μ = (1, 2); Σ⁻¹ = [[3, −2], [−2, 4]]/8; quadratic form = (3 − 8 + 16)/8 = 11/8
        double expected = -Math.log(2 * Math.PI) - 0.5 * Math.log(8) - 0.5 * 11.0 / 8;
        assertEquals(expected, mvn.logProb(new double[] {2, 1}), 1e-15);
        assertEquals(Math.exp(expected), mvn.prob(new double[] {2, 1}), 1e-16);
        assertEquals(1 + Math.log(2 * Math.PI) + 0.5 * Math.log(8), mvn.entropy(), 1e-15);
        assertEquals(2, mvn.dimension());
        assertArrayEquals(new double[] {4, 3}, mvn.varianceVector(), 0);
        assertEquals(new Normal(-1, Math.sqrt(3)), mvn.marginal(1));
        assertThrows(IndexOutOfBoundsException.class, () -> mvn.marginal(2));
        var e = assertThrows(IllegalArgumentException.class, () -> mvn.logProb(new double[3]));
        assertEquals("x must have length 2, got 3", e.getMessage());
    }

    @Test
    void sampleCovarianceMatches() {
        var rng = RandomGeneratorFactory.of("L64X128MixRandom").create(17);
        int n = 40000;
        double s0 = 0, s1 = 0, s00 = 0, s01 = 0, s11 = 0;
        for (int i = 0; i < n; i++) {
            double[] x = mvn.sample(rng);
            s0 += x[0];
            s1 += x[1];
            s00 += x[0] * x[0];
            s01 += x[0] * x[1];
            s11 += x[1] * x[1];
        }
        double m0 = s0 / n, m1 = s1 / n;
        assertEquals(1, m0, 5 * 2 / Math.sqrt(n));
        assertEquals(-1, m1, 5 * Math.sqrt(3) / Math.sqrt(n));
        assertEquals(4, s00 / n - m0 * m0, 0.15);
        assertEquals(2, s01 / n - m0 * m1, 0.12);
        assertEquals(3, s11 / n - m1 * m1, 0.12);
    }

    @Test
    void klDivergence() {
        MultivariateNormal q = new MultivariateNormal(new double[] {0, 0}, new double[][] {{1, 0}, {0, 1}});
        // ½(tr Σ + |μ|² − 2 − log det Σ) = ½(7 + 2 − 2 − log 8)
        assertEquals(0.5 * (7 - Math.log(8)), mvn.klDivergence(q), 1e-15);
        assertEquals(0.0, mvn.klDivergence(mvn), 1e-15);
        // diagonal case equals the sum of univariate KLs
        MultivariateNormal p = new MultivariateNormal(new double[] {1, 2}, new double[][] {{4, 0}, {0, 0.25}});
        double sum = new Normal(1, 2).klDivergence(new Normal(0, 1)) + new Normal(2, 0.5).klDivergence(new Normal(0, 1));
        assertEquals(sum, p.klDivergence(q), 1e-15);
        var e = assertThrows(IllegalArgumentException.class,
                () -> mvn.klDivergence(new MultivariateNormal(new double[] {0}, new double[][] {{1}})));
        assertEquals("other must have dimension 2, got 1", e.getMessage());
        assertThrows(UnsupportedOperationException.class, () -> mvn.klDivergence(new Normal(0, 1)));
    }

    @Test
    void badArguments() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> new MultivariateNormal(new double[] {0, 0}, new double[][] {{1, 2}, {2, 1}}));
        assertEquals("covariance must be positive definite, got Cholesky pivot 1 = -3.0 (<= 0)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new MultivariateNormal(new double[] {0, 0}, new double[][] {{1, 0.5}, {0.4, 1}}));
        assertTrue(e.getMessage().startsWith("covariance must be symmetric"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new MultivariateNormal(new double[] {0, Double.NaN}, new double[][] {{1, 0}, {0, 1}}));
        assertEquals("mean[1] must be finite, got NaN", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new MultivariateNormal(new double[] {0, 0}, new double[][] {{1, 0}}));
        assertEquals("covariance must be 2x2, got 1 rows", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new MultivariateNormal(new double[] {0, 0}, new double[][] {{1, 0}, {0, Double.NaN}}));
        assertEquals("covariance[1][1] must be finite, got NaN", e.getMessage());
    }

    @Test
    void jsonRoundTripAndInvalidJson() {
        String json = Json.write(mvn);
        assertEquals("{\"type\":\"MultivariateNormal\",\"mean\":[1.0,-1.0],\"covariance\":[[4.0,2.0],[2.0,3.0]]}", json);
        assertEquals(mvn, Json.read(json, Distribution.class));
        var e = assertThrows(Json.JsonFormatException.class, () -> Json.read(
                "{\"type\":\"MultivariateNormal\",\"mean\":[0.0],\"covariance\":[[-1.0]]}", Distribution.class));
        assertTrue(e.getMessage().contains("covariance must be positive definite, got Cholesky pivot 0 = -1.0"),
                e.getMessage());
    }
}
