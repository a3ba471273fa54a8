package org.parax4j.distribution;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** The array view that {@link UnivariateDistribution} derives from its scalar methods. */
class UnivariateDistributionDefaultsTest {

    /** Exponential(rate 2), written out in full so the defaults have something real to wrap. */
    private record Exponential2() implements UnivariateDistribution {
        public double sampleOne(RandomGenerator rng) { return -Math.log1p(-rng.nextDouble()) / 2; }
        public double logProb(double x) { return x < 0 ? Double.NEGATIVE_INFINITY : Math.log(2) - 2 * x; }
        public double cdf(double x) { return x < 0 ? 0 : -Math.expm1(-2 * x); }
        public double logCdf(double x) { return Math.log(cdf(x)); }
        public double icdf(double p) { return -Math.log1p(-p) / 2; }
        public double survival(double x) { return x < 0 ? 1 : Math.exp(-2 * x); }
        public double mean() { return 0.5; }
        public double median() { return Math.log(2) / 2; }
        public double mode() { return 0; }
        public double variance() { return 0.25; }
        public double entropy() { return 1 - Math.log(2); }
    }

    private final UnivariateDistribution dist = new Exponential2();

    @Test
    void arrayViewWrapsScalarMethods() {
        assertEquals(1, dist.dimension());
        assertArrayEquals(new double[] {0.5}, dist.meanVector());
        assertArrayEquals(new double[] {0.25}, dist.varianceVector());
        assertEquals(dist.logProb(0.3), dist.logProb(new double[] {0.3}));
        assertEquals(2 * Math.exp(-0.6), dist.prob(0.3), 1e-15);
        assertEquals(0.5, dist.stddev());
        assertEquals(1, dist.sample(RandomGenerator.of("L64X128MixRandom")).length);
    }

    @Test
    void marginalOfElementZeroIsItself() {
        assertSame(dist, dist.marginal(0));
        var e = assertThrows(IndexOutOfBoundsException.class, () -> dist.marginal(1));
        assertEquals("element index must be 0 for a univariate distribution, got 1", e.getMessage());
    }
}
