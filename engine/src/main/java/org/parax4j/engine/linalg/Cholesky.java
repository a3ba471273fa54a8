package org.parax4j.engine.linalg;

import org.jspecify.annotations.Nullable;

import java.util.Objects;
import org.parax4j.engine.EngineOptions;
import org.parax4j.engine.internal.concurrent.Crew;
import org.parax4j.engine.internal.linalg.PanelKernels;

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
 * 6 or 4 rows × 3 vectors, in groups of {@link #GROUP} rows, the diagonal's edge in masked six-row vectors) from
 * the transposed panel, in column blocks per task. Both twins compute
 * each element as the same chain of fused multiply-adds, so the factor is bit-identical for any
 * vector width and any number of threads. In parallel the trailing update's groups of rows are split
 * over the calling thread and helpers on the {@link EngineOptions}' executor (each element is still
 * computed by one chain); {@code parallel = true} means {@link EngineOptions#defaults()}.
 *
 * <p><b>Allocation.</b> The methods taking a {@code panel} buffer allocate nothing when not
 * parallel; its length must be at least {@link #panelLength(int)}.
 *
 * <p>Stateless and thread-safe; the arrays passed are not (one call per set of buffers).
 */
public final class Cholesky {

    /** Panel width (columns factored per block). */
    public static final int BLOCK = 64;

    private static final int PARALLEL_MIN = 256;

    /** Columns of the trailing update swept per pass (the panel's block of them: 64·256·8 = 128 KB). */
    private static final int COLUMN_BLOCK = 256;

    /** Panel rows per task of a parallel panel solve (at least). */
    private static final int PANEL_CHUNK = 128;

    /** Rows per group of the trailing update (two of the inner kernel's six-row register tiles). */
    static final int GROUP = 12;

    private Cholesky() {}

    /**
     * Length of the scratch panel {@link #factor(double[], int, double[], boolean)} needs:
     * {@code BLOCK·(n − BLOCK)}, and 0 for {@code n ≤ BLOCK} (a single diagonal block needs no
     * panel, so small systems factor without any scratch).
     *
     * @throws IllegalArgumentException if {@code n < 0}
     */
    public static int panelLength(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0, got " + n);
        }
        return n <= BLOCK ? 0 : Math.multiplyExact(BLOCK, n - BLOCK);
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
        for (int k0 = 0; k0 < n; k0 += BLOCK) {
            int b = Math.min(BLOCK, n - k0);
            int failed = factorDiagonalBlock(a, n, k0, b);
            if (failed >= 0) {
                return failed;
            }
            int t0 = k0 + b;
            int m = n - t0;
            if (m == 0) {
                break;
            }
            // Panel below the diagonal block, L21 = A21·L11⁻ᵀ, solved transposed (P = L11⁻¹·A21ᵀ, the
            // rows r of P independent, so vectors run along them): P[j][r] = (A[t0+r][j] − Σ_k L[j][k]·P[k][r])
            // / L[j][j], k ascending — the same chain per element as the unblocked loop. Ranges of r are
            // independent: in parallel they are split over the executor (same bits).
            EngineOptions step = m >= PARALLEL_MIN ? options : EngineOptions.singleThreaded();
            if (step.isParallel()) {
                int chunks = Math.min((m + PANEL_CHUNK - 1) / PANEL_CHUNK, 2 * step.parallelism());
                int per = ((m + chunks - 1) / chunks + 31) & ~31;
                int k0f = k0;
                Crew.forEach(step.executor(), step.parallelism(), (m + per - 1) / per,
                        c -> solvePanel(kernels, a, n, k0f, b, panel, m, c * per, Math.min(m, (c + 1) * per)));
            } else {
                solvePanel(kernels, a, n, k0, b, panel, m, 0, m);
            }
            trailingUpdate(kernels, a, n, k0, b, panel, m, step);
        }
        return -1;
    }

    /**
     * Rows {@code r0 … r1 − 1} of the panel below the diagonal block at {@code k0} (width {@code b}):
     * solved transposed into {@code panel} ({@code b × m}), then copied back into {@code a}.
     */
    private static void solvePanel(PanelKernels kernels, double[] a, int n, int k0, int b, double[] panel, int m,
            int r0, int r1) {
        int t0 = k0 + b;
        int w = r1 - r0;
        for (int j = k0; j < t0; j++) {
            int prow = (j - k0) * m;
            for (int r = r0; r < r1; r++) {
                panel[prow + r] = a[(t0 + r) * n + j];
            }
            kernels.subtractProduct(panel, prow + r0, m, a, j * n + k0, 0, 1, panel, r0, m, 1, w, j - k0);
            double d = a[j * n + j];
            for (int r = r0; r < r1; r++) {
                panel[prow + r] /= d;
            }
        }
        for (int i = t0 + r0; i < t0 + r1; i++) {
            int row = i * n;
            for (int j = k0; j < t0; j++) {
                a[row + j] = panel[(j - k0) * m + (i - t0)];
            }
        }
    }

    /**
     * The trailing lower triangle {@code A22 ← A22 − L21·L21ᵀ}. Rows go in groups of {@link #GROUP}; a task
     * takes a contiguous range of groups of about equal triangle area and sweeps it one column
     * block of {@link #COLUMN_BLOCK} at a time, so that block of the panel stays in cache while
     * the task's rows stream past it.
     */
    private static void trailingUpdate(PanelKernels kernels, double[] a, int n, int k0, int b, double[] panel, int m,
            EngineOptions options) {
        int groups = (m + GROUP - 1) / GROUP;
        if (!options.isParallel()) {
            updateGroups(kernels, a, n, k0, b, panel, m, 0, groups);
            return;
        }
        int tasks = Math.min(groups, 4 * options.parallelism() + 4);
        // Group g costs about g columns: split the triangle into equal areas, bounds at sqrt(t/T)·groups.
        Crew.forEach(options.executor(), options.parallelism(), tasks, t -> updateGroups(kernels, a, n, k0, b, panel, m,
                bound(t, tasks, groups), bound(t + 1, tasks, groups)));
    }

    private static int bound(int t, int tasks, int groups) {
        return t == tasks ? groups : (int) Math.round(Math.sqrt((double) t / tasks) * groups);
    }

    private static void updateGroups(PanelKernels kernels, double[] a, int n, int k0, int b, double[] panel, int m,
            int g0, int g1) {
        int t0 = k0 + b;
        for (int c0 = 0; c0 < GROUP * g1; c0 += COLUMN_BLOCK) {
            for (int g = Math.max(g0, c0 / GROUP); g < g1; g++) {
                int r0 = GROUP * g;
                int rows = Math.min(GROUP, m - r0);
                // the block's columns up to the group's last diagonal; row r0 + q stops at its own (c0 + j ≤ r0 + q)
                int cols = Math.min(COLUMN_BLOCK, r0 + rows - c0);
                if (cols > 0) {
                    int first = (t0 + r0) * n;
                    kernels.subtractProductLower(a, first + t0 + c0, n, a, first + k0, n, 1, panel, c0, m, rows, cols,
                            b, r0 - c0);
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
