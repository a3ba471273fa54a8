package org.parax4j.engine.internal.vector;

/**
 * One stationary kernel term compiled to codes and numbers: a distance statistic {@code s}
 * accumulated over the dimensions, then a function of {@code s} times {@code scale}.
 *
 * <p>Distances (with {@code δ_k = x_k − y_k}, formed as a difference, never from norms):
 * <ul>
 *   <li>{@link #SQUARED}: {@code s = Σ_k (δ_k·w_k)²}, {@code w_k = 1/ℓ_k} (one weight per dimension);
 *   <li>{@link #PERIODIC}: {@code s = Σ_k sin²(π·δ_k·w)}, {@code w = 1/p} ({@code weights[0]});
 *   <li>{@link #EQUAL}: {@code s = max_k |δ_k|}, zero exactly when the points are equal;
 *   <li>{@link #NONE}: {@code s = 0}.
 * </ul>
 * Functions of {@code s}, each multiplied by {@code scale}: {@link #RBF} {@code exp(−s/2)};
 * {@link #MATERN_12} {@code exp(−√s)}; {@link #MATERN_32} {@code (1+r)e^{−r}, r=√(3s)};
 * {@link #MATERN_52} {@code (1+r+r²/3)e^{−r}, r=√(5s)}; {@link #RATIONAL_QUADRATIC}
 * {@code exp(−α·log1p(s/(2α)))}, α = {@code parameter}; {@link #EXP_LINEAR} {@code exp(parameter·s)};
 * {@link #INDICATOR} {@code s == 0 ? 1 : 0}; {@link #ONE} {@code 1}.
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
                for (int k = 0; k < d; k++) {
                    double t = (a[aOffset + k * aStride] - b[bOffset + k * bStride]) * weights[k];
                    s = Math.fma(t, t, s);
                }
            }
            case PERIODIC -> {
                double w = weights[0];
                for (int k = 0; k < d; k++) {
                    double sin = ElementaryMath.sinPi((a[aOffset + k * aStride] - b[bOffset + k * bStride]) * w);
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

    /** The kernel value for distance statistic {@code s}, times {@link #scale()}. */
    public double apply(double s) {
        return switch (function) {
            case RBF -> ExpMath.exp(-0.5 * s) * scale;
            case MATERN_12 -> ExpMath.exp(-Math.sqrt(s)) * scale;
            case MATERN_32 -> {
                double r = Math.sqrt(3 * s);
                yield (1 + r) * ExpMath.exp(-r) * scale;
            }
            case MATERN_52 -> {
                double r = Math.sqrt(5 * s);
                yield Math.fma(r, r * (1.0 / 3), 1 + r) * ExpMath.exp(-r) * scale;
            }
            case RATIONAL_QUADRATIC -> ExpMath.exp(ElementaryMath.log1p(s * (0.5 / parameter)) * -parameter) * scale;
            case EXP_LINEAR -> ExpMath.exp(parameter * s) * scale;
            case INDICATOR -> s == 0 ? scale : 0;
            default -> scale;
        };
    }
}
