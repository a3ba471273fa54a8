package org.parax4j.engine.linalg;

import org.jspecify.annotations.Nullable;

import java.util.Objects;
import org.parax4j.engine.EngineOptions;
import org.parax4j.engine.internal.concurrent.Crew;
import org.parax4j.engine.internal.linalg.PanelKernels;
import org.parax4j.engine.internal.simd.Vectorization;
import org.parax4j.engine.internal.vector.VectorSupport;

/**
 * Blocked Cholesky factorisation {@code A = L·Lᵀ} of a dense symmetric positive-definite matrix,
 * in place, and what follows from the factor: triangular solves with vector and matrix right-hand
 * sides, solves, the inverse and the log-determinant.
 *
 * <p><b>Layout.</b> Matrices are row-major {@code double[]}: element {@code (i, j)} of an
 * {@code n × n} matrix is {@code a[i·n + j]}; an {@code n × m} right-hand side is {@code b[i·m + j]}.
 * The factorisation reads the lower triangle and the diagonal of {@code a}, writes {@code L} there
 * and leaves the strict upper triangle untouched (so a full symmetric input keeps its original in
 * the upper triangle: {@link #factorWithJitter} uses that to retry without a copy).
 *
 * <p><b>Algorithm.</b> Right-looking, in panels of {@link #BLOCK} columns: the diagonal block is
 * factored with plain loops, the panel below it is solved transposed (its rows are the vector
 * lanes) by the engine's inner kernel (O(n²·BLOCK) work), then the trailing lower triangle is
 * updated {@code A₂₂ ← A₂₂ − L₂₁·L₂₁ᵀ} (the SYRK, O(n³/3), nearly all the work) by the same kernel
 * (Vector API or its plain-Java twin, see {@link org.parax4j.engine.EngineInfo}; register tiles of
 * 4 rows × 6 vectors where every row of a group covers the columns, else 6 or 4 rows × 3 vectors, in groups
 * of {@link #GROUP} rows, the diagonal's edge in masked six-row vectors) from
 * the transposed panel, in column blocks per task. Both twins compute
 * each element as the same chain of fused multiply-adds, so the factor is bit-identical for any
 * vector width and any number of threads. In parallel the trailing update's groups of rows are split
 * over the calling thread and helpers on the {@link EngineOptions}' executor (each element is still
 * computed by one chain), with a look-ahead: one task updates the next panel's columns first, factors
 * its diagonal block and solves it while the others finish the update, so the sequential part of a
 * step overlaps the previous one; {@code parallel = true} means {@link EngineOptions#defaults()}.
 *
 * <p><b>Allocation.</b> The methods taking a {@code panel} buffer allocate nothing when not
 * parallel; its length must be at least {@link #panelLength(int)}.
 *
 * <p>Stateless and thread-safe; the arrays passed are not (one call per set of buffers).
 */
public final class Cholesky {

    /**
     * Panel width (columns factored per block): three of the inner kernel's 24-column register tiles,
     * so the look-ahead's update of the next panel needs no masked edge vectors (2.5–5 % faster on
     * both cores than 64 at n = 1000). The factor's bits do not depend on it: every element is one
     * chain over {@code k} ascending whatever the blocking.
     */
    public static final int BLOCK = 72;

    private static final int PARALLEL_MIN = 256;

    /**
     * Columns of the trailing update swept per pass (the panel's block of them: 72·240·8 = 135 KB), ten
     * 24-column register tiles with no masked remainder (one thread 3–5 % faster than 256 at n = 1000).
     */
    private static final int COLUMN_BLOCK = 240;

    /** Panel rows per task of a parallel panel solve (at least). */
    private static final int PANEL_CHUNK = 128;

    /**
     * Trailing-update tasks per step and participant (plus four): finer tasks leave less idle time at
     * each step's barrier (16 against 4: 1.2–1.3 % faster at n = 1000 on two cores, alternated in one
     * JVM; the tasks only group rows, so the bits do not depend on it).
     */
    private static final int TASKS_PER_PARTICIPANT = 16;

    /** Rows per group of the trailing update (three four-row or two six-row register tiles of the inner kernel). */
    static final int GROUP = 12;

    /** Panel rows solved per product in {@link #solvePanel} (one six-row register tile). */
    private static final int SOLVE_GROUP = 6;

