package org.parax4j.engine.gp;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;
import org.parax4j.engine.EngineOptions;
import org.parax4j.engine.internal.linalg.RbfTraceKernels;
import org.parax4j.engine.internal.simd.Vectorization;
import org.parax4j.engine.internal.vector.VectorSupport;
import org.parax4j.engine.kernel.Kernel;
import org.parax4j.engine.linalg.TriangularSolve;

/**
 * The log marginal likelihood's gradient for the squared-exponential shapes, summed over the blocks
 * of {@code K⁻¹} while the inverse computes them, instead of the kernel tangent tiles over a stored
 * {@code K⁻¹}: {@code [σ² ×] RBF} (isotropic or ARD; the scale as {@link Kernel.Scaled} or a
 * {@link Kernel.Constant} factor on either side), alone or summed with {@link Kernel.WhiteNoise} on
 * either side, which is what a {@link GpWorkspace} evaluates for such a kernel. Every other kernel
 * keeps the tangent tiles.
 *
 * <p><b>The sums.</b> With {@code W = ½(ααᵀ − K⁻¹)} and {@code m_ij = 2W_ij·K_ij} for {@code i > j}
 * ({@code K} off the diagonal: the kernel without white noise), the RBF's tangents
 * {@code ∂K_ij/∂log ℓ_q = K_ij (x_iq − x_jq)²/ℓ_q²} give {@code Σ_ij W_ij ∂K_ij/∂log ℓ_q =
 * Σ_{i>j} m_ij (x_iq − x_jq)²/ℓ_q²}; the scale's tangent is {@code Σ_{i>j} m_ij + σ²·tr W}, the white
 * noise's {@code σ_w²·tr W}. {@link TriangularSolve#solveAndVisitInverse} hands each column block of
 * {@code K⁻¹}'s lower triangle to {@link #visitBlock} while it is in cache: {@code K}'s matching
 * elements (its upper triangle, so transposed) are copied beside it in tiles of {@link #CHUNK} rows,
 * and {@link RbfTraceKernels} sums {@code m_ij}, and {@code m_ij} times each squared distance, per
 * column. No {@code n²} inverse is stored and no {@code W∘K} is formed: about {@code 3(d + 1)} flops
 * per pair, from elements in cache (the block and its tile are read once per four input dimensions).
 * Distances are differences of the inputs, never expanded, so nothing cancels.
 *
 * <p><b>Bits</b>: each column's sums run down its rows; a block's sums add its columns in order, and
 * the gradient adds the blocks in order: the same bits for any thread count. Allocates nothing per
 * evaluation on one thread (on more, the executor's task objects and the inverse's latch); holds
 * {@code d·n} doubles of inputs, {@code (d + 2)} per column block, and per thread
 * {@code (CHUNK + d + 1)·96}. Not thread-safe.
 */
final class RbfGradient {

    /**
     * Rows of {@code K} transposed per tile: each of the block's rows of {@code K} gives it 512 contiguous
     * bytes (16 rows gave 128, and the transposes waited on memory: the gradient took 1.0 ms beside a
     * 10.5 ms one-thread inverse at n = 1000, against 0.6–0.7 ms with 64–256).
     */
    private static final int CHUNK = 64;

    private final int n;
    private final int d;
    private final int lengthFirst;
    private final int lengthCount;
    private final int varianceIndex;
    private final int whiteIndex;
    /** {@code d × n}: the inputs feature by feature. */
    private final double[] features;
    private final double[] inverseSquared;
    private final EngineOptions options;
    /** Per participant of the inverse: {@code CHUNK × 96} of transposed {@code K}. */
    private final double[] tiles;
    /** Per participant: {@code (d + 1) × 96} column sums (the distance sums, then the weights'). */
    private final double[] sums;
    /** Per column block: its {@code d} distance sums, the weights' sum, and its part of {@code Σ(α_i² − K⁻¹_ii)}. */
    private final double[] partials;
    private final int tileSize;
    private final int sumsSize;
    private final RbfTraceKernels kernels = RbfTraceKernels.chosen();
    private final VectorSupport transposer = Vectorization.chosen().kernels();
    private final TriangularSolve.BlockVisitor visitor = this::visitBlock;
    private double variance;
    private double white;
    private boolean usable;
    // the evaluation in progress (set by gradient, cleared after)
    private double @Nullable [] k;
    private double @Nullable [] a;

