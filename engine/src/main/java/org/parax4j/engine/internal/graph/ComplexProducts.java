package org.parax4j.engine.internal.graph;

import java.util.HashMap;
import java.util.Map;

/**
 * The two parts of a complex product {@code (a + jb)·(c + jd)} as {@link ComplexVar} records them,
 * {@code re = a·c − b·d} and {@code im = a·d + b·c} (two {@link ProductSums#SUM} nodes over the
 * same four factors), differentiated together: one pass per tangent slot reads the four factors'
 * tangents once and writes both parts ({@link GraphOps#complexProduct}), where the two
 * {@link ProductSums} passes would read eight. Done at whichever of the two nodes comes first; a
 * factor that carries no tangent in a slot reads zeros ({@code Scratch.zeros}). Values are
 * untouched. Stateless and thread-safe; {@link #of} allocates, {@link #tangent} does not.
 *
 * <p>{@code ComplexVar} is {@code org.parax4j.engine.graph.ComplexVar}; any real graph of this
 * form is paired, whatever recorded it, since the derivative is that of the two expressions.
 */
final class ComplexProducts {

    /**
     * One node of a pair.
     *
     * @param partner the other part's node
     * @param real whether this node is the real part {@code a·c − b·d}
     * @param opA which operand (0 or 1) of the real part's first product is {@code a} (the other is {@code c})
     * @param opB which operand of its second product is {@code b} (the other is {@code d})
     */
    record Pair(int partner, boolean real, int opA, int opB) {}

    /** A product's two factors, unordered. */
    private record Factors(int lo, int hi) {
        static Factors of(int x, int y) {
            return new Factors(Math.min(x, y), Math.max(x, y));
        }
    }

    /** A sum's two products' factors, unordered. */
    private record Key(Factors first, Factors second) {
        static Key of(Factors x, Factors y) {
            boolean ordered = x.lo() < y.lo() || x.lo() == y.lo() && x.hi() <= y.hi();
            return ordered ? new Key(x, y) : new Key(y, x);
        }
    }

    private ComplexProducts() {}

    /**
     * For each node, its {@link Pair} or null: the real and imaginary parts of complex products
     * whose parts carry the same directions in every chunk of {@code plan}. New array.
     *
     * @param roles the nodes' {@link ProductSums} roles
     */
    static Pair[] of(GraphDef g, ChunkPlan plan, byte[] roles) {
        Pair[] pairs = new Pair[g.size()];
        Map<Key, Integer> imaginary = new HashMap<>();
        for (int i = 0; i < g.size(); i++) {
            if (roles[i] == ProductSums.SUM && g.node(i).op() == Op.ADD && products(g, i)) {
                imaginary.putIfAbsent(Key.of(factors(g, i, 0), factors(g, i, 1)), i);
            }
        }
        for (int i = 0; i < g.size(); i++) {
            if (roles[i] != ProductSums.SUM || g.node(i).op() != Op.SUB || !products(g, i)) {
                continue;
            }
            int[] first = g.node(g.node(i).inputs()[0]).inputs();
            int[] second = g.node(g.node(i).inputs()[1]).inputs();
            for (int opA = 0; opA < 2; opA++) {
                // a·d + b·c with a = first[opA], c = first[1 − opA], b = second[0], d = second[1]
                Key key = Key.of(Factors.of(first[opA], second[1]), Factors.of(second[0], first[1 - opA]));
                Integer im = imaginary.get(key);
                if (im != null && plan.sameDirections(i, im)) {
                    imaginary.remove(key);
                    pairs[i] = new Pair(im, true, opA, 0);
                    pairs[im] = new Pair(i, false, opA, 0);
                    break;
                }
            }
        }
        return pairs;
    }

    /** Whether both inputs of node {@code i} are products of two factors ({@code MUL}, not {@code SQUARE}). */
    private static boolean products(GraphDef g, int i) {
        int[] in = g.node(i).inputs();
        return g.node(in[0]).op() == Op.MUL && g.node(in[1]).op() == Op.MUL;
    }

    private static Factors factors(GraphDef g, int sum, int operand) {
        int[] f = g.node(g.node(sum).inputs()[operand]).inputs();
        return Factors.of(f[0], f[1]);
    }

    /**
     * The tangents of both parts of the pair node {@code i} belongs to in chunk {@code c}, when
     * {@code i} is the pair's first node; nothing when it is the second (already done). Returns
     * false (doing nothing) when {@code i} is in no pair.
     */
    static boolean tangent(GraphOps ops, Scratch s, int c, int i) {
        Pair pair = s.complexProducts[i];
        if (pair == null) {
            return false;
        }
        if (pair.partner() < i) {
            return true;
        }
        int re = pair.real() ? i : pair.partner();
        int im = pair.real() ? pair.partner() : i;
        Pair spec = s.complexProducts[re];
        GraphDef g = s.graph;
        int n = g.node(re).size();
        int first = g.node(re).inputs()[0];
        int second = g.node(re).inputs()[1];
        int[] f1 = g.node(first).inputs();
        int[] f2 = g.node(second).inputs();
        int opA = spec.opA();
        int opB = spec.opB();
        double[] a = s.values[f1[opA]];
        double[] cv = s.values[f1[1 - opA]];
        double[] b = s.values[f2[opB]];
        double[] d = s.values[f2[1 - opB]];
        double[] ta = s.tangents[f1[opA]];
        double[] tc = s.tangents[f1[1 - opA]];
        double[] tb = s.tangents[f2[opB]];
        double[] td = s.tangents[f2[1 - opB]];
        int[] map1 = s.plan.slotMap(c, re, 0);
        int[] map2 = s.plan.slotMap(c, re, 1);
        double[] zeros = s.zeros;
        for (int slot = 0; slot < map1.length; slot++) {
            // A factor without this slot's tangent reads zeros: still one pass.
            int oa = ProductSums.offset(s, c, first, opA, map1[slot], n);
            int oc = ProductSums.offset(s, c, first, 1 - opA, map1[slot], n);
            int ob = ProductSums.offset(s, c, second, opB, map2[slot], n);
            int od = ProductSums.offset(s, c, second, 1 - opB, map2[slot], n);
            ops.complexProduct(a, b, cv, d, oa < 0 ? zeros : ta, Math.max(oa, 0), ob < 0 ? zeros : tb, Math.max(ob, 0),
                    oc < 0 ? zeros : tc, Math.max(oc, 0), od < 0 ? zeros : td, Math.max(od, 0), s.tangents[re],
                    slot * n, s.tangents[im], slot * n, n);
        }
        return true;
    }
}
