package org.parax4j.engine.internal.graph;

/**
 * Products and quotients of a node by a scalar without tangent ({@code 50·x}, {@code x/50}, a
 * dB or degree factor) whose only user is a sum, a difference or a gather: the product's tangent,
 * {@code s·t_x}, is neither stored nor computed; the user reads {@code t_x} and the scale instead
 * (a sum {@code t_a ± s·t_x} in one pass, {@link GraphOps#linear}; a gather a scaled copy where it
 * copied). Values are untouched. Stateless and thread-safe; {@link #of} allocates, the others do
 * not.
 *
 * <p><b>Bits.</b> Folding changes how the user's tangent rounds: the one pass computes
 * {@code fma(s_y, t_y, s_x·t_x)}, so {@code t_a + c·t_x} with the scaled operand second is
 * {@code fma(c, t_x, t_a)} (one rounding) where the unfolded sum rounded {@code c·t_x} and then the
 * sum, and with it first {@code fma(±1, t_y, c·t_x)}: the Jacobian's last bits depend on which
 * operand is folded. It stays within the Jacobian's stated accuracy (ScaledTangentsTest compares
 * it with the analytic one to {@code 1e-14} relative), and the SIMD and scalar {@link GraphOps} twins still agree bit
 * for bit (one expression in both).
 */
final class ScaledTangents {

    private ScaledTangents() {}

    /**
     * For each node, the input whose tangent its user reads instead of its own (the node is then
     * <em>folded</em>), or −1. New array.
     *
     * @param roles the nodes' {@link ProductSums} roles
     * @param pairs the nodes' {@link ComplexProducts} pairs
     * @param reciprocals the nodes' {@link ComplexReciprocals} roles
     */
    static int[] of(GraphDef g, byte[] roles, ComplexProducts.Pair[] pairs, byte[] reciprocals) {
        int size = g.size();
        int[] uses = new int[size];
        int[] user = new int[size];
        for (int i = 0; i < size; i++) {
            for (int in : g.node(i).inputs()) {
                uses[in]++;
                user[in] = i;
            }
        }
        uses[g.output()]++;
        int[] folded = new int[size];
        java.util.Arrays.fill(folded, -1);
        for (int p = 0; p < size; p++) {
            int x = scaled(g, p);
            if (x < 0 || uses[p] != 1 || p == g.output() || fused(p, roles, pairs, reciprocals)) {
                continue;
            }
            Node u = g.node(user[p]);
            boolean sum = (u.op() == Op.ADD || u.op() == Op.SUB) && !fused(user[p], roles, pairs, reciprocals)
                    && u.inputs()[0] != u.inputs()[1] && g.node(u.inputs()[0]).size() == u.size()
                    && g.node(u.inputs()[1]).size() == u.size();
            if (sum || u.op() == Op.GATHER) {
                folded[p] = x;
            }
        }
        return folded;
    }

    /** Whether node {@code i} has a role in one of the fused passes. */
    private static boolean fused(int i, byte[] roles, ComplexProducts.Pair[] pairs, byte[] reciprocals) {
        return roles[i] != ProductSums.NONE || pairs[i] != null || reciprocals[i] != ComplexReciprocals.NONE;
    }

    /**
     * The operand {@code x} of node {@code p} when {@code p} is {@code x·c}, {@code c·x} or
     * {@code x/c} for a scalar {@code c} without tangent and an {@code x} with tangent of
     * {@code p}'s size, else −1.
     */
    private static int scaled(GraphDef g, int p) {
        Node node = g.node(p);
        if (node.op() != Op.MUL && node.op() != Op.DIV || g.numDirections(p) == 0) {
            return -1;
        }
        int[] in = node.inputs();
        for (int a = 0; a < 2; a++) {
            int x = in[a];
            int c = in[1 - a];
            if (node.op() == Op.DIV && a == 1) {
                break;
            }
            if (g.node(c).size() == 1 && g.numDirections(c) == 0 && g.node(x).size() == node.size()
                    && g.numDirections(x) > 0) {
                return x;
            }
        }
        return -1;
    }

    /** The scale of folded node {@code p}: its scalar factor, or the reciprocal of its divisor. */
    static double scale(Scratch s, int p) {
        Node node = s.graph.node(p);
        int[] in = node.inputs();
        int c = in[0] == s.folded[p] ? in[1] : in[0];
        double v = s.values[c][0];
        return node.op() == Op.DIV ? 1 / v : v;
    }
}
