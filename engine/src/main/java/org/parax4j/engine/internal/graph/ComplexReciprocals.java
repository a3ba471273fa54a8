package org.parax4j.engine.internal.graph;

import java.util.Arrays;

/**
 * The reciprocal {@code w = 1/z = (x − j·y)/|z|²} as {@code ComplexVar} records it — {@code m = x² + y²},
 * {@code re = x/m}, {@code ny = −y}, {@code im = ny/m} — differentiated as one complex step,
 * {@code w' = −w²·z'}: one pass per tangent slot reads {@code x'} and {@code y'} and writes both
 * parts ({@link GraphOps#complexProduct} with the constant factor {@code −w²}), where the four
 * nodes' own passes read thirteen arrays; {@code m}'s and {@code ny}'s tangents are neither stored
 * nor computed. Applies where {@code m} is used only by the two quotients, {@code ny} only by
 * {@code im}, every node has the size of {@code x} and {@code y}, both parts carry the same
 * directions in every chunk and nothing reads {@code re}'s tangent before {@code im}'s node (where
 * both are written). Values are untouched. Stateless and thread-safe; {@link #of} allocates,
 * {@link #tangent} does not.
 */
final class ComplexReciprocals {

    /** Role of a node in no reciprocal. */
    static final byte NONE = 0;
    /** Role of the real part {@code x/m} (written with the imaginary part). */
    static final byte REAL = 1;
    /** Role of the imaginary part {@code ny/m}, where both parts' tangents are written. */
    static final byte IMAGINARY = 2;
    /** Role of {@code m} and {@code ny}, whose tangents are skipped. */
    static final byte SKIPPED = 3;

    private ComplexReciprocals() {}

    /**
     * Each node's role; for an {@link #IMAGINARY} node {@code i}, {@code real[i]} is its real
     * part's node. New arrays in {@code real} (filled with −1 elsewhere) and the result.
     *
     * @param roles the nodes' {@link ProductSums} roles
     */
    static byte[] of(GraphDef g, ChunkPlan plan, byte[] roles, int[] real) {
        int size = g.size();
        int[] uses = new int[size];
        for (int i = 0; i < size; i++) {
            for (int in : g.node(i).inputs()) {
                uses[in]++;
            }
        }
        uses[g.output()]++;
        int[] firstUser = new int[size];
        Arrays.fill(firstUser, Integer.MAX_VALUE);
        for (int i = 0; i < size; i++) {
            for (int in : g.node(i).inputs()) {
                firstUser[in] = Math.min(firstUser[in], i);
            }
        }
        byte[] role = new byte[size];
        Arrays.fill(real, -1);
        for (int i = 0; i < size; i++) {
            Node im = g.node(i);
            if (im.op() != Op.DIV) {
                continue;
            }
            int ny = im.inputs()[0];
            int m = im.inputs()[1];
            if (g.node(ny).op() != Op.NEG || uses[ny] != 1 || uses[m] != 2 || roles[m] != ProductSums.SUM
                    || g.node(m).op() != Op.ADD) {
                continue;
            }
            int sqX = g.node(m).inputs()[0];
            int sqY = g.node(m).inputs()[1];
            if (g.node(sqX).op() != Op.SQUARE || g.node(sqY).op() != Op.SQUARE
                    || g.node(sqY).inputs()[0] != g.node(ny).inputs()[0]) {
                continue;
            }
            int x = g.node(sqX).inputs()[0];
            int re = partner(g, x, m, i);
            int n = im.size();
            if (re < 0 || firstUser[re] <= i || g.output() == re || g.node(x).size() != n
                    || g.node(ny).size() != n || !plan.sameDirections(re, i)) {
                continue;
            }
            role[re] = REAL;
            role[i] = IMAGINARY;
            role[m] = SKIPPED;
            role[ny] = SKIPPED;
            real[i] = re;
        }
        return role;
    }

    /** The node {@code DIV(x, m)} before {@code im}, or −1. */
    private static int partner(GraphDef g, int x, int m, int im) {
        for (int j = m + 1; j < im; j++) {
            Node node = g.node(j);
            if (node.op() == Op.DIV && node.inputs()[0] == x && node.inputs()[1] == m) {
                return j;
            }
        }
        return -1;
    }

    /**
     * Handles node {@code i}'s tangent in chunk {@code c} if it has a role: nothing for
     * {@link #REAL} and {@link #SKIPPED} nodes, both parts' tangents at the {@link #IMAGINARY}
     * node. Returns false (doing nothing) for a node in no reciprocal.
     */
    static boolean tangent(GraphOps ops, Scratch s, int c, int i) {
        byte role = s.reciprocals[i];
        if (role == NONE) {
            return false;
        }
        if (role != IMAGINARY) {
            return true;
        }
        GraphDef g = s.graph;
        int re = s.reciprocalReal[i];
        int ny = g.node(i).inputs()[0];
        int y = g.node(ny).inputs()[0];
        int x = g.node(re).inputs()[0];
        int n = g.node(i).size();
        double[] wr = s.values[re];
        double[] wi = s.values[i];
        // −w² = (wi² − wr²) − j·2·wr·wi, into coefA and coefB
        for (int k = 0; k < n; k++) {
            s.coefA[k] = wi[k] * wi[k] - wr[k] * wr[k];
            s.coefB[k] = -2 * wr[k] * wi[k];
        }
        int[] mapX = s.plan.slotMap(c, re, 0);
        int[] mapNy = s.plan.slotMap(c, i, 0);
        int[] mapY = s.plan.slotMap(c, ny, 0);
        double[] zeros = s.zeros;
        double[] tx = s.tangents[x];
        double[] ty = s.tangents[y];
        for (int slot = 0; slot < mapX.length; slot++) {
            int ox = mapX[slot];
            // y carries a direction exactly when −y does
            int oy = mapNy[slot] < 0 ? -1 : mapY[mapNy[slot]];
            ops.complexProduct(s.coefA, s.coefB, zeros, zeros, zeros, 0, zeros, 0, ox < 0 ? zeros : tx,
                    Math.max(ox, 0) * n, oy < 0 ? zeros : ty, Math.max(oy, 0) * n, s.tangents[re], slot * n,
                    s.tangents[i], slot * n, n);
        }
        return true;
    }
}
