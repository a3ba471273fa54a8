package org.parax4j.engine.internal.graph;

import org.parax4j.engine.linalg.Lu;

/**
 * Values and tangents of {@link Op#SOLVE} and {@link Op#DET} nodes from the engine's LU
 * factorisation with partial pivoting ({@link Lu}), O(n³) per sample, meant for the tiny matrices
 * of per-frequency network models (2×2 to 8×8). Derivatives: {@code dX = A⁻¹(dB − dA·X)} for a
 * solve and {@code d det A = det A · tr(A⁻¹ dA)} for a determinant, so both need a non-singular A
 * (a singular one gives infinite or NaN values and tangents, never an exception at run time: the
 * factor's singularity report is deliberately ignored). Scalar code only, shared by both
 * {@link GraphOps} twins; works in the caller's scratch arrays ({@code coefA} holds the factor,
 * {@code pivots} the row exchanges) and allocates nothing. Stateless.
 */
final class DenseSolve {

    private DenseSolve() {}

    /** Copies the {@code n × n} matrix A into {@code s.coefA} and factors it there with {@link Lu}. */
    private static void factor(Scratch s, double[] a, int n) {
        System.arraycopy(a, 0, s.coefA, 0, n * n);
        Lu.factor(s.coefA, n, s.pivots);
    }

    /** Solves {@code A·X = B} with the factor in {@code s}, writing the {@code n × k} X to {@code x[xo…]}. */
    private static void solve(Scratch s, int n, double[] b, int bo, int k, double[] x, int xo) {
        System.arraycopy(b, bo, x, xo, n * k);
        Lu.solve(s.coefA, n, s.pivots, x, xo, k);
    }

    /** The value of a SOLVE or DET node. */
    static void value(Scratch s, Node node, double[] z) {
        int[] in = node.inputs();
        Shape as = s.graph.node(in[0]).shape();
        int n = as.rows();
        factor(s, s.values[in[0]], n);
        if (node.op() == Op.DET) {
            z[0] = Lu.determinant(s.coefA, n, s.pivots);
        } else {
            solve(s, n, s.values[in[1]], 0, node.shape().cols(), z, 0);
        }
    }

    /** The tangent slots of a SOLVE or DET node in chunk c; its value is current. */
    static void tangent(Scratch s, int c, int i) {
        Node node = s.graph.node(i);
        int[] in = node.inputs();
        int n = s.graph.node(in[0]).shape().rows();
        int size = node.size();
        int slots = s.plan.dirs(c, i).length;
        factor(s, s.values[in[0]], n);
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
                solve(s, n, ta, mapA[slot] * n * n, n, s.expandA, 0);
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
            solve(s, n, s.expandB, 0, k, t, slot * size);
        }
    }
}
