package org.parax4j.engine.linalg;

import java.util.Objects;

/**
 * LU factorisation with partial pivoting {@code P·A = L·U} of a small dense square matrix (Golub
 * and Van Loan §3.4: at step {@code k} the row with the largest {@code |a_rk|}, {@code r ≥ k}, is
 * exchanged into place) and what follows from it: solves with vector and matrix right-hand sides,
 * the determinant and the inverse. Meant for tiny to moderate orders (the optimisers' n×n and
 * 2m×2m systems, the graph's per-sample {@code solve}/{@code det} nodes): plain loops, O(n³),
 * no blocking.
 *
 * <p><b>Layout.</b> Matrices are row-major {@code double[]}: element {@code (i, j)} of an
 * {@code n × n} matrix is {@code a[i·n + j]}; an {@code n × k} right-hand side is
 * {@code b[i·k + j]}. The factor overwrites the matrix: {@code L} (unit diagonal, not stored)
 * below the diagonal, {@code U} on and above it. The row exchanges are recorded LAPACK-style in
 * {@code pivots}: at step {@code k} row {@code k} was exchanged with row {@code pivots[k] ≥ k}.
 *
 * <p><b>Singular matrices.</b> {@link #factor} reports the first pivot that is exactly zero or not
 * finite but still completes the elimination, so the factor then holds infinite or NaN entries and
 * every result computed from it is infinite or NaN (never an exception): callers choose between
 * testing the return value and propagating the non-finite values.
 *
 * <p><b>Allocation.</b> None: the caller provides every buffer. Stateless and thread-safe; the
 * arrays passed are not (one call per set of buffers).
 */
public final class Lu {

    private Lu() {}

    /**
     * Factors the {@code n × n} matrix {@code a} in place into {@code L} and {@code U}.
     *
     * @param a {@code n × n} row-major (at least {@code n²} doubles). Modified: holds {@code L}
     *     strictly below the diagonal and {@code U} on and above it.
     * @param n order, {@code ≥ 0}
     * @param pivots at least {@code n} ints. Modified: the row exchanges (see the class comment).
     * @return {@code −1} when every pivot is non-zero and finite, else the index of the first one
     *     that is zero or not finite (the matrix is singular to working precision, or holds
     *     non-finite values); the elimination is then still completed, with infinite or NaN entries
     * @throws IllegalArgumentException if {@code n < 0} or an array is too short (nothing is changed)
     */
    public static int factor(double[] a, int n, int[] pivots) {
        Cholesky.checkSquare(a, n, "a");
        checkPivots(pivots, n);
        int failed = -1;
        for (int col = 0; col < n; col++) {
            int pivot = col;
            double best = Math.abs(a[col * n + col]);
            for (int r = col + 1; r < n; r++) {
                double v = Math.abs(a[r * n + col]);
                if (v > best) {
                    best = v;
                    pivot = r;
                }
            }
            pivots[col] = pivot;
            if (failed < 0 && !(best > 0 && best < Double.POSITIVE_INFINITY)) {
                failed = col;
            }
            if (pivot != col) {
                swapRows(a, n, col, pivot);
            }
            double d = a[col * n + col];
            for (int r = col + 1; r < n; r++) {
                double f = a[r * n + col] / d;
                a[r * n + col] = f;
                for (int c = col + 1; c < n; c++) {
                    a[r * n + c] -= f * a[col * n + c];
                }
            }
        }
        return failed;
    }

    /**
     * The determinant from a factor: {@code ±∏ U_kk}, the sign that of the row permutation.
     *
     * @param lu the factor from {@link #factor}
     * @param n order
     * @param pivots the row exchanges from {@link #factor}
     * @return {@code det A}; zero, infinite or NaN for a matrix {@link #factor} reported singular
     * @throws IllegalArgumentException if {@code n < 0} or an array is too short
     */
    public static double determinant(double[] lu, int n, int[] pivots) {
        Cholesky.checkSquare(lu, n, "lu");
        checkPivots(pivots, n);
        double d = 1;
        for (int k = 0; k < n; k++) {
            if (pivots[k] != k) {
                d = -d;
            }
        }
        for (int k = 0; k < n; k++) {
            d *= lu[k * n + k];
        }
        return d;
    }

