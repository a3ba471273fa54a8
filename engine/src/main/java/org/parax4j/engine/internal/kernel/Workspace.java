package org.parax4j.engine.internal.kernel;

import java.util.concurrent.RecursiveAction;
import java.util.concurrent.atomic.AtomicInteger;
import org.parax4j.engine.internal.vector.LeafCode;
import org.parax4j.engine.internal.vector.VectorSupport;

/**
 * Tiles a kernel matrix, spreads its row blocks over {@link KernelPool} and owns every scratch
 * array, so that a call that fits the arrays already grown allocates nothing.
 *
 * <p>Layout: inputs are row-major ({@code x[i·d + k]}); the second input is copied into a
 * feature-major, padded scratch array ({@code x2t[k·ld + j]}, {@code ld = roundUp(m, 16) + 16}) so
 * that consecutive columns are SIMD lanes. The output is row-major {@code n × m}.
 *
 * <p>Determinism: the matrix is cut into fixed blocks of {@link #BLOCK_ROWS} rows (and column tiles
 * of {@link #TILE_COLS}) that depend only on the sizes; threads claim whole blocks, and every
 * element is computed by the same instructions whichever thread runs its block, so results are
 * bit-identical for any number of threads. A symmetric matrix {@code K(X, X)} is made in two
 * passes over the same blocks: the first computes the upper triangle (each block from its diagonal
 * block to the right, whose lower half is mirrored at once), the second copies the transpose of
 * the upper triangle's column strip into each block's rows left of the diagonal. It is exactly
 * symmetric, and it costs about 0.75 of {@code K(X1, X2)} at d = 1 and 0.7 at d = 8 (the copy is
 * bound by memory traffic: the matrix does not fit in L2).
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
    /** Column padding of the feature-major copy: the widest vector, 16 floats. */
    static final int PAD = 16;

    private final boolean parallel;
    private final Runner[] runners;
    private final AtomicInteger next = new AtomicInteger();
    private double[] x2t = new double[0];
    private float[] x2tFloat = new float[0];

    // The job, written by the calling thread before the runners start (fork gives happens-before).
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
    /** The second pass of a symmetric matrix: copying the upper triangle into the lower. */
    private boolean fillingLower;

    /**
     * @param parallel whether large matrices may use the engine's pool; {@code false} keeps every
     *     call on the calling thread
     */
    public Workspace(boolean parallel) {
        this.parallel = parallel;
        int count = parallel ? Math.max(1, Runtime.getRuntime().availableProcessors()) : 1;
        this.runners = new Runner[count];
        for (int w = 0; w < count; w++) {
            runners[w] = new Runner(this);
        }
    }

    /** Whether this workspace may use several threads. */
    public boolean parallel() {
        return parallel;
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
        this.ld = transpose(x2 == null ? x1 : x2, this.m, d);
        for (Runner runner : runners) {
            runner.ensureSlots(plan.depth() - 1);
        }
        execute();
        this.x1 = null;
        this.out = null;
    }

    /**
     * Float32 RBF: fills {@code out} with {@code exp(−½ Σ_k ((x1_ik − x2_jk)·w_k)²)}, computed in
     * float; {@code x2 == null} means {@code K(x1, x1)} as in {@link #matrix}.
     */
    public void rbfFloat(VectorSupport support, float[] weights, float[] x1, int n, float[] x2, int m, int d,
            float[] out) {
        prepare(support, n, x2 == null ? n : m, d, x2 == null);
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
        int count = (n + BLOCK_ROWS - 1) / BLOCK_ROWS;
        long work = (long) n * m * (d + 4) / (symmetric ? 2 : 1);
        int threads = parallel && work >= SERIAL_WORK ? Math.min(runners.length, count) : 1;
        fillingLower = false;
        run(count, threads);
        if (symmetric) {
            fillingLower = true;
            run(count, threads);
        }
    }

    private void run(int count, int threads) {
        this.blocks = count;
        next.set(0);
        for (int w = 1; w < threads; w++) {
            runners[w].reinitialize();
            KernelPool.get().execute(runners[w]);
        }
        try {
            drain(runners[0]);
        } finally {
            for (int w = 1; w < threads; w++) {
                runners[w].join();
            }
        }
    }

    private void drain(Runner runner) {
        for (int b = next.getAndIncrement(); b < blocks; b = next.getAndIncrement()) {
            int i0 = b * BLOCK_ROWS;
            int i1 = Math.min(n, i0 + BLOCK_ROWS);
            if (fillingLower) {
                fillLower(i0, i1);
                continue;
            }
            // A symmetric matrix computes its upper triangle, from the diagonal block on.
            for (int c0 = symmetric ? i0 : 0; c0 < m; c0 += TILE_COLS) {
                int c1 = Math.min(m, c0 + TILE_COLS);
                if (plan == null) {
                    support.rbfTileFloat(weightsFloat, x1Float, d, i0, i1, x2tFloat, ld, c0, c1, outFloat, i0 * m + c0, m);
                } else {
                    tile(runner, i0, i1, c0, c1);
                }
                if (symmetric && c0 == i0) {
                    mirrorDiagonal(i0, i1);
                }
            }
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
                        support.kernelTile(leaf, x1, d, i0, i1, x2t, ld, c0, c1, out, i0 * m + c0, m);
                    } else {
                        support.kernelTile(leaf, x1, d, i0, i1, x2t, ld, c0, c1, runner.slots[top - 1], 0, TILE_COLS);
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

    /** Copies the upper half of the diagonal block {@code [i0, i1)²}, just computed, into its lower half. */
    private void mirrorDiagonal(int i0, int i1) {
        for (int i = i0 + 1; i < i1; i++) {
            for (int j = i0; j < i; j++) {
                if (plan == null) {
                    outFloat[i * n + j] = outFloat[j * n + i];
                } else {
                    out[i * n + j] = out[j * n + i];
                }
            }
        }
    }

    /**
     * Fills rows {@code [i0, i1)} of the lower triangle left of the diagonal block, columns
     * {@code [0, i0)}, with the transpose of the upper triangle's column strip {@code [i0, i1)} of
     * rows {@code [0, i0)} (complete: this pass starts after every block is computed), in register
     * blocks ({@link VectorSupport#transpose}). Mirroring each computed tile at once instead, element
     * by element, read columns whose lines all fall in one L1 set (rows 8 KiB apart) and cost more
     * than computing the half it saved; per-tile and 64-row variants with register transposes
     * measured 5–15 % slower than this pass.
     */
    private void fillLower(int i0, int i1) {
        if (plan == null) {
            support.transpose(outFloat, i0, n, i0, i1 - i0, outFloat, i0 * n, n);
        } else {
            support.transpose(out, i0, n, i0, i1 - i0, out, i0 * n, n);
        }
    }

    private int transpose(double[] x, int rows, int d) {
        int stride = (rows + PAD - 1) / PAD * PAD + PAD;
        if (x2t.length < (long) stride * d) {
            x2t = new double[Math.multiplyExact(stride, d)];
        }
        for (int j = 0; j < rows; j++) {
            for (int k = 0; k < d; k++) {
                x2t[k * stride + j] = x[j * d + k];
            }
        }
        return stride;
    }

    private int transposeFloat(float[] x, int rows, int d) {
        int stride = (rows + PAD - 1) / PAD * PAD + PAD;
        if (x2tFloat.length < (long) stride * d) {
            x2tFloat = new float[Math.multiplyExact(stride, d)];
        }
        for (int j = 0; j < rows; j++) {
            for (int k = 0; k < d; k++) {
                x2tFloat[k * stride + j] = x[j * d + k];
            }
        }
        return stride;
    }

    /** One participant: the calling thread uses runner 0, pool workers the others. */
    private static final class Runner extends RecursiveAction {
        private final transient Workspace workspace;
        private double[][] slots = new double[0][];

        Runner(Workspace workspace) {
            this.workspace = workspace;
        }

        void ensureSlots(int count) {
            if (slots.length < count) {
                double[][] grown = new double[count][];
                for (int s = 0; s < count; s++) {
                    grown[s] = s < slots.length ? slots[s] : new double[BLOCK_ROWS * TILE_COLS];
                }
                slots = grown;
            }
        }

        @Override
        protected void compute() {
            workspace.drain(this);
        }
    }
}
