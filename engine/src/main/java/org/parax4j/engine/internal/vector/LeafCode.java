package org.parax4j.engine.internal.vector;

import org.parax4j.engine.internal.math.ExpMath;
import org.parax4j.engine.internal.math.LogMath;
import org.parax4j.engine.internal.math.TrigMath;

/**
 * One stationary kernel term compiled to codes and numbers: a distance statistic {@code s}
 * accumulated over the dimensions, then a function of {@code s} times {@code scale}.
 *
 * <p>Distances (with {@code δ_k = x_k − y_k}, formed as a difference, never from norms):
 * <ul>
 *   <li>{@link #SQUARED}: {@code s = Σ_k (δ_k·w_k)²}, {@code w_k = 1/ℓ_k} (one weight per dimension);
 *       when every {@code w_k} is the same {@code w} (an isotropic kernel, see {@link #isotropic()})
 *       it is computed as {@code (Σ_k δ_k²)·w²}, one multiplication per dimension fewer;
 *   <li>{@link #PERIODIC}: {@code s = Σ_k sin²(π·δ_k·w)}, {@code w = 1/p} ({@code weights[0]});
 *   <li>{@link #EQUAL}: {@code s = max_k |δ_k|}, zero exactly when the points are equal;
 *   <li>{@link #NONE}: {@code s = 0};
 *   <li>{@link #INDEX}: {@code s = 0} for the same row and column index of a symmetric matrix, else 1
 *       (tiles handle it; {@link #distance} treats the pair as the same index).
 * </ul>
 * Functions of {@code s}, each multiplied by {@code scale}: {@link #RBF} {@code exp(−s/2)};
 * {@link #MATERN_12} {@code exp(−√s)}; {@link #MATERN_32} {@code (1+r)e^{−r}, r=√(3s)};
 * {@link #MATERN_52} {@code (1+r+r²/3)e^{−r}, r=√(5s)}; {@link #RATIONAL_QUADRATIC}
 * {@code exp(−α·log1p(s/(2α)))}, α = {@code parameter} (0 where {@code s/(2α)} overflows);
 * {@link #EXP_LINEAR} {@code exp(parameter·s)}; {@link #INDICATOR} {@code s == 0 ? 1 : 0}; {@link #ONE} {@code 1}.
 *
 * <p>The scalar methods here are the reference that {@link ScalarVectorSupport} runs and that the
 * Vector API implementation mirrors lane by lane (same operation order, fused multiply-adds).
 * Immutable once built; the weights array is owned by this object and never exposed for writing.
 */
public final class LeafCode {

    /** Distance code: weighted squared Euclidean distance. */
    public static final int SQUARED = 0;
    /** Distance code: sum of squared sines of the scaled differences. */
    public static final int PERIODIC = 1;
    /** Distance code: largest absolute difference (zero only for equal points). */
    public static final int EQUAL = 2;
    /** Distance code: no distance (constant kernels). */
    public static final int NONE = 3;
    /**
     * Distance code: the same index (a Gaussian process's noise): {@code s = 0} on the diagonal of a
     * symmetric {@code K(X, X)}, else 1; with {@link #INDICATOR} the identity matrix.
     */
    public static final int INDEX = 4;

    /** Function code: {@code exp(−s/2)}. */
    public static final int RBF = 0;
    /** Function code: Matérn ν = ½. */
    public static final int MATERN_12 = 1;
    /** Function code: Matérn ν = 3/2. */
    public static final int MATERN_32 = 2;
    /** Function code: Matérn ν = 5/2. */
    public static final int MATERN_52 = 3;
    /** Function code: rational quadratic with α = {@code parameter}. */
    public static final int RATIONAL_QUADRATIC = 4;
    /** Function code: {@code exp(parameter·s)}. */
    public static final int EXP_LINEAR = 5;
    /** Function code: 1 when {@code s == 0}, else 0. */
    public static final int INDICATOR = 6;
    /** Function code: 1. */
    public static final int ONE = 7;

    private final int distance;
    private final int function;
    private final double[] weights;
    private final double parameter;
    private final double scale;
    private final boolean isotropic;

    /**
     * Isotropic weights are used as {@code w²} only inside this range: there {@code Σ δ²} overflows
     * (or underflows) only where {@code Σ (δ·w)²} is so large (or small) that every kernel function
     * gives the same value either way.
     */
    static final double ISOTROPIC_MIN = 1e-100;
    static final double ISOTROPIC_MAX = 1e100;

    /**
     * @param distance a distance code
     * @param function a function code
     * @param weights per-dimension weights for {@link #SQUARED} (length d), or {@code {1/p}} for
     *     {@link #PERIODIC}; copied
     * @param parameter α for {@link #RATIONAL_QUADRATIC}, the factor for {@link #EXP_LINEAR}
     * @param scale the factor applied to the function value
     */
    public LeafCode(int distance, int function, double[] weights, double parameter, double scale) {
        this.distance = distance;
        this.function = function;
        this.weights = weights.clone();
        this.parameter = parameter;
        this.scale = scale;
        this.isotropic = distance == SQUARED && isotropic(this.weights, ISOTROPIC_MIN, ISOTROPIC_MAX);
    }