    private RbfGradient(Training t, EngineOptions options, int lengthFirst, int lengthCount, int varianceIndex,
            int whiteIndex) {
        this.n = t.n();
        this.d = t.d();
        this.lengthFirst = lengthFirst;
        this.lengthCount = lengthCount;
        this.varianceIndex = varianceIndex;
        this.whiteIndex = whiteIndex;
        this.options = options;
        this.inverseSquared = new double[lengthCount];
        this.features = new double[d * n];
        double[] x = t.x();
        for (int i = 0; i < n; i++) {
            for (int q = 0; q < d; q++) {
                features[q * n + i] = x[i * d + q];
            }
        }
        int participants = TriangularSolve.inverseParticipants(n, options);
        int width = Math.min(n, TriangularSolve.INVERSE_BLOCK);
        this.tileSize = CHUNK * width;
        this.sumsSize = (d + 1) * width;
        this.tiles = new double[participants * tileSize];
        this.sums = new double[participants * sumsSize];
        this.partials = new double[TriangularSolve.inverseBlockCount(n) * (d + 2)];
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
    }

    /** Whether the bound hyperparameters can use this path: every {@code 1/ℓ²} finite. */
    boolean usable() {
        return usable;
    }

    /**
     * Solves {@code K·α = y} and writes the log-hyperparameter gradient of the log marginal
     * likelihood, from the factor, in one pass over {@code K⁻¹}'s column blocks (never stored).
     *
     * @param k the factor {@code L} in the lower triangle and the covariance in the strict upper one
     *     (the kernel without white noise)
     * @param weights {@code y} on entry, {@code α = K⁻¹y} on return
     * @param gradient destination, one entry per hyperparameter
     * @param scratch {@link TriangularSolve#inverseScratchLength} doubles for the inverse's blocks
     */
    void solveAndGradient(double[] k, double[] weights, double[] gradient, double[] scratch) {
        this.k = k;
        this.a = weights;
        try {
            TriangularSolve.solveAndVisitInverse(k, n, weights, options, scratch, visitor);
        } finally {
            this.k = null;
            this.a = null;
        }
        int stride = d + 2;
        double traceW = 0;
        double weightSum = 0;
        for (int q = 0; q < lengthCount; q++) {
            gradient[lengthFirst + q] = 0;
        }
        for (int q = 0; q < d; q++) {
            double s = 0;
            for (int b = 0; b < partials.length; b += stride) {
                s += partials[b + q];
            }
            int g = lengthCount == 1 ? 0 : q; // isotropic: one length scale for every dimension
            gradient[lengthFirst + g] += s * inverseSquared[g];
        }
        for (int b = 0; b < partials.length; b += stride) {
            weightSum += partials[b + d];
            traceW += partials[b + d + 1];
        }
        traceW *= 0.5;
        if (varianceIndex >= 0) {
            gradient[varianceIndex] = weightSum + variance * traceW;
        }
        if (whiteIndex >= 0) {
            gradient[whiteIndex] = white * traceW;
        }
    }

    /**
     * One column block of {@code K⁻¹} ({@link TriangularSolve.BlockVisitor}): its column sums of
     * {@code m_ij} and {@code m_ij·δ²}, {@code K} transposed beside it tile by tile, then the block's
     * partials (columns in order) and its diagonal's {@code Σ(α_i² − K⁻¹_ii)}.
     */
    private void visitBlock(int participant, int block, int c0, int c1, double[] values, int offset, int stride) {
        double[] kk = k;
        double[] aa = a;
        int w = c1 - c0;
        int to = participant * tileSize;
        int so = participant * sumsSize;
        Arrays.fill(sums, so, so + (d + 1) * w, 0.0);
        for (int i0 = c0 + 1; i0 < n; i0 += CHUNK) { // row c0 has no column j < i in the block
            int i1 = Math.min(n, i0 + CHUNK);
            // tile[(i − i0)·w + (j − c0)] = K_ji = k[j·n + i]: K's upper triangle where j < i
            transposer.transpose(kk, c0 * n + i0, n, w, i1 - i0, tiles, to, w);
            kernels.accumulate(values, offset + (i0 - c0) * stride, stride, tiles, to, w, aa, features, n, d, c0, c1,
                    i0, i1, sums, so);
        }
        int po = block * (d + 2);
        for (int q = 0; q <= d; q++) {
            double s = 0;
            for (int u = 0; u < w; u++) {
                s += sums[so + q * w + u];
            }
            partials[po + q] = s;
        }
        double diagonal = 0;
        for (int i = c0; i < c1; i++) {
            diagonal += aa[i] * aa[i] - values[offset + (i - c0) * stride + (i - c0)];
        }
        partials[po + d + 1] = diagonal;
    }
}
