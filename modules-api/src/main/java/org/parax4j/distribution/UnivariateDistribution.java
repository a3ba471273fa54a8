package org.parax4j.distribution;

import java.util.random.RandomGenerator;

/**
 * A distribution over one real number, with the full scalar method set of SPEC §4.
 *
 * <p>The array methods of {@link Distribution} are provided in terms of the scalar ones.
 */
public interface UnivariateDistribution extends Distribution {

    /** One draw using {@code rng}. */
    double sampleOne(RandomGenerator rng);

    /** Log density at {@code x}; {@code -∞} outside the support. */
    double logProb(double x);

    /** Density at {@code x}. */
    default double prob(double x) {
        return Math.exp(logProb(x));
    }

    /** {@code P(X ≤ x)}. */
    double cdf(double x);

    /** {@code log P(X ≤ x)}, accurate in the lower tail. */
    double logCdf(double x);

    /** Inverse of the CDF for {@code p} in [0, 1]. */
    double icdf(double p);

    /** {@code P(X > x)}, accurate in the upper tail. */
    double survival(double x);

    double mean();

    double median();

    double mode();

    double variance();

    default double stddev() {
        return Math.sqrt(variance());
    }

    @Override
    default int dimension() {
        return 1;
    }

    @Override
    default double[] sample(RandomGenerator rng) {
        return new double[] {sampleOne(rng)};
    }

    @Override
    default double logProb(double[] x) {
        return logProb(x[0]);
    }

    @Override
    default double[] meanVector() {
        return new double[] {mean()};
    }

    @Override
    default double[] varianceVector() {
        return new double[] {variance()};
    }

    @Override
    default UnivariateDistribution marginal(int i) {
        if (i != 0) {
            throw new IndexOutOfBoundsException("element index must be 0 for a univariate distribution, got " + i);
        }
        return this;
    }
}
