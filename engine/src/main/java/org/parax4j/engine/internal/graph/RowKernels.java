package org.parax4j.engine.internal.graph;

/**
 * Kernel nodes evaluated row by row ({@link Node.KernelSpec}: RBF and Matérn, optionally scaled):
 * the plain value and the dual-mode value with tangents, both through the scratch's
 * {@link KernelRows} (all cores of its executor for large matrices, the same bits on any number of
 * threads). Hyperparameter tangents come in one pass per row through {@link GraphOps#kernelRow} and
 * {@link GraphOps#kernelTangentRow}, input tangents (when {@code X} depends on parameters) in a
 * second pass: {@code dK/dx1_ie = −σ²·g·(x1_ie − x2_je)/ℓ_e²} and the opposite for {@code x2}.
 * Allocates nothing on one thread. Stateless (state lives in the {@link Scratch}).
 */
final class RowKernels {

    private RowKernels() {}

    /**
     * Prepares {@code s.invL} ({@code 1/ℓ_e}) and {@code s.x2t} (the second input, transposed; not
     * scaled, so that differences are formed before scaling) for a kernel node; returns the variance
     * (1 when unscaled).
     */
    private static double prepare(Scratch s, Node node) {
        Node.KernelSpec spec = (Node.KernelSpec) node.data();
        int d = spec.d();
        int[] in = node.inputs();
        double[] ls = s.values[in[2]];
        for (int e = 0; e < d; e++) {
            s.invL[e] = 1 / (ls.length == 1 ? ls[0] : ls[e]);
        }
        double[] x2 = s.values[in[1]];
        int m = s.graph.node(in[1]).shape().rows();
        for (int j = 0; j < m; j++) {
            for (int e = 0; e < d; e++) {
                s.x2t[e * m + j] = x2[j * d + e];
            }
        }
        return spec.scaled() ? s.values[in[3]][0] : 1;
    }

    /**
     * Whether some of the {@code d} inverse length scales is infinite ({@code ℓ} below about
     * 5.56e-309): the kernel rows then take the limit {@code ℓ → 0} in those dimensions (see
     * {@link ScalarGraphOps#kernelRowLimit}). A check per kernel node evaluation, not per element.
     */
    static boolean limit(double[] invL, int d) {
        for (int e = 0; e < d; e++) {
            if (Double.isInfinite(invL[e])) {
                return true;
            }
        }
        return false;
    }

    /** The node's value into {@code z}. */
    static void value(GraphOps ops, Scratch s, Node node, double[] z) {
        Node.KernelSpec spec = (Node.KernelSpec) node.data();
        double variance = prepare(s, node);
        int[] in = node.inputs();
        int n = s.graph.node(in[0]).shape().rows();
        int m = s.graph.node(in[1]).shape().rows();
        s.kernelRows().rows(ops, s, spec, s.values[in[0]], n, m, variance, z, 0, null, false);
    }

