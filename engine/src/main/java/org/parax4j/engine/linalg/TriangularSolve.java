package org.parax4j.engine.linalg;

import org.jspecify.annotations.Nullable;

import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import org.parax4j.engine.EngineOptions;
import org.parax4j.engine.internal.concurrent.Crew;
import org.parax4j.engine.internal.linalg.PanelKernels;

/**
 * Triangular solves with a lower-triangular factor {@code L} (as {@link Cholesky} leaves it: the
 * lower triangle and diagonal of a row-major {@code n × n} array; the strict upper triangle is
 * never read), with vector and matrix right-hand sides, in place; solves with {@code A = L·Lᵀ} and
 * its inverse.
 *
 * <p>Matrix right-hand sides ({@code n × m}, row-major) are updated a row at a time by the engine's
 * inner kernel (Vector API or plain-Java twin, bit-identical); vector right-hand sides run plain
 * loops. Nothing allocates except the inverse, which works in {@link #inverseScratchLength} doubles
 * of scratch: allocated per call unless passed to
 * {@link #inverse(double[], int, double[], EngineOptions, double[])},
 * {@link #solveAndInverse(double[], int, double[], double[], boolean, EngineOptions, double[])} or
 * {@link #solveAndVisitInverse} (which also allocates a latch when parallel).
 * Stateless and thread-safe; the arrays are not.
 */
public final class TriangularSolve {

    /**
     * Columns of the inverse computed per task (their block of it stays in cache): the width of the
     * blocks a {@link BlockVisitor} receives.
     */
    public static final int INVERSE_BLOCK = 96;

    /**
     * Rows per group of the inverse's {@code L⁻ᵀ} sweep. Its chains run over the rows below the group
     * first, then the group's own rows, so this number fixes the inverse's bits: kept at 4. (Twelve,
     * two six-row register tiles, made the inverse about 7 % faster on one thread but its new last
     * bits moved the Friedman fit's L-BFGS-B stop to an LML 7.6e-5 below scikit-learn's:
     * GpFriedmanTest.)
     */
    private static final int SWEEP_GROUP = 4;

    /** Tile side of the inverse's lower-to-upper mirror. */
    private static final int MIRROR_TILE = 32;

    /** Doubles of the right-hand side's solved rows {@link #lower(double[], int, double[], int)} reuses per block (256 KiB). */
    private static final int SOLVE_BLOCK_DOUBLES = 1 << 15;

    private TriangularSolve() {}

    /**
     * Receives the inverse's lower triangle one column block at a time instead of an {@code n²}
     * output ({@link #solveAndVisitInverse}): for reductions over {@code A⁻¹} (a Gaussian process's
     * trace terms) that read each element once, while its block is in cache, and need no {@code n²}
     * buffer for it.
     */
    @FunctionalInterface
    public interface BlockVisitor {

        /**
         * Columns {@code c0 ≤ j < c1} of {@code A⁻¹} for rows {@code c0 ≤ i < n}: element
         * {@code (i, j)}, {@code j ≤ i}, at {@code values[offset + (i − c0)·stride + (j − c0)]}
         * (entries with {@code j > i} hold unspecified values). Valid only during the call; not to be
         * modified. Called once per block, on the calling thread or a helper of the executor: calls
         * with different participants may run at once, never two with the same one.
         *
         * @param participant {@code 0 … inverseParticipants(n, options) − 1}: which per-thread scratch
         *     the call may use
         * @param block {@code 0 … inverseBlockCount(n) − 1}; {@code c0 = block·INVERSE_BLOCK}
         */
        void visit(int participant, int block, int c0, int c1, double[] values, int offset, int stride);
    }

