package org.parax4j.engine.internal.graph;

import org.parax4j.distribution.ErrorFunction;
import org.parax4j.engine.internal.math.CompositeMath;
import org.parax4j.engine.internal.math.LogMath;

/**
 * The elementwise special functions of {@link Op#MAP} nodes: a value and a derivative per element.
 * {@link #TANH}, {@link #SIGMOID}, {@link #SOFTPLUS}, {@link #LOG1P}, {@link #EXPM1} and
 * {@link #SIGN} use {@code org.parax4j.engine.internal.math} ({@link CompositeMath},
 * {@link LogMath}), whose fixed operation sequences have Vector API twins that give the same bits
 * ({@link GraphOps#map}); their accuracy against {@link StrictMath} is stated there
 * ({@value CompositeMath#ULPS} ulps; tanh {@value CompositeMath#TANH_ULPS}, log1p
 * {@value LogMath#LOG1P_ULPS}). The others use
 * {@link StrictMath} (fdlibm) or {@link ErrorFunction} (Cody's erf) and have no Vector API form:
 * both twins run the scalar code. Either way the plain, dual and batched executors give the same
 * bits for every element, in every JIT tier.
 *
 * <p>Derivatives are the analytic ones; where none exists the convention is stated per constant.
 * A chain-rule step with a zero incoming tangent gives a zero tangent even where the coefficient is
 * infinite (see {@link GraphOps#mulMasked}).
 */
public enum UnaryFunction {
    /** Tangent; poles at π/2 + kπ. */
    TAN,
    /** Hyperbolic tangent. */
    TANH,
    /** Arc tangent, in (−π/2, π/2). */
    ATAN,
    /** Arc sine on [−1, 1]; derivative ∞ at ±1. */
    ASIN,
    /** Arc cosine on [−1, 1]; derivative −∞ at ±1. */
    ACOS,
    /** Hyperbolic sine. */
    SINH,
    /** Hyperbolic cosine. */
    COSH,
    /** {@code log(1 + x)}, accurate near 0; domain {@code x ≥ −1}. */
    LOG1P,
    /** {@code e^x − 1}, accurate near 0. */
    EXPM1,
    /** The error function. */
    ERF,
    /** The complementary error function {@code 1 − erf(x)}, accurate in the upper tail. */
    ERFC,
    /** The logistic sigmoid {@code 1/(1 + e^−x)}, without overflow for any x. */
    SIGMOID,
    /** {@code softplus(x) = log(1 + e^x)}, without overflow: {@code max(x, 0) + log1p(e^−|x|)}. */
    SOFTPLUS,
    /** The sign: −1, 0 or 1; derivative 0 everywhere (also at 0, where none exists). */
    SIGN;

    private static final double TWO_OVER_SQRT_PI = 1.1283791670955126;

    /** {@code f(x)}. */
    public double value(double x) {
        return switch (this) {
            case TAN -> StrictMath.tan(x);
            case TANH -> CompositeMath.tanh(x);
            case ATAN -> StrictMath.atan(x);
            case ASIN -> StrictMath.asin(x);
            case ACOS -> StrictMath.acos(x);
            case SINH -> StrictMath.sinh(x);
            case COSH -> StrictMath.cosh(x);
            case LOG1P -> LogMath.log1p(x);
            case EXPM1 -> CompositeMath.expm1(x);
            case ERF -> ErrorFunction.erf(x);
            case ERFC -> ErrorFunction.erfc(x);
            case SIGMOID -> CompositeMath.sigmoid(x);
            case SOFTPLUS -> CompositeMath.softplus(x);
            case SIGN -> CompositeMath.sign(x);
        };
    }

    /** {@code f'(x)} given {@code fx = f(x)}. */
    public double derivative(double x, double fx) {
        return switch (this) {
            case TAN -> 1 + fx * fx;
            case TANH -> 1 - fx * fx;
            case ATAN -> 1 / (1 + x * x);
            case ASIN -> 1 / StrictMath.sqrt((1 - x) * (1 + x));
            case ACOS -> -1 / StrictMath.sqrt((1 - x) * (1 + x));
            case SINH -> StrictMath.cosh(x);
            case COSH -> StrictMath.sinh(x);
            case LOG1P -> 1 / (1 + x);
            case EXPM1 -> fx + 1;
            case ERF -> TWO_OVER_SQRT_PI * StrictMath.exp(-x * x);
            case ERFC -> -TWO_OVER_SQRT_PI * StrictMath.exp(-x * x);
            case SIGMOID -> fx * (1 - fx);
            case SOFTPLUS -> CompositeMath.sigmoid(x);
            case SIGN -> 0;
        };
    }

    /**
     * Why a constant input {@code x} is outside this function's domain, or null when it is inside
     * (used at record time, where constants are known).
     */
    public String domainError(double x) {
        return switch (this) {
            case ASIN, ACOS -> x >= -1 && x <= 1 ? null : "must be in [-1, 1]";
            case LOG1P -> x >= -1 ? null : "must be >= -1";
            default -> null;
        };
    }
}
