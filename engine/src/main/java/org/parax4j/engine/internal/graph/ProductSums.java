package org.parax4j.engine.internal.graph;

import java.util.Arrays;

/**
 * Sums and differences of two products, {@code z = x₀·y₀ ± x₁·y₁} (a complex product's real and
 * imaginary parts, a 2×2 matrix entry; a square {@code x²} counts as {@code x·x}, so
 * {@code |z|² = re² + im²} is one), differentiated in one pass: where both products are used
 * only by the sum and every operand has the sum's size, the sum's tangent is taken directly from
 * the four operands' tangents, {@code t_z = y₀·t_x₀ + x₀·t_y₀ ± (y₁·t_x₁ + x₁·t_y₁)}
 * ({@link GraphOps#combine4}; for two squares, {@code t_z = 2x·t_x ± 2y·t_y} by
 * {@link GraphOps#combine}), and the products' own tangents are neither stored nor computed. The
 * two parts of a complex product go through {@link ComplexProducts} instead.
 * Values are untouched. Stateless and thread-safe; {@link #of} allocates, {@link #tangent} does
 * not.
 */
final class ProductSums {

    /** Role of a node that is none of these. */
    static final byte NONE = 0;
    /** Role of a sum or difference whose tangent is taken from its products' operands. */
    static final byte SUM = 1;
    /** Role of a product whose tangent is skipped (its only user is a {@link #SUM}). */
    static final byte PRODUCT = 2;

    private ProductSums() {}

    /** Each node's role ({@link #NONE}, {@link #SUM} or {@link #PRODUCT}). New array. */
    static byte[] of(GraphDef g) {
        int size = g.size();
        int[] uses = new int[size];
        for (int i = 0; i < size; i++) {
            for (int in : g.node(i).inputs()) {
                uses[in]++;
            }
        }
        uses[g.output()]++;
        byte[] role = new byte[size];
        for (int i = 0; i < size; i++) {
            Node node = g.node(i);
            if (node.op() != Op.ADD && node.op() != Op.SUB) {
                continue;
            }
            int p = node.inputs()[0];
            int q = node.inputs()[1];
            if (p != q && fusable(g, p, uses, node.size()) && fusable(g, q, uses, node.size())) {
                role[i] = SUM;
                role[p] = PRODUCT;
                role[q] = PRODUCT;
            }
        }
        return role;
    }

    private static boolean fusable(GraphDef g, int p, int[] uses, int n) {
        Node node = g.node(p);
        if (uses[p] != 1 || node.size() != n) {
            return false;
        }
        return node.op() == Op.SQUARE ? g.node(node.inputs()[0]).size() == n : node.op() == Op.MUL
                && g.node(node.inputs()[0]).size() == n && g.node(node.inputs()[1]).size() == n;
    }

    /** The tangent of {@link #SUM} node {@code i} in chunk {@code c} (its products carry none). */
    static void tangent(GraphOps ops, Scratch s, int c, int i) {
        GraphDef g = s.graph;
        Node node = g.node(i);
        int n = node.size();
        int p = node.inputs()[0];
        int q = node.inputs()[1];
        int px = factor(g.node(p), 0);
        int py = factor(g.node(p), 1);
        int qx = factor(g.node(q), 0);
        int qy = factor(g.node(q), 1);
        double[] yq = s.values[qy];
        double[] xq = s.values[qx];
        double[] c0 = s.values[py];
        double[] c1 = s.values[px];
        boolean squares = g.node(p).op() == Op.SQUARE && g.node(q).op() == Op.SQUARE;
        if (squares) {
            // x² ± y²: t = 2x·t_x ± 2y·t_y, two terms instead of four.
            ops.binaryScalarRight(Op.MUL, c0, 0, 2, s.coefA, 0, n);
            ops.binaryScalarRight(Op.MUL, yq, 0, node.op() == Op.SUB ? -2 : 2, s.coefB, 0, n);
            c0 = s.coefA;
            yq = s.coefB;
        } else if (node.op() == Op.SUB) {
            ops.unary(Op.NEG, 0, yq, 0, s.coefA, 0, n);
            ops.unary(Op.NEG, 0, xq, 0, s.coefB, 0, n);
            yq = s.coefA;
            xq = s.coefB;
        }
        double[] t0 = s.tangents[px];
        double[] t1 = s.tangents[py];
        double[] t2 = s.tangents[qx];
        double[] t3 = s.tangents[qy];
        int[] mapP = s.plan.slotMap(c, i, 0);
        int[] mapQ = s.plan.slotMap(c, i, 1);
        double[] t = s.tangents[i];
        for (int slot = 0; slot < mapP.length; slot++) {
            int to = slot * n;
            int o0 = offset(s, c, p, 0, mapP[slot], n);
            int o1 = offset(s, c, p, 1, mapP[slot], n);
            int o2 = offset(s, c, q, 0, mapQ[slot], n);
            int o3 = offset(s, c, q, 1, mapQ[slot], n);
            if (squares) {
                if (o0 >= 0 && o2 >= 0) {
                    ops.combine(c0, t0, o0, yq, t2, o2, t, to, n);
                    continue;
                }
                o1 = -1;
                o3 = -1;
            } else if (o0 >= 0 && o1 >= 0 && o2 >= 0 && o3 >= 0) {
                ops.combine4(c0, t0, o0, c1, t1, o1, yq, t2, o2, xq, t3, o3, t, to, n);
                continue;
            }
            boolean written = term(ops, c0, t0, o0, t, to, n, false);
            written = term(ops, c1, t1, o1, t, to, n, written);
            written = term(ops, yq, t2, o2, t, to, n, written);
            written = term(ops, xq, t3, o3, t, to, n, written);
            if (!written) {
                Arrays.fill(t, to, to + n, 0);
            }
        }
    }

    /** Factor {@code a} (0 or 1) of a product ({@code x} both times for {@code x²}). */
    private static int factor(Node product, int a) {
        return product.inputs()[product.op() == Op.SQUARE ? 0 : a];
    }

    /** Offset of the tangent of factor {@code a} of product {@code p} at its slot {@code at}, or −1. */
    static int offset(Scratch s, int c, int p, int a, int at, int n) {
        int operand = s.graph.node(p).op() == Op.SQUARE ? 0 : a;
        int from = at < 0 ? -1 : s.plan.slotMap(c, p, operand)[at];
        return from < 0 ? -1 : from * n;
    }

    /** Writes (or, once written, adds) {@code coef·tv[o…]} into {@code t[to…]}; returns whether t is written. */
    private static boolean term(GraphOps ops, double[] coef, double[] tv, int o, double[] t, int to, int n,
            boolean written) {
        if (o < 0) {
            return written;
        }
        if (written) {
            ops.mulAdd(coef, 0, tv, o, t, to, n);
        } else {
            ops.binary(Op.MUL, coef, 0, tv, o, t, to, n);
        }
        return true;
    }
}
