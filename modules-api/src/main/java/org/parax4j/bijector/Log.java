package org.parax4j.bijector;

/**
 * The logarithm {@code y = log(x)} from the domain (0, ∞) onto ℝ; the inverse of {@link Exp}.
 * {@code forward} is NaN for negative {@code x} and {@code -∞} at 0. Immutable and thread-safe;
 * allocation-free.
 */
public record Log() implements Bijector {

    /** Shared instance. */
    public static final Log INSTANCE = new Log();

    /** Returns {@code log(x)}. */
    @Override
    public double forward(double x) {
        return Math.log(x);
    }

    /** Returns {@code exp(y)}. */
    @Override
    public double inverse(double y) {
        return Math.exp(y);
    }

    /** Returns {@code -log(x)}. */
    @Override
    public double forwardLogDetJacobian(double x) {
        return -Math.log(x);
    }

    /** Returns {@code y}, the exact log-derivative of {@code exp}. */
    @Override
    public double inverseLogDetJacobian(double y) {
        return y;
    }

    /** Returns {@code 1 / x}. */
    @Override
    public double forwardDerivative(double x) {
        return 1 / x;
    }

    /** Returns {@code true}. */
    @Override
    public boolean isIncreasing() {
        return true;
    }

    /** Returns 0: the domain is (0, ∞). */
    @Override
    public double domainLower() {
        return 0;
    }

    /** Returns {@code "Log"}. */
    @Override
    public String name() {
        return "Log";
    }
}
