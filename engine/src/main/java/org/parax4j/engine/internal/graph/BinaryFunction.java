package org.parax4j.engine.internal.graph;

import org.parax4j.engine.internal.math.CompositeMath;

/**
 * The elementwise two-operand functions of {@link Op#MAP2} nodes (operands broadcast as for
 * {@link Op#ADD}): a value and both partial derivatives per element. Values are exact comparisons,
 * {@link Math#max}/{@link Math#min}, {@link CompositeMath#hypot} (within
 * {@value CompositeMath#ULPS} ulps of {@link StrictMath#hypot}) or {@link StrictMath#atan2}, so
 * every executor gives the same bits; all but atan2 have a Vector API form with the same bits
 * ({@link GraphOps#map2}).
 *
 * <p>Conventions where a derivative does not exist: {@code max}/{@code min} at a tie split it
 * evenly, ½ to each operand (as JAX and PyTorch do; so {@code max(x, x)} has derivative 1);
 * {@code atan2} and {@code hypot} at (0, 0) have partials 0; comparisons have partials 0.
 */
public enum BinaryFunction {
    /** {@code atan2(a, b)}: the angle of the point (b, a), in (−π, π]. */
    ATAN2,
    /** {@code √(a² + b²)} without overflow or underflow. */
    HYPOT,
    /** The larger operand (NumPy's {@code maximum}); NaN if either is NaN. */
    MAX,
    /** The smaller operand (NumPy's {@code minimum}); NaN if either is NaN. */
    MIN,
    /** {@code a > b} as 1 or 0. */
    GT,
    /** {@code a ≥ b} as 1 or 0. */
    GE,
    /** {@code a < b} as 1 or 0. */
    LT,
    /** {@code a ≤ b} as 1 or 0. */
    LE,
    /** {@code a == b} as 1 or 0. */
    EQ,
    /** {@code a ≠ b} as 1 or 0. */
    NE;

    /** {@code f(a, b)}. */
    public double value(double a, double b) {
        return switch (this) {
            case ATAN2 -> StrictMath.atan2(a, b);
            case HYPOT -> CompositeMath.hypot(a, b);
            case MAX -> Math.max(a, b);
            case MIN -> Math.min(a, b);
            case GT -> a > b ? 1 : 0;
            case GE -> a >= b ? 1 : 0;
            case LT -> a < b ? 1 : 0;
            case LE -> a <= b ? 1 : 0;
            case EQ -> a == b ? 1 : 0;
            case NE -> a != b ? 1 : 0;
        };
    }

    /** Whether the partials are zero everywhere (a comparison). */
    public boolean isComparison() {
        return this != ATAN2 && this != HYPOT && this != MAX && this != MIN;
    }

    /** {@code ∂f/∂a} given {@code z = f(a, b)}. */
    public double partialA(double a, double b, double z) {
        return switch (this) {
            case ATAN2 -> a == 0 && b == 0 ? 0 : b / (a * a + b * b);
            case HYPOT -> z == 0 ? 0 : a / z;
            case MAX -> a > b ? 1 : a < b ? 0 : 0.5;
            case MIN -> a < b ? 1 : a > b ? 0 : 0.5;
            default -> 0;
        };
    }

    /** {@code ∂f/∂b} given {@code z = f(a, b)}. */
    public double partialB(double a, double b, double z) {
        return switch (this) {
            case ATAN2 -> a == 0 && b == 0 ? 0 : -a / (a * a + b * b);
            case HYPOT -> z == 0 ? 0 : b / z;
            case MAX -> b > a ? 1 : b < a ? 0 : 0.5;
            case MIN -> b < a ? 1 : b > a ? 0 : 0.5;
            default -> 0;
        };
    }
}