    /**
     * Whether the float32 RBF with these weights (first {@code d}) is isotropic: one weight in
     * {@code [1e-10, 1e10]}, the range in which float {@code (Σ δ²)·w²} cannot overflow or underflow
     * where {@code Σ (δ·w)²} would not (where it can, the kernel is 0 or 1 either way).
     */
    public static boolean isotropicFloat(float[] weights, int d) {
        if (d == 0 || !(weights[0] >= 1e-10f && weights[0] <= 1e10f)) {
            return false;
        }
        for (int k = 1; k < d; k++) {
            if (weights[k] != weights[0]) {
                return false;
            }
        }
        return true;
    }

    /** Whether every weight equals the first and lies in {@code [min, max]} (false for none). */
    static boolean isotropic(double[] weights, double min, double max) {
        if (weights.length == 0 || !(weights[0] >= min && weights[0] <= max)) {
            return false;
        }
        for (double w : weights) {
            if (w != weights[0]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether this {@link #SQUARED} leaf has one weight for all dimensions (within a range that
     * excludes spurious overflow), so that {@code s} is {@code (Σ δ²)·}{@link #weightSquared()}.
     */
    public boolean isotropic() {
        return isotropic;
    }

    /** {@code w²} of an {@link #isotropic()} leaf. */
    public double weightSquared() {
        return weights[0] * weights[0];
    }

    /** The distance code. */
    public int distance() {
        return distance;
    }

    /** The function code. */
    public int function() {
        return function;
    }

    /** Weight {@code k}. */
    public double weight(int k) {
        return weights[k];
    }

    /** The function parameter. */
    public double parameter() {
        return parameter;
    }

    /** The output factor. */
    public double scale() {
        return scale;
    }

    /** This leaf with output factor {@code newScale} (a new object). */
    public LeafCode withScale(double newScale) {
        return new LeafCode(distance, function, weights, parameter, newScale);
    }

    /** This leaf with its output factor multiplied by {@code factor} (a new object). */
    public LeafCode scaledBy(double factor) {
        return new LeafCode(distance, function, weights, parameter, scale * factor);
    }

    /**
     * The distance statistic between {@code a[aOffset + k·aStride]} and {@code b[bOffset + k·bStride]},
     * {@code k < d}. Allocates nothing.
     */
    public double distance(double[] a, int aOffset, int aStride, double[] b, int bOffset, int bStride, int d) {
        double s = 0;
        switch (distance) {
            case SQUARED -> {
                if (isotropic) {
                    for (int k = 0; k < d; k++) {
                        double t = a[aOffset + k * aStride] - b[bOffset + k * bStride];
                        s = Math.fma(t, t, s);
                    }
                    s *= weightSquared();
                } else {
                    for (int k = 0; k < d; k++) {
                        double t = (a[aOffset + k * aStride] - b[bOffset + k * bStride]) * weights[k];
                        s = Math.fma(t, t, s);
                    }
                }
            }
            case PERIODIC -> {
                double w = weights[0];
                for (int k = 0; k < d; k++) {
                    double sin = TrigMath.sinPi((a[aOffset + k * aStride] - b[bOffset + k * bStride]) * w);
                    s = Math.fma(sin, sin, s);
                }
            }
            case EQUAL -> {
                for (int k = 0; k < d; k++) {
                    s = Math.max(s, Math.abs(a[aOffset + k * aStride] - b[bOffset + k * bStride]));
                }
            }
            default -> { }
        }
        return s;
    }

    /**
     * The kernel value for distance statistic {@code s}, times {@link #scale()}. Where {@code e^{−r}}
     * is flushed to zero the Matérn kernels are 0, also when their polynomial overflows (which
     * would otherwise give {@code ∞·0 = NaN}, e.g. for {@code s = ∞}).
     */
    public double apply(double s) {
        return switch (function) {
            case RBF -> ExpMath.exp(-0.5 * s) * scale;
            case MATERN_12 -> ExpMath.exp(-Math.sqrt(s)) * scale;
            case MATERN_32 -> {
                double r = Math.sqrt(3 * s);
                yield -r < ExpMath.MIN ? 0 : (1 + r) * ExpMath.exp(-r) * scale;
            }
            case MATERN_52 -> {
                double r = Math.sqrt(5 * s);
                yield -r < ExpMath.MIN ? 0 : Math.fma(r, r * (1.0 / 3), 1 + r) * ExpMath.exp(-r) * scale;
            }
            case RATIONAL_QUADRATIC -> ExpMath.exp(LogMath.log1p(s * (0.5 / parameter)) * -parameter) * scale;
            case EXP_LINEAR -> ExpMath.exp(parameter * s) * scale;
            case INDICATOR -> s == 0 ? scale : 0;
            default -> scale;
        };
    }
}
