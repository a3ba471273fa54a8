package org.parax4j.engine.internal.kernel;

import java.util.Arrays;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.IntConsumer;
import org.parax4j.engine.EngineOptions;
import org.parax4j.engine.internal.concurrent.Crew;
import org.parax4j.engine.internal.size.ArraySizes;
import org.parax4j.engine.internal.vector.InputDirections;
import org.parax4j.engine.internal.vector.LeafCode;
import org.parax4j.engine.internal.vector.VectorSupport;

/**
 * Runs {@link TangentTiles} over a whole kernel matrix: values, hyperparameter tangent planes,
 * input-direction planes, or the contraction {@code Σ_ij W_ij ∂K_ij/∂θ_q} of a symmetric weight
 * matrix with the tangents of {@code K(X, X)} (what a Gaussian process's likelihood gradient
 * needs: no tangent plane is ever stored). Rows are cut into blocks of {@link TangentTiles#ROWS}
 * that the calling thread and helpers on a caller-chosen executor ({@link Crew}) claim; each element (and each block's partial sums, added in
 * block order) is computed by the same instructions whatever thread runs it, so results are
 * bit-identical for any number of threads. {@code K(X, X)} computes the tiles on and above the
 * diagonal and mirrors them (exactly symmetric planes). A lone RBF or rational-quadratic leaf
 * writes its value and planes in one fused pass ({@link VectorSupport#squaredPlanes}). {@code K(X, X)}
 * (but a contraction, and a lone RBF, which computes whole rows) runs in two sweeps as one queue in
 * which a block's second sweep waits for the first sweeps of the blocks above it
 * ({@link #drainTwoSweeps}): the first writes the block's rows from the diagonal on (the tile
 * program's or a rational quadratic's value and planes, an ARD RBF Gram's values), the second
 * mirrors the strip above into the rest of its rows and then writes an ARD RBF Gram's planes from
 * its values ({@link VectorSupport#rbfPlanesFromValues}).
 *
 * <p>Arrays grow to the largest call and are then reused: a repeated call of the same or smaller
 * size allocates nothing. Not thread-safe: one call at a time.
 */
public final class TangentJob {

    /** Below this estimate of {@code n·m·(d + 4)·(count + 1)} the calling thread does everything. */
    static final long SERIAL_WORK = 1L << 17;
    private static final int ROWS = TangentTiles.ROWS;
    private static final int COLS = TangentTiles.COLS;

    private final Executor executor;
    private final Runner[] runners;
    private final IntConsumer participant;
    private final AtomicInteger next = new AtomicInteger();
    private final InputDirections units = new InputDirections();
    private final FeatureMajor x2t = new FeatureMajor();
    private double[] partial = new double[0];
    /** The planes of a lone squared-distance leaf ({@link VectorSupport#squaredPlanes}). */
    private int[] fusedOffsets = new int[0];
    private double[] fusedCoefs = new double[0];
    private LeafCode fusedLeaf;
    private int fusedOwn;
    private int fusedCopies;
    /**
     * Whether this job runs in two sweeps ({@link #runFirst}, then {@link #runSecond}): every
     * {@code K(X, X)} but a contraction and a lone RBF computing whole rows.
     */
    private boolean twoSweeps;
    /**
     * {@code firstDone[b] == call} once block {@code b}'s first sweep of call {@code call} is written
     * (a volatile write after it, so a reader of the flag sees what the sweep wrote).
     */
    private AtomicLongArray firstDone = new AtomicLongArray(0);
    /** {@code claimed[t] == call} once task {@code t} of the two sweeps' queue of call {@code call} is taken. */
    private AtomicLongArray claimed = new AtomicLongArray(0);
    /** Participants the two sweeps' blocks are dealt to ({@link #drainTwoSweeps}). */
    private int owners;
    private long call;
    private volatile boolean failed;

