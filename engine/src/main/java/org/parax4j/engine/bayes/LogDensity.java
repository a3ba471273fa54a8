package org.parax4j.engine.bayes;

import java.util.Objects;
import org.parax4j.engine.fit.ScalarObjective;

/**
 * A differentiable log density over an unconstrained vector (the latent space the sampler moves in),
 * known up to an additive constant.
 *
 * <p>An instance may keep scratch and then serves one thread at a time; {@link #copy()} returns an
 * instance for another thread (the same object when the density is stateless). The sampler calls
 * {@code copy()} once per chain.
 */
public interface LogDensity {

    /** The number of coordinates, at least 1. */
    int dimension();

    /**
     * The log density at {@code x}, writing its gradient into {@code gradient}. May return
     * {@code −∞} or {@code NaN} where the density vanishes or is undefined (the sampler treats the
     * step as divergent).
     *
     * @param x the point, length {@link #dimension()}. Not modified.
     * @param gradient destination, length {@link #dimension()}. Modified.
     * @return the log density
     */
    double logDensity(double[] x, double[] gradient);

    /** An instance with its own scratch for use by another thread; {@code this} when stateless. */
    LogDensity copy();

    /**
     * A log density from a user-supplied function returning the value and writing the gradient; the
     * function must be thread-safe (it is shared by all chains). Used to sample closed-form targets.
     *
     * @param dimension the number of coordinates, at least 1
     * @param function value and gradient of the log density (not its negative)
     * @throws IllegalArgumentException when {@code dimension < 1}
     */
    static LogDensity of(int dimension, ScalarObjective function) {
        if (dimension < 1) {
            throw new IllegalArgumentException("dimension must be >= 1, got " + dimension);
        }
        Objects.requireNonNull(function, "function");
        return new LogDensity() {
            @Override
            public int dimension() {
                return dimension;
            }

            @Override
            public double logDensity(double[] x, double[] gradient) {
                return function.evaluate(x, gradient);
            }

            @Override
            public LogDensity copy() {
                return this;
            }
        };
    }
}