    /** Solves {@code L·x = b} in place ({@code b} becomes {@code x}). @throws IllegalArgumentException on short arrays */
    public static void lower(double[] l, int n, double[] b) {
        checkVector(l, n, b);
        int i = 0;
        // Four rows at a time: their chains over the solved k < i interleaved (one chain alone waits on
        // the fused multiply-add's latency), then the four-row triangle in order: every element is
        // still the one chain k = 0 … i − 1 ascending, then the division.
        for (; i + 4 <= n; i += 4) {
            int r0 = i * n;
            int r1 = r0 + n;
            int r2 = r1 + n;
            int r3 = r2 + n;
            double acc0 = b[i];
            double acc1 = b[i + 1];
            double acc2 = b[i + 2];
            double acc3 = b[i + 3];
            for (int k = 0; k < i; k++) {
                double bk = b[k];
                acc0 = Math.fma(-l[r0 + k], bk, acc0);
                acc1 = Math.fma(-l[r1 + k], bk, acc1);
                acc2 = Math.fma(-l[r2 + k], bk, acc2);
                acc3 = Math.fma(-l[r3 + k], bk, acc3);
            }
            double x0 = acc0 / l[r0 + i];
            b[i] = x0;
            acc1 = Math.fma(-l[r1 + i], x0, acc1);
            double x1 = acc1 / l[r1 + i + 1];
            b[i + 1] = x1;
            acc2 = Math.fma(-l[r2 + i], x0, acc2);
            acc2 = Math.fma(-l[r2 + i + 1], x1, acc2);
            double x2 = acc2 / l[r2 + i + 2];
            b[i + 2] = x2;
            acc3 = Math.fma(-l[r3 + i], x0, acc3);
            acc3 = Math.fma(-l[r3 + i + 1], x1, acc3);
            acc3 = Math.fma(-l[r3 + i + 2], x2, acc3);
            b[i + 3] = acc3 / l[r3 + i + 3];
        }
        for (; i < n; i++) {
            int row = i * n;
            double acc = b[i];
            for (int k = 0; k < i; k++) {
                acc = Math.fma(-l[row + k], b[k], acc);
            }
            b[i] = acc / l[row + i];
        }
    }

    /**
     * Solves {@code Lᵀ·x = b} in place: element {@code i} is one chain over {@code k} descending from
     * {@code n − 1} to {@code i + 1}, then the division. Rows go in groups of four from the bottom, so
     * that each row {@code k} below a group gives its four chains four adjacent elements of
     * {@code L} (column {@code i} alone would cost a cache line per element); the group's own
     * triangle comes last, as the descending order has it.
     *
     * @throws IllegalArgumentException on short arrays
     */
    public static void lowerTransposed(double[] l, int n, double[] b) {
        checkVector(l, n, b);
        int i = n - 1;
        for (; i >= 3; i -= 4) {
            int c = i - 3; // the group's columns c … i
            double acc0 = b[c];
            double acc1 = b[c + 1];
            double acc2 = b[c + 2];
            double acc3 = b[i];
            for (int k = n - 1; k > i; k--) {
                int row = k * n + c;
                double xk = b[k];
                acc0 = Math.fma(-l[row], xk, acc0);
                acc1 = Math.fma(-l[row + 1], xk, acc1);
                acc2 = Math.fma(-l[row + 2], xk, acc2);
                acc3 = Math.fma(-l[row + 3], xk, acc3);
            }
            int r3 = i * n + c;
            double x3 = acc3 / l[r3 + 3];
            b[i] = x3;
            int r2 = r3 - n;
            acc2 = Math.fma(-l[r3 + 2], x3, acc2);
            double x2 = acc2 / l[r2 + 2];
            b[c + 2] = x2;
            acc1 = Math.fma(-l[r3 + 1], x3, acc1);
            acc1 = Math.fma(-l[r2 + 1], x2, acc1);
            double x1 = acc1 / l[r2 - n + 1];
            b[c + 1] = x1;
            acc0 = Math.fma(-l[r3], x3, acc0);
            acc0 = Math.fma(-l[r2], x2, acc0);
            acc0 = Math.fma(-l[r2 - n], x1, acc0);
            b[c] = acc0 / l[c * n + c];
        }
        for (; i >= 0; i--) {
            double acc = b[i];
            for (int k = n - 1; k > i; k--) {
                acc = Math.fma(-l[k * n + i], b[k], acc);
            }
            b[i] = acc / l[i * n + i];
        }
    }

