package org.parax4j.engine.kernel;

import java.util.Objects;
import org.parax4j.engine.internal.kernel.KernelPlan;
import org.parax4j.engine.internal.vector.VectorSupport;
import org.parax4j.engine.internal.vector.VectorizationProvider;

/**
 * Kernel matrices {@code K(X1, X2)}, {@code K(X, X)} and diagonals of a {@link Kernel}, evaluated
 * by the engine's chosen implementation (Vector API or its plain-Java twin, see
 * {@link org.parax4j.engine.EngineInfo}).
 *
 * <p><b>Layout.</b> Inputs are row-major: point {@code i} of an {@code n × d} matrix occupies
 * {@code x[i·d] … x[i·d + d − 1]}. Outputs are row-major {@code n × m}: {@code out[i·m + j] =
 * k(x1_i, x2_j)}. Internally the second input is copied to a feature-major layout (in the
 * workspace) so that consecutive columns are SIMD lanes; callers never see it.
 *
 * <p><b>Numerics.</b> Distances are formed from coordinate differences, never as
 * {@code ‖x‖² + ‖y‖² − 2x·y}, so points far from the origin keep full precision; accumulation is in
 * double (in float for the float32 variant). Coordinates must lie within
 * {@code ±}{@link #MAX_COORDINATE} (float32: {@code ±}{@link #MAX_FLOAT_COORDINATE}), so that every
 * difference is finite: a pair at ±1e308 with ℓ = 1e308 would otherwise count as infinitely far apart
 * (0 instead of {@code e⁻²}); such inputs are refused with the range in the message. Every valid
 * hyperparameter gives a finite result, the kernel's limit where an intermediate overflows: 0 where
 * the scaled distance overflows (also for Matérn, whose polynomial would give {@code ∞·0}); for
 * length scales whose reciprocal overflows (below about 5.56e-309) the limit {@code ℓ → 0}, 1 for
 * equal points and 0 otherwise; a periodic kernel with ℓ below about 1.5e-154 is 1 at whole periods
 * and 0 elsewhere; the rational quadratic is 0 where {@code r²/(2α)} overflows (as the module's scalar
 * reference; {@link Kernel.RationalQuadratic} refuses α below about 2.8e-309). The float32
 * RBF refuses length scales below about 2.9e-39 ({@code 1/ℓ} overflows float) with the range in the
 * message. The SIMD path agrees with the scalar twin within
 * {@code 1e-15 + 1e-12·|k|} per element (exp, sin, log1p differ by an ulp or so); results are
 * bit-identical whatever the number of threads. {@code K(X, X)} computes each symmetric pair once
 * and mirrors it, so it is exactly symmetric.
 *
 * <p><b>Allocation.</b> The into-buffer methods with a {@link KernelWorkspace} allocate nothing once
 * the workspace has grown to the sizes in use and the same {@link Kernel} instance is passed again;
 * the overloads without a workspace create one (and the result array) per call.
 *
 * <p>Stateless and thread-safe; a workspace serves one call at a time (one per calling thread): a
 * call on a workspace that another call is using throws {@link IllegalStateException} naming the
 * workspace and both threads, before anything is written (see {@link KernelWorkspace}).
 */
public final class KernelMatrices {

    /** The largest coordinate magnitude: half of {@link Double#MAX_VALUE}, so that differences are finite. */
    public static final double MAX_COORDINATE = Double.MAX_VALUE / 2;
    /** The largest coordinate magnitude of the float32 variant: half of {@link Float#MAX_VALUE}. */
    public static final double MAX_FLOAT_COORDINATE = Float.MAX_VALUE / 2;

    private KernelMatrices() {}

    /**
     * Fills {@code out} with {@code K(X1, X2)}.
     *
     * @param kernel the kernel; ARD length scales must have {@code d} entries
     * @param x1 first input, {@code n × d} row-major, finite. Not modified.
     * @param n number of rows of {@code x1}, {@code ≥ 0}
     * @param x2 second input, {@code m × d} row-major, finite. Not modified.
     * @param m number of rows of {@code x2}, {@code ≥ 0}
     * @param d input dimension, {@code ≥ 1}
     * @param out output of length at least {@code n·m}; not an input. Modified.
     * @param workspace caller-owned scratch, also selecting single- or multi-threaded. Modified.
     * @throws IllegalArgumentException on an invalid size, a non-finite input or one beyond
     *     {@code ±}{@link #MAX_COORDINATE} (named as {@code x1[i][k]}), mismatched ARD length scales,
     *     ARD length scales of which only some are below 5.56e-309, or a short or aliased output;
     *     nothing is modified then
     * @throws IllegalStateException when another call is using {@code workspace}; nothing is modified
     */
    public static void matrix(Kernel kernel, double[] x1, int n, double[] x2, int m, int d, double[] out,
            KernelWorkspace workspace) {
        matrix(VectorizationProvider.support(), kernel, x1, n, x2, m, d, out, workspace);
    }

