package org.parax4j.engine.gp;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.parax4j.engine.internal.kernel.KernelCompiler;
import org.parax4j.engine.internal.kernel.KernelPlan;
import org.parax4j.engine.internal.kernel.TangentJob;
import org.parax4j.engine.internal.vector.VectorizationProvider;
import org.parax4j.engine.kernel.Kernel;
import org.parax4j.engine.kernel.KernelTangents;
import org.parax4j.engine.kernel.LengthScales;

/**
 * The hyperparameters of a {@link Kernel} as one flat vector of natural logarithms, and a compiled
 * evaluator of a kernel value together with its exact derivatives with respect to those
 * log-hyperparameters (the tangents {@code ∂k/∂log θ} that the marginal-likelihood gradient needs).
 *
 * <p><b>Order</b> (scikit-learn's, so that {@code theta} vectors can be compared directly):
 * {@link Kernel.Rbf} and {@link Kernel.Matern}: the length scales; {@link Kernel.RationalQuadratic}:
 * alpha, length scale; {@link Kernel.Periodic}: length scale, period; {@link Kernel.Constant}: the
 * value; {@link Kernel.WhiteNoise}: the variance; {@link Kernel.Scaled}: the variance, then the
 * inner kernel's; {@link Kernel.Sum} and {@link Kernel.Product}: the left term's, then the right's.
 * Matérn's ν is fixed.
 *
 * <p><b>White noise</b> is evaluated as in a GP (and scikit-learn): its variance on the diagonal of
 * a training Gram matrix (same index), zero between different points and in every cross matrix
 * (the engine's {@link org.parax4j.engine.kernel.KernelMatrices} instead adds it wherever two
 * points are equal in every coordinate).
 *
 * <p>Derivatives are analytic (RBF, Matérn ν ∈ {½, 3/2, 5/2}, rational quadratic, periodic,
 * constant, white noise, scaled, sums and products by the product rule); at {@code r = 0} the
 * Matérn-½ length-scale derivative is taken as 0 (its limit along any direction is 0·∞, scikit-
 * learn does the same). Instances of {@link Compiled} are immutable and thread-safe.
 */
public final class KernelGradients {

    private KernelGradients() {}

    /** Number of hyperparameters of {@code kernel} (see the class comment for the order). */
    public static int count(Kernel kernel) {
        return KernelTangents.count(kernel);
    }

    /** The natural logarithms of {@code kernel}'s hyperparameters (a new array). */
    public static double[] logTheta(Kernel kernel) {
        double[] out = new double[count(kernel)];
        write(kernel, out, 0);
        return out;
    }

    /** Names of the hyperparameters, in order (e.g. {@code left.variance}, {@code right.lengthScales[2]}). */
    public static List<String> names(Kernel kernel) {
        List<String> out = new ArrayList<>();
        names(Objects.requireNonNull(kernel, "kernel"), "", out);
        return List.copyOf(out);
    }

    /**
     * The same kernel structure with hyperparameters {@code exp(logTheta)}; an entry equal to
     * {@code Math.log} of the kernel's own hyperparameter keeps that value bit for bit (so
     * {@code withLogTheta(k, logTheta(k))} reproduces {@code k} exactly, and a hyperparameter held
     * fixed in a fit stays exactly what it was).
     *
     * @throws IllegalArgumentException if either is null, the length differs from {@link #count} or a value gives a
     *     hyperparameter that is not finite and positive (named)
     */
    public static Kernel withLogTheta(Kernel kernel, double[] logTheta) {
        if (kernel == null || logTheta == null) {
            throw new IllegalArgumentException("kernel and logTheta must not be null, got " + kernel + " and "
                    + (logTheta == null ? "null" : logTheta.length + " entries"));
        }
        int count = count(kernel);
        if (logTheta.length != count) {
            throw new IllegalArgumentException("logTheta must have " + count + " entries for " + kernel + ", got "
                    + logTheta.length);
        }
        return rebuild(kernel, logTheta, null, new int[1]);
    }

    /**
     * {@link #withLogTheta(Kernel, double[])}, except that every hyperparameter {@code i} with
     * {@code held[i]} keeps the kernel's own value whatever {@code logTheta[i]} is (a fit's fixed
     * hyperparameters: exact by construction, not by {@code Math.log} round-tripping). Arguments
     * checked by the caller ({@code held} of length {@link #count}, or null for none).
     */
    static Kernel withLogTheta(Kernel kernel, double[] logTheta, boolean @Nullable [] held) {
        return rebuild(kernel, logTheta, held, new int[1]);
    }