    /** Solves {@code L·Lᵀ·x = b} in place (the solve with the factored matrix). */
    public static void solve(double[] l, int n, double[] b) {
        lower(l, n, b);
        lowerTransposed(l, n, b);
    }

    /** Solves {@code L·X = B} in place for an {@code n × m} row-major {@code B}. */
    public static void lower(double[] l, int n, double[] b, int m) {
        lower(PanelKernels.chosen(), l, n, b, m);
    }

    static void lower(PanelKernels kernels, double[] l, int n, double[] b, int m) {
        checkMatrix(l, n, b, m);
        // Blocks of solved rows small enough to stay in cache (about 256 KiB of B): solve a block's
        // rows, then subtract its contribution from every row below it in one product. Inside a
        // block, rows go in groups of four: the block's solved rows above the group in one four-row
        // product (the kernel's register tiles), then the group's own triangle row by row. Every
        // element is still one chain, k ascending from 0 to i − 1 (earlier blocks first), then the
        // division: the bits of a row-at-a-time solve, whatever the block size.
        int block = Math.clamp(SOLVE_BLOCK_DOUBLES / Math.max(m, 1) & ~3, 16, 512);
        for (int k0 = 0; k0 < n; k0 += block) {
            int k1 = Math.min(n, k0 + block);
            for (int i0 = k0; i0 < k1; i0 += 4) {
                int rows = Math.min(4, k1 - i0);
                kernels.subtractProduct(b, i0 * m, m, l, i0 * n + k0, n, 1, b, k0 * m, m, rows, m, i0 - k0);
                for (int i = i0; i < i0 + rows; i++) {
                    int row = i * m;
                    kernels.subtractProduct(b, row, m, l, i * n + i0, 0, 1, b, i0 * m, m, 1, m, i - i0);
                    double d = l[i * n + i];
                    for (int j = 0; j < m; j++) {
                        b[row + j] /= d;
                    }
                }
            }
            if (k1 < n) {
                kernels.subtractProduct(b, k1 * m, m, l, k1 * n + k0, n, 1, b, k0 * m, m, n - k1, m, k1 - k0);
            }
        }
    }

    /** Solves {@code Lᵀ·X = B} in place for an {@code n × m} row-major {@code B}. */
    public static void lowerTransposed(double[] l, int n, double[] b, int m) {
        lowerTransposed(PanelKernels.chosen(), l, n, b, m);
    }

    static void lowerTransposed(PanelKernels kernels, double[] l, int n, double[] b, int m) {
        checkMatrix(l, n, b, m);
        for (int i = n - 1; i >= 0; i--) {
            int row = i * m;
            kernels.subtractProduct(b, row, m, l, (i + 1) * n + i, 0, n, b, (i + 1) * m, m, 1, m, n - 1 - i);
            double d = l[i * n + i];
            for (int j = 0; j < m; j++) {
                b[row + j] /= d;
            }
        }
    }

    /** Solves {@code L·Lᵀ·X = B} in place for an {@code n × m} row-major {@code B}. */
    public static void solve(double[] l, int n, double[] b, int m) {
        lower(l, n, b, m);
        lowerTransposed(l, n, b, m);
    }

    /**
     * Writes {@code A⁻¹ = L⁻ᵀ·L⁻¹} into {@code out} ({@code n × n}, full and exactly symmetric: the
     * lower triangle is computed, the upper one mirrored). Two triangular sweeps that touch only
     * lower triangles, {@code n³/3} multiply-adds in all: {@code X = L⁻¹} row by row (row {@code i}
     * has non-zeros in columns {@code 0 … i} only), then {@code Y = L⁻ᵀX} from the last row up,
     * where row {@code i} needs only columns {@code 0 … i} of the rows below it, which are in their
     * lower triangles.
     *
     * @param out destination of at least {@code n²} doubles, not {@code l}. Modified.
     * @throws IllegalArgumentException on short arrays or {@code out == l}
     */
    public static void inverse(double[] l, int n, double[] out) {
        inverse(PanelKernels.chosen(), l, n, out, false);
    }

