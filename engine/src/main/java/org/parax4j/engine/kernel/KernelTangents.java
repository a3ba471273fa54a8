package org.parax4j.engine.kernel;

import org.jspecify.annotations.Nullable;

import java.util.Objects;
import org.parax4j.engine.internal.kernel.KernelPlan;
import org.parax4j.engine.internal.vector.VectorSupport;
import org.parax4j.engine.internal.vector.VectorizationProvider;

/**
 * Derivatives of kernel matrices, computed by the same tiles as {@link KernelMatrices} (one kernel
 * plan; Vector API or its plain-Java twin) and written into caller buffers: {@code ∂K/∂θ} for every
 * hyperparameter of every kernel, the contraction {@code Σ_ij W_ij ∂K_ij/∂θ} that a Gaussian
 * process's likelihood gradient needs, and the input gradient {@code ∂k(x1_i, x2_j)/∂x1_i}.
 *
 * <p><b>Hyperparameters</b> are numbered as scikit-learn does (see {@link #count}):
 * {@link Kernel.Rbf} and {@link Kernel.Matern} their length scales (one, or one per dimension);
 * {@link Kernel.RationalQuadratic} α, then the length scale; {@link Kernel.Periodic} the length
 * scale, then the period; {@link Kernel.Constant} its value; {@link Kernel.WhiteNoise} its
 * variance; {@link Kernel.Scaled} its variance, then the inner kernel's; {@link Kernel.Sum} and
 * {@link Kernel.Product} the left term's, then the right's. Matérn's ν is not a hyperparameter.
 * {@link Wrt#LOG} gives {@code ∂K/∂log θ = θ·∂K/∂θ} (what optimisers over log-hyperparameters and
 * scikit-learn's {@code eval_gradient} use), {@link Wrt#PHYSICAL} {@code ∂K/∂θ}; both are defined
 * for zero-valued constants, white noise and scales.
 *
 * <p><b>Layout.</b> As {@link KernelMatrices}: inputs row-major {@code n × d}; a matrix row-major
 * {@code n × m}; a stack of planes is plane {@code q} at {@code q·n·m}. White noise is counted where
 * two points are equal in every coordinate, as in {@link KernelMatrices}.
 *
 * <p><b>Numerics.</b> Derivatives are analytic (GPML §4.2 and §5.4): for a squared-distance kernel
 * {@code f(r²)}, {@code ∂k/∂log ℓ_k = −2f'·u_k²}, {@code ∂k/∂x_k = 2f'·δ_k/ℓ_k²}; Matérn ½ at
 * {@code r = 0} takes the 0 limit. Where a kernel has underflowed to 0 its tangents are 0. Results
 * are bit-identical for any number of threads; the SIMD tiles equal the scalar twin's bits for
 * planes and input gradients, the contraction within rounding of its sum order.
 *
 * <p><b>Allocation.</b> Nothing, once the workspace has grown to the sizes in use and the same
 * {@link Kernel} instance is passed again. Stateless and thread-safe; a workspace serves one call at
 * a time (see {@link KernelWorkspace}).
 */
public final class KernelTangents {

    /** With respect to what the derivatives are taken. */
    public enum Wrt {
        /** {@code ∂K/∂θ}. */
        PHYSICAL,
        /** {@code ∂K/∂log θ = θ·∂K/∂θ}. */
        LOG
    }

    private KernelTangents() {}

    /**
     * The number of hyperparameters of {@code kernel}: the length of a gradient and the number of
     * tangent planes. Allocates nothing.
     *
     * @throws NullPointerException if {@code kernel} is null
     */
    public static int count(Kernel kernel) {
        return switch (Objects.requireNonNull(kernel, "kernel")) {
            case Kernel.Rbf k -> k.lengthScales().values().length;
            case Kernel.Matern k -> k.lengthScales().values().length;
            case Kernel.RationalQuadratic k -> 2;
            case Kernel.Periodic k -> 2;
            case Kernel.Constant k -> 1;
            case Kernel.WhiteNoise k -> 1;
            case Kernel.Scaled k -> 1 + count(k.kernel());
            case Kernel.Sum k -> count(k.left()) + count(k.right());
            case Kernel.Product k -> count(k.left()) + count(k.right());
        };
    }