    /** Compiles {@code kernel} for repeated evaluation with derivatives on {@code d}-dimensional inputs. */
    public static Compiled compile(Kernel kernel, int d) {
        if (d < 1) {
            throw new IllegalArgumentException("d must be >= 1, got " + d);
        }
        Node root = node(Objects.requireNonNull(kernel, "kernel"), d);
        return new Compiled(root, KernelCompiler.compile(kernel, d, true), count(kernel), d);
    }

    private static int write(Kernel kernel, double[] out, int off) {
        switch (kernel) {
            case Kernel.Rbf k -> {
                return logs(k.lengthScales().values(), out, off);
            }
            case Kernel.Matern k -> {
                return logs(k.lengthScales().values(), out, off);
            }
            case Kernel.RationalQuadratic k -> {
                out[off] = Math.log(k.alpha());
                out[off + 1] = Math.log(k.lengthScale());
                return off + 2;
            }
            case Kernel.Periodic k -> {
                out[off] = Math.log(k.lengthScale());
                out[off + 1] = Math.log(k.period());
                return off + 2;
            }
            case Kernel.Constant k -> {
                out[off] = Math.log(k.value());
                return off + 1;
            }
            case Kernel.WhiteNoise k -> {
                out[off] = Math.log(k.variance());
                return off + 1;
            }
            case Kernel.Scaled k -> {
                out[off] = Math.log(k.variance());
                return write(k.kernel(), out, off + 1);
            }
            case Kernel.Sum k -> {
                return write(k.right(), out, write(k.left(), out, off));
            }
            case Kernel.Product k -> {
                return write(k.right(), out, write(k.left(), out, off));
            }
        }
    }

    private static int logs(double[] values, double[] out, int off) {
        for (double v : values) {
            out[off++] = Math.log(v);
        }
        return off;
    }

    private static void names(Kernel kernel, String prefix, List<String> out) {
        switch (kernel) {
            case Kernel.Rbf k -> scales(k.lengthScales(), prefix, out);
            case Kernel.Matern k -> scales(k.lengthScales(), prefix, out);
            case Kernel.RationalQuadratic k -> out.addAll(List.of(prefix + "alpha", prefix + "lengthScale"));
            case Kernel.Periodic k -> out.addAll(List.of(prefix + "lengthScale", prefix + "period"));
            case Kernel.Constant k -> out.add(prefix + "value");
            case Kernel.WhiteNoise k -> out.add(prefix + "noiseVariance");
            case Kernel.Scaled k -> {
                out.add(prefix + "variance");
                names(k.kernel(), prefix + "kernel.", out);
            }
            case Kernel.Sum k -> {
                names(k.left(), prefix + "left.", out);
                names(k.right(), prefix + "right.", out);
            }
            case Kernel.Product k -> {
                names(k.left(), prefix + "left.", out);
                names(k.right(), prefix + "right.", out);
            }
        }
    }

    private static void scales(LengthScales ls, String prefix, List<String> out) {
        int m = ls.values().length;
        if (m == 1) {
            out.add(prefix + "lengthScale");
        } else {
            for (int k = 0; k < m; k++) {
                out.add(prefix + "lengthScales[" + k + "]");
            }
        }
    }

    private static Kernel rebuild(Kernel kernel, double[] t, boolean @Nullable [] held, int[] pos) {
        return switch (kernel) {
            case Kernel.Rbf k -> new Kernel.Rbf(new LengthScales(exps(k.lengthScales().values(), t, held, pos)));
            case Kernel.Matern k -> new Kernel.Matern(k.nu(), new LengthScales(exps(k.lengthScales().values(), t, held, pos)));
            case Kernel.RationalQuadratic k -> {
                double alpha = exp(k.alpha(), t, held, pos);
                yield new Kernel.RationalQuadratic(exp(k.lengthScale(), t, held, pos), alpha);
            }
            case Kernel.Periodic k -> {
                double ell = exp(k.lengthScale(), t, held, pos);
                yield new Kernel.Periodic(ell, exp(k.period(), t, held, pos));
            }
            case Kernel.Constant k -> new Kernel.Constant(exp(k.value(), t, held, pos));
            case Kernel.WhiteNoise k -> new Kernel.WhiteNoise(exp(k.variance(), t, held, pos));
            case Kernel.Scaled k -> {
                double v = exp(k.variance(), t, held, pos);
                yield new Kernel.Scaled(v, rebuild(k.kernel(), t, held, pos));
            }
            case Kernel.Sum k -> {
                Kernel left = rebuild(k.left(), t, held, pos);
                yield new Kernel.Sum(left, rebuild(k.right(), t, held, pos));
            }
            case Kernel.Product k -> {
                Kernel left = rebuild(k.left(), t, held, pos);
                yield new Kernel.Product(left, rebuild(k.right(), t, held, pos));
            }
        };
    }