    // The job, written by the calling thread before the runners start (fork gives happens-before).
    private VectorSupport support;
    private KernelPlan plan;
    private boolean log;
    private boolean tangentsWanted;
    private InputDirections dirs;
    private double[] x1;
    private double[] value;
    private double[] tangentOut;
    private double[] dirOut;
    private double[] weights;
    private int n;
    private int m;
    private int ld;
    private int blocks;
    private boolean symmetric;

    /** A job runner; {@code parallel} lets large matrices use {@link EngineOptions#defaults()}. */
    public TangentJob(boolean parallel) {
        this(EngineOptions.defaultsIf(parallel));
    }

    /** A job runner whose large matrices use the calling thread and helpers on {@code options}' executor. */
    public TangentJob(EngineOptions options) {
        this.executor = options.isParallel() ? options.executor() : null;
        int count = this.executor == null ? 1 : options.parallelism();
        this.runners = new Runner[count];
        this.participant = p -> drain(p, runners[p]);
        for (int w = 0; w < count; w++) {
            runners[w] = new Runner();
        }
    }

    /**
     * Fills {@code value} ({@code n × m}, may be null) and, when {@code tangents} is not null, plane
     * {@code q} ({@code tangents[q·n·m …]}) with {@code ∂K/∂log θ_q} ({@code log}) or {@code ∂K/∂θ_q};
     * with {@code x2 == null} the matrix is {@code K(x1, x1)} ({@code m == n}), computed once per
     * pair and mirrored. Arguments must be valid (the public facade checks them).
     */
    public void planes(VectorSupport support, KernelPlan plan, boolean log, double[] x1, int n, double[] x2, int m,
            double[] value, double[] tangents) {
        prepare(support, plan, log, x1, n, x2, x2 == null ? n : m, tangents != null, null);
        this.value = value;
        this.tangentOut = tangents;
        if (tangents != null) {
            prepareFused();
        }
        execute();
    }

    /**
     * Fills {@code value} ({@code n × m}, may be null) and plane {@code k} of {@code gradient}
     * ({@code gradient[k·n·m + i·m + j]}) with {@code ∂k(x1_i, x2_j)/∂x1_ik}, for {@code k < d}.
     */
    public void inputGradient(VectorSupport support, KernelPlan plan, double[] x1, int n, double[] x2, int m,
            double[] value, double[] gradient) {
        directional(support, plan, x1, n, x2, m, units.units(plan.dimension()), value, null, false, gradient);
    }

    /**
     * Fills {@code value} (may be null), the hyperparameter planes (when {@code tangents} is not
     * null) and plane {@code q} of {@code out} with the derivative of {@code K(X1, X2)} along input
     * direction {@code q}. Always a cross matrix ({@code x2} not null).
     */
    public void directional(VectorSupport support, KernelPlan plan, double[] x1, int n, double[] x2, int m,
            InputDirections directions, double[] value, double[] tangents, boolean log, double[] out) {
        prepare(support, plan, log, x1, n, x2, m, tangents != null, directions);
        this.value = value;
        this.tangentOut = tangents;
        this.dirOut = out;
        execute();
    }

    /**
     * {@code gradient[q] = Σ_ij W_ij ∂K_ij/∂θ_q} over {@code K(x, x)}, {@code W} symmetric
     * {@code n × n} (only its upper triangle is read), log or physical tangents.
     */
    public void contract(VectorSupport support, KernelPlan plan, boolean log, double[] x, int n, double[] w,
            double[] gradient) {
        prepare(support, plan, log, x, n, null, n, true, null);
        this.weights = w;
        int count = plan.count();
        int blockCount = (n + ROWS - 1) / ROWS;
        if (partial.length < (long) blockCount * count) {
            partial = new double[ArraySizes.product("contraction partial sums (blocks · parameters)", blockCount,
                    Math.max(count, 1))];
        }
        Arrays.fill(partial, 0, blockCount * count, 0);
        execute();
        Arrays.fill(gradient, 0, count, 0);
        for (int b = 0; b < blockCount; b++) {
            for (int q = 0; q < count; q++) {
                gradient[q] += partial[b * count + q];
            }
        }
    }