    /**
     * {@link #inverse(double[], int, double[])}, with {@code parallel} splitting its column blocks
     * over {@link EngineOptions#defaults()} (from {@code n = 256}; same bits).
     */
    public static void inverse(double[] l, int n, double[] out, boolean parallel) {
        inverse(l, n, out, EngineOptions.defaultsIf(parallel));
    }

    /**
     * {@link #inverse(double[], int, double[])}, its column blocks split over the calling thread and
     * helpers on {@code options}' executor (from {@code n = 256}; same bits for any executor).
     *
     * @throws IllegalArgumentException also when {@code options} is null
     */
    public static void inverse(double[] l, int n, double[] out, EngineOptions options) {
        inverse(PanelKernels.chosen(), l, n, out, options);
    }

    /**
     * {@link #inverse(double[], int, double[], EngineOptions)} working in caller-supplied scratch, so
     * that a repeated call allocates nothing.
     *
     * @param scratch at least {@link #inverseScratchLength(int, EngineOptions)} doubles, neither
     *     {@code l} nor {@code out}, or {@code null} to allocate it here. Modified.
     * @throws IllegalArgumentException also on a short or shared {@code scratch}
     */
    public static void inverse(double[] l, int n, double[] out, EngineOptions options, double @Nullable [] scratch) {
        inverse(PanelKernels.chosen(), l, n, out, options, null, true, scratch, null);
    }

    static void inverse(PanelKernels kernels, double[] l, int n, double[] out, boolean parallel) {
        inverse(kernels, l, n, out, EngineOptions.defaultsIf(parallel));
    }

    /**
     * The solve of {@code L·Lᵀ·x = b} ({@link #solve(double[], int, double[])}, in place) and the
     * inverse ({@link #inverse(double[], int, double[], EngineOptions)}) from one factor, in one pass
     * over {@code options}' threads: the solve runs as one more task beside the inverse's column
     * blocks, so its memory-bound sweeps overlap them (what a Gaussian process's marginal
     * likelihood and its gradient need, {@code α = K⁻¹y} and {@code K⁻¹}). Both results have the
     * bits of the separate calls.
     *
     * @param b the right-hand side, {@code n} doubles. Modified: the solution.
     * @param out destination of at least {@code n²} doubles, not {@code l}. Modified.
     * @param upper whether to mirror the lower triangle into the upper one as {@link #inverse} does;
     *     when false only the lower triangle and the diagonal hold {@code A⁻¹} (as LAPACK's
     *     {@code potri} returns one triangle) and the strict upper triangle holds unspecified values
     *     (the column blocks write parts of it)
     * @throws IllegalArgumentException on short arrays, {@code out == l}, {@code b} the same array as
     *     {@code l} or {@code out}, or a null {@code options}
     */
    public static void solveAndInverse(double[] l, int n, double[] b, double[] out, boolean upper,
            EngineOptions options) {
        solveAndInverse(l, n, b, out, upper, options, null);
    }

    /**
     * {@link #solveAndInverse(double[], int, double[], double[], boolean, EngineOptions)} working in
     * caller-supplied scratch, so that a repeated call allocates nothing (the other inverse methods
     * allocate {@link #inverseScratchLength} doubles per call).
     *
     * @param scratch at least {@link #inverseScratchLength(int, EngineOptions)} doubles, none of the
     *     other arrays, or {@code null} to allocate it here. Modified.
     * @throws IllegalArgumentException also on a short or shared {@code scratch}
     */
    public static void solveAndInverse(double[] l, int n, double[] b, double[] out, boolean upper,
            EngineOptions options, double @Nullable [] scratch) {
        checkVector(l, n, b);
        if (b == l || b == out) {
            throw new IllegalArgumentException("b must be an array of its own, not the factor or out (the solve runs "
                    + "beside the inverse)");
        }
        inverse(PanelKernels.chosen(), l, n, out, options, b, upper, scratch, null);
    }

