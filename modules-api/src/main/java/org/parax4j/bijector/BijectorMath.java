package org.parax4j.bijector;

/**
 * Numerically stable scalar helpers shared by the bijectors. Stateless; allocation-free.
 *
 * <p>{@link #log1mexp} follows M. Mächler, "Accurately computing log(1 − exp(−|a|))", R package
 * Rmpfr vignette, 2012: {@code log(-expm1(-a))} for {@code a ≤ ln 2}, {@code log1p(-exp(-a))}
 * above, which keeps full relative accuracy on both sides.
 */
final class BijectorMath {

    static final double LN2 = 0.6931471805599453;

    private BijectorMath() {}

    /** {@code log(1 + exp(x))} as {@code max(x, 0) + log1p(exp(-|x|))}: no overflow, exact tails. */
    static double softplus(double x) {
        return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
    }

    /** {@code log(1 - exp(-a))} for {@code a > 0}; {@code -∞} at 0 and NaN for {@code a < 0}. */
    static double log1mexp(double a) {
        return a <= LN2 ? Math.log(-Math.expm1(-a)) : Math.log1p(-Math.exp(-a));
    }

    /** {@code 1 / (1 + exp(-x))}, evaluated through {@code exp(-|x|)} so neither tail overflows. */
    static double sigmoid(double x) {
        if (x >= 0) {
            return 1 / (1 + Math.exp(-x));
        }
        double e = Math.exp(x);
        return e / (1 + e);
    }
}