    /** Value and tangent slots of node {@code i} in chunk {@code c}. */
    static void tangent(GraphOps ops, Scratch s, int c, int i, Node node) {
        GraphDef g = s.graph;
        Node.KernelSpec spec = (Node.KernelSpec) node.data();
        int d = spec.d();
        int[] in = node.inputs();
        double variance = prepare(s, node);
        int nRows = g.node(in[0]).shape().rows();
        int m = g.node(in[1]).shape().rows();
        int size = node.size();
        int slots = s.plan.dirs(c, i).length;
        double[] ls = s.values[in[2]];
        double[] tls = s.tangents[in[2]];
        int[] mapL = s.plan.slotMap(c, i, 2);
        int[] mapV = spec.scaled() ? s.plan.slotMap(c, i, 3) : null;
        double[] tv = mapV != null ? s.tangents[in[3]] : null;
        double[] x1 = s.values[in[0]];
        double[] x2 = s.values[in[1]];
        boolean limit = limit(s.invL, d);
        int entries = coefficients(s, slots, mapL, mapV, ls, tls, tv, d, !limit);
        // The unscaled tangent form d²·(dℓ/ℓ³) may overflow (tiny ℓ, huge inputs) where the true
        // tangent is finite or 0: then the guarded rows, whose coefficients lack the 1/ℓ².
        double bound = maxAbs(x1, 0, nRows * d) + maxAbs(x2, 0, m * d);
        boolean guarded = limit || !tangentsFit(s, bound, entries);
        if (guarded && !limit) {
            coefficients(s, slots, mapL, mapV, ls, tls, tv, d, false);
        }
        double[] t = s.tangents[i];
        KernelRows rows = s.kernelRows();
        rows.rows(ops, s, spec, x1, nRows, m, variance, s.values[i], slots, t, guarded);
        int[] map1 = s.plan.slotMap(c, i, 0);
        int[] map2 = s.plan.slotMap(c, i, 1);
        for (int slot = 0; slot < slots; slot++) {
            if (map1[slot] >= 0 || map2[slot] >= 0) {
                double[] t1 = map1[slot] >= 0 ? s.tangents[in[0]] : null;
                double[] t2 = map2[slot] >= 0 ? s.tangents[in[1]] : null;
                int o1 = map1[slot] * nRows * d;
                int o2 = map2[slot] * m * d;
                // δ·(1/ℓ²)·dx may overflow (tiny ℓ, huge inputs or tangents): then the guarded pass
                double dx = (t1 == null ? 0 : maxAbs(t1, o1, nRows * d)) + (t2 == null ? 0 : maxAbs(t2, o2, m * d));
                double invL2 = 0;
                for (int e = 0; e < d; e++) {
                    invL2 = Math.max(invL2, s.invL[e] * s.invL[e]);
                }
                boolean guard = limit || !(4 * bound * invL2 * dx * d < Double.POSITIVE_INFINITY);
                rows.inputs(s, spec, x1, nRows, m, variance, t1, o1, t2, o2, t, slot * size, guard);
            }
        }
    }

    /**
     * Fills the slot tables {@code s.start}, {@code s.dim}, {@code s.coef}, {@code s.coefV}; the
     * length-scale coefficient is {@code dℓ/ℓ}, times {@code 1/ℓ²} when {@code squared} (inputs
     * reach the unguarded tangent rows unscaled). Returns the number of entries.
     */
    private static int coefficients(Scratch s, int slots, int[] mapL, int[] mapV, double[] ls, double[] tls,
            double[] tv, int d, boolean squared) {
        int q = 0;
        for (int slot = 0; slot < slots; slot++) {
            s.start[slot] = q;
            if (mapL[slot] >= 0) {
                int base = mapL[slot] * ls.length;
                for (int e = 0; e < d; e++) {
                    int le = ls.length == 1 ? 0 : e;
                    double cf = squared ? tls[base + le] / ls[le] * s.invL[e] * s.invL[e] : tls[base + le] / ls[le];
                    if (cf != 0) {
                        s.dim[q] = e;
                        s.coef[q++] = cf;
                    }
                }
            }
            s.coefV[slot] = mapV != null && mapV[slot] >= 0 ? tv[mapV[slot]] : 0;
        }
        s.start[slots] = q;
        return q;
    }

    /**
     * Whether the unguarded tangent rows' {@code δ·coef·δ} stays finite for every coefficient and
     * every coordinate difference {@code |δ| ≤ max|x1| + max|x2|} (with a margin of 4 for rounding),
     * so that no {@code ∞·0} can arise. One pass over the inputs per kernel node evaluation.
     */
    private static boolean tangentsFit(Scratch s, double bound, int entries) {
        double square = 4 * bound * bound;
        for (int q = 0; q < entries; q++) {
            if (!(Math.abs(s.coef[q]) * square < Double.POSITIVE_INFINITY)) {
                return false;
            }
        }
        return true;
    }

    private static double maxAbs(double[] x, int from, int n) {
        double max = 0;
        for (int k = from; k < from + n; k++) {
            max = Math.max(max, Math.abs(x[k]));
        }
        return max;
    }
}
