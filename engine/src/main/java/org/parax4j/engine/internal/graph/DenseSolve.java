package org.parax4j.engine.internal.graph;

/**
 * Small dense linear algebra for {@link Op#SOLVE} and {@link Op#DET} nodes: LU factorisation with
 * partial pivoting (row exchanges, the largest pivot of each column, Golub and Van Loan §3.4) and
 * substitution, O(n³) per sample, meant for the tiny matrices of per-frequency network models
 * (2×2 to 8×8). Derivatives: {@code dX = A⁻¹(dB − dA·X)} for a solve and
 * {@code d det A = det A · tr(A⁻¹ dA)} for a determinant, so both need a non-singular A (a
 * singular one gives infinite or NaN values and tangents, never an exception at run time).
 * Scalar code only, shared by both {@link GraphOps} twins; works in the caller's scratch arrays and
 * allocates nothing. Stateless.
 */
final class DenseSolve {

    private DenseSolve() {}

    /**
     * Factorises the {@code n × n} matrix at {@code a[ao…]} into {@code lu} (L below the diagonal
     * with a unit diagonal, U on and above it) with the row order in {@code perm} (as doubles, so
     * that a double scratch array can hold it).
     *
     * @return the sign of the permutation, ±1
     */
    static double factor(double[] a, int ao, int n, double[] lu, double[] perm) {
        System.arraycopy(a, ao, lu, 0, n * n);
        double sign = 1;
        for (int r = 0; r < n; r++) {
            perm[r] = r;
        }
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int r = col + 1; r < n; r++) {
                if (Math.abs(lu[r * n + col]) > Math.abs(lu[pivot * n + col])) {
                    pivot = r;
                }
            }
            if (pivot != col) {
                for (int c = 0; c < n; c++) {
                    double t = lu[col * n + c];
                    lu[col * n + c] = lu[pivot * n + c];
                    lu[pivot * n + c] = t;
                }
                double t = perm[col];
                perm[col] = perm[pivot];
                perm[pivot] = t;
                sign = -sign;
            }
            double d = lu[col * n + col];
            for (int r = col + 1; r < n; r++) {
                double f = lu[r * n + col] / d;
                lu[r * n + col] = f;
                for (int c = col + 1; c < n; c++) {
                    lu[r * n + c] -= f * lu[col * n + c];
                }
            }
        }
        return sign;
    }

    /** The determinant from a factorisation: the sign times the product of U's diagonal. */
    static double det(double[] lu, int n, double sign) {
        double d = sign;
        for (int k = 0; k < n; k++) {
            d *= lu[k * n + k];
        }
        return d;
    }

    /**
     * Solves {@code A·X = B} for the {@code n × k} right-hand side at {@code b[bo…]}, writing X to
     * {@code x[xo…]} (which must not overlap b).
     */
    static void solve(double[] lu, double[] perm, int n, double[] b, int bo, int k, double[] x, int xo) {
        for (int r = 0; r < n; r++) {
            System.arraycopy(b, bo + (int) perm[r] * k, x, xo + r * k, k);
        }
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

    /** The value of a SOLVE or DET node. */
    static void value(Scratch s, Node node, double[] z) {
        int[] in = node.inputs();
        Shape as = s.graph.node(in[0]).shape();
        int n = as.rows();
        double sign = factor(s.values[in[0]], 0, n, s.coefA, s.coefB);
        if (node.op() == Op.DET) {
            z[0] = det(s.coefA, n, sign);
        } else {
            solve(s.coefA, s.coefB, n, s.values[in[1]], 0, node.shape().cols(), z, 0);
        }
    }

    /** The tangent slots of a SOLVE or DET node in chunk c; its value is current. */
    static void tangent(Scratch s, int c, int i) {
        Node node = s.graph.node(i);
        int[] in = node.inputs();
        int n = s.graph.node(in[0]).shape().rows();
        int size = node.size();
        int slots = s.plan.dirs(c, i).length;
        double sign = factor(s.values[in[0]], 0, n, s.coefA, s.coefB);
        int[] mapA = s.plan.slotMap(c, i, 0);
        double[] ta = s.tangents[in[0]];
        double[] t = s.tangents[i];
        if (node.op() == Op.DET) {
            double det = s.values[i][0];
            for (int slot = 0; slot < slots; slot++) {
                if (mapA[slot] < 0) {
                    t[slot] = 0;
                    continue;
                }
                solve(s.coefA, s.coefB, n, ta, mapA[slot] * n * n, n, s.expandA, 0);
                double trace = 0;
                for (int k = 0; k < n; k++) {
                    trace += s.expandA[k * n + k];
                }
                t[slot] = det * trace;
            }
            return;
        }
        int k = node.shape().cols();
        int[] mapB = s.plan.slotMap(c, i, 1);
        double[] x = s.values[i];
        double[] tb = s.tangents[in[1]];
        for (int slot = 0; slot < slots; slot++) {
            // rhs = tB − tA·X into expandB, then X' = A⁻¹·rhs
            for (int r = 0; r < n; r++) {
                for (int j = 0; j < k; j++) {
                    double v = mapB[slot] < 0 ? 0 : tb[mapB[slot] * size + r * k + j];
                    if (mapA[slot] >= 0) {
                        int ao = mapA[slot] * n * n + r * n;
                        for (int q = 0; q < n; q++) {
                            v -= ta[ao + q] * x[q * k + j];
                        }
                    }
                    s.expandB[r * k + j] = v;
                }
            }
            solve(s.coefA, s.coefB, n, s.expandB, 0, k, t, slot * size);
        }
    }
}
