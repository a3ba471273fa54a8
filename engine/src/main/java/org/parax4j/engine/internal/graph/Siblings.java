package org.parax4j.engine.internal.graph;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Pairs of unary nodes on the same input whose values are each other's derivatives ({@code sin}
 * and {@code cos}, {@code sinh} and {@code cosh}, as complex {@code exp}, {@code cosh} and
 * {@code sinh} record them), so that the dual executor takes a node's derivative coefficient from
 * its sibling's value instead of evaluating a second transcendental function. Stateless and
 * thread-safe; {@link #of} allocates, {@link #tangent} does not.
 */
final class Siblings {

    private Siblings() {}

    /**
     * For each node, the index of its sibling (the node whose value is its derivative up to sign),
     * or −1. New array.
     */
    static int[] of(GraphDef g) {
        int[] sibling = new int[g.size()];
        Arrays.fill(sibling, -1);
        Map<Long, Integer> seen = new HashMap<>();
        for (int i = 0; i < g.size(); i++) {
            int kind = kind(g.node(i));
            if (kind < 0) {
                continue;
            }
            long input = g.node(i).inputs()[0];
            Integer partner = seen.get(input * 4 + (kind ^ 1));
            if (partner != null && sibling[partner] < 0) {
                sibling[partner] = i;
                sibling[i] = partner;
            } else {
                seen.putIfAbsent(input * 4 + kind, i);
            }
        }
        return sibling;
    }

    /** 0 sin, 1 cos, 2 sinh, 3 cosh (partners differ in the low bit), −1 otherwise. */
    private static int kind(Node node) {
        return switch (node.op()) {
            case SIN -> 0;
            case COS -> 1;
            case MAP -> node.data() == UnaryFunction.SINH ? 2 : node.data() == UnaryFunction.COSH ? 3 : -1;
            default -> -1;
        };
    }

    /** High word of 2⁻²⁸: below it fdlibm's sinh returns its argument. */
    private static final int TINY = 0x3e30_0000;
    /** High word of ½·ln 2: below it fdlibm's sinh and cosh both take {@code expm1(|x|)}. */
    private static final int HALF_LN2 = 0x3fd6_2e43;

    /**
     * When node {@code i} is the first of a {@code sinh}/{@code cosh} pair ({@link Op#MAP} siblings
     * on one input), computes both values and marks the second in {@code s.early}; returns whether
     * it did. See {@link #sinhCosh}.
     */
    static boolean hyperbolicPair(Scratch s, int i) {
        int j = s.sibling[i];
        if (j <= i || s.graph.node(i).op() != Op.MAP) {
            return false;
        }
        boolean sinhFirst = s.graph.node(i).data() == UnaryFunction.SINH;
        double[] x = s.values[s.graph.node(i).inputs()[0]];
        sinhCosh(x, s.values[sinhFirst ? i : j], s.values[sinhFirst ? j : i], x.length);
        s.early[j] = true;
        return true;
    }

    /**
     * {@code sinh[k] = StrictMath.sinh(x[k])} and {@code cosh[k] = StrictMath.cosh(x[k])}, the same
     * bits: where fdlibm takes {@code t = expm1(|x|)} for both (2⁻²⁸ ≤ |x| < ½·ln 2, its formulas
     * written out here), one {@code StrictMath.expm1} serves both; elsewhere the two functions
     * are called. One plain loop for both twins. Allocates nothing.
     */
    static void sinhCosh(double[] x, double[] sinh, double[] cosh, int n) {
        for (int k = 0; k < n; k++) {
            double v = x[k];
            int ix = (int) (Double.doubleToRawLongBits(v) >>> 32) & 0x7fff_ffff;
            if (ix >= TINY && ix < HALF_LN2) {
                double t = StrictMath.expm1(Math.abs(v));
                double w = 1.0 + t;
                double h = v < 0 ? -0.5 : 0.5;
                sinh[k] = h * (2.0 * t - t * t / (t + 1.0));
                cosh[k] = 1.0 + (t * t) / (w + w);
            } else {
                sinh[k] = StrictMath.sinh(v);
                cosh[k] = StrictMath.cosh(v);
            }
        }
    }

    /**
     * The tangent of node {@code i} in chunk {@code c} from its sibling's value
     * ({@code sin' = cos}, {@code cos' = −sin}, {@code sinh' = cosh}, {@code cosh' = sinh}), the
     * sibling's value being computed first (and marked in {@code s.early}) when it comes later in
     * the first chunk's sweep. As the derivative pass: {@code MAP} nodes give a zero tangent
     * where the input's is zero. Returns false (doing nothing) when node {@code i} has no sibling.
     */
    static boolean tangent(PlainExecutor plain, GraphOps ops, Scratch s, int c, int i) {
        int j = s.sibling[i];
        if (j < 0) {
            return false;
        }
        if (c == 0 && j > i && !s.early[j]) {
            plain.runNode(s, j);
            s.early[j] = true;
        }
        Node node = s.graph.node(i);
        int n = node.size();
        double[] coef = s.values[j];
        if (node.op() == Op.COS) {
            ops.unary(Op.NEG, 0, coef, 0, s.coefA, 0, n);
            coef = s.coefA;
        }
        int[] map = s.plan.slotMap(c, i, 0);
        double[] tx = s.tangents[node.inputs()[0]];
        double[] t = s.tangents[i];
        boolean masked = node.op() == Op.MAP;
        for (int slot = 0; slot < map.length; slot++) {
            if (masked) {
                ops.mulMasked(coef, 0, tx, map[slot] * n, t, slot * n, n);
            } else {
                ops.binary(Op.MUL, coef, 0, tx, map[slot] * n, t, slot * n, n);
            }
        }
        return true;
    }
}
