package org.parax4j.bijector;

/**
 * The logistic sigmoid {@code y = 1 / (1 + exp(-x))} from ℝ onto (0, 1). Immutable and
 * thread-safe; allocation-free.
 *
 * <p>Stable forms: forward through {@code exp(-|x|)} so neither tail overflows; inverse
 * {@code logit(y) = log(y) - log1p(-y)}; forward log-det
 * {@code log(s(x) s(-x)) = -softplus(x) - softplus(-x)}; derivative
 * {@code e / (1 + e)²} with {@code e = exp(-|x|)}, accurate in both tails.
 */
public record Sigmoid() implements Bijector {

    /** Shared instance. */
    public static final Sigmoid INSTANCE = new Sigmoid();

    /** Returns {@code 1 / (1 + exp(-x))}. */
    @Override
    public double forward(double x) {
        return BijectorMath.sigmoid(x);
    }

    /** Returns {@code logit(y)}: ∓∞ at 0 and 1, NaN outside [0, 1]. */
    @Override
    public double inverse(double y) {
        return Math.log(y) - Math.log1p(-y);
    }

    /** Returns {@code -softplus(x) - softplus(-x)}. */
    @Override
    public double forwardLogDetJacobian(double x) {
        return -BijectorMath.softplus(x) - BijectorMath.softplus(-x);
    }

    /** Returns {@code -log(y) - log1p(-y)}; NaN outside [0, 1]. */
    @Override
    public double inverseLogDetJacobian(double y) {
        return -Math.log(y) - Math.log1p(-y);
    }

    /** Returns {@code s(x) (1 - s(x))}. */
    @Override
    public double forwardDerivative(double x) {
        double e = Math.exp(-Math.abs(x));
        double d = 1 + e;
        return e / (d * d);
    }

    /** Returns {@code true}. */
    @Override
    public boolean isIncreasing() {
        return true;
    }

    /** Returns {@code "Sigmoid"}. */
    @Override
    public String name() {
        return "Sigmoid";
    }
}
