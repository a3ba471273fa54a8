package org.parax4j.engine.internal.math;

/**
 * Elementary functions composed from {@link ExpMath#exp}, {@link LogMath#log}, {@link LogMath#log1p}
 * and IEEE operations, for the recorded functions' elementwise vocabulary: {@link #expm1},
 * {@link #tanh}, {@link #sigmoid}, {@link #softplus}, {@link #sign} and {@link #hypot}. Like their
 * parts, each is one fixed operation sequence, so the lanewise twins in {@link PanamaMath} give the
 * same bits at every width and in every JIT tier.
 *
 * <p>Methods and accuracy against {@link StrictMath} (tested in {@code CompositeMathTest}):
 * <ul>
 *   <li>{@link #expm1}: Kahan's {@code (u − 1)·x/log u}, {@code u = eˣ} (W. Kahan, via N. Higham,
 *       <i>Accuracy and Stability of Numerical Algorithms</i>, 2nd ed., §1.14.1): the rounding error
 *       of {@code u} cancels in the quotient; within {@value #ULPS} ulps.</li>
 *   <li>{@link #tanh} from {@code expm1(−2|x|)} near 0 and {@code exp(−2|x|)} beyond ½, with the
 *       sign of x; within {@value #TANH_ULPS} ulps.</li>
 *   <li>{@link #sigmoid}: {@code 1/(1 + e)} for {@code x ≥ 0}, {@code e/(1 + e)} below,
 *       {@code e = exp(−|x|)} (never overflows); within {@value #ULPS} ulps.</li>
 *   <li>{@link #softplus}{@code (x) = max(x, 0) + log1p(exp(−|x|))}; within {@value #ULPS} ulps.</li>
 *   <li>{@link #hypot}{@code (a, b) = m·√(1 + (n/m)²)}, {@code m = max(|a|, |b|)}, {@code n} the
 *       other (no overflow or underflow of the squares); within {@value #ULPS} ulps; {@code +∞} if
 *       either is infinite (even with a NaN), as {@link StrictMath#hypot}.</li>
 * </ul>
 * Where {@code exp} flushes to zero ({@code x <} {@value ExpMath#MIN}, a subnormal {@code eˣ}), sigmoid
 * and softplus are 0 (StrictMath's are subnormal). A zero result may have the other sign than
 * StrictMath's. Stateless and thread-safe; nothing allocates.
 */
public final class CompositeMath {

    /** The documented (and tested) bound of every function here but tanh against {@link StrictMath}, in ulps. */
    public static final int ULPS = 4;
    /**
     * The documented (and tested) bound of {@link #tanh} against {@link StrictMath#tanh}, in ulps:
     * below ½ it inherits the error of {@link #expm1}, whose quotient carries {@link LogMath#log}'s.
     */
    public static final int TANH_ULPS = 6;

    private CompositeMath() {}

    /**
     * {@code eˣ − 1}, accurate near 0.
     *
     * @param x any double
     * @return {@code expm1 x}: {@code −1} below {@value ExpMath#MIN} (where {@code eˣ} is flushed),
     *     {@code +∞} above {@value ExpMath#MAX}, NaN for NaN
     */
    public static double expm1(double x) {
        return expm1(x, ExpMath.exp(x));
    }

    /** {@link #expm1} given {@code u = ExpMath.exp(x)}: Kahan's quotient and its special cases. */
    private static double expm1(double x, double u) {
        double um1 = u - 1;
        double q = um1 * (x / LogMath.log(u)); // (x/log u ≈ 1: no overflow before eˣ does)
        // u = 1: |x| below half an ulp of 1, where expm1 x = x; u = 0: flushed, expm1 x = −1.
        return u == 1 ? x : um1 == -1 ? -1 : u == Double.POSITIVE_INFINITY ? u : q;
    }

    /**
     * Hyperbolic tangent: {@code |tanh x| = −t/(t + 2)}, {@code t = expm1(−2|x|)}, below
     * {@code |x| = ½}, {@code (1 − u)/(1 + u)}, {@code u = exp(−2|x|)}, from there (where u's
     * rounding error is damped by {@code u/(1 − u) < 0.6}); the sign of x.
     *
     * @param x any double
     * @return {@code tanh x}, {@code ±1} at {@code ±∞}, NaN for NaN
     */
    public static double tanh(double x) {
        double y = -2 * Math.abs(x);
        double u = ExpMath.exp(y);
        double t = expm1(y, u);
        double r = y > -1 ? -t / (t + 2) : (1 - u) / (1 + u);
        return Math.copySign(r, x);
    }

    /**
     * The logistic sigmoid {@code 1/(1 + e^−x)}.
     *
     * @param x any double
     * @return the sigmoid, in {@code [0, 1]}; NaN for NaN
     */
    public static double sigmoid(double x) {
        double e = ExpMath.exp(-Math.abs(x));
        double d = 1 + e;
        return x >= 0 ? 1 / d : e / d;
    }

    /**
     * {@code log(1 + eˣ)} without overflow.
     *
     * @param x any double
     * @return the softplus; {@code +∞} at {@code +∞}, NaN for NaN
     */
    public static double softplus(double x) {
        return Math.max(x, 0) + LogMath.log1p(ExpMath.exp(-Math.abs(x)));
    }

    /**
     * The sign, as {@link Math#signum}: −1, 1, or x itself at ±0 and NaN.
     *
     * @param x any double
     * @return the sign
     */
    public static double sign(double x) {
        return x > 0 ? 1 : x < 0 ? -1 : x;
    }

    /**
     * {@code √(a² + b²)} without overflow or underflow.
     *
     * @param a any double
     * @param b any double
     * @return the hypotenuse; {@code +∞} if either is infinite, else NaN if either is NaN
     */
    public static double hypot(double a, double b) {
        double x = Math.abs(a);
        double y = Math.abs(b);
        double m = Math.max(x, y);
        double n = Math.min(x, y);
        double r = n / m;
        double h = m * Math.sqrt(Math.fma(r, r, 1));
        // m = 0: both zero (0/0 above); m = ∞: r is 0 or NaN.
        return m == 0 ? 0 : (x == Double.POSITIVE_INFINITY || y == Double.POSITIVE_INFINITY) ? Double.POSITIVE_INFINITY : h;
    }
}