    private void prepare(VectorSupport support, KernelPlan plan, boolean log, double[] x1, int n, double[] x2, int m,
            boolean tangentsWanted, InputDirections dirs) {
        this.support = support;
        this.plan = plan;
        this.log = log;
        this.x1 = x1;
        this.n = n;
        this.m = m;
        this.symmetric = x2 == null;
        this.tangentsWanted = tangentsWanted;
        this.dirs = dirs;
        this.value = null;
        this.tangentOut = null;
        this.dirOut = null;
        this.weights = null;
        this.fusedLeaf = null;
        this.ld = x2t.copy(x2 == null ? x1 : x2, m, plan.dimension());
        int nd = dirs == null ? 0 : dirs.count();
        for (Runner runner : runners) {
            if (runner.row.length < m) {
                runner.row = new double[m];
            }
            runner.tiles.ensure(plan.depth(), tangentsWanted ? plan.count() : 0, nd);
        }
    }

    /**
     * When the plan is one {@link LeafCode#SQUARED} leaf, RBF or rational quadratic (its scale
     * absorbed or not), sets up {@link VectorSupport#squaredPlanes}, which writes the value and every
     * plane in one pass: the offset and coefficient of each plane, as the tile program applies them.
     */
    private void prepareFused() {
        LeafCode leaf = plan.singleLeaf();
        if (leaf == null || leaf.distance() != LeafCode.SQUARED) {
            return;
        }
        int first = plan.leafFirst[0];
        int own = plan.leafCount[0];
        boolean rq = leaf.function() == LeafCode.RATIONAL_QUADRATIC;
        if (!(leaf.function() == LeafCode.RBF || rq && own == 2)) {
            return;
        }
        int count = plan.count();
        if (fusedOffsets.length < count) {
            fusedOffsets = new int[count];
            fusedCoefs = new double[count];
        }
        int[] absorbed = plan.absorbed[0];
        int size = n * m;
        for (int k = 0; k < own; k++) {
            fusedOffsets[k] = (first + k) * size;
            // α's and the ARD lengths' tangents are formed from the scaled value, the others from the
            // unscaled slope (as the tile program does).
            fusedCoefs[k] = (rq ? k == 0 : own > 1) ? plan.multiplier(first + k, log)
                    : leaf.scale() * plan.multiplier(first + k, log);
        }
        for (int a = 0; a < absorbed.length; a++) {
            fusedOffsets[own + a] = absorbed[a] * size;
            fusedCoefs[own + a] = plan.multiplier(absorbed[a], log) / plan.absorbedFactors[0][a];
        }
        fusedLeaf = leaf;
        fusedOwn = own;
        fusedCopies = absorbed.length;
    }

    private void execute() {
        try {
            // A lone RBF computes whole rows (fusedBlock) unless it is an ARD RBF Gram with a value output.
            boolean wholeRows = fusedLeaf != null && fusedLeaf.function() == LeafCode.RBF
                    && !(value != null && fusedOwn > 1);
            twoSweeps = symmetric && weights == null && !wholeRows;
            blocks = (n + ROWS - 1) / ROWS;
            int d = plan.dimension();
            long work = (long) n * m * (d + 4) * (1 + (tangentsWanted ? plan.count() : 0)) / (symmetric ? 2 : 1);
            int threads = work >= SERIAL_WORK ? Math.min(runners.length, blocks) : 1;
            if (twoSweeps) {
                if (firstDone.length() < blocks) {
                    firstDone = new AtomicLongArray(blocks);
                    claimed = new AtomicLongArray(Math.min(2, blocks) + 2 * blocks);
                }
                call++;
                failed = false;
                owners = threads;
            }
            next.set(0);
            Crew.run(executor, threads, participant);
        } finally {
            this.x1 = null;
            this.value = null;
            this.tangentOut = null;
            this.dirOut = null;
            this.weights = null;
            this.dirs = null;
            this.fusedLeaf = null;
        }
    }

