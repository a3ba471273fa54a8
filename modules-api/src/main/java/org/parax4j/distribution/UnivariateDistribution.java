package org.parax4j.distribution;

import java.util.random.RandomGenerator;

/**
 * A distribution over one real number, with the full scalar method set of SPEC §4.
 *
 * <p>The array methods of {@link Distribution} are provided in terms of the scalar ones.
 * Implementations are immutable and thread-safe; scalar methods do not allocate.
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

    /**
     * Inverse of the CDF: the smallest {@code x} with {@code cdf(x) ≥ p}.
     *
     * @throws IllegalArgumentException when {@code p} is not in [0, 1] (NaN included)
     */
    double icdf(double p);

    /** {@code P(X > x)}, accurate in the upper tail. */
    double survival(double x);

    /** {@code log P(X > x)}; the default is {@code log(survival(x))}, overridden where a stable form exists. */
    default double logSurvival(double x) {
        return Math.log(survival(x));
    }

    /**
     * The mean.
     *
     * @throws UnsupportedOperationException when it has no closed form
     */
    double mean();

    /**
     * The median.
     *
     * @throws UnsupportedOperationException when it has no closed form
     */
    double median();

    /**
     * The mode (the maximiser of the density).
     *
     * @throws UnsupportedOperationException when there is no unique mode or no closed form
     */
    double mode();

    /**
     * The variance.
     *
     * @throws UnsupportedOperationException when it has no closed form
     */
    double variance();

    /** The standard deviation, {@code sqrt(variance())}. */
    default double stddev() {
        return Math.sqrt(variance());
    }

    /** Always 1. */
    @Override
    default int dimension() {
        return 1;
    }

    /** A one-element array holding {@link #sampleOne}. Allocates. */
    @Override
    default double[] sample(RandomGenerator rng) {
        return new double[] {sampleOne(rng)};
    }

    /** {@link #logProb(double)} of the single element of {@code x}. */
    @Override
    default double logProb(double[] x) {
        Checks.length(x, 1);
        return logProb(x[0]);
    }

    /** A one-element array holding {@link #mean()}. Allocates. */
    @Override
    default double[] meanVector() {
        return new double[] {mean()};
    }

    /** A one-element array holding {@link #variance()}. Allocates. */
    @Override
    default double[] varianceVector() {
        return new double[] {variance()};
    }

    /** This distribution itself, for {@code i == 0}. */
    @Override
    default UnivariateDistribution marginal(int i) {
        if (i != 0) {
            throw new IndexOutOfBoundsException("element index must be 0 for a univariate distribution, got " + i);
        }
        return this;
    }
}