    private static double[] exps(double[] current, double[] t, boolean @Nullable [] held, int[] pos) {
        double[] out = new double[current.length];
        for (int k = 0; k < out.length; k++) {
            out[k] = exp(current[k], t, held, pos);
        }
        return out;
    }

    /**
     * {@code exp(t[pos])} (advancing {@code pos}), or {@code current} itself when hyperparameter
     * {@code pos} is held or {@code t[pos]} is its logarithm: a hyperparameter left at its log value
     * keeps its bits ({@code exp(log v)} may differ from {@code v} in the last place).
     */
    private static double exp(double current, double[] t, boolean @Nullable [] held, int[] pos) {
        int i = pos[0]++;
        double u = t[i];
        return (held != null && held[i]) || Math.log(current) == u ? current : Math.exp(u);
    }

    private static Node node(Kernel kernel, int d) {
        return switch (kernel) {
            case Kernel.Rbf k -> new Stationary(Stationary.RBF, inverse(k.lengthScales(), d));
            case Kernel.Matern k -> new Stationary(switch (k.nu()) {
                case HALF -> Stationary.MATERN_HALF;
                case THREE_HALVES -> Stationary.MATERN_THREE_HALVES;
                case FIVE_HALVES -> Stationary.MATERN_FIVE_HALVES;
            }, inverse(k.lengthScales(), d));
            case Kernel.RationalQuadratic k -> new RationalQuadratic(k.lengthScale(), k.alpha());
            case Kernel.Periodic k -> new Periodic(k.lengthScale(), k.period());
            case Kernel.Constant k -> new Constant(k.value(), false);
            case Kernel.WhiteNoise k -> new Constant(k.variance(), true);
            case Kernel.Scaled k -> new Scaled(k.variance(), node(k.kernel(), d), count(k.kernel()));
            case Kernel.Sum k -> new Pair(node(k.left(), d), count(k.left()), node(k.right(), d), count(k.right()), false);
            case Kernel.Product k -> new Pair(node(k.left(), d), count(k.left()), node(k.right(), d), count(k.right()), true);
        };
    }

    private static double[] inverse(LengthScales ls, int d) {
        double[] v = ls.values();
        if (v.length != 1 && v.length != d) {
            throw new IllegalArgumentException("ARD length scales have " + v.length + " entries but inputs have d = "
                    + d + " dimensions");
        }
        double[] inv = new double[v.length];
        for (int k = 0; k < v.length; k++) {
            inv[k] = 1 / v[k];
        }
        return inv;
    }

    /**
     * A kernel compiled for {@code d}-dimensional inputs: value and log-hyperparameter gradient of
     * one pair of points. Immutable and thread-safe.
     */
    public static final class Compiled {
        private final Node root;
        private final KernelPlan plan;
        private final int count;
        private final int d;

        private Compiled(Node root, KernelPlan plan, int count, int d) {
            this.root = root;
            this.plan = plan;
            this.count = count;
            this.d = d;
        }

        /**
         * {@code gradient[q] = Σ_ij W_ij·∂K_ij/∂log θ_q} over the training covariance, for a
         * symmetric {@code W} of which only the upper triangle is read, by the kernel tangent tiles
         * (no tangent matrix is stored). Allocates the tile scratch.
         */
        public void contract(double[] x, int n, double[] w, double[] gradient, boolean parallel) {
            contract(new TangentJob(parallel), x, n, w, gradient);
        }

        /** {@link #contract(double[], int, double[], double[], boolean)} on a reused tile runner: allocates nothing once it has grown. */
        void contract(TangentJob job, double[] x, int n, double[] w, double[] gradient) {
            job.contract(VectorizationProvider.support(), plan, true, x, n, w, gradient);
        }

        /** Number of hyperparameters. */
        public int count() {
            return count;
        }

        /** Input dimension. */
        public int dimension() {
            return d;
        }

        /**
         * {@code k(x_i, y_j)}, writing {@code ∂k/∂log θ} to {@code gradient[0 … count−1]} when
         * {@code gradient} is not null.
         *
         * @param x first input, row-major with {@code d} columns; point {@code i}
         * @param y second input, row-major with {@code d} columns; point {@code j}
         * @param sameIndex whether this is a diagonal element of a training Gram matrix (white
         *     noise counts only there)
         */
        public double value(double[] x, int i, double[] y, int j, boolean sameIndex, double[] gradient) {
            return root.eval(x, i * d, y, j * d, d, sameIndex, gradient, 0);
        }