    /**
     * Fills {@code value} with {@code K(X1, X2)} and the planes of {@code tangents} with
     * {@code ∂K/∂θ_q} (or {@code ∂K/∂log θ_q}).
     *
     * @param kernel the kernel; ARD length scales must have {@code d} entries
     * @param wrt physical or log-hyperparameters
     * @param x1 first input, {@code n × d}, finite. Not modified.
     * @param x2 second input, {@code m × d}, finite. Not modified.
     * @param value output of at least {@code n·m}, or null to skip it. Modified.
     * @param tangents output of at least {@code count·n·m}; not an input. Modified.
     * @param workspace caller-owned scratch, also selecting single- or multi-threaded. Modified.
     * @throws IllegalArgumentException as {@link KernelMatrices#matrix(Kernel, double[], int, double[], int, int, double[], KernelWorkspace)},
     *     or for a short or aliased output; nothing is modified then
     * @throws IllegalStateException when another call is using {@code workspace}
     */
    public static void matrix(Kernel kernel, Wrt wrt, double[] x1, int n, double[] x2, int m, int d, double @Nullable [] value,
            double[] tangents, KernelWorkspace workspace) {
        matrix(VectorizationProvider.support(), kernel, wrt, x1, n, x2, m, d, value, tangents, workspace);
    }

    /**
     * {@link #matrix} for the symmetric {@code K(X, X)}: each pair is computed once and mirrored, so
     * every plane is exactly symmetric.
     *
     * @throws IllegalArgumentException as {@link #matrix}
     * @throws IllegalStateException when another call is using {@code workspace}
     */
    public static void gram(Kernel kernel, Wrt wrt, double[] x, int n, int d, double @Nullable [] value, double[] tangents,
            KernelWorkspace workspace) {
        gram(VectorizationProvider.support(), kernel, wrt, x, n, d, value, tangents, workspace);
    }

    /**
     * {@code gradient[q] = Σ_ij W_ij·∂K_ij/∂θ_q} for {@code K = K(X, X)} and a symmetric
     * {@code W} (only its upper triangle is read): with {@code W = ½(ααᵀ − K⁻¹)} this is the
     * gradient of a Gaussian process's log marginal likelihood. No tangent plane is stored.
     *
     * @param weights {@code n × n} row-major, finite. Not modified.
     * @param gradient output of at least {@link #count} entries. Modified.
     * @throws IllegalArgumentException as {@link #gram}, or for short weights or gradient
     * @throws IllegalStateException when another call is using {@code workspace}
     */
    public static void contractGram(Kernel kernel, Wrt wrt, double[] x, int n, int d, double[] weights,
            double[] gradient, KernelWorkspace workspace) {
        contractGram(VectorizationProvider.support(), kernel, wrt, x, n, d, weights, gradient, workspace);
    }

    /**
     * Fills {@code value} (may be null) with {@code K(X1, X2)} and plane {@code k} of {@code gradient}
     * with {@code ∂k(x1_i, x2_j)/∂x1_ik} ({@code gradient[k·n·m + i·m + j]}, {@code k < d}); the
     * derivative with respect to {@code x2_j} is its negation (every kernel here is stationary).
     *
     * @param gradient output of at least {@code d·n·m}; not an input. Modified.
     * @throws IllegalArgumentException as {@link #matrix}
     * @throws IllegalStateException when another call is using {@code workspace}
     */
    public static void inputGradient(Kernel kernel, double[] x1, int n, double[] x2, int m, int d, double @Nullable [] value,
            double[] gradient, KernelWorkspace workspace) {
        inputGradient(VectorizationProvider.support(), kernel, x1, n, x2, m, d, value, gradient, workspace);
    }

