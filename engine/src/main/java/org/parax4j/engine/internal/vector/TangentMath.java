package org.parax4j.engine.internal.vector;

import org.parax4j.engine.internal.math.ExpMath;
import org.parax4j.engine.internal.math.LogMath;
import org.parax4j.engine.internal.math.TrigMath;

/**
 * The scalar reference formulas of the kernel tangent tiles (shared by both twins where noted in
 * {@link VectorSupport}). A leaf's value is {@code scale·f(s)}; for a {@link LeafCode#SQUARED} leaf
 * with {@code s = Σ_k u_k²}, {@code u_k = δ_k/ℓ_k}, the slope {@code g = −2·df/ds} gives every
 * derivative: {@code ∂k/∂log ℓ_k = scale·g·u_k²} and {@code ∂k/∂x1_k = −scale·g·δ_k/ℓ_k²}
 * (Rasmussen &amp; Williams, GPML, §4.2; scikit-learn's {@code gradient} conventions). At {@code s = 0}
 * the Matérn-½ slope is taken as 0 (the limit of {@code g·u²} along any direction). Stateless.
 */
public final class TangentMath {

    private TangentMath() {}

    /**
     * {@code g = −2·df/ds} from {@code s} and {@code b = f(s)} (unscaled): RBF {@code b}; Matérn ½
     * {@code b/r} ({@code r = √s}, 0 at 0); Matérn 3/2 {@code 3b/(1 + r)} ({@code r = √(3s)});
     * Matérn 5/2 {@code (5/3)(1 + r)·b/(1 + r + r²/3)} ({@code r = √(5s)}, 0 where b is 0); rational
     * quadratic {@code b/(1 + s/(2α))}.
     */
    public static double slope(LeafCode leaf, double s, double b) {
        return switch (leaf.function()) {
            case LeafCode.RBF -> b;
            case LeafCode.MATERN_12 -> {
                double r = Math.sqrt(s);
                yield r > 0 ? b / r : 0;
            }
            case LeafCode.MATERN_32 -> 3 * b / (1 + Math.sqrt(3 * s));
            case LeafCode.MATERN_52 -> {
                double r = Math.sqrt(5 * s);
                yield b == 0 ? 0 : (5.0 / 3) * (1 + r) * b / Math.fma(r, r * (1.0 / 3), 1 + r);
            }
            case LeafCode.RATIONAL_QUADRATIC -> b / (1 + s * (0.5 / leaf.parameter()));
            default -> 0;
        };
    }

    static void slopeTile(LeafCode leaf, double[] s, double[] b, double[] g, int stride, int rows, int cols) {
        for (int r = 0; r < rows; r++) {
            for (int c = r * stride; c < r * stride + cols; c++) {
                g[c] = slope(leaf, s[c], b[c]);
            }
        }
    }

    /**
     * The reference of {@link VectorSupport#squaredPlanes}: per element the distance, the unscaled
     * value ({@link LeafCode#apply} of the leaf with scale 1, its log1p kept for α), the value and the
     * planes, each product in the order of the tile program.
     */
    static void squaredPlanes(LeafCode leaf, double[] x1, int d, int i0, int i1, double[] x2t, int ld, int j0,
            int j1, double[] value, double[] out, int[] offsets, double[] coefs, int own, int copies, int stride) {
        double scale = leaf.scale();
        boolean rq = leaf.function() == LeafCode.RATIONAL_QUADRATIC;
        double alpha = leaf.parameter();
        double half = 0.5 / alpha;
        for (int i = i0; i < i1; i++) {
            for (int j = j0; j < j1; j++) {
                int e = i * stride + j;
                double s = leaf.distance(x1, i * d, 1, x2t, j, ld, d);
                double z = s * half;
                double log = rq ? LogMath.log1p(z) : 0;
                double b = rq ? ExpMath.exp(log * -alpha) : ExpMath.exp(-0.5 * s);
                double v = b * scale;
                if (value != null) {
                    value[e] = v;
                }
                if (rq) {
                    out[offsets[0] + e] = v == 0 ? 0 : v * alpha * coefs[0] * (z / (1 + z) - log);
                    out[offsets[1] + e] = b / (1 + z) * coefs[1] * s;
                } else if (own == 1) {
                    out[offsets[0] + e] = b * coefs[0] * s;
                } else {
                    for (int k = 0; k < own; k++) {
                        double u = (x1[i * d + k] - x2t[k * ld + j]) * leaf.weight(k);
                        out[offsets[k] + e] = v * coefs[k] * (u * u);
                    }
                }
                for (int c = own; c < own + copies; c++) {
                    out[offsets[c] + e] = v * coefs[c];
                }
            }
        }
    }