    /**
     * {@code K(X1, X2)} in a new {@code n·m} array, on all cores for large inputs. Allocates the
     * result and a workspace. Throws as {@link #matrix(Kernel, double[], int, double[], int, int, double[], KernelWorkspace)}.
     */
    public static double[] matrix(Kernel kernel, double[] x1, int n, double[] x2, int m, int d) {
        double[] out = new double[checkedProduct(n, m)];
        matrix(kernel, x1, n, x2, m, d, out, KernelWorkspace.parallel());
        return out;
    }

    /**
     * Fills {@code out} with the symmetric {@code K(X, X)} ({@code n × n}), computing each pair
     * {@code i ≤ j} once and mirroring it: {@code out[i·n + j] == out[j·n + i]} exactly.
     *
     * @param kernel the kernel
     * @param x input, {@code n × d} row-major, finite. Not modified.
     * @param n number of rows, {@code ≥ 0}
     * @param d input dimension, {@code ≥ 1}
     * @param out output of length at least {@code n²}; not {@code x}. Modified.
     * @param workspace caller-owned scratch. Modified.
     * @throws IllegalArgumentException as {@link #matrix(Kernel, double[], int, double[], int, int, double[], KernelWorkspace)}
     */
    public static void gram(Kernel kernel, double[] x, int n, int d, double[] out, KernelWorkspace workspace) {
        gram(VectorizationProvider.support(), kernel, x, n, d, out, workspace);
    }

    /** {@code K(X, X)} in a new {@code n²} array. Allocates. Throws as {@link #gram(Kernel, double[], int, int, double[], KernelWorkspace)}. */
    public static double[] gram(Kernel kernel, double[] x, int n, int d) {
        double[] out = new double[checkedProduct(n, n)];
        gram(kernel, x, n, d, out, KernelWorkspace.parallel());
        return out;
    }

    /**
     * Fills {@code out[0 … n−1]} with {@code k(x_i, x_i)}, the diagonal of {@code K(X, X)}, with the
     * scalar reference (O(n·d), no tiles needed).
     *
     * @param out output of length at least {@code n}; not {@code x}. Modified.
     * @param workspace caller-owned scratch (holds the compiled kernel). Modified.
     * @throws IllegalArgumentException as {@link #gram(Kernel, double[], int, int, double[], KernelWorkspace)}
     */
    public static void diagonal(Kernel kernel, double[] x, int n, int d, double[] out, KernelWorkspace workspace) {
        check(kernel, x, "x", n, d, workspace);
        checkOutput(out, n, x, x);
        workspace.acquire();
        try {
            KernelPlan plan = workspace.plan(kernel, d);
            double[] stack = workspace.stack();
            for (int i = 0; i < n; i++) {
                out[i] = plan.pair(x, i * d, x, i * d, stack);
            }
        } finally {
            workspace.release();
        }
    }

    /** The diagonal of {@code K(X, X)} in a new array. Allocates. Throws as {@link #diagonal(Kernel, double[], int, int, double[], KernelWorkspace)}. */
    public static double[] diagonal(Kernel kernel, double[] x, int n, int d) {
        double[] out = new double[Math.max(n, 0)];
        diagonal(kernel, x, n, d, out, KernelWorkspace.singleThreaded());
        return out;
    }

    /**
     * Float32 RBF matrix {@code K(X1, X2)}: differences, squares and sums in float, then a float
     * {@code exp}. Accuracy: each element is within {@code 2.5e-7 + 6e-8·d} (absolute) of the
     * double-precision RBF of the same float inputs (tested). Zero allocation in steady state, as
     * the double path. (Half the memory traffic; in the first JMH run it was not yet 2× faster.)
     *
     * @param kernel the RBF kernel (isotropic or ARD; scales rounded to float)
     * @param out output of length at least {@code n·m}; not an input. Modified.
     * @throws IllegalArgumentException as {@link #matrix(Kernel, double[], int, double[], int, int, double[], KernelWorkspace)},
     *     for inputs beyond {@code ±}{@link #MAX_FLOAT_COORDINATE}, or for a length scale below about
     *     2.9e-39 (its reciprocal overflows float)
     */
    public static void matrix(Kernel.Rbf kernel, float[] x1, int n, float[] x2, int m, int d, float[] out,
            KernelWorkspace workspace) {
        matrix(VectorizationProvider.support(), kernel, x1, n, x2, m, d, out, workspace);
    }

    /**
     * Float32 RBF {@code K(X, X)}, exactly symmetric; accuracy as
     * {@link #matrix(Kernel.Rbf, float[], int, float[], int, int, float[], KernelWorkspace)}.
     *
     * @throws IllegalArgumentException as {@link #gram(Kernel, double[], int, int, double[], KernelWorkspace)}
     */
    public static void gram(Kernel.Rbf kernel, float[] x, int n, int d, float[] out, KernelWorkspace workspace) {
        gram(VectorizationProvider.support(), kernel, x, n, d, out, workspace);
    }

