package org.parax4j.engine.gp;

import java.util.Arrays;
import java.util.concurrent.Executor;
import java.util.function.IntConsumer;
import org.jspecify.annotations.Nullable;
import org.parax4j.engine.EngineOptions;
import org.parax4j.engine.internal.concurrent.Crew;
import org.parax4j.engine.internal.linalg.PanelKernels;
import org.parax4j.engine.kernel.Kernel;

/**
 * The log marginal likelihood's gradient for the squared-exponential shapes, by one product with the
 * inputs instead of the kernel tangent tiles: {@code [σ² ×] RBF} (isotropic or ARD; the scale as
 * {@link Kernel.Scaled} or a {@link Kernel.Constant} factor on either side), alone or summed with
 * {@link Kernel.WhiteNoise} on either side, which is what a {@link GpWorkspace} evaluates for such a
 * kernel. Every other kernel keeps the tangent tiles.
 *
 * <p><b>The identity.</b> With {@code W = ½(ααᵀ − K⁻¹)} and {@code M = W ∘ K} off the diagonal
 * ({@code K} already computed; {@code M_ii = 0}), the RBF's tangents {@code ∂K_ij/∂log ℓ_k =
 * K_ij (x_ik − x_jk)²/ℓ_k²} give {@code Σ_ij W_ij ∂K_ij/∂log ℓ_k = (2 Σ_i x_ik² r_i − 2 x_kᵀ M x_k)/ℓ_k²}
 * with {@code r = M·1}: all {@code d} length scales and {@code r} from the one {@code (d + 1) × n} by
 * {@code n × n} product {@code [X | 1]ᵀ M} (the engine's panel kernel, about {@code 2n²(d + 1)}
 * flops, against the tiles' {@code n²/2} exps and tangents). The inputs are centred per dimension
 * first (the kernel is translation invariant). The two sums still cancel where close points lie far
 * from the mean in units of {@code ℓ}: the relative error grows like {@code ε·max(x_c/ℓ)²}, so the
 * path is taken only while {@code max_i x_c,ik²/ℓ_k² ≤ 10⁴} (error ≲ 1e-12), else the tiles are
 * used ({@link #usable}). The scale's tangent is {@code Σ_ij M_ij + σ²·tr W}, the white noise's {@code σ_w²·tr W}.
 *
 * <p><b>Bits</b>: {@code M} is formed in 32 × 32 tiles (each tile row by one task, writing its upper
 * tiles and their mirror images) and the product in column blocks, each element by the same chain
 * whatever thread runs it: the same bits for any thread count. Allocates nothing per evaluation
 * (the executor's task objects aside); holds {@code 2(d + 1)·n} doubles. Not thread-safe.
 */
final class RbfGradient {

    private static final int TILE = 32;
    /** Columns of the product per task: a multiple of the 512-bit panel kernel's 24-column tiles. */
    private static final int PRODUCT_COLUMNS = 120;
    /** The largest {@code x_c²/ℓ²} the expansion is used for (its cancellation then costs ≲ 1e4·ε). */
    private static final double MAX_SCALED_SQUARE = 1e4;

    private final int n;
    private final int d;
    private final int lengthFirst;
    private final int lengthCount;
    private final int varianceIndex;
    private final int whiteIndex;
    /** {@code (d + 1) × n}: the centred inputs feature by feature, then a row of ones. */
    private final double[] features;
    /** {@code (d + 1) × n}: {@code −features·M}. */
    private final double[] product;
    private final double[] inverseSquared;
    /** Per input dimension: the largest squared centred input. */
    private final double[] maxCentredSquared;
    private final @Nullable Executor executor;
    private final int parallelism;
    private final PanelKernels kernels = PanelKernels.chosen();
    private final IntConsumer formTask = this::formTileRow;
    private final IntConsumer productTask = this::productColumns;
    private double variance;
    private double white;
    private boolean usable;
    // the evaluation in progress (set by gradient, cleared after)
    private double @Nullable [] k;
    private double @Nullable [] m;
    private double @Nullable [] a;

