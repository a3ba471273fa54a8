package org.parax4j.engine.internal.kernel;

import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import org.parax4j.engine.internal.concurrent.Crew;
import org.parax4j.engine.internal.size.ArraySizes;
import org.parax4j.engine.internal.vector.LeafCode;
import org.parax4j.engine.internal.vector.VectorSupport;

/**
 * Tiles a kernel matrix, spreads its row blocks over a caller-chosen executor ({@link Crew}) and owns every scratch
 * array, so that a call that fits the arrays already grown allocates nothing.
 *
 * <p>Layout: inputs are row-major ({@code x[i·d + k]}); the second input is copied into a
 * feature-major, padded scratch array ({@code x2t[k·ld + j]}, {@code ld = roundUp(m, 16) + 16}) so
 * that consecutive columns are SIMD lanes. The output is row-major {@code n × m}.
 *
 * <p>Determinism: the matrix is cut into fixed blocks of {@link #BLOCK_ROWS} rows (and column tiles
 * of {@link #TILE_COLS}) that depend only on the sizes; threads claim whole blocks, and every
 * element is computed by the same instructions whichever thread runs its block, so results are
 * bit-identical for any number of threads. A symmetric matrix {@code K(X, X)} computes the
 * upper triangle in blocks of {@link #SYMMETRIC_ROWS} rows and copies each tile's transpose into the
 * lower triangle (see {@link #symmetricBlock}); it is exactly symmetric. The copy is bound by
 * memory traffic, so {@code K(X, X)} costs about 0.75–0.9 of {@code K(X1, X2)}, not one half. The
 * float32 RBF with few features computes {@code K(X, X)} in full instead (see {@link #rbfFloat}).
 *
 * <p>Not thread-safe: one call at a time per workspace. Work below {@link #SERIAL_WORK}
 * elementary operations, or any work when built single-threaded, runs on the calling thread.
 */
public final class Workspace {

    /** Rows per scheduling block. */
    public static final int BLOCK_ROWS = 16;
    /** Columns per tile; sum and product terms meet in tiles of {@code BLOCK_ROWS × TILE_COLS}. */
    public static final int TILE_COLS = 256;
    /** Below this estimate of {@code n·m·(d + 4)} the calling thread does everything. */
    public static final long SERIAL_WORK = 1L << 17;
    /** Rows per scheduling block of a symmetric matrix, a multiple of {@link #BLOCK_ROWS}. */
    public static final int SYMMETRIC_ROWS = 64;
    /** From this many features on, the float32 {@code K(X, X)} computes a triangle and mirrors it. */
    public static final int FLOAT_MIRROR_DIMENSION = 10;
    /** Column padding of the feature-major copy: the widest vector, 16 floats. */
    static final int PAD = FeatureMajor.PAD;

    private final Executor executor;
    private final Runner[] runners;
    /** Participant {@code w} drains blocks with runner {@code w}'s scratch (a field: no allocation per call). */
    private final IntConsumer participant = this::drain;
    private final AtomicInteger next = new AtomicInteger();
    private final FeatureMajor x2t = new FeatureMajor();
    private float[] x2tFloat = new float[0];

    // The job, written by the calling thread before the runners start (handing a task to an executor gives happens-before).
    private VectorSupport support;
    private KernelPlan plan;
    private double[] x1;
    private double[] out;
    private float[] weightsFloat;
    private float[] x1Float;
    private float[] outFloat;
    private int n;
    private int m;
    private int d;
    private int ld;
    private int blocks;
    private boolean symmetric;

    /**
     * @param executor where helper threads run (see {@link Crew}); {@code null} keeps every call on
     *     the calling thread
     * @param parallelism the most threads one call uses, the caller included ({@code ≥ 1})
     */
    public Workspace(Executor executor, int parallelism) {
        this.executor = parallelism > 1 ? executor : null;
        int count = this.executor == null ? 1 : parallelism;
        this.runners = new Runner[count];
        for (int w = 0; w < count; w++) {
            runners[w] = new Runner();
        }
    }

    /** Whether this workspace may use several threads. */
    public boolean parallel() {
        return runners.length > 1;
    }

