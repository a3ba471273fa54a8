package org.parax4j.bijector;

/**
 * The softplus map {@code y = log(1 + exp(x))} from ℝ onto (0, ∞), the default
 * {@link Bijector#positive()} transform. Immutable and thread-safe; allocation-free.
 *
 * <p>Stable forms: forward {@code max(x, 0) + log1p(exp(-|x|))}; inverse
 * {@code y + log(1 - exp(-y))} with the {@code log(1 - exp(-y))} term evaluated as in Mächler
 * (2012) (see {@link BijectorMath}), so {@code inverse(forward(30))} recovers 30 to rounding;
 * forward log-det {@code log(sigmoid(x)) = -softplus(-x)}; inverse log-det
 * {@code -log(1 - exp(-y))}.
 */
public record Softplus() implements Bijector {

    /** Shared instance. */
    public static final Softplus INSTANCE = new Softplus();

    /** Returns {@code log(1 + exp(x))}. */
    @Override
    public double forward(double x) {
        return BijectorMath.softplus(x);
    }

    /** Returns {@code log(exp(y) - 1)}: {@code -∞} at 0, NaN for negative {@code y}. */
    @Override
    public double inverse(double y) {
        return y + BijectorMath.log1mexp(y);
    }

    /** Returns {@code log(sigmoid(x)) = -softplus(-x)}. */
    @Override
    public double forwardLogDetJacobian(double x) {
        return -BijectorMath.softplus(-x);
    }

    /** Returns {@code -log(1 - exp(-y))}; NaN for negative {@code y}. */
    @Override
    public double inverseLogDetJacobian(double y) {
        return -BijectorMath.log1mexp(y);
    }

    /** Returns {@code sigmoid(x)}. */
    @Override
    public double forwardDerivative(double x) {
        return BijectorMath.sigmoid(x);
    }

    /** Returns {@code true}. */
    @Override
    public boolean isIncreasing() {
        return true;
    }

    /** Returns {@code "Softplus"}. */
    @Override
    public String name() {
        return "Softplus";
    }
}