    private RbfGradient(Training t, EngineOptions options, int lengthFirst, int lengthCount, int varianceIndex,
            int whiteIndex) {
        this.n = t.n();
        this.d = t.d();
        this.lengthFirst = lengthFirst;
        this.lengthCount = lengthCount;
        this.varianceIndex = varianceIndex;
        this.whiteIndex = whiteIndex;
        this.executor = options.isParallel() ? options.executor() : null;
        this.parallelism = options.parallelism();
        this.inverseSquared = new double[lengthCount];
        this.features = new double[(d + 1) * n];
        this.maxCentredSquared = new double[d];
        this.product = new double[(d + 1) * n];
        double[] x = t.x();
        for (int q = 0; q < d; q++) {
            double mean = 0;
            for (int i = 0; i < n; i++) {
                mean += x[i * d + q];
            }
            mean /= n;
            for (int i = 0; i < n; i++) {
                double c = x[i * d + q] - mean;
                features[q * n + i] = c;
                maxCentredSquared[q] = Math.max(maxCentredSquared[q], c * c);
            }
        }
        Arrays.fill(features, d * n, (d + 1) * n, 1.0);
    }

    /**
     * The gradient evaluator for {@code kernel}'s structure on {@code t}, or null when the kernel is
     * not one of the shapes of the class comment. Allocates its buffers; call {@link #bind} before use.
     */
    static @Nullable RbfGradient of(Kernel kernel, Training t, EngineOptions options) {
        Kernel scaled = kernel;
        int offset = 0;
        int white = -1;
        if (kernel instanceof Kernel.Sum s && s.right() instanceof Kernel.WhiteNoise) {
            scaled = s.left();
            white = KernelGradients.count(scaled);
        } else if (kernel instanceof Kernel.Sum s && s.left() instanceof Kernel.WhiteNoise) {
            scaled = s.right();
            offset = 1;
            white = 0;
        }
        int[] layout = scaledLayout(scaled); // {first length scale, variance index or −1}
        if (layout == null) {
            return null;
        }
        int lengths = KernelGradients.count(rbf(scaled));
        return new RbfGradient(t, options, offset + layout[0], lengths,
                layout[1] < 0 ? -1 : offset + layout[1], white);
    }

    /** {first length scale, variance or −1} within a scaled RBF, or null when it is not one. */
    private static int @Nullable [] scaledLayout(Kernel k) {
        return switch (k) {
            case Kernel.Rbf r -> new int[] {0, -1};
            case Kernel.Scaled s when s.kernel() instanceof Kernel.Rbf -> new int[] {1, 0};
            case Kernel.Product p when p.left() instanceof Kernel.Constant && p.right() instanceof Kernel.Rbf ->
                    new int[] {1, 0};
            case Kernel.Product p when p.right() instanceof Kernel.Constant && p.left() instanceof Kernel.Rbf r ->
                    new int[] {0, KernelGradients.count(r)};
            default -> null;
        };
    }

    private static Kernel.Rbf rbf(Kernel scaled) {
        return switch (scaled) {
            case Kernel.Rbf r -> r;
            case Kernel.Scaled s -> (Kernel.Rbf) s.kernel();
            case Kernel.Product p -> (Kernel.Rbf) (p.left() instanceof Kernel.Rbf r ? r : p.right());
            default -> throw new IllegalStateException("not a scaled RBF: " + scaled);
        };
    }

    /**
     * Takes the hyperparameter values of {@code kernel}, which has the structure this evaluator was
     * made for (the same kernel at other hyperparameters). Allocates a copy of the length scales.
     */
    void bind(Kernel kernel) {
        Kernel scaled = kernel;
        white = 0;
        if (kernel instanceof Kernel.Sum s) {
            boolean right = s.right() instanceof Kernel.WhiteNoise;
            scaled = right ? s.left() : s.right();
            white = ((Kernel.WhiteNoise) (right ? s.right() : s.left())).variance();
        }
        variance = switch (scaled) {
            case Kernel.Scaled s -> s.variance();
            case Kernel.Product p -> ((Kernel.Constant) (p.left() instanceof Kernel.Constant ? p.left() : p.right())).value();
            default -> 1;
        };
        double[] ls = rbf(scaled).lengthScales().values();
        usable = true;
        for (int q = 0; q < lengthCount; q++) {
            double inv = 1 / ls[q];
            inverseSquared[q] = inv * inv;
            // tiny length scales: the engine's kernel is then an equality indicator; the tiles handle it
            usable &= Double.isFinite(inverseSquared[q]);
        }
        for (int q = 0; q < d; q++) {
            // isotropic: one length scale for every dimension
            usable &= maxCentredSquared[q] * inverseSquared[lengthCount == 1 ? 0 : q] <= MAX_SCALED_SQUARE;
        }
    }