    /**
     * Fills {@code out} with the RBF kernel {@code exp(−½‖(x1_i − x2_j)/ℓ‖²)}; a shortcut for
     * {@code matrix(Kernel.rbf(lengthScale), …)} that allocates a workspace per call.
     *
     * @throws IllegalArgumentException as {@link #matrix(Kernel, double[], int, double[], int, int, double[], KernelWorkspace)},
     *     or if {@code lengthScale} is not finite and > 0
     */
    public static void rbf(double[] x1, int n, double[] x2, int m, int d, double lengthScale, double[] out) {
        matrix(Kernel.rbf(lengthScale), x1, n, x2, m, d, out, KernelWorkspace.parallel());
    }

    static void matrix(VectorSupport support, Kernel kernel, double[] x1, int n, double[] x2, int m, int d,
            double[] out, KernelWorkspace workspace) {
        check(kernel, x1, "x1", n, d, workspace);
        checkInput(x2, "x2", m, d);
        checkOutput(out, checkedProduct(n, m), x1, x2);
        run(support, kernel, x1, n, x2, m, d, out, workspace);
    }

    static void gram(VectorSupport support, Kernel kernel, double[] x, int n, int d, double[] out,
            KernelWorkspace workspace) {
        check(kernel, x, "x", n, d, workspace);
        checkOutput(out, checkedProduct(n, n), x, x);
        run(support, kernel, x, n, null, n, d, out, workspace);
    }

    static void matrix(VectorSupport support, Kernel.Rbf kernel, float[] x1, int n, float[] x2, int m, int d,
            float[] out, KernelWorkspace workspace) {
        check(kernel, x1, "x1", n, d, workspace);
        checkInput(x2, "x2", m, d);
        checkOutput(out, checkedProduct(n, m), x1, x2);
        run(support, kernel, x1, n, x2, m, d, out, workspace);
    }

    static void gram(VectorSupport support, Kernel.Rbf kernel, float[] x, int n, int d, float[] out,
            KernelWorkspace workspace) {
        check(kernel, x, "x", n, d, workspace);
        checkOutput(out, checkedProduct(n, n), x, x);
        run(support, kernel, x, n, null, n, d, out, workspace);
    }

    /** Checked arguments; {@code x2 == null} means {@code K(x1, x1)}. Holds the workspace for the call. */
    private static void run(VectorSupport support, Kernel kernel, double[] x1, int n, double[] x2, int m, int d,
            double[] out, KernelWorkspace workspace) {
        workspace.acquire();
        try {
            workspace.workspace().matrix(support, workspace.plan(kernel, d), x1, n, x2, m, out);
        } finally {
            workspace.release();
        }
    }

    /** The float32 twin of {@link #run(VectorSupport, Kernel, double[], int, double[], int, int, double[], KernelWorkspace)}. */
    private static void run(VectorSupport support, Kernel.Rbf kernel, float[] x1, int n, float[] x2, int m, int d,
            float[] out, KernelWorkspace workspace) {
        workspace.acquire();
        try {
            workspace.workspace().rbfFloat(support, workspace.floatWeights(kernel, d), x1, n, x2, m, d, out);
        } finally {
            workspace.release();
        }
    }

    static void check(Kernel kernel, Object x, String name, int n, int d, KernelWorkspace workspace) {
        Objects.requireNonNull(kernel, "kernel");
        Objects.requireNonNull(workspace, "workspace");
        checkInput(x, name, n, d);
    }

    static void checkInput(Object x, String name, int rows, int d) {
        Objects.requireNonNull(x, name);
        if (rows < 0 || d < 1) {
            throw new IllegalArgumentException(name + ": rows must be >= 0 and d >= 1, got rows=" + rows + ", d=" + d);
        }
        int length = x instanceof double[] a ? a.length : ((float[]) x).length;
        if (length != (long) rows * d) {
            throw new IllegalArgumentException(name + " must hold rows*d = " + ((long) rows * d)
                    + " values, has " + length);
        }
        double limit = x instanceof double[] ? MAX_COORDINATE : MAX_FLOAT_COORDINATE;
        for (int k = 0; k < length; k++) {
            double v = x instanceof double[] a ? a[k] : ((float[]) x)[k];
            if (!(Math.abs(v) <= limit)) {
                String where = name + "[" + (k / d) + "][" + (k % d) + "]";
                throw new IllegalArgumentException(Double.isFinite(v)
                        ? where + " must be in [-" + limit + ", " + limit + "] (half the largest "
                                + (x instanceof double[] ? "double" : "float") + ", so that coordinate differences "
                                + "stay finite), got " + v
                        : where + " must be finite, got " + v);
            }
        }
    }

    static int checkedProduct(int n, int m) {
        long size = (long) n * m;
        if (n < 0 || m < 0 || size > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("n*m must be a valid array size, got n=" + n + ", m=" + m);
        }
        return (int) size;
    }

    static void checkOutput(Object out, int size, Object x1, Object x2) {
        Objects.requireNonNull(out, "out");
        int length = out instanceof double[] a ? a.length : ((float[]) out).length;
        if (length < size) {
            throw new IllegalArgumentException("out must hold " + size + " values, has " + length);
        }
        if (out == x1 || out == x2) {
            throw new IllegalArgumentException("out must not be one of the inputs");
        }
    }
}
