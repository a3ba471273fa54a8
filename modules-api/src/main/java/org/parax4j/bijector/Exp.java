package org.parax4j.bijector;

/**
 * The exponential map {@code y = exp(x)} from ℝ onto (0, ∞). Its inverse is {@code log(y)}:
 * {@code -∞} at 0 and NaN for negative {@code y}. Immutable and thread-safe; allocation-free.
 */
public record Exp() implements Bijector {

    /** Shared instance. */
    public static final Exp INSTANCE = new Exp();

    /** Returns {@code exp(x)} (overflows to {@code +∞} above about 709.78). */
    @Override
    public double forward(double x) {
        return Math.exp(x);
    }

    /** Returns {@code log(y)}. */
    @Override
    public double inverse(double y) {
        return Math.log(y);
    }

    /** Returns {@code x}, the exact log-derivative. */
    @Override
    public double forwardLogDetJacobian(double x) {
        return x;
    }

    /** Returns {@code -log(y)}; NaN for negative {@code y}. */
    @Override
    public double inverseLogDetJacobian(double y) {
        return -Math.log(y);
    }

    /** Returns {@code exp(x)}. */
    @Override
    public double forwardDerivative(double x) {
        return Math.exp(x);
    }

    /** Returns {@code true}. */
    @Override
    public boolean isIncreasing() {
        return true;
    }

    /** Returns {@code "Exp"}. */
    @Override
    public String name() {
        return "Exp";
    }
}