    /**
     * {@link #solveAndInverse(double[], int, double[], double[], boolean, EngineOptions, double[])}
     * without an output matrix: each column block of the inverse's lower triangle goes to
     * {@code visitor} as soon as it is computed (same bits as the stored inverse), the solve of
     * {@code b} running beside them. Every visit comes after {@code b} holds the solution, so a
     * visitor may read it.
     *
     * @param b the right-hand side, {@code n} doubles. Modified: the solution.
     * @param scratch at least {@link #inverseScratchLength(int, EngineOptions)} doubles, or
     *     {@code null} to allocate it here. Modified; the blocks the visitor sees live in it.
     * @param visitor called once per column block, possibly from several threads at once
     * @throws IllegalArgumentException on short or shared arrays, or a null {@code options} or {@code visitor}
     */
    public static void solveAndVisitInverse(double[] l, int n, double[] b, EngineOptions options,
            double @Nullable [] scratch, BlockVisitor visitor) {
        checkVector(l, n, b);
        if (b == l) {
            throw new IllegalArgumentException("b must be an array of its own, not the factor (the solve runs beside the"
                    + " inverse)");
        }
        if (visitor == null) {
            throw new IllegalArgumentException("visitor must not be null");
        }
        inverse(PanelKernels.chosen(), l, n, null, options, b, false, scratch, visitor);
    }

