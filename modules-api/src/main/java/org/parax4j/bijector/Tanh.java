package org.parax4j.bijector;

/**
 * The hyperbolic tangent {@code y = tanh(x)} from ℝ onto (-1, 1). Immutable and thread-safe;
 * allocation-free.
 *
 * <p>Stable forms: inverse {@code atanh(y) = (log1p(y) - log1p(-y)) / 2}; forward log-det
 * {@code log(1 - tanh²x) = 2(log 2 - |x| - softplus(-2|x|))} (even in {@code x}); derivative
 * {@code 4e / (1 + e)²} with {@code e = exp(-2|x|)}, accurate where {@code tanh} rounds to ±1.
 */
public record Tanh() implements Bijector {

    /** Shared instance. */
    public static final Tanh INSTANCE = new Tanh();

    /** Returns {@code tanh(x)}. */
    @Override
    public double forward(double x) {
        return Math.tanh(x);
    }

    /** Returns {@code atanh(y)}: ±∞ at ±1, NaN outside [-1, 1]. */
    @Override
    public double inverse(double y) {
        return 0.5 * (Math.log1p(y) - Math.log1p(-y));
    }

    /** Returns {@code 2(log 2 - |x| - softplus(-2|x|))}. */
    @Override
    public double forwardLogDetJacobian(double x) {
        double a = Math.abs(x);
        return 2 * (BijectorMath.LN2 - a - Math.log1p(Math.exp(-2 * a)));
    }

    /** Returns {@code -log(1 - y²) = -log1p(y) - log1p(-y)}; NaN outside [-1, 1]. */
    @Override
    public double inverseLogDetJacobian(double y) {
        return -Math.log1p(y) - Math.log1p(-y);
    }

    /** Returns {@code 1 - tanh²x}. */
    @Override
    public double forwardDerivative(double x) {
        double e = Math.exp(-2 * Math.abs(x));
        double d = 1 + e;
        return 4 * e / (d * d);
    }

    /** Returns {@code true}. */
    @Override
    public boolean isIncreasing() {
        return true;
    }

    /** Returns {@code "Tanh"}. */
    @Override
    public String name() {
        return "Tanh";
    }
}