    /**
     * Solves {@code A·X = B} in place for the {@code n × k} row-major right-hand side at
     * {@code b[bOff …]}: rows exchanged as recorded, then forward substitution with {@code L} and
     * back substitution with {@code U}, one column at a time.
     *
     * @param lu the factor from {@link #factor}
     * @param n order
     * @param pivots the row exchanges from {@link #factor}
     * @param b holds {@code B} at {@code b[bOff … bOff + n·k)}. Modified: becomes {@code X}.
     * @param bOff offset of {@code B} in {@code b}
     * @param k number of right-hand-side columns, {@code ≥ 0}
     * @throws IllegalArgumentException if {@code n < 0}, {@code k < 0} or an array is too short
     */
    public static void solve(double[] lu, int n, int[] pivots, double[] b, int bOff, int k) {
        Cholesky.checkSquare(lu, n, "lu");
        checkPivots(pivots, n);
        Objects.requireNonNull(b, "b");
        if (k < 0 || bOff < 0 || bOff + (long) n * k > b.length) {
            throw new IllegalArgumentException("b must hold n × k = " + n + " × " + k + " doubles from offset "
                    + bOff + ", got " + b.length + " doubles");
        }
        for (int r = 0; r < n; r++) {
            if (pivots[r] != r) {
                for (int j = 0; j < k; j++) {
                    double t = b[bOff + r * k + j];
                    b[bOff + r * k + j] = b[bOff + pivots[r] * k + j];
                    b[bOff + pivots[r] * k + j] = t;
                }
            }
        }
        substitute(lu, n, b, bOff, k);
    }

    /** Solves {@code A·x = b} in place for a vector {@code b} of at least {@code n} doubles (see {@link #solve}). */
    public static void solve(double[] lu, int n, int[] pivots, double[] b) {
        solve(lu, n, pivots, b, 0, 1);
    }

    /**
     * Writes {@code A⁻¹} into {@code out}: the identity with the recorded row exchanges, then the
     * substitutions of {@link #solve} on its {@code n} columns.
     *
     * @param lu the factor from {@link #factor}
     * @param n order
     * @param pivots the row exchanges from {@link #factor}
     * @param out destination of at least {@code n²} doubles, not {@code lu}. Modified.
     * @throws IllegalArgumentException if {@code n < 0}, an array is too short or {@code out == lu}
     */
    public static void inverse(double[] lu, int n, int[] pivots, double[] out) {
        Cholesky.checkSquare(lu, n, "lu");
        Cholesky.checkSquare(out, n, "out");
        checkPivots(pivots, n);
        if (out == lu) {
            throw new IllegalArgumentException("out must not be the factor array");
        }
        java.util.Arrays.fill(out, 0, n * n, 0.0);
        for (int i = 0; i < n; i++) {
            out[i * n + i] = 1;
        }
        for (int r = 0; r < n; r++) {
            if (pivots[r] != r) {
                swapRows(out, n, r, pivots[r]);
            }
        }
        substitute(lu, n, out, 0, n);
    }

    /** {@code L·U·X = B} for the already permuted {@code B}, in place. */
    private static void substitute(double[] lu, int n, double[] x, int xo, int k) {
        for (int j = 0; j < k; j++) {
            for (int r = 1; r < n; r++) {
                double acc = x[xo + r * k + j];
                for (int c = 0; c < r; c++) {
                    acc -= lu[r * n + c] * x[xo + c * k + j];
                }
                x[xo + r * k + j] = acc;
            }
            for (int r = n - 1; r >= 0; r--) {
                double acc = x[xo + r * k + j];
                for (int c = r + 1; c < n; c++) {
                    acc -= lu[r * n + c] * x[xo + c * k + j];
                }
                x[xo + r * k + j] = acc / lu[r * n + r];
            }
        }
    }

    private static void swapRows(double[] a, int n, int i, int j) {
        for (int c = 0; c < n; c++) {
            double t = a[i * n + c];
            a[i * n + c] = a[j * n + c];
            a[j * n + c] = t;
        }
    }

    private static void checkPivots(int[] pivots, int n) {
        Objects.requireNonNull(pivots, "pivots");
        if (pivots.length < n) {
            throw new IllegalArgumentException("pivots must hold n = " + n + " ints, got " + pivots.length);
        }
    }
}