    private void drain(int p, Runner runner) {
        if (twoSweeps) {
            drainTwoSweeps(p);
            return;
        }
        for (int b = next.getAndIncrement(); b < blocks; b = next.getAndIncrement()) {
            int i0 = b * ROWS;
            int i1 = Math.min(n, i0 + ROWS);
            if (fusedLeaf != null) {
                fusedBlock(runner, i0, i1);
            } else {
                tileRows(runner, b, i0, i1);
            }
        }
    }

    /**
     * Row block {@code b} ({@code [i0, i1)}) through the tile program, tile by tile (in {@code K(X, X)}
     * from the diagonal on): each tile contracted with the weights or stored.
     */
    private void tileRows(Runner runner, int b, int i0, int i1) {
        for (int j0 = symmetric ? i0 : 0; j0 < m; j0 += COLS) {
            int j1 = Math.min(m, j0 + COLS);
            runner.tiles.run(support, plan, tangentsWanted, log, dirs, x1, i0, i1, x2t.data(), ld, j0, j1, symmetric);
            if (weights != null) {
                contractTile(runner.tiles, runner.weightTile, b, i0, i1, j0, j1);
            } else {
                store(runner.tiles, i0, i1, j0, j1);
            }
        }
    }

    /**
     * The two sweeps as one queue: the first sweeps of blocks 0 and 1, then the first sweep of block
     * {@code u + 2} and the second of block {@code u} for {@code u = 0, 1, …}. The second sweep of block
     * {@code u} reads what the first sweeps of blocks {@code 0 … u} wrote (the column strip above its
     * diagonal block, which it mirrors; an ARD RBF's planes its own rows' values). Interleaved this way
     * one core computes exps while the other streams an ARD RBF's planes out, which a barrier between
     * the sweeps left idle during the exps.
     *
     * <p><b>Blocks stay with their participant.</b> Participant {@code p} of {@link #owners} first takes,
     * in queue order, the tasks of the blocks {@code b ≡ p (mod owners)}, then whatever no participant
     * has taken (the blocks of a helper that did not join). So from call to call the same participant
     * writes the same rows of the planes (5.2 MB at n = 256, d = 8): the caller always, and a helper on the
     * same thread when the pool is small (the engine's pool has one worker per core), which then finds them
     * in its own cache. Claimed from one counter the rows changed threads at random, and in some JVMs (the
     * vCPUs on caches that share nothing, it seems) every call moved them between caches: the planes took
     * 190–226 µs on two threads against 82–91 µs, slower than one thread's 145–157 µs (2-vCPU VM).
     *
     * <p>A second sweep first makes sure of the first sweeps it reads: one no participant has taken it
     * runs itself, one taken by another it waits for ({@link #awaitFirst}); that one is running (a task is
     * taken only by a participant about to run it) and first sweeps wait for nothing, so every wait ends,
     * and a participant alone never waits.
     */
    private void drainTwoSweeps(int p) {
        int lead = Math.min(2, blocks);
        int tasks = lead + 2 * blocks;
        for (int pass = 0; pass < 2; pass++) {
            for (int t = 0; t < tasks; t++) {
                int u = (t - lead) >> 1;
                boolean first = t < lead || ((t - lead) & 1) == 0;
                int b = t < lead ? t : first ? u + lead : u;
                if (b >= blocks || (pass == 0 && b % owners != p) || !claim(t)) {
                    continue;
                }
                try {
                    if (first) {
                        runFirst(p, b);
                    } else {
                        for (int c = 0; c <= b; c++) {
                            if (firstDone.get(c) != call && claim(c < lead ? c : lead + 2 * (c - lead))) {
                                runFirst(p, c);
                            } else if (!awaitFirst(c)) {
                                return; // another participant failed: its own exception is the job's
                            }
                        }
                        runSecond(b);
                    }
                } catch (RuntimeException | Error e) {
                    failed = true; // releases participants waiting for this block
                    throw e;
                }
            }
        }
    }

