package org.parax4j.engine.internal.graph;

import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import org.parax4j.engine.EngineOptions;
import org.parax4j.engine.internal.concurrent.Crew;
import org.parax4j.engine.internal.math.ExpMath;

/**
 * The rows of a fused RBF or Matérn kernel node ({@link RowKernels}), spread over the calling thread
 * and helpers on the scratch's executor ({@link Crew}): value rows with their hyperparameter tangent
 * runs ({@link #rows}), then the input-tangent rows of each slot whose points carry tangents
 * ({@link #inputs}). Participants claim blocks of {@link #BLOCK} rows from a counter; every row is
 * computed by the same instructions from the same shared read-only tables ({@code x2t}, {@code 1/ℓ},
 * the coefficient tables of the {@link Scratch}) into its own disjoint part of the output, with the
 * participant's own row buffers, so results are bit-identical for any executor and any number of
 * threads. Matrices below {@link #SERIAL_WORK} run on the calling thread alone.
 *
 * <p>Allocates nothing on the calling thread alone; a call that uses helpers allocates the
 * {@link Crew}'s few small objects. Not thread-safe: owned by one {@link Scratch}, one call at a
 * time.
 */
final class KernelRows {

    /** Below this estimate of {@code rows·length·(d + 4)·(1 + slots)} the calling thread does everything. */
    static final long SERIAL_WORK = 1L << 17;
    /** Rows per claim. */
    static final int BLOCK = 4;

    private final Executor executor;
    private final Worker[] workers;
    private final IntConsumer rowsParticipant;
    private final IntConsumer inputsParticipant;
    private final AtomicInteger next = new AtomicInteger();

    // The job, written by the calling thread before the participants start (submitting a task to an
    // executor happens-before its run; the crew's join gives the results back).
    private GraphOps ops;
    private Scratch s;
    private Node.KernelSpec spec;
    private boolean limit;
    private boolean guarded;
    private boolean swapped;
    private double[] x1;
    private int n;
    private int m;
    private double variance;
    private double[] k;
    private int slots;
    private double[] t;
    private int count;
    private double[] t1;
    private int o1;
    private double[] t2;
    private int o2;
    private int to;

    /** Runners for kernel nodes of dimension ≤ {@code maxD} and rows ≤ {@code maxRow}, on {@code options}' threads. */
    KernelRows(EngineOptions options, int maxD, int maxRow) {
        this.executor = options.isParallel() ? options.executor() : null;
        this.workers = new Worker[executor == null ? 1 : options.parallelism()];
        for (int w = 0; w < workers.length; w++) {
            workers[w] = new Worker(maxD, maxRow);
        }
        this.rowsParticipant = p -> drainRows(workers[p]);
        this.inputsParticipant = p -> drainInputs(workers[p]);
    }

    /**
     * The fused rows of a kernel node: values into {@code k} and, for {@code slots > 0}, tangent run
     * {@code slot} at {@code t[slot·n·m]}, from {@code s.x2t}, {@code s.invL} and the coefficient
     * tables in {@code s}. A short, tall matrix is computed as {@code K(X2, X1)} row by row
     * (stationary kernels are symmetric) and transposed. Where some {@code 1/ℓ} is infinite the rows
     * are {@link ScalarGraphOps#kernelRowLimit}'s; with {@code guarded} (required then) the tangents
     * are {@link ScalarGraphOps#kernelTangentRowGuarded}'s, whose coefficients lack the {@code 1/ℓ²}
     * factor. Both are plain Java shared by the twins, so the twins agree bit for bit.
     */
    void rows(GraphOps ops, Scratch s, Node.KernelSpec spec, double[] x1, int n, int m, double variance, double[] k,
            int slots, double[] t, boolean guarded) {
        int d = spec.d();
        this.swapped = swapped(n, m);
        if (swapped) {
            for (int i = 0; i < n; i++) {
                for (int e = 0; e < d; e++) {
                    s.x1t[e * n + i] = x1[i * d + e];
                }
            }
        }
        this.ops = ops;
        this.s = s;
        this.spec = spec;
        this.limit = RowKernels.limit(s.invL, d);
        this.guarded = guarded;
        this.x1 = x1;
        this.n = n;
        this.m = m;
        this.variance = variance;
        this.k = swapped ? s.kernelT : k;
        this.slots = slots;
        this.t = swapped ? s.kernelT : t;
        this.count = swapped ? m : n;
        try {
            run(rowsParticipant, (long) n * m * (d + 4) * (1 + slots));
        } finally {
            clear();
        }
        if (swapped) {
            int size = n * m;
            double[] buf = s.kernelT;
            for (int plane = 0; plane <= slots; plane++) {
                double[] dst = plane == 0 ? k : t;
                int dstOffset = plane == 0 ? 0 : (plane - 1) * size;
                int srcOffset = plane * size;
                for (int j = 0; j < m; j++) {
                    for (int i = 0; i < n; i++) {
                        dst[dstOffset + i * m + j] = buf[srcOffset + j * n + i];
                    }
                }
            }
        }
    }

