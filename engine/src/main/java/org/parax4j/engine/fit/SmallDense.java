package org.parax4j.engine.fit;

/**
 * Small dense linear algebra on row-major {@code double[]} matrices, for the optimisers' n×n and
 * 2m×2m systems (n free parameters, m L-BFGS pairs; tens, not thousands). Plain loops: these
 * systems are far cheaper than one model evaluation. Allocation-free; results never alias inputs
 * unless stated.
 */
final class SmallDense {

    private SmallDense() {}

    /**
     * Solves {@code a·x = b} in place by Gaussian elimination with partial pivoting: {@code a} is
     * destroyed, {@code b} becomes x.
     *
     * @param a the n×n matrix, row-major. Destroyed.
     * @param b the right-hand side. Replaced by the solution.
     * @param n the order
     * @return false when a pivot is exactly zero or not finite (singular system; b is then undefined)
     */
    static boolean solveInPlace(double[] a, double[] b, int n) {
        for (int col = 0; col < n; col++) {
            int piv = pivot(a, n, col);
            if (piv < 0) {
                return false;
            }
            if (piv != col) {
                swapRows(a, n, col, piv);
                double t = b[col];
                b[col] = b[piv];
                b[piv] = t;
            }
            double d = a[col * n + col];
            for (int r = col + 1; r < n; r++) {
                double factor = a[r * n + col] / d;
                if (factor != 0) {
                    for (int c = col; c < n; c++) {
                        a[r * n + c] -= factor * a[col * n + c];
                    }
                    b[r] -= factor * b[col];
                }
            }
        }
        for (int r = n - 1; r >= 0; r--) {
            double s = b[r];
            for (int c = r + 1; c < n; c++) {
                s -= a[r * n + c] * b[c];
            }
            b[r] = s / a[r * n + r];
        }
        return true;
    }

    /**
     * Inverts {@code a} into {@code inv} by Gauss–Jordan elimination with partial pivoting.
     *
     * @param a the n×n matrix. Destroyed.
     * @param inv destination, n×n. Modified.
     * @param n the order
     * @return false when singular
     */
    static boolean invert(double[] a, double[] inv, int n) {
        java.util.Arrays.fill(inv, 0, n * n, 0);
        for (int i = 0; i < n; i++) {
            inv[i * n + i] = 1;
        }
        for (int col = 0; col < n; col++) {
            int piv = pivot(a, n, col);
            if (piv < 0) {
                return false;
            }
            if (piv != col) {
                swapRows(a, n, col, piv);
                swapRows(inv, n, col, piv);
            }
            double d = a[col * n + col];
            for (int c = 0; c < n; c++) {
                a[col * n + c] /= d;
                inv[col * n + c] /= d;
            }
            for (int r = 0; r < n; r++) {
                double factor = a[r * n + col];
                if (r != col && factor != 0) {
                    for (int c = 0; c < n; c++) {
                        a[r * n + c] -= factor * a[col * n + c];
                        inv[r * n + c] -= factor * inv[col * n + c];
                    }
                }
            }
        }
        return true;
    }

    /** The row at or below {@code col} with the largest |a[r][col]|, or −1 when that is 0 or not finite. */
    private static int pivot(double[] a, int n, int col) {
        int piv = col;
        double best = Math.abs(a[col * n + col]);
        for (int r = col + 1; r < n; r++) {
            double v = Math.abs(a[r * n + col]);
            if (v > best) {
                best = v;
                piv = r;
            }
        }
        return best > 0 && Double.isFinite(best) ? piv : -1;
    }

    private static void swapRows(double[] a, int n, int i, int j) {
        for (int c = 0; c < n; c++) {
            double t = a[i * n + c];
            a[i * n + c] = a[j * n + c];
            a[j * n + c] = t;
        }
    }

    /**
     * Cholesky factorisation {@code a = L·Lᵀ} in place (lower triangle holds L; the strict upper
     * triangle is left as it was).
     *
     * @param a symmetric n×n matrix. Lower triangle replaced by L.
     * @param n the order
     * @return false when a pivot is not positive (the matrix is not numerically positive definite)
     */
    static boolean cholesky(double[] a, int n) {
        for (int j = 0; j < n; j++) {
            double d = a[j * n + j];
            for (int k = 0; k < j; k++) {
                d -= a[j * n + k] * a[j * n + k];
            }
            if (!(d > 0) || !Double.isFinite(d)) {
                return false;
            }
            double l = Math.sqrt(d);
            a[j * n + j] = l;
            for (int i = j + 1; i < n; i++) {
                double s = a[i * n + j];
                for (int k = 0; k < j; k++) {
                    s -= a[i * n + k] * a[j * n + k];
                }
                a[i * n + j] = s / l;
            }
        }
        return true;
    }

    /** Solves {@code L·Lᵀ·x = b} in place given the factor from {@link #cholesky}. */
    static void choleskySolve(double[] l, double[] b, int n) {
        for (int i = 0; i < n; i++) {
            double s = b[i];
            for (int k = 0; k < i; k++) {
                s -= l[i * n + k] * b[k];
            }
            b[i] = s / l[i * n + i];
        }
        for (int i = n - 1; i >= 0; i--) {
            double s = b[i];
            for (int k = i + 1; k < n; k++) {
                s -= l[k * n + i] * b[k];
            }
            b[i] = s / l[i * n + i];
        }
    }

    /** Dot product of {@code a[aOff..aOff+n)} and {@code b[bOff..bOff+n)}. */
    static double dot(double[] a, int aOff, double[] b, int bOff, int n) {
        double s0 = 0;
        double s1 = 0;
        int i = 0;
        for (; i + 1 < n; i += 2) {
            s0 += a[aOff + i] * b[bOff + i];
            s1 += a[aOff + i + 1] * b[bOff + i + 1];
        }
        if (i < n) {
            s0 += a[aOff + i] * b[bOff + i];
        }
        return s0 + s1;
    }
}