    /**
     * Fills {@code out} ({@code n × m} row-major) with {@code plan(x1_i, x2_j)}; when {@code x2} is
     * {@code null} the matrix is {@code K(x1, x1)} (so {@code m == n}), computed once per pair and
     * mirrored. Arguments must be valid (the public facade checks them).
     */
    public void matrix(VectorSupport support, KernelPlan plan, double[] x1, int n, double[] x2, int m, double[] out) {
        int d = plan.dimension();
        prepare(support, n, x2 == null ? n : m, d, x2 == null);
        this.plan = plan;
        this.x1 = x1;
        this.out = out;
        this.ld = x2t.copy(x2 == null ? x1 : x2, this.m, d);
        for (Runner runner : runners) {
            runner.ensureSlots(plan.depth() - 1);
        }
        execute();
        this.x1 = null;
        this.out = null;
    }

    /**
     * Float32 RBF: fills {@code out} with {@code exp(−½ Σ_k ((x1_ik − x2_jk)·w_k)²)}, computed in
     * float; {@code x2 == null} means {@code K(x1, x1)}. Below {@link #FLOAT_MIRROR_DIMENSION}
     * features that one is computed in full rather than as a triangle and its mirror: with 16 lanes
     * the arithmetic is cheap enough that copying half the matrix costs more than computing it
     * (measured on 1024², both cores, isotropic weights, full against mirrored: 0.19 against 0.26 ms
     * at d = 1, 0.32 against 0.34 at d = 8, 0.34 against 0.36 at d = 9, equal at d = 10, 0.40
     * against 0.37 at d = 12; on 4096², d = 8: 5.1 against 5.3 ms). It is exactly symmetric either way:
     * {@code (a − b)·w} is the exact negation of {@code (b − a)·w}, so both triangles square and sum
     * the same numbers in the same order.
     */
    public void rbfFloat(VectorSupport support, float[] weights, float[] x1, int n, float[] x2, int m, int d,
            float[] out) {
        prepare(support, n, x2 == null ? n : m, d, x2 == null && d >= FLOAT_MIRROR_DIMENSION);
        this.plan = null;
        this.weightsFloat = weights;
        this.x1Float = x1;
        this.outFloat = out;
        this.ld = transposeFloat(x2 == null ? x1 : x2, this.m, d);
        execute();
        this.x1Float = null;
        this.outFloat = null;
    }

    private void prepare(VectorSupport support, int n, int m, int d, boolean symmetric) {
        this.support = support;
        this.n = n;
        this.m = m;
        this.d = d;
        this.symmetric = symmetric;
    }

    private void execute() {
        int rowsPerBlock = symmetric ? SYMMETRIC_ROWS : BLOCK_ROWS;
        int count = (n + rowsPerBlock - 1) / rowsPerBlock;
        long work = (long) n * m * (d + 4) / (symmetric ? 2 : 1);
        int threads = work >= SERIAL_WORK ? Math.min(runners.length, count) : 1;
        run(count, threads);
    }

    private void run(int count, int threads) {
        this.blocks = count;
        next.set(0);
        Crew.run(executor, threads, participant);
    }

    private void drain(int participant) {
        drain(runners[participant]);
    }

    private void drain(Runner runner) {
        for (int b = next.getAndIncrement(); b < blocks; b = next.getAndIncrement()) {
            if (symmetric) {
                symmetricBlock(runner, b * SYMMETRIC_ROWS, Math.min(n, b * SYMMETRIC_ROWS + SYMMETRIC_ROWS));
            } else {
                int i0 = b * BLOCK_ROWS;
                int i1 = Math.min(n, i0 + BLOCK_ROWS);
                for (int c0 = 0; c0 < m; c0 += TILE_COLS) {
                    compute(runner, i0, i1, c0, Math.min(m, c0 + TILE_COLS));
                }
            }
        }
    }