    /**
     * Adds to {@code t[to …]} the input tangent of the kernel matrix along one slot:
     * {@code dK/dx1_ie = −σ²·g·(x1_ie − x2_je)/ℓ_e²} times the tangent of {@code x1}
     * ({@code t1[o1 + i·d + e]}, absent when {@code t1} is null) minus that of {@code x2}. With
     * {@code guarded} (where {@code δ·(1/ℓ²)·dx} may overflow or {@code 1/ℓ} is infinite) 0·∞ counts
     * as 0 in the distance and in each term, and entries where the kernel has underflowed get no
     * contribution (their derivative has underflowed too), so {@code ∞·0} never arises. Reads
     * {@code s.x2t} and {@code s.invL}.
     */
    void inputs(Scratch s, Node.KernelSpec spec, double[] x1, int n, int m, double variance, double[] t1, int o1,
            double[] t2, int o2, double[] t, int to, boolean guarded) {
        this.s = s;
        this.spec = spec;
        this.x1 = x1;
        this.n = n;
        this.m = m;
        this.variance = variance;
        this.t1 = t1;
        this.o1 = o1;
        this.t2 = t2;
        this.o2 = o2;
        this.t = t;
        this.to = to;
        this.guarded = guarded;
        this.count = n;
        try {
            run(inputsParticipant, (long) n * m * (2 * spec.d() + 4));
        } finally {
            clear();
        }
    }

    /**
     * Whether a kernel matrix {@code n × m} is better computed transposed: rows shorter than a
     * vector and more of them than columns (e.g. 200 frequencies against 4 centres).
     */
    static boolean swapped(int n, int m) {
        return m < 8 && n > m;
    }

    private void run(IntConsumer participant, long work) {
        int blocks = (count + BLOCK - 1) / BLOCK;
        int threads = work >= SERIAL_WORK ? Math.min(workers.length, blocks) : 1;
        next.set(0);
        Crew.run(executor, threads, participant);
    }

    /** Drops the references to the caller's arrays once a job is done. */
    private void clear() {
        this.ops = null;
        this.s = null;
        this.x1 = null;
        this.k = null;
        this.t = null;
        this.t1 = null;
        this.t2 = null;
    }

    private void drainRows(Worker w) {
        int size = n * m;
        int d = spec.d();
        for (int b = next.getAndIncrement(); b * BLOCK < count; b = next.getAndIncrement()) {
            for (int r = b * BLOCK; r < Math.min(count, (b + 1) * BLOCK); r++) {
                double[] other;
                int length;
                int ko;
                if (swapped) {
                    for (int e = 0; e < d; e++) {
                        w.x1s[e] = s.x2t[e * m + r];
                    }
                    other = s.x1t;
                    length = n;
                    ko = r * n;
                } else {
                    for (int e = 0; e < d; e++) {
                        w.x1s[e] = x1[r * d + e];
                    }
                    other = s.x2t;
                    length = m;
                    ko = r * m;
                }
                row(w, other, length, ko);
                if (slots > 0) {
                    int tangents = swapped ? size + ko : ko;
                    if (guarded) {
                        ScalarGraphOps.kernelTangentRowGuarded(w.x1s, 0, other, length, s.invL, w.kbRow, w.vgRow, slots,
                                s.start, s.dim, s.coef, s.coefV, t, tangents, size);
                    } else {
                        ops.kernelTangentRow(w.x1s, 0, other, length, w.kbRow, w.vgRow, slots, s.start, s.dim, s.coef,
                                s.coefV, t, tangents, size);
                    }
                }
            }
        }
    }