        /**
         * {@code k(x_i, y_j)} for two different points (white noise 0), writing its derivative with
         * respect to the first point, {@code ∂k/∂x_i}, to {@code gradient[0 … d−1]}. Allocates a
         * {@code d}-array per product node.
         */
        public double inputGradient(double[] x, int i, double[] y, int j, double[] gradient) {
            return root.input(x, i * d, y, j * d, d, gradient);
        }
    }

    /** One node of a compiled kernel. */
    private sealed interface Node permits Stationary, RationalQuadratic, Periodic, Constant, Scaled, Pair {
        double eval(double[] x, int xo, double[] y, int yo, int d, boolean same, double[] g, int off);

        /** Value (cross matrix) and {@code ∂k/∂x} into {@code g[0 … d−1]}. */
        double input(double[] x, int xo, double[] y, int yo, int d, double[] g);
    }

    /** RBF and Matérn: functions of the scaled distance with ARD or isotropic length scales. */
    private record Stationary(int type, double[] inv) implements Node {
        static final int RBF = 0;
        static final int MATERN_HALF = 1;
        static final int MATERN_THREE_HALVES = 2;
        static final int MATERN_FIVE_HALVES = 3;
        private static final double SQRT3 = Math.sqrt(3);
        private static final double SQRT5 = Math.sqrt(5);

        @Override
        public double eval(double[] x, int xo, double[] y, int yo, int d, boolean same, double[] g, int off) {
            boolean iso = inv.length == 1;
            double[] vf = valueAndFactor(x, xo, y, yo, d);
            double value = vf[0];
            double factor = vf[1];
            if (g != null) {
                if (iso) {
                    g[off] = factor * vf[2];
                } else {
                    for (int k = 0; k < d; k++) {
                        double u = (x[xo + k] - y[yo + k]) * inv[k];
                        g[off + k] = factor * u * u;
                    }
                }
            }
            return value;
        }

        /** {@code ∂k/∂x_k = −factor·u_k/ℓ_k} with the same factor as the length-scale derivative. */
        @Override
        public double input(double[] x, int xo, double[] y, int yo, int d, double[] g) {
            double[] vf = valueAndFactor(x, xo, y, yo, d);
            boolean iso = inv.length == 1;
            for (int k = 0; k < d; k++) {
                double w = inv[iso ? 0 : k];
                g[k] = -vf[1] * (x[xo + k] - y[yo + k]) * w * w;
            }
            return vf[0];
        }

        /** {value, factor, r²} with {@code ∂k/∂log ℓ_k = factor·u_k²}. */
        private double[] valueAndFactor(double[] x, int xo, double[] y, int yo, int d) {
            boolean iso = inv.length == 1;
            double r2 = 0;
            for (int k = 0; k < d; k++) {
                double u = (x[xo + k] - y[yo + k]) * inv[iso ? 0 : k];
                r2 += u * u;
            }
            double r = Math.sqrt(r2);
            double value;
            double factor; // ∂k/∂log ℓ_k = factor · u_k²
            switch (type) {
                case RBF -> {
                    value = Math.exp(-0.5 * r2);
                    factor = value;
                }
                case MATERN_HALF -> {
                    value = Math.exp(-r);
                    factor = r > 0 ? value / r : 0;
                }
                case MATERN_THREE_HALVES -> {
                    double e = Math.exp(-SQRT3 * r);
                    value = (1 + SQRT3 * r) * e;
                    factor = 3 * e;
                }
                default -> {
                    double e = Math.exp(-SQRT5 * r);
                    value = (1 + SQRT5 * r + 5 * r2 / 3) * e;
                    factor = 5.0 / 3 * (1 + SQRT5 * r) * e;
                }
            }
            return new double[] {value, factor, r2};
        }
    }

    /** {@code (1 + r²/(2α))^{−α}}, isotropic; gradient order alpha, length scale. */
    private record RationalQuadratic(double lengthScale, double alpha) implements Node {
        @Override
        public double eval(double[] x, int xo, double[] y, int yo, int d, boolean same, double[] g, int off) {
            double s = 0;
            for (int k = 0; k < d; k++) {
                double diff = x[xo + k] - y[yo + k];
                s += diff * diff;
            }
            double r2 = s / (lengthScale * lengthScale);
            double base = 1 + r2 / (2 * alpha);
            double value = Math.exp(-alpha * Math.log1p(r2 / (2 * alpha)));
            if (g != null) {
                g[off] = value * (-alpha * Math.log1p(r2 / (2 * alpha)) + r2 / (2 * base));
                g[off + 1] = value * r2 / base;
            }
            return value;
        }