    /**
     * Rows {@code [s0, s1)} of {@code K(X, X)}: for each column tile from the diagonal on, the
     * tiles of its {@link #BLOCK_ROWS}-row sub-blocks are computed, then the part right of the
     * block's diagonal square is transposed into the lower triangle ({@link VectorSupport#transpose},
     * register blocks) while it is still in L2; the square's lower half is mirrored at the end.
     * Each destination row receives {@value #SYMMETRIC_ROWS} contiguous elements per tile, which
     * keeps the scattered writes to whole cache lines and few pages. (Measured on 1024² and 4096²:
     * mirroring each 16-row block's rows element by element cost more than computing the half it
     * saved; a second pass that copied the finished upper triangle ran out of memory bandwidth at
     * 4096², where the matrix does not fit in the caches.)
     */
    private void symmetricBlock(Runner runner, int s0, int s1) {
        for (int c0 = s0; c0 < n; c0 += TILE_COLS) {
            int c1 = Math.min(n, c0 + TILE_COLS);
            for (int i0 = s0; i0 < s1; i0 += BLOCK_ROWS) {
                compute(runner, i0, Math.min(s1, i0 + BLOCK_ROWS), c0, c1);
            }
            int from = Math.max(c0, s1);
            if (from < c1) {
                if (plan == null) {
                    support.transpose(outFloat, s0 * n + from, n, s1 - s0, c1 - from, outFloat, from * n + s0, n);
                } else {
                    support.transpose(out, s0 * n + from, n, s1 - s0, c1 - from, out, from * n + s0, n);
                }
            }
        }
        for (int i = s0 + 1; i < s1; i++) {
            for (int j = s0; j < i; j++) {
                if (plan == null) {
                    outFloat[i * n + j] = outFloat[j * n + i];
                } else {
                    out[i * n + j] = out[j * n + i];
                }
            }
        }
    }

    /** One tile, rows {@code [i0, i1)} × columns {@code [c0, c1)}: the float RBF or the plan. */
    private void compute(Runner runner, int i0, int i1, int c0, int c1) {
        if (plan == null) {
            support.rbfTileFloat(weightsFloat, x1Float, d, i0, i1, x2tFloat, ld, c0, c1, outFloat, i0 * m + c0, m);
        } else {
            tile(runner, i0, i1, c0, c1);
        }
    }

    /** Runs the plan on rows {@code [i0, i1)} × columns {@code [c0, c1)}; level 0 is the output itself. */
    private void tile(Runner runner, int i0, int i1, int c0, int c1) {
        KernelPlan p = plan;
        int rows = i1 - i0;
        int cols = c1 - c0;
        int top = 0;
        for (int q = 0; q < p.ops.length; q++) {
            switch (p.ops[q]) {
                case KernelPlan.LEAF -> {
                    LeafCode leaf = p.leaves[p.args[q]];
                    if (top == 0) {
                        support.kernelTile(leaf, x1, d, i0, i1, x2t.data(), ld, c0, c1, out, i0 * m + c0, m);
                    } else {
                        support.kernelTile(leaf, x1, d, i0, i1, x2t.data(), ld, c0, c1, runner.slots[top - 1], 0, TILE_COLS);
                    }
                    top++;
                }
                case KernelPlan.ADD, KernelPlan.MULTIPLY -> {
                    top--;
                    double[] dst = top == 1 ? out : runner.slots[top - 2];
                    int dstOffset = top == 1 ? i0 * m + c0 : 0;
                    int dstStride = top == 1 ? m : TILE_COLS;
                    if (p.ops[q] == KernelPlan.ADD) {
                        support.addTile(dst, dstOffset, dstStride, runner.slots[top - 1], 0, TILE_COLS, rows, cols);
                    } else {
                        support.multiplyTile(dst, dstOffset, dstStride, runner.slots[top - 1], 0, TILE_COLS, rows, cols);
                    }
                }
                default -> {
                    double factor = p.factors[p.args[q]];
                    if (top == 1) {
                        support.scaleTile(out, i0 * m + c0, m, rows, cols, factor);
                    } else {
                        support.scaleTile(runner.slots[top - 2], 0, TILE_COLS, rows, cols, factor);
                    }
                }
            }
        }
    }

    private int transposeFloat(float[] x, int rows, int d) {
        int stride = (rows + PAD - 1) / PAD * PAD + PAD;
        if (x2tFloat.length < (long) stride * d) {
            x2tFloat = new float[ArraySizes.product("feature-major copy of x2 (padded rows · d)", stride, d)];
        }
        for (int j = 0; j < rows; j++) {
            for (int k = 0; k < d; k++) {
                x2tFloat[k * stride + j] = x[j * d + k];
            }
        }
        return stride;
    }

    /** One participant's scratch: the calling thread uses runner 0, helpers the others. */
    private static final class Runner {
        private double[][] slots = new double[0][];

        void ensureSlots(int count) {
            if (slots.length < count) {
                double[][] grown = new double[count][];
                for (int s = 0; s < count; s++) {
                    grown[s] = s < slots.length ? slots[s] : new double[BLOCK_ROWS * TILE_COLS];
                }
                slots = grown;
            }
        }
    }
}