    private Cholesky() {}

    /**
     * Length of the scratch panel {@link #factor(double[], int, double[], boolean)} needs:
     * {@code 2·BLOCK·(n − BLOCK)} (two panels: the look-ahead solves the next while the trailing
     * update reads the current), and 0 for {@code n ≤ BLOCK} (a single diagonal block needs no
     * panel, so small systems factor without any scratch).
     *
     * @throws IllegalArgumentException if {@code n < 0}
     */
    public static int panelLength(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0, got " + n);
        }
        return n <= BLOCK ? 0 : Math.multiplyExact(2 * BLOCK, n - BLOCK);
    }

    /**
     * Factors {@code a} in place, reading its lower triangle.
     *
     * @param a {@code n × n} row-major, symmetric positive definite. Modified: lower triangle and
     *     diagonal become {@code L}; the strict upper triangle is not touched.
     * @param n order, {@code ≥ 0}
     * @param panel scratch of at least {@link #panelLength(int)} doubles (may be empty, or
     *     {@code null}, when that is 0). Modified.
     * @param parallel whether to split the trailing updates over {@link EngineOptions#defaults()} (same bits)
     * @return {@code −1} on success, else the index {@code j} of the first pivot that was not
     *     positive and finite; then {@code a}'s lower part is partly overwritten (rows and columns
     *     before {@code j} hold {@code L}) and {@link #failedPivotValue} tells the value
     * @throws IllegalArgumentException if a buffer is too short or {@code n < 0}
     */
    public static int factor(double[] a, int n, double @Nullable [] panel, boolean parallel) {
        return factor(a, n, panel, EngineOptions.defaultsIf(parallel));
    }

    /**
     * {@link #factor(double[], int, double[], boolean)} with the trailing updates of large matrices
     * spread over {@code options} (the same bits for any executor and parallelism).
     *
     * @param options executor and parallelism cap ({@link EngineOptions#singleThreaded()}: none)
     * @throws IllegalArgumentException also when {@code options} is null
     */
    public static int factor(double[] a, int n, double[] panel, EngineOptions options) {
        return factor(PanelKernels.chosen(), a, n, panel, options);
    }

    /** {@link #factor(double[], int, double[], boolean)} with a given inner kernel (tests, benchmarks). */
    static int factor(PanelKernels kernels, double[] a, int n, double[] panel, boolean parallel) {
        return factor(kernels, a, n, panel, EngineOptions.defaultsIf(parallel));
    }

    private static int factor(PanelKernels kernels, double[] a, int n, double[] panel, EngineOptions options) {
        if (options == null) {
            throw new IllegalArgumentException("options must not be null");
        }
        checkSquare(a, n, "a");
        int need = panelLength(n);
        if (need > 0 && (panel == null || panel.length < need)) {
            throw new IllegalArgumentException("panel must hold at least " + need + " doubles, got "
                    + (panel == null ? "null" : panel.length));
        }
        int b0 = Math.min(BLOCK, n);
        int failed = factorDiagonalBlock(a, n, 0, b0);
        if (failed >= 0 || n == b0) {
            return failed;
        }
        // The first panel below the diagonal block, L21 = A21·L11⁻ᵀ, solved transposed (P = L11⁻¹·A21ᵀ, the
        // rows r of P independent, so vectors run along them): P[j][r] = (A[t0+r][j] − Σ_k L[j][k]·P[k][r])
        // / L[j][j], k ascending — the same chain per element as the unblocked loop. Ranges of r are
        // independent: in parallel they are split over the executor (same bits).
        int m0 = n - b0;
        EngineOptions first = m0 >= PARALLEL_MIN ? options : EngineOptions.singleThreaded();
        if (first.isParallel()) {
            int chunks = (int) Math.min((m0 + PANEL_CHUNK - 1) / PANEL_CHUNK, 2L * first.parallelism());
            int per = ((m0 + chunks - 1) / chunks + 31) & ~31;
            Crew.forEach(first.executor(), first.parallelism(), (m0 + per - 1) / per,
                    c -> solvePanel(kernels, a, n, 0, b0, panel, 0, m0, c * per, Math.min(m0, (c + 1) * per)));
        } else {
            solvePanel(kernels, a, n, 0, b0, panel, 0, m0, 0, m0);
        }
        // Then per panel one step with a look-ahead: the trailing update of the next panel's columns, that
        // panel's diagonal block and its solve (into the other half of the buffer) are one task, the rest of
        // the trailing update the others, so the next panel's sequential part overlaps this update.
        int half = need / 2;
        for (int k0 = 0, buffer = 0; ; k0 += BLOCK, buffer ^= 1) {
            int b = Math.min(BLOCK, n - k0);
            int t0 = k0 + b;
            int m = n - t0;
            if (m == 0) {
                return -1;
            }
            EngineOptions step = m >= PARALLEL_MIN ? options : EngineOptions.singleThreaded();
            int po = buffer * half;
            int next = (buffer ^ 1) * half;
            int nb = Math.min(BLOCK, m);
            int groups = (m + GROUP - 1) / GROUP;
            if (!step.isParallel()) {
                lookAhead(kernels, a, n, k0, b, panel, po, m, next, nb);
                updateGroups(kernels, a, n, k0, b, panel, po, m, 0, groups, nb);
            } else {
                int tasks = (int) Math.min(groups, (long) TASKS_PER_PARTICIPANT * step.parallelism() + 4);
                int k0f = k0;
                // Group g costs about g columns: split the triangle into equal areas, bounds at sqrt(t/T)·groups.
                Crew.forEach(step.executor(), step.parallelism(), tasks + 1, t -> {
                    if (t == 0) {
                        lookAhead(kernels, a, n, k0f, b, panel, po, m, next, nb);
                    } else {
                        updateGroups(kernels, a, n, k0f, b, panel, po, m, bound(t - 1, tasks, groups),
                                bound(t, tasks, groups), nb);
                    }
                });
            }
            failed = failedPivot(a, n, t0, nb);
            if (failed >= 0) {
                return failed;
            }
        }
    }

    /**
     * The look-ahead task of the step of the panel at {@code k0}: the trailing update of the next
     * panel's {@code nb} columns (all rows below), that panel's diagonal block, and, if that
     * succeeded, its solve into {@code panel} at {@code next}. A failed pivot is left on the diagonal
     * ({@link #failedPivot} finds it).
     */
    private static void lookAhead(PanelKernels kernels, double[] a, int n, int k0, int b, double[] panel, int po,
            int m, int next, int nb) {
        int t0 = k0 + b;
        kernels.subtractProductLower(a, t0 * n + t0, n, a, t0 * n + k0, n, 1, panel, po, m, m, nb, b, 0);
        if (factorDiagonalBlock(a, n, t0, nb) < 0 && m > nb) {
            solvePanel(kernels, a, n, t0, nb, panel, next, m - nb, 0, m - nb);
        }
    }

    /**
     * The first pivot of the diagonal block at {@code k0} (width {@code b}) that
     * {@link #factorDiagonalBlock} left not positive and finite, or {@code −1}: the pivots before it
     * hold square roots (positive, finite), the failed one its Schur complement value.
     */
    private static int failedPivot(double[] a, int n, int k0, int b) {
        for (int j = k0; j < k0 + b; j++) {
            double v = a[j * n + j];
            if (!(v > 0) || v == Double.POSITIVE_INFINITY) {
                return j;
            }
        }
        return -1;
    }

    /**
     * Rows {@code r0 … r1 − 1} of the panel below the diagonal block at {@code k0} (width {@code b}):
     * solved transposed into {@code panel} ({@code b × m}), then copied back into {@code a}. The
     * panel's rows {@code j} go in groups of {@link #SOLVE_GROUP}: the rows before the group in one
     * product (the kernel's six-row register tiles), then each row's own part and its division, so
     * every element is still the one chain over {@code k} ascending. The panel is transposed in and
     * out in register blocks ({@link VectorSupport#transpose}).
     */
    private static void solvePanel(PanelKernels kernels, double[] a, int n, int k0, int b, double[] panel, int po,
            int m, int r0, int r1) {
        int t0 = k0 + b;
        int w = r1 - r0;
        VectorSupport copies = Vectorization.chosen().kernels();
        copies.transpose(a, (t0 + r0) * n + k0, n, w, b, panel, po + r0, m);
        for (int j0 = k0; j0 < t0; j0 += SOLVE_GROUP) {
            int rows = Math.min(SOLVE_GROUP, t0 - j0);
            int group = po + (j0 - k0) * m;
            kernels.subtractProduct(panel, group + r0, m, a, j0 * n + k0, n, 1, panel, po + r0, m, rows, w, j0 - k0);
            for (int j = j0; j < j0 + rows; j++) {
                int prow = po + (j - k0) * m;
                kernels.subtractProduct(panel, prow + r0, m, a, j * n + j0, 0, 1, panel, group + r0, m, 1, w, j - j0);
                double d = a[j * n + j];
                for (int r = r0; r < r1; r++) {
                    panel[prow + r] /= d;
                }
            }
        }
        copies.transpose(panel, po + r0, m, b, w, a, (t0 + r0) * n + k0, n);
    }

    private static int bound(int t, int tasks, int groups) {
        return t == tasks ? groups : (int) Math.round(Math.sqrt((double) t / tasks) * groups);
    }

    /**
     * Groups {@code g0 … g1 − 1} of the trailing lower triangle {@code A22 ← A22 − L21·L21ᵀ} of the
     * panel at {@code k0}, columns from {@code cStart} (those before belong to the look-ahead). Rows
     * go in groups of {@link #GROUP}, swept one column block of {@link #COLUMN_BLOCK} at a time, so
     * that block of the panel stays in cache while the rows stream past it.
     */
    private static void updateGroups(PanelKernels kernels, double[] a, int n, int k0, int b, double[] panel, int po,
            int m, int g0, int g1, int cStart) {
        int t0 = k0 + b;
        for (int c0 = cStart; c0 < GROUP * g1; c0 += COLUMN_BLOCK) {
            for (int g = Math.max(g0, c0 / GROUP); g < g1; g++) {
                int r0 = GROUP * g;
                int rows = Math.min(GROUP, m - r0);
                // the block's columns up to the group's last diagonal; row r0 + q stops at its own (c0 + j ≤ r0 + q)
                int cols = Math.min(COLUMN_BLOCK, r0 + rows - c0);
                if (cols > 0) {
                    int first = (t0 + r0) * n;
                    kernels.subtractProductLower(a, first + t0 + c0, n, a, first + k0, n, 1, panel, po + c0, m, rows,
                            cols, b, r0 - c0);
                }
            }
        }
    }

    /** Unblocked factorisation of the diagonal block at {@code k0} of size {@code b}. */
    private static int factorDiagonalBlock(double[] a, int n, int k0, int b) {
        for (int j = k0; j < k0 + b; j++) {
            int rowJ = j * n;
            double s = a[rowJ + j];
            for (int k = k0; k < j; k++) {
                s = Math.fma(-a[rowJ + k], a[rowJ + k], s);
            }
            if (!(s > 0) || s == Double.POSITIVE_INFINITY) {
                a[rowJ + j] = s;
                return j;
            }
            double d = Math.sqrt(s);
            a[rowJ + j] = d;
            int i = j + 1;
            // four rows' chains interleaved (each chain alone waits on the fused multiply-add's latency)
            for (; i + 4 <= k0 + b; i += 4) {
                int r0 = i * n;
                int r1 = r0 + n;
                int r2 = r1 + n;
                int r3 = r2 + n;
                double acc0 = a[r0 + j];
                double acc1 = a[r1 + j];
                double acc2 = a[r2 + j];
                double acc3 = a[r3 + j];
                for (int k = k0; k < j; k++) {
                    double ljk = a[rowJ + k];
                    acc0 = Math.fma(-a[r0 + k], ljk, acc0);
                    acc1 = Math.fma(-a[r1 + k], ljk, acc1);
                    acc2 = Math.fma(-a[r2 + k], ljk, acc2);
                    acc3 = Math.fma(-a[r3 + k], ljk, acc3);
                }
                a[r0 + j] = acc0 / d;
                a[r1 + j] = acc1 / d;
                a[r2 + j] = acc2 / d;
                a[r3 + j] = acc3 / d;
            }
            for (; i < k0 + b; i++) {
                int row = i * n;
                double acc = a[row + j];
                for (int k = k0; k < j; k++) {
                    acc = Math.fma(-a[row + k], a[rowJ + k], acc);
                }
                a[row + j] = acc / d;
            }
        }
        return -1;
    }

    /**
     * After {@link #factor} returned pivot index {@code j}: the value that pivot had (the Schur
     * complement entry, not positive or not finite).
     */
    public static double failedPivotValue(double[] a, int n, int j) {
        return a[j * n + j];
    }

    /**
     * Factors a full symmetric {@code a} in place, adding jitter to the diagonal when needed: on a
     * failed pivot the lower triangle is restored from the (untouched) upper one and
     * {@code 1e-8·mean(diag)·10ᵏ} is added to the diagonal for {@code k = 0 … 4} until the
     * factorisation succeeds.
     *
     * @param a {@code n × n} row-major, full symmetric (both triangles). Modified: lower triangle
     *     holds {@code L} of {@code A + jitter·I}; strict upper triangle keeps {@code A}.
     * @param n order
     * @param panel scratch of {@link #panelLength(int)} doubles. Modified.
     * @param diagonal scratch of at least {@code n} doubles (the original diagonal). Modified.
     * @param what the matrix's name for the error message (e.g. the kernel)
     * @return the jitter added to every diagonal element (0 when none was needed)
     * @throws IllegalArgumentException when even the largest jitter fails, naming {@code what},
     *     {@code n}, the failing pivot and its value and what to raise; {@code a}'s lower triangle
     *     is then restored to {@code A}
     */
    public static double factorWithJitter(double[] a, int n, double[] panel, double[] diagonal, boolean parallel,
            String what) {
        return factorWithJitter(a, n, panel, diagonal, EngineOptions.defaultsIf(parallel), what);
    }

    /**
     * {@link #factorWithJitter(double[], int, double[], double[], boolean, String)} with the trailing
     * updates spread over {@code options} (the same bits for any executor and parallelism).
     *
     * @throws IllegalArgumentException also when {@code options} is null
     */
    public static double factorWithJitter(double[] a, int n, double[] panel, double[] diagonal, EngineOptions options,
            String what) {
        checkSquare(a, n, "a");
        if (diagonal == null || diagonal.length < n) {
            throw new IllegalArgumentException("diagonal must hold at least " + n + " doubles, got "
                    + (diagonal == null ? "null" : diagonal.length));
        }
        double mean = 0;
        for (int i = 0; i < n; i++) {
            diagonal[i] = a[i * n + i];
            mean += diagonal[i];
        }
        mean = n == 0 ? 0 : mean / n;
        int failed = factor(a, n, panel, options);
        if (failed < 0) {
            return 0;
        }
        double value = failedPivotValue(a, n, failed);
        int attempts = 5;
        double jitter = 0;
        for (int k = 0; k < attempts; k++) {
            jitter = 1e-8 * Math.abs(mean) * Math.pow(10, k);
            restore(a, n, diagonal, jitter);
            failed = factor(a, n, panel, options);
            if (failed < 0) {
                return jitter;
            }
            value = failedPivotValue(a, n, failed);
        }
        restore(a, n, diagonal, 0);
        throw new IllegalArgumentException("Cholesky factorisation of " + what + " (n = " + n
                + ") failed: pivot " + failed + " was " + value + " even with jitter " + jitter
                + " (1e-8·mean(diag)·10^" + (attempts - 1) + ", mean(diag) = " + mean
                + ") added to the diagonal; the matrix is not positive definite: raise the noise variance"
                + " (a WhiteNoise term or alpha) to at least " + Math.max(10 * jitter, Double.MIN_NORMAL)
                + ", or remove duplicated or near-duplicated inputs");
    }

    private static void restore(double[] a, int n, double[] diagonal, double jitter) {
        for (int i = 0; i < n; i++) {
            int row = i * n;
            for (int j = 0; j < i; j++) {
                a[row + j] = a[j * n + i];
            }
            a[row + i] = diagonal[i] + jitter;
        }
    }

    /** {@code log det A = 2·Σ log L_ii} from the factor. */
    public static double logDeterminant(double[] l, int n) {
        checkSquare(l, n, "l");
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += Math.log(l[i * n + i]);
        }
        return 2 * s;
    }

    static void checkSquare(double[] a, int n, String name) {
        Objects.requireNonNull(a, name);
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0, got " + n);
        }
        if ((long) n * n > a.length) {
            throw new IllegalArgumentException(name + " must hold n² = " + (long) n * n + " doubles, got " + a.length);
        }
    }
}