    private void row(Worker w, double[] other, int length, int ko) {
        double[] kbRow = slots > 0 ? w.kbRow : null;
        if (limit) {
            ScalarGraphOps.kernelRowLimit(spec.kind(), w.x1s, 0, other, length, spec.d(), s.invL, variance, k, ko, kbRow,
                    w.vgRow);
        } else {
            ops.kernelRow(spec.kind(), w.x1s, 0, other, length, spec.d(), s.invL, variance, k, ko, kbRow, w.vgRow);
        }
    }

    private void drainInputs(Worker w) {
        for (int b = next.getAndIncrement(); b * BLOCK < count; b = next.getAndIncrement()) {
            for (int r = b * BLOCK; r < Math.min(count, (b + 1) * BLOCK); r++) {
                if (guarded) {
                    inputRowGuarded(r);
                } else {
                    inputRow(r);
                }
            }
        }
    }

    /** {@code vg = variance·g} at scaled squared distance {@code r2}. */
    private static double slope(Node.KernelKind kind, double r2, double variance) {
        double dist = ScalarGraphOps.kernelDistance(kind, r2);
        double ex = ExpMath.exp(ScalarGraphOps.kernelExpArgument(kind, r2, dist));
        double kb = ScalarGraphOps.kernelBase(kind, dist, ex);
        return variance * ScalarGraphOps.kernelSlope(kind, dist, ex, kb);
    }

    private void inputRow(int r) {
        int d = spec.d();
        double[] x2t = s.x2t;
        double[] invL = s.invL;
        for (int j = 0; j < m; j++) {
            double r2 = 0;
            for (int e = 0; e < d; e++) {
                double diff = (x1[r * d + e] - x2t[e * m + j]) * invL[e];
                r2 += diff * diff;
            }
            double vg = slope(spec.kind(), r2, variance);
            double acc = 0;
            for (int e = 0; e < d; e++) {
                double dx = (t1 == null ? 0 : t1[o1 + r * d + e]) - (t2 == null ? 0 : t2[o2 + j * d + e]);
                if (dx != 0) {
                    acc -= (x1[r * d + e] - x2t[e * m + j]) * invL[e] * invL[e] * dx;
                }
            }
            t[to + r * m + j] += vg * acc;
        }
    }

    private void inputRowGuarded(int r) {
        int d = spec.d();
        double[] x2t = s.x2t;
        double[] invL = s.invL;
        for (int j = 0; j < m; j++) {
            double r2 = 0;
            for (int e = 0; e < d; e++) {
                double u = ScalarGraphOps.scaledDifference(x1[r * d + e], x2t[e * m + j], invL[e]);
                r2 += u * u;
            }
            double vg = slope(spec.kind(), r2, variance);
            double acc = 0;
            for (int e = 0; vg != 0 && e < d; e++) {
                double dx = (t1 == null ? 0 : t1[o1 + r * d + e]) - (t2 == null ? 0 : t2[o2 + j * d + e]);
                double diff = x1[r * d + e] - x2t[e * m + j];
                if (dx != 0 && diff != 0) {
                    acc -= diff * invL[e] * invL[e] * dx;
                }
            }
            t[to + r * m + j] += vg == 0 ? 0 : vg * acc;
        }
    }

    /** One participant's row buffers: the row's point and the unscaled values and slopes of its kernel row. */
    private static final class Worker {
        private final double[] x1s;
        private final double[] kbRow;
        private final double[] vgRow;

        Worker(int maxD, int maxRow) {
            this.x1s = new double[maxD];
            this.kbRow = new double[maxRow];
            this.vgRow = new double[maxRow];
        }
    }
}