    /** Column blocks of the inverse of order {@code n}: {@code ⌈n / INVERSE_BLOCK⌉}. @throws IllegalArgumentException if {@code n < 0} */
    public static int inverseBlockCount(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0, got " + n);
        }
        return (n + INVERSE_BLOCK - 1) / INVERSE_BLOCK;
    }

    private static void inverse(PanelKernels kernels, double[] l, int n, double[] out, EngineOptions options) {
        inverse(kernels, l, n, out, options, null, true, null, null);
    }

    /**
     * Doubles of scratch the inverse ({@link #inverse(double[], int, double[], EngineOptions)},
     * {@link #solveAndInverse}) uses with {@code options}: one block of {@code n × min(n, 96)} for
     * each thread that may work on it (up to {@code options}' parallelism, from {@code n = 256}).
     *
     * @throws IllegalArgumentException if {@code n < 0} or {@code options} is null
     */
    public static int inverseScratchLength(int n, EngineOptions options) {
        long length = (long) inverseParticipants(n, options) * n * Math.min(n, INVERSE_BLOCK); // checks n, options
        if (length > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("the inverse of n = " + n + " on " + options.parallelism()
                    + " threads needs " + length + " doubles of scratch, more than a Java array holds: lower the"
                    + " parallelism");
        }
        return (int) length;
    }

    /**
     * How many threads (the caller and helpers) the inverse with {@code options} may use at once: the
     * range of a {@link BlockVisitor}'s participant index.
     *
     * @throws IllegalArgumentException if {@code n < 0} or {@code options} is null
     */
    public static int inverseParticipants(int n, EngineOptions options) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0, got " + n);
        }
        if (options == null) {
            throw new IllegalArgumentException("options must not be null");
        }
        return isParallel(n, options) ? Crew.participants(options.parallelism(), inverseBlockCount(n) + 1) : 1;
    }

    private static boolean isParallel(int n, EngineOptions options) {
        return options.isParallel() && n >= 256;
    }

    /**
     * The inverse, with the solve of {@code b} as the first task when {@code b} is not null; a null
     * {@code scratch} is allocated here. With a {@code visitor} the blocks go to it and {@code out}
     * (then null) is not written.
     */
    private static void inverse(PanelKernels kernels, double[] l, int n, double @Nullable [] out, EngineOptions options,
            double @Nullable [] b, boolean upper, double @Nullable [] scratch, @Nullable BlockVisitor visitor) {
        if (options == null) {
            throw new IllegalArgumentException("options must not be null");
        }
        Cholesky.checkSquare(l, n, "l");
        if (visitor == null) {
            Cholesky.checkSquare(out, n, "out");
        }
        if (out == l) {
            throw new IllegalArgumentException("out must not be the factor array");
        }
        int length = inverseScratchLength(n, options);
        double[] x = scratch == null ? new double[length] : scratch;
        if (x.length < length) {
            throw new IllegalArgumentException("scratch must hold inverseScratchLength(n, options) = " + length
                    + " doubles, got " + x.length);
        }
        if (x == l || x == out || x == b) {
            throw new IllegalArgumentException("scratch must be an array of its own, not l, out or b");
        }
        int blocks = inverseBlockCount(n);
        int tiles = (n + MIRROR_TILE - 1) / MIRROR_TILE;
        int first = b == null ? 0 : 1;
        int slot = n * Math.min(n, INVERSE_BLOCK);
        if (isParallel(n, options)) {
            // A visitor may read b's solution: a block done before the solve (item 0, taken first) waits for it.
            CountDownLatch solved = visitor != null && b != null ? new CountDownLatch(1) : null;
            Crew.forEach(options.executor(), options.parallelism(), first + blocks, (participant, c) -> {
                if (c < first) {
                    try {
                        solve(l, n, b);
                    } finally {
                        if (solved != null) {
                            solved.countDown();
                        }
                    }
                } else {
                    inverseColumns(kernels, l, n, out, (c - first) * INVERSE_BLOCK, x, participant, slot, visitor,
                            solved);
                }
            });
            if (upper) {
                // the widest tile rows (the bottom ones) first
                Crew.forEach(options.executor(), options.parallelism(), tiles, t -> mirror(out, n, tiles - 1 - t));
            }
        } else {
            if (b != null) {
                solve(l, n, b);
            }
            for (int c = 0; c < blocks; c++) {
                inverseColumns(kernels, l, n, out, c * INVERSE_BLOCK, x, 0, slot, visitor, null);
            }
            for (int t = 0; upper && t < tiles; t++) {
                mirror(out, n, t);
            }
        }
    }

    /**
     * Copies the lower triangle's tile row {@code t} (rows {@code 32t …}, columns up to the
     * diagonal) to the upper triangle, in 32 × 32 tiles (a row-at-a-time copy writes one cache line
     * per element). Tile rows write disjoint parts of the upper triangle and read only the lower one,
     * so they run in parallel.
     */
    private static void mirror(double[] out, int n, int t) {
        int i0 = t * MIRROR_TILE;
        int i1 = Math.min(n, i0 + MIRROR_TILE);
        for (int j0 = 0; j0 <= i0; j0 += MIRROR_TILE) {
            for (int i = i0; i < i1; i++) {
                int row = i * n;
                for (int j = j0, j1 = Math.min(i, j0 + MIRROR_TILE); j < j1; j++) {
                    out[j * n + i] = out[row + j];
                }
            }
        }
    }

    /**
     * Columns {@code c0 … c0 + INVERSE_BLOCK − 1} of the inverse's lower triangle (independent of
     * the other columns), worked out in {@code x} from {@code xo}: the block's rows {@code c0 … n − 1}
     * packed with stride {@code w} (its width), so the register tiles read earlier rows as one
     * contiguous stream instead of one cache line per {@code n}-stride row (5–8 % faster than
     * working in {@code out}, same operations), then copied into {@code out}. {@code X = L⁻¹}: rows
     * in groups of {@link Cholesky#GROUP}, the rows above the group in one product (the kernel's
     * four-row, six-vector tiles), then each row's own part; terms with {@code X[k][j] = 0} ({@code k < j}) are
     * skipped, leaving the chain {@code k} ascending. {@code Y = L⁻ᵀX} from the bottom in groups of
     * {@link #SWEEP_GROUP} rows anchored at {@code n} ({@code r0 … hi − 1}): for every element first
     * the rows below the group ({@code k ≥ hi}, ascending), then the group's rows below it, then the
     * division. The block then goes to {@code visitor} (once {@code solved}, if any, is counted down), or
     * without one into {@code out}.
     */
    private static void inverseColumns(PanelKernels kernels, double[] l, int n, double @Nullable [] out, int c0,
            double[] x, int participant, int slot, @Nullable BlockVisitor visitor, @Nullable CountDownLatch solved) {
        int xo = participant * slot;
        int c1 = Math.min(n, c0 + INVERSE_BLOCK);
        int w = c1 - c0;
        // Row i of the block at xo + (i − c0)·w. Zeroed: the products below add to it, and read the
        // zeros above the diagonal (X[k][j] = 0 for k < j).
        java.util.Arrays.fill(x, xo, xo + (n - c0) * w, 0.0);
        for (int i0 = c0; i0 < n; i0 += Cholesky.GROUP) {
            int rows = Math.min(Cholesky.GROUP, n - i0);
            int group = xo + (i0 - c0) * w;
            kernels.subtractProduct(x, group, w, l, i0 * n + c0, n, 1, x, xo, w, rows, Math.min(c1, i0) - c0, i0 - c0);
            for (int i = i0; i < i0 + rows; i++) {
                int row = xo + (i - c0) * w;
                if (i < c1) {
                    x[row + i - c0] = 1;
                }
                int cols = Math.min(c1, i + 1) - c0;
                kernels.subtractProduct(x, row, w, l, i * n + i0, 0, 1, x, group, w, 1, cols, i - i0);
                divide(x, row, cols, l[i * n + i]);
            }
        }
        for (int hi = n; hi > c0; hi -= SWEEP_GROUP) {
            int r0 = Math.max(c0, hi - SWEEP_GROUP);
            // The rows below the group, for every column of the block left of hi: the group's strictly
            // upper elements (column > row) get values nothing reads (overwritten by the final mirror, or
            // left unspecified without it), so the whole group is one product of the kernel's register tiles.
            kernels.subtractProduct(x, xo + (r0 - c0) * w, w, l, hi * n + r0, 1, n, x, xo + (hi - c0) * w, w,
                    hi - r0, Math.min(c1, hi) - c0, n - hi);
            for (int i = hi - 1; i >= r0; i--) {
                int row = xo + (i - c0) * w;
                int to = Math.min(c1, i + 1);
                kernels.subtractProduct(x, row, w, l, (i + 1) * n + i, 0, n, x, row + w, w, 1, to - c0, hi - 1 - i);
                divide(x, row, to - c0, l[i * n + i]);
            }
        }
        if (visitor != null) {
            if (solved != null) {
                awaitUninterruptibly(solved);
            }
            visitor.visit(participant, c0 / INVERSE_BLOCK, c0, c1, x, xo, w);
            return;
        }
        for (int i = c0; i < n; i++) {
            System.arraycopy(x, xo + (i - c0) * w, out, i * n + c0, w);
        }
    }

    /** Waits for {@code latch}, keeping an interrupt for the caller to see afterwards. */
    private static void awaitUninterruptibly(CountDownLatch latch) {
        boolean interrupted = false;
        for (boolean done = false; !done; ) {
            try {
                latch.await();
                done = true;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static void divide(double[] b, int off, int count, double d) {
        for (int j = off; j < off + count; j++) {
            b[j] /= d;
        }
    }

    /** {@link #inverse(double[], int, double[])} in a new array. Allocates {@code n²} doubles and the scratch. */
    public static double[] inverse(double[] l, int n) {
        double[] out = new double[Math.multiplyExact(n, n)];
        inverse(l, n, out);
        return out;
    }

    private static void checkVector(double[] l, int n, double[] b) {
        Cholesky.checkSquare(l, n, "l");
        Objects.requireNonNull(b, "b");
        if (b.length < n) {
            throw new IllegalArgumentException("b must hold n = " + n + " doubles, got " + b.length);
        }
    }

    private static void checkMatrix(double[] l, int n, double[] b, int m) {
        Cholesky.checkSquare(l, n, "l");
        Objects.requireNonNull(b, "b");
        if (m < 0 || (long) n * m > b.length) {
            throw new IllegalArgumentException("b must be n × m = " + n + " × " + m + ", got " + b.length
                    + " doubles");
        }
    }
}