    /** Takes task {@code t} of this call's two-sweep queue; false when a participant already has. */
    private boolean claim(int t) {
        long stamp = claimed.get(t);
        return stamp != call && claimed.compareAndSet(t, stamp, call);
    }

    /**
     * The first sweep of block {@code b} (its rows from the diagonal on), then its flag: the tile
     * program's value and planes, a rational quadratic's in one pass, or an ARD RBF Gram's values
     * ({@link #gramFirst}).
     */
    private void runFirst(int p, int b) {
        int i0 = b * ROWS;
        int i1 = Math.min(n, i0 + ROWS);
        Runner runner = runners[p];
        if (fusedLeaf == null) {
            tileRows(runner, b, i0, i1);
        } else if (fusedLeaf.function() == LeafCode.RBF) {
            gramFirst(i0, i1);
        } else {
            support.squaredPlanes(fusedLeaf, x1, plan.dimension(), i0, i1, x2t.data(), ld, i0, n, value, tangentOut,
                    fusedOffsets, fusedCoefs, fusedOwn, fusedCopies, n, runner.row);
        }
        firstDone.set(b, call);
    }

    /**
     * The second sweep of block {@code b}, once the first sweeps of the blocks above it are done: its
     * columns left of the diagonal block, the transpose of the strip above (the mirror), in the value and
     * every plane but an ARD RBF Gram's; then the ARD RBF Gram's planes from its rows of values
     * ({@link VectorSupport#rbfPlanesFromValues}). Mirroring here, not in the first sweep, writes the
     * block's own rows (which its planes read next) instead of two lines in each row below, which missed
     * every cache level: measured on one thread, 256², the ARD RBF (d = 8) value and planes took 127–128 µs
     * against 146–150.
     */
    private void runSecond(int b) {
        int i0 = b * ROWS;
        int i1 = Math.min(n, i0 + ROWS);
        boolean rbf = fusedLeaf != null && fusedLeaf.function() == LeafCode.RBF;
        if (i0 > 0) {
            if (value != null) {
                mirrorStrip(value, 0, i0, i1);
            }
            for (int q = 0; !rbf && tangentOut != null && q < plan.count(); q++) {
                mirrorStrip(tangentOut, q * n * n, i0, i1);
            }
        }
        if (rbf) {
            support.rbfPlanesFromValues(fusedLeaf, x1, plan.dimension(), i0, i1, x2t.data(), ld, 0, m, value,
                    tangentOut, fusedOffsets, fusedCoefs, fusedOwn, fusedCopies, m);
        }
    }

    /**
     * Rows {@code [i0, i1)}, columns {@code [0, i0)} of the symmetric {@code n × n} matrix at
     * {@code offset}: the transpose of the strip above (rows {@code [0, i0)}, columns {@code [i0, i1)}).
     */
    private void mirrorStrip(double[] a, int offset, int i0, int i1) {
        support.transpose(a, offset + i0, n, i0, i1 - i0, a, offset + i0 * n, n);
    }

    /**
     * Waits until the first sweep of row block {@code b} is done: spins, then yields. (Parking for
     * 20 µs after the yields was tried: Linux's timer slack makes it 50 µs or more, and the planes ran
     * slower, 269–323 µs in three forks of four against 120–140 µs.)
     *
     * @return {@code true} when it is done, {@code false} when a participant failed (the waiter then
     *     stops without throwing, so the job rethrows the failing participant's own exception)
     */
    private boolean awaitFirst(int b) {
        for (int spins = 0; firstDone.get(b) != call; spins++) {
            if (failed) {
                return false;
            }
            if (spins < 1 << 10) {
                Thread.onSpinWait();
            } else {
                Thread.yield(); // the machine may be oversubscribed: let the participant we wait for run
            }
        }
        return true;
    }

