package org.parax4j.distribution;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.random.RandomGenerator;

/**
 * A probability distribution over a block of {@link #dimension()} real numbers in physical space.
 *
 * <p>Univariate distributions ({@link UnivariateDistribution}) have dimension 1; elementwise
 * vector forms and the multivariate normal have larger dimensions. Values and draws are flat
 * {@code double[]} blocks in row-major element order. Implementations are immutable values whose
 * constructors validate their arguments (naming the argument and its value), and are
 * thread-safe. Quantities that do not exist for a distribution throw
 * {@link UnsupportedOperationException} with a message saying so.
 *
 * <p>JSON: every implementation is written with a {@code "type"} tag (its simple class name) and
 * read back bit-exactly through {@link org.parax4j.json.Json}; invalid values in JSON fail with
 * the same message as the constructor.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = Uniform.class, name = "Uniform"),
    @JsonSubTypes.Type(value = Normal.class, name = "Normal"),
    @JsonSubTypes.Type(value = LogNormal.class, name = "LogNormal"),
    @JsonSubTypes.Type(value = TruncatedNormal.class, name = "TruncatedNormal"),
    @JsonSubTypes.Type(value = MultivariateNormal.class, name = "MultivariateNormal"),
    @JsonSubTypes.Type(value = Independent.class, name = "Independent"),
    @JsonSubTypes.Type(value = Transformed.class, name = "Transformed"),
})
public interface Distribution {

    /** Number of scalar elements in one draw (1 for univariate distributions). */
    int dimension();

    /** One draw of {@link #dimension()} elements, using {@code rng}. Allocates the result. */
    double[] sample(RandomGenerator rng);

    /**
     * Log density of the block {@code x} ({@code -∞} outside the support). Does not allocate.
     *
     * @throws IllegalArgumentException when {@code x} does not have length {@link #dimension()}
     */
    double logProb(double[] x);

    /**
     * Density of the block {@code x}; {@code exp(logProb(x))}.
     *
     * @throws IllegalArgumentException when {@code x} does not have length {@link #dimension()}
     */
    default double prob(double[] x) {
        return Math.exp(logProb(x));
    }

    /**
     * Mean of each element. Allocates the result.
     *
     * @throws UnsupportedOperationException when the mean has no closed form
     */
    double[] meanVector();

    /**
     * Variance of each element (the diagonal of the covariance). Allocates the result.
     *
     * @throws UnsupportedOperationException when the variance has no closed form
     */
    double[] varianceVector();

    /**
     * Differential entropy in nats.
     *
     * @throws UnsupportedOperationException when the entropy has no closed form
     */
    double entropy();

    /**
     * The marginal distribution of element {@code i}. For elementwise-independent forms this is
     * the element's own distribution; for correlated forms it is the exact marginal.
     *
     * @throws IndexOutOfBoundsException when {@code i} is not in [0, dimension())
     */
    UnivariateDistribution marginal(int i);

    /**
     * Kullback–Leibler divergence {@code KL(this ‖ other)} in nats, where a closed form exists
     * ({@code +∞} when {@code this} is not absolutely continuous with respect to {@code other}).
     *
     * @throws UnsupportedOperationException when no closed form is implemented for the pair;
     *     the message names both types
     * @throws IllegalArgumentException when {@code other} is null or has another dimension
     */
    default double klDivergence(Distribution other) {
        throw Checks.noKl(this, other);
    }
}
