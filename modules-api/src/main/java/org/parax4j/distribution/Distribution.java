package org.parax4j.distribution;

import java.util.random.RandomGenerator;

/**
 * A probability distribution over a block of {@link #dimension()} real numbers in physical space.
 *
 * <p>Univariate distributions ({@link UnivariateDistribution}) have dimension 1; elementwise
 * vector forms and the multivariate normal have larger dimensions. Values and draws are flat
 * {@code double[]} blocks in row-major element order. Implementations are immutable records whose
 * compact constructors validate their arguments (naming the argument and its value), and are
 * thread-safe. Quantities that do not exist for a distribution throw
 * {@link UnsupportedOperationException} with a message saying so.
 */
public interface Distribution {

    /** Number of scalar elements in one draw (1 for univariate distributions). */
    int dimension();

    /** One draw of {@link #dimension()} elements, using {@code rng}. Allocates the result. */
    double[] sample(RandomGenerator rng);

    /** Log density of the block {@code x} (length {@link #dimension()}). */
    double logProb(double[] x);

    /** Density of the block {@code x}; {@code exp(logProb(x))}. */
    default double prob(double[] x) {
        return Math.exp(logProb(x));
    }

    /** Mean of each element. */
    double[] meanVector();

    /** Variance of each element (the diagonal of the covariance). */
    double[] varianceVector();

    /** Differential entropy in nats. */
    double entropy();

    /**
     * The marginal distribution of element {@code i}. For elementwise-independent forms this is
     * the element's own distribution; for correlated forms it is the exact marginal.
     */
    UnivariateDistribution marginal(int i);
}