    static void matrix(VectorSupport support, Kernel kernel, Wrt wrt, double[] x1, int n, double[] x2, int m, int d,
            double[] value, double[] tangents, KernelWorkspace workspace) {
        Objects.requireNonNull(wrt, "wrt");
        KernelMatrices.check(kernel, x1, "x1", n, d, workspace);
        KernelMatrices.checkInput(x2, "x2", m, d);
        int size = KernelMatrices.checkedProduct(n, m);
        checkOutputs(value, size, tangents, (long) count(kernel) * size, "tangents", x1, x2);
        workspace.acquire();
        try {
            KernelPlan plan = workspace.plan(kernel, d);
            workspace.tangents().planes(support, plan, wrt == Wrt.LOG, x1, n, x2, m, value, tangents);
        } finally {
            workspace.release();
        }
    }

    static void gram(VectorSupport support, Kernel kernel, Wrt wrt, double[] x, int n, int d, double[] value,
            double[] tangents, KernelWorkspace workspace) {
        Objects.requireNonNull(wrt, "wrt");
        KernelMatrices.check(kernel, x, "x", n, d, workspace);
        int size = KernelMatrices.checkedProduct(n, n);
        checkOutputs(value, size, tangents, (long) count(kernel) * size, "tangents", x, x);
        workspace.acquire();
        try {
            KernelPlan plan = workspace.plan(kernel, d);
            workspace.tangents().planes(support, plan, wrt == Wrt.LOG, x, n, null, n, value, tangents);
        } finally {
            workspace.release();
        }
    }

    static void contractGram(VectorSupport support, Kernel kernel, Wrt wrt, double[] x, int n, int d,
            double[] weights, double[] gradient, KernelWorkspace workspace) {
        Objects.requireNonNull(wrt, "wrt");
        KernelMatrices.check(kernel, x, "x", n, d, workspace);
        int size = KernelMatrices.checkedProduct(n, n);
        Objects.requireNonNull(weights, "weights");
        Objects.requireNonNull(gradient, "gradient");
        if (weights.length < size) {
            throw new IllegalArgumentException("weights must hold n*n = " + size + " values, has " + weights.length);
        }
        int count = count(kernel);
        if (gradient.length < count) {
            throw new IllegalArgumentException("gradient must hold count = " + count + " values, has "
                    + gradient.length);
        }
        workspace.acquire();
        try {
            KernelPlan plan = workspace.plan(kernel, d);
            workspace.tangents().contract(support, plan, wrt == Wrt.LOG, x, n, weights, gradient);
        } finally {
            workspace.release();
        }
    }

    static void inputGradient(VectorSupport support, Kernel kernel, double[] x1, int n, double[] x2, int m, int d,
            double[] value, double[] gradient, KernelWorkspace workspace) {
        KernelMatrices.check(kernel, x1, "x1", n, d, workspace);
        KernelMatrices.checkInput(x2, "x2", m, d);
        int size = KernelMatrices.checkedProduct(n, m);
        checkOutputs(value, size, gradient, (long) d * size, "gradient", x1, x2);
        workspace.acquire();
        try {
            KernelPlan plan = workspace.plan(kernel, d);
            workspace.tangents().inputGradient(support, plan, x1, n, x2, m, value, gradient);
        } finally {
            workspace.release();
        }
    }

    private static void checkOutputs(double[] value, int size, double[] planes, long planesSize, String name,
            double[] x1, double[] x2) {
        if (value != null) {
            KernelMatrices.checkOutput(value, size, x1, x2);
        }
        Objects.requireNonNull(planes, name);
        if (planes.length < planesSize) {
            throw new IllegalArgumentException(name + " must hold " + planesSize + " values, has " + planes.length);
        }
        if (planes == x1 || planes == x2 || planes == value) {
            throw new IllegalArgumentException(name + " must not be an input or the value output");
        }
    }
}