    /**
     * Rows {@code [i0, i1)} of the value and every plane of a lone squared-distance leaf, in one pass
     * over every column. In {@code K(X, X)} (an isotropic RBF, or an ARD one without a value output) the
     * RBF computes every column ({@code k(x_i, x_j)} and {@code k(x_j, x_i)} have the same bits: the
     * distance's differences only change sign), which cost less than scattering transposes into the rows
     * below (measured 287 against 313 µs single-threaded for ARD RBF, 256², d = 8, before the two-sweep
     * queue; not measured again against its mirror).
     */
    private void fusedBlock(Runner runner, int i0, int i1) {
        support.squaredPlanes(fusedLeaf, x1, plan.dimension(), i0, i1, x2t.data(), ld, 0, m, value, tangentOut,
                fusedOffsets, fusedCoefs, fusedOwn, fusedCopies, m, runner.row);
    }

    /**
     * The first sweep of an ARD RBF Gram with a value output: the values of rows {@code [i0, i1)} from
     * column {@code i0} on (the leaf's value tile), in {@code value}: half the exps of computing every
     * element.
     */
    private void gramFirst(int i0, int i1) {
        support.kernelTile(plan.leaves[0], x1, plan.dimension(), i0, i1, x2t.data(), ld, i0, n, value, i0 * n + i0, n);
    }

    /** Adds the tile's weighted tangents to block {@code b}'s partial sums (2W above the diagonal, W on it). */
    private void contractTile(TangentTiles tiles, double[] wt, int b, int i0, int i1, int j0, int j1) {
        int rows = i1 - i0;
        int cols = j1 - j0;
        for (int i = i0; i < i1; i++) {
            int r = (i - i0) * COLS - j0;
            int row = i * n;
            if (j0 >= i1) {
                // Wholly above the diagonal (most tiles): a branch-free loop that C2 vectorises.
                for (int j = j0; j < j1; j++) {
                    wt[r + j] = 2 * weights[row + j];
                }
            } else {
                for (int j = j0; j < j1; j++) {
                    wt[r + j] = j > i ? 2 * weights[row + j] : j == i ? weights[row + j] : 0;
                }
            }
        }
        int count = plan.count();
        for (int q = 0; q < count; q++) {
            partial[b * count + q] += support.dotTile(wt, tiles.tangent(q), COLS, rows, cols);
        }
    }

    private void store(TangentTiles tiles, int i0, int i1, int j0, int j1) {
        int size = n * m;
        if (value != null) {
            storePlane(tiles.value(), value, 0, i0, i1, j0, j1);
        }
        if (tangentOut != null) {
            for (int q = 0; q < plan.count(); q++) {
                storePlane(tiles.tangent(q), tangentOut, q * size, i0, i1, j0, j1);
            }
        }
        if (dirOut != null) {
            for (int q = 0; q < dirs.count(); q++) {
                storePlane(tiles.direction(q), dirOut, q * size, i0, i1, j0, j1);
            }
        }
    }

    /**
     * Copies a tile into a plane; in a symmetric matrix only its part on and above the diagonal, with
     * the diagonal block's part mirrored within the block's rows (the second sweep mirrors the rest).
     */
    private void storePlane(double[] tile, double[] out, int offset, int i0, int i1, int j0, int j1) {
        if (!symmetric) {
            for (int i = i0; i < i1; i++) {
                System.arraycopy(tile, (i - i0) * COLS, out, offset + i * m + j0, j1 - j0);
            }
            return;
        }
        for (int i = i0; i < i1; i++) {
            int from = Math.max(i, j0);
            int to = Math.min(j1, i1);
            System.arraycopy(tile, (i - i0) * COLS + from - j0, out, offset + i * n + from, j1 - from);
            for (int j = from + 1; j < to; j++) {
                out[offset + j * n + i] = tile[(i - i0) * COLS + j - j0];
            }
        }
    }

    /** One participant's scratch: the calling thread uses runner 0, helpers the others. */
    private static final class Runner {
        private final TangentTiles tiles = new TangentTiles();
        private final double[] weightTile = new double[ROWS * COLS];
        /** One row of the fused pass's unscaled values (grown to the widest matrix). */
        private double[] row = new double[0];
    }
}