    /**
     * Whether the bound hyperparameters can use this path: every {@code 1/ℓ²} finite and every centred
     * input within {@code 100ℓ} of its mean.
     */
    boolean usable() {
        return usable;
    }

    /**
     * Writes the log-hyperparameter gradient of the log marginal likelihood.
     *
     * @param k the covariance in its upper triangle (off the diagonal: the kernel without white noise)
     * @param inverse {@code K⁻¹} in its lower triangle and diagonal (the strict upper triangle is not
     *     read); overwritten with {@code M} (full, zero diagonal)
     * @param weights {@code α = K⁻¹y}
     * @param gradient destination, one entry per hyperparameter
     */
    void gradient(double[] k, double[] inverse, double[] weights, double[] gradient) {
        double traceW = 0;
        for (int i = 0; i < n; i++) {
            traceW += 0.5 * (weights[i] * weights[i] - inverse[i * n + i]);
        }
        this.k = k;
        this.m = inverse;
        this.a = weights;
        try {
            Crew.forEach(executor, parallelism, (n + TILE - 1) / TILE, formTask);
            Crew.forEach(executor, parallelism, (n + PRODUCT_COLUMNS - 1) / PRODUCT_COLUMNS, productTask);
        } finally {
            this.k = null;
            this.m = null;
            this.a = null;
        }
        int ones = d * n;
        double rowSums = 0;
        for (int j = 0; j < n; j++) {
            rowSums -= product[ones + j];
        }
        for (int q = 0; q < lengthCount; q++) {
            gradient[lengthFirst + q] = 0;
        }
        for (int q = 0; q < d; q++) {
            int row = q * n;
            double s = 0;
            for (int j = 0; j < n; j++) {
                double x = features[row + j];
                // x_j (x_j r_j − Y_j) with r_j = −product[ones + j], Y_j = −product[row + j]
                s += x * (product[row + j] - x * product[ones + j]);
            }
            int g = lengthCount == 1 ? 0 : q;
            gradient[lengthFirst + g] += 2 * s * inverseSquared[g];
        }
        if (varianceIndex >= 0) {
            gradient[varianceIndex] = rowSums + variance * traceW;
        }
        if (whiteIndex >= 0) {
            gradient[whiteIndex] = white * traceW;
        }
    }

    /**
     * Tile row {@code t} of {@code M = W ∘ K}: the tiles on and right of its diagonal tile from the
     * lower triangle of {@code K⁻¹} (the transposed tile) and the upper one of {@code K}, each
     * mirrored into the lower triangle, the diagonal set to 0. Tile rows write disjoint parts and
     * read only what they write (a tile's lower elements are read before its mirror overwrites them).
     */
    private void formTileRow(int t) {
        double[] kk = k;
        double[] mm = m;
        double[] aa = a;
        int i0 = t * TILE;
        int i1 = Math.min(n, i0 + TILE);
        for (int j0 = i0; j0 < n; j0 += TILE) {
            int j1 = Math.min(n, j0 + TILE);
            for (int i = i0; i < i1; i++) {
                int row = i * n;
                double ai = aa[i];
                for (int j = Math.max(j0, i + 1); j < j1; j++) {
                    mm[row + j] = 0.5 * (ai * aa[j] - mm[j * n + i]) * kk[row + j];
                }
            }
            for (int i = i0; i < i1; i++) {
                int row = i * n;
                for (int j = Math.max(j0, i + 1); j < j1; j++) {
                    mm[j * n + i] = mm[row + j];
                }
            }
        }
        for (int i = i0; i < i1; i++) {
            mm[i * n + i] = 0;
        }
    }

    /** Columns {@code [120b, 120b + 120)} of {@code product = −features·M}. */
    private void productColumns(int b) {
        int j0 = b * PRODUCT_COLUMNS;
        int cols = Math.min(n, j0 + PRODUCT_COLUMNS) - j0;
        for (int q = 0; q <= d; q++) {
            Arrays.fill(product, q * n + j0, q * n + j0 + cols, 0.0);
        }
        kernels.subtractProduct(product, j0, n, features, 0, n, 1, m, j0, n, d + 1, cols, n);
    }
}