        @Override
        public double input(double[] x, int xo, double[] y, int yo, int d, double[] g) {
            double value = eval(x, xo, y, yo, d, false, null, 0);
            double s = 0;
            for (int k = 0; k < d; k++) {
                double diff = x[xo + k] - y[yo + k];
                s += diff * diff;
            }
            double l2 = lengthScale * lengthScale;
            double base = 1 + s / l2 / (2 * alpha);
            for (int k = 0; k < d; k++) {
                g[k] = -value / base * (x[xo + k] - y[yo + k]) / l2;
            }
            return value;
        }
    }

    /** {@code exp(−2 Σ_k sin²(π|x_k − y_k|/p)/ℓ²)}; gradient order length scale, period. */
    private record Periodic(double lengthScale, double period) implements Node {
        @Override
        public double eval(double[] x, int xo, double[] y, int yo, int d, boolean same, double[] g, int off) {
            double s = 0;
            double t = 0;
            for (int k = 0; k < d; k++) {
                double arg = Math.PI * Math.abs(x[xo + k] - y[yo + k]) / period;
                double sin = Math.sin(arg);
                s += sin * sin;
                t += arg * Math.sin(2 * arg);
            }
            double inv2 = 1 / (lengthScale * lengthScale);
            double value = Math.exp(-2 * s * inv2);
            if (g != null) {
                g[off] = value * 4 * s * inv2;
                g[off + 1] = value * 2 * t * inv2;
            }
            return value;
        }

        @Override
        public double input(double[] x, int xo, double[] y, int yo, int d, double[] g) {
            double value = eval(x, xo, y, yo, d, false, null, 0);
            double inv2 = 1 / (lengthScale * lengthScale);
            for (int k = 0; k < d; k++) {
                double arg = Math.PI * (x[xo + k] - y[yo + k]) / period;
                g[k] = -2 * value * inv2 * Math.sin(2 * arg) * Math.PI / period;
            }
            return value;
        }
    }

    /** A constant, or white noise (the constant on training diagonals only). */
    private record Constant(double value, boolean white) implements Node {
        @Override
        public double eval(double[] x, int xo, double[] y, int yo, int d, boolean same, double[] g, int off) {
            double v = !white || same ? value : 0;
            if (g != null) {
                g[off] = v;
            }
            return v;
        }

        @Override
        public double input(double[] x, int xo, double[] y, int yo, int d, double[] g) {
            java.util.Arrays.fill(g, 0, d, 0.0);
            return white ? 0 : value;
        }
    }

    /** {@code σ²·k}. */
    private record Scaled(double variance, Node inner, int innerCount) implements Node {
        @Override
        public double eval(double[] x, int xo, double[] y, int yo, int d, boolean same, double[] g, int off) {
            double v = inner.eval(x, xo, y, yo, d, same, g, off + 1);
            if (g != null) {
                g[off] = variance * v;
                scale(g, off + 1, innerCount, variance);
            }
            return variance * v;
        }

        @Override
        public double input(double[] x, int xo, double[] y, int yo, int d, double[] g) {
            double v = inner.input(x, xo, y, yo, d, g);
            scale(g, 0, d, variance);
            return variance * v;
        }
    }

    /** A sum or a product of two kernels. */
    private record Pair(Node left, int leftCount, Node right, int rightCount, boolean product) implements Node {
        @Override
        public double eval(double[] x, int xo, double[] y, int yo, int d, boolean same, double[] g, int off) {
            double l = left.eval(x, xo, y, yo, d, same, g, off);
            double r = right.eval(x, xo, y, yo, d, same, g, off + leftCount);
            if (!product) {
                return l + r;
            }
            if (g != null) {
                scale(g, off, leftCount, r);
                scale(g, off + leftCount, rightCount, l);
            }
            return l * r;
        }

        @Override
        public double input(double[] x, int xo, double[] y, int yo, int d, double[] g) {
            double l = left.input(x, xo, y, yo, d, g);
            double[] gr = new double[d];
            double r = right.input(x, xo, y, yo, d, gr);
            for (int k = 0; k < d; k++) {
                g[k] = product ? g[k] * r + l * gr[k] : g[k] + gr[k];
            }
            return product ? l * r : l + r;
        }
    }

    private static void scale(double[] g, int off, int count, double factor) {
        for (int p = off; p < off + count; p++) {
            g[p] *= factor;
        }
    }
}