    /** The reference of {@link VectorSupport#rbfPlanesFromValues}. */
    static void rbfPlanesFromValues(LeafCode leaf, double[] x1, int d, int i0, int i1, double[] x2t, int ld, int j0,
            int j1, double[] value, double[] out, int[] offsets, double[] coefs, int own, int copies, int stride) {
        for (int i = i0; i < i1; i++) {
            for (int j = j0; j < j1; j++) {
                int e = i * stride + j;
                double v = value[e];
                for (int k = 0; k < own; k++) {
                    double u = (x1[i * d + k] - x2t[k * ld + j]) * leaf.weight(k);
                    out[offsets[k] + e] = v * coefs[k] * (u * u);
                }
                for (int c = own; c < own + copies; c++) {
                    out[offsets[c] + e] = v * coefs[c];
                }
            }
        }
    }

    static void rationalQuadraticAlpha(double alpha, double coef, double[] s, double[] v, double[] t, int stride,
            int rows, int cols) {
        double half = 0.5 / alpha;
        for (int r = 0; r < rows; r++) {
            for (int c = r * stride; c < r * stride + cols; c++) {
                double z = s[c] * half;
                t[c] = v[c] == 0 ? 0 : v[c] * alpha * coef * (z / (1 + z) - LogMath.log1p(z));
            }
        }
    }

    static void periodicPeriod(double[] x1, int d, int i0, int i1, double[] x2t, int ld, int j0, int j1, double w,
            double coef, double[] v, double[] t, int stride) {
        for (int i = i0; i < i1; i++) {
            int row = (i - i0) * stride - j0;
            for (int j = j0; j < j1; j++) {
                double sum = 0;
                for (int k = 0; k < d; k++) {
                    double u = (x1[i * d + k] - x2t[k * ld + j]) * w;
                    sum += Math.PI * u * TrigMath.sinPi(2 * u);
                }
                t[row + j] = v[row + j] == 0 ? 0 : v[row + j] * coef * sum;
            }
        }
    }

    /**
     * {@code ∂k/∂x1_k} of a leaf at one pair: SQUARED {@code −scale·g·w_k²·δ_k}; PERIODIC with an
     * exponential {@code v·c·π·w·sin(2π·δ_k·w)} ({@code c} the leaf's parameter {@code −2/ℓ²}); 0 for
     * every other leaf (constants, indicators, limits).
     */
    static void inputDirections(LeafCode leaf, double[] x1, int d, int i0, int i1, double[] x2t, int ld, int j0,
            int j1, double[] g, double[] v, InputDirections directions, double[][] dir, int stride) {
        boolean squared = leaf.distance() == LeafCode.SQUARED;
        boolean periodic = leaf.distance() == LeafCode.PERIODIC && leaf.function() == LeafCode.EXP_LINEAR;
        if (!squared && !periodic) {
            return;
        }
        int count = directions.count();
        for (int i = i0; i < i1; i++) {
            int row = (i - i0) * stride - j0;
            for (int j = j0; j < j1; j++) {
                for (int k = 0; k < d; k++) {
                    double delta = x1[i * d + k] - x2t[k * ld + j];
                    double h;
                    if (squared) {
                        double w = leaf.weight(k);
                        h = g[row + j] == 0 ? 0 : -leaf.scale() * g[row + j] * (w * w) * delta;
                    } else {
                        double w = leaf.weight(0);
                        h = v[row + j] == 0 ? 0
                                : v[row + j] * leaf.parameter() * Math.PI * w * TrigMath.sinPi(2 * (delta * w));
                    }
                    if (h != 0) {
                        for (int q = 0; q < count; q++) {
                            double m = directions.difference(q, i, j, k, d);
                            if (m != 0) {
                                dir[q][row + j] += h * m;
                            }
                        }
                    }
                }
            }
        }
    }
}
