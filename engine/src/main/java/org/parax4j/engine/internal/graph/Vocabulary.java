package org.parax4j.engine.internal.graph;

import java.util.Arrays;

/**
 * Value, tangent and batched rules of the vocabulary nodes ({@link Op#MAP}, {@link Op#MAP2},
 * {@link Op#WHERE}, {@link Op#GATHER}, {@link Op#REDUCE}, {@link Op#SCAN}, {@link Op#MATMUL}),
 * called by the three executors. The elementwise maps and {@code where} run through
 * {@link GraphOps#map}, {@link GraphOps#map2} and {@link GraphOps#where} (Vector API loops in one
 * twin) where every operand is laid out like the output or is one broadcast element; the other
 * rules are scalar loops shared by both twins. Every executor and twin computes each element with
 * the same operations in the same order: the batched values of a sample equal its plain values bit
 * for bit.
 * Broadcast operands are indexed in place, not expanded. Allocates nothing; stateless.
 */
final class Vocabulary {

    private Vocabulary() {}

    /** Element of an operand of shape {@code from} broadcast to position (r, c) of the output. */
    private static int at(Shape from, int r, int c) {
        return (from.rows() == 1 ? 0 : r) * from.cols() + (from.cols() == 1 ? 0 : c);
    }

    // ---------------------------------------------------------------- values

    /** The stride of an operand of shape {@code from} in a loop over {@code out}: 1, 0 (one element), or −1 (neither). */
    private static int stride(Shape from, Shape out) {
        return from.rows() == out.rows() && from.cols() == out.cols() ? 1 : from.size() == 1 ? 0 : -1;
    }

    /** Computes node {@code i}'s value into {@code z} from its inputs' values in {@code s}. */
    static void value(GraphOps ops, Scratch s, int i, double[] z) {
        GraphDef g = s.graph;
        Node node = g.node(i);
        int[] in = node.inputs();
        switch (node.op()) {
            case MAP -> ops.map((UnaryFunction) node.data(), s.values[in[0]], 0, z, 0, z.length);
            case MAP2 -> {
                BinaryFunction f = (BinaryFunction) node.data();
                Shape out = node.shape();
                Shape xs = g.node(in[0]).shape();
                Shape ys = g.node(in[1]).shape();
                double[] x = s.values[in[0]];
                double[] y = s.values[in[1]];
                int sx = stride(xs, out);
                int sy = stride(ys, out);
                if (sx >= 0 && sy >= 0) {
                    ops.map2(f, x, 0, sx, y, 0, sy, z, 0, z.length);
                    return;
                }
                for (int r = 0, k = 0; r < out.rows(); r++) {
                    for (int c = 0; c < out.cols(); c++, k++) {
                        z[k] = f.value(x[at(xs, r, c)], y[at(ys, r, c)]);
                    }
                }
            }
            case WHERE -> {
                Shape out = node.shape();
                Shape cs = g.node(in[0]).shape();
                Shape as = g.node(in[1]).shape();
                Shape bs = g.node(in[2]).shape();
                double[] cond = s.values[in[0]];
                double[] a = s.values[in[1]];
                double[] b = s.values[in[2]];
                int sc = stride(cs, out);
                int sa = stride(as, out);
                int sb = stride(bs, out);
                if (sc >= 0 && sa >= 0 && sb >= 0) {
                    ops.where(cond, 0, sc, a, 0, sa, b, 0, sb, z, 0, z.length);
                    return;
                }
                for (int r = 0, k = 0; r < out.rows(); r++) {
                    for (int c = 0; c < out.cols(); c++, k++) {
                        z[k] = cond[at(cs, r, c)] != 0 ? a[at(as, r, c)] : b[at(bs, r, c)];
                    }
                }
            }
            case GATHER -> {
                VocabularyNodes.Gather gather = (VocabularyNodes.Gather) node.data();
                for (int k = 0; k < z.length; k++) {
                    z[k] = s.values[in[gather.source()[k]]][gather.element()[k]];
                }
            }
            case REDUCE -> reduce((VocabularyNodes.Reduction) node.data(), s.values[in[0]], z);
            case SCAN -> {
                int[] prev = ((VocabularyNodes.Scan) node.data()).prev();
                double[] x = s.values[in[0]];
                for (int k = 0; k < z.length; k++) {
                    z[k] = prev[k] < 0 ? x[k] : x[k] + z[prev[k]];
                }
            }
            case MATMUL -> {
                Shape as = g.node(in[0]).shape();
                matmul(s.values[in[0]], 0, s.values[in[1]], 0, as.rows(), as.cols(), node.shape().cols(), z, 0,
                        false);
            }
            default -> throw new IllegalStateException("not a vocabulary op: " + node.op());
        }
    }

    private static void reduce(VocabularyNodes.Reduction red, double[] x, double[] z) {
        int[] start = red.start();
        int[] index = red.index();
        for (int grp = 0; grp < z.length; grp++) {
            double acc = x[index[start[grp]]];
            for (int p = start[grp] + 1; p < start[grp + 1]; p++) {
                double v = x[index[p]];
                acc = switch (red.kind()) {
                    case MAX -> Math.max(acc, v);
                    case MIN -> Math.min(acc, v);
                    case PROD -> acc * v;
                };
            }
            z[grp] = acc;
        }
    }

    /**
     * {@code z (+)= a·b} for {@code a [rows, inner]} at ao and {@code b [inner, cols]} at bo, each
     * entry summed in order of the inner index from 0.
     */
    private static void matmul(double[] a, int ao, double[] b, int bo, int rows, int inner, int cols, double[] z,
            int zo, boolean accumulate) {
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                double acc = 0;
                for (int q = 0; q < inner; q++) {
                    acc += a[ao + r * inner + q] * b[bo + q * cols + c];
                }
                z[zo + r * cols + c] = accumulate ? z[zo + r * cols + c] + acc : acc;
            }
        }
    }

    // ---------------------------------------------------------------- tangents

    /** Node {@code i}'s tangent slots in chunk {@code c}; its value and its inputs' tangents are current. */
    static void tangent(GraphOps ops, Scratch s, int c, int i) {
        GraphDef g = s.graph;
        Node node = g.node(i);
        int n = node.size();
        int slots = s.plan.dirs(c, i).length;
        int[] in = node.inputs();
        double[] t = s.tangents[i];
        switch (node.op()) {
            case MAP -> {
                UnaryFunction f = (UnaryFunction) node.data();
                double[] x = s.values[in[0]];
                double[] z = s.values[i];
                for (int k = 0; k < n; k++) {
                    s.coefA[k] = f.derivative(x[k], z[k]);
                }
                int[] map = s.plan.slotMap(c, i, 0);
                for (int slot = 0; slot < slots; slot++) {
                    ops.mulMasked(s.coefA, 0, s.tangents[in[0]], map[slot] * n, t, slot * n, n);
                }
            }
            case MAP2 -> map2(ops, s, c, i, node, slots, t);
            case WHERE -> where(s, c, i, node, slots, t);
            case GATHER -> {
                gatherTangent(ops, s, c, i, (VocabularyNodes.Gather) node.data(), slots, t);
            }
            case REDUCE -> reduceTangent(s, c, i, node, slots, t);
            case SCAN -> {
                int[] prev = ((VocabularyNodes.Scan) node.data()).prev();
                int[] map = s.plan.slotMap(c, i, 0);
                double[] tx = s.tangents[in[0]];
                for (int slot = 0; slot < slots; slot++) {
                    int zo = slot * n;
                    int xo = map[slot] * n;
                    for (int k = 0; k < n; k++) {
                        double v = map[slot] < 0 ? 0 : tx[xo + k];
                        t[zo + k] = prev[k] < 0 ? v : v + t[zo + prev[k]];
                    }
                }
            }
            case MATMUL -> {
                Shape as = g.node(in[0]).shape();
                int rows = as.rows();
                int inner = as.cols();
                int cols = node.shape().cols();
                int[] mapA = s.plan.slotMap(c, i, 0);
                int[] mapB = s.plan.slotMap(c, i, 1);
                for (int slot = 0; slot < slots; slot++) {
                    int zo = slot * n;
                    Arrays.fill(t, zo, zo + n, 0);
                    if (mapA[slot] >= 0) {
                        matmul(s.tangents[in[0]], mapA[slot] * as.size(), s.values[in[1]], 0, rows, inner, cols, t,
                                zo, true);
                    }
                    if (mapB[slot] >= 0) {
                        matmul(s.values[in[0]], 0, s.tangents[in[1]], mapB[slot] * inner * cols, rows, inner, cols, t,
                                zo, true);
                    }
                }
            }
            default -> throw new IllegalStateException("not a vocabulary op: " + node.op());
        }
    }

    /**
     * Picks the tangents by runs of consecutive elements of one source: a copy (or a zero fill
     * where the source does not carry the slot's direction) per run and slot.
     */
    private static void gatherTangent(GraphOps ops, Scratch s, int c, int i, VocabularyNodes.Gather gather, int slots,
            double[] t) {
        int n = s.graph.node(i).size();
        int[] in = s.graph.node(i).inputs();
        int[] source = gather.source();
        int[] element = gather.element();
        for (int k = 0; k < n; ) {
            int src = source[k];
            int end = k + 1;
            while (end < n && source[end] == src && element[end] == element[end - 1] + 1) {
                end++;
            }
            int[] map = s.plan.slotMap(c, i, src);
            int size = s.graph.node(in[src]).size();
            // A source folded into the gather (ScaledTangents): its input's tangent, scaled.
            int folded = s.folded[in[src]];
            double[] ts = s.tangents[folded < 0 ? in[src] : folded];
            double scale = folded < 0 ? 1 : ScaledTangents.scale(s, in[src]);
            for (int slot = 0; slot < slots; slot++) {
                if (map[slot] < 0) {
                    Arrays.fill(t, slot * n + k, slot * n + end, 0);
                } else if (folded < 0) {
                    System.arraycopy(ts, map[slot] * size + element[k], t, slot * n + k, end - k);
                } else {
                    ops.binaryScalarRight(Op.MUL, ts, map[slot] * size + element[k], scale, t, slot * n + k, end - k);
                }
            }
            k = end;
        }
    }

    /**
     * {@code t = A·t_x + B·t_y} by the vector loops, for finite coefficients (where a zero tangent
     * contributes 0 unmasked too); either tangent may be null (absent).
     */
    private static void unmasked(GraphOps ops, double[] ca, double[] tx, int xo, double[] cb, double[] ty, int yo,
            double[] t, int to, int n) {
        if (tx != null && ty != null) {
            ops.combine(ca, tx, xo, cb, ty, yo, t, to, n);
        } else if (tx != null) {
            ops.binary(Op.MUL, ca, 0, tx, xo, t, to, n);
        } else if (ty != null) {
            ops.binary(Op.MUL, cb, 0, ty, yo, t, to, n);
        } else {
            Arrays.fill(t, to, to + n, 0);
        }
    }

    /** {@code t = ∂f/∂a·t_a + ∂f/∂b·t_b}, broadcast; a zero tangent contributes nothing. */
    private static void map2(GraphOps ops, Scratch s, int c, int i, Node node, int slots, double[] t) {
        GraphDef g = s.graph;
        BinaryFunction f = (BinaryFunction) node.data();
        int n = node.size();
        int[] in = node.inputs();
        if (f.isComparison()) {
            Arrays.fill(t, 0, slots * n, 0);
            return;
        }
        Shape out = node.shape();
        Shape xs = g.node(in[0]).shape();
        Shape ys = g.node(in[1]).shape();
        double[] x = s.values[in[0]];
        double[] y = s.values[in[1]];
        double[] z = s.values[i];
        boolean finite = true;
        for (int r = 0, k = 0; r < out.rows(); r++) {
            for (int col = 0; col < out.cols(); col++, k++) {
                double a = x[at(xs, r, col)];
                double b = y[at(ys, r, col)];
                s.coefA[k] = f.partialA(a, b, z[k]);
                s.coefB[k] = f.partialB(a, b, z[k]);
                finite &= Double.isFinite(s.coefA[k]) && Double.isFinite(s.coefB[k]);
            }
        }
        int[] mapX = s.plan.slotMap(c, i, 0);
        int[] mapY = s.plan.slotMap(c, i, 1);
        double[] tx = s.tangents[in[0]];
        double[] ty = s.tangents[in[1]];
        boolean full = xs.size() == n && ys.size() == n;
        for (int slot = 0; slot < slots; slot++) {
            int xo = mapX[slot] * xs.size();
            int yo = mapY[slot] * ys.size();
            if (full && finite) {
                // Finite coefficients: a zero tangent contributes 0 unmasked too (vector loops).
                unmasked(ops, s.coefA, mapX[slot] < 0 ? null : tx, xo, s.coefB, mapY[slot] < 0 ? null : ty, yo, t,
                        slot * n, n);
                continue;
            }
            if (full) {
                TangentLoops.combineMasked(s.coefA, mapX[slot] < 0 ? null : tx, xo, s.coefB, mapY[slot] < 0 ? null : ty,
                        yo, t, slot * n, n);
                continue;
            }
            for (int r = 0, k = slot * n; r < out.rows(); r++) {
                for (int col = 0; col < out.cols(); col++, k++) {
                    int e = k - slot * n;
                    double v = 0;
                    if (mapX[slot] >= 0) {
                        double d = tx[xo + at(xs, r, col)];
                        v = d == 0 ? 0 : s.coefA[e] * d;
                    }
                    if (mapY[slot] >= 0) {
                        double d = ty[yo + at(ys, r, col)];
                        v += d == 0 ? 0 : s.coefB[e] * d;
                    }
                    t[k] = v;
                }
            }
        }
    }

    /** The tangent of the selected operand; the condition has none. */
    private static void where(Scratch s, int c, int i, Node node, int slots, double[] t) {
        GraphDef g = s.graph;
        int n = node.size();
        int[] in = node.inputs();
        Shape out = node.shape();
        Shape cs = g.node(in[0]).shape();
        Shape as = g.node(in[1]).shape();
        Shape bs = g.node(in[2]).shape();
        double[] cond = s.values[in[0]];
        int[] mapA = s.plan.slotMap(c, i, 1);
        int[] mapB = s.plan.slotMap(c, i, 2);
        for (int slot = 0; slot < slots; slot++) {
            for (int r = 0, k = slot * n; r < out.rows(); r++) {
                for (int col = 0; col < out.cols(); col++, k++) {
                    boolean first = cond[at(cs, r, col)] != 0;
                    int from = first ? mapA[slot] : mapB[slot];
                    Shape fs = first ? as : bs;
                    t[k] = from < 0 ? 0 : s.tangents[in[first ? 1 : 2]][from * fs.size() + at(fs, r, col)];
                }
            }
        }
    }

    /**
     * Max/min: the mean tangent of the elements equal to the result (NaN when none is, i.e. the
     * result is NaN); product: {@code Σ_p t_p·Π_{q≠p} x_q} by prefix and suffix products.
     */
    private static void reduceTangent(Scratch s, int c, int i, Node node, int slots, double[] t) {
        VocabularyNodes.Reduction red = (VocabularyNodes.Reduction) node.data();
        int xi = node.inputs()[0];
        double[] x = s.values[xi];
        double[] z = s.values[i];
        double[] tx = s.tangents[xi];
        int xn = x.length;
        int n = z.length;
        int[] start = red.start();
        int[] index = red.index();
        int[] map = s.plan.slotMap(c, i, 0);
        if (red.kind() == VocabularyNodes.ReduceKind.PROD) {
            for (int grp = 0; grp < n; grp++) {
                double suffix = 1;
                for (int p = start[grp + 1] - 1; p >= start[grp]; p--) {
                    s.coefA[p] = suffix;
                    suffix *= x[index[p]];
                }
            }
        }
        for (int slot = 0; slot < slots; slot++) {
            int xo = map[slot] * xn;
            for (int grp = 0; grp < n; grp++) {
                double acc = 0;
                if (map[slot] >= 0) {
                    if (red.kind() == VocabularyNodes.ReduceKind.PROD) {
                        double prefix = 1;
                        for (int p = start[grp]; p < start[grp + 1]; p++) {
                            acc += tx[xo + index[p]] * (prefix * s.coefA[p]);
                            prefix *= x[index[p]];
                        }
                    } else {
                        int ties = 0;
                        for (int p = start[grp]; p < start[grp + 1]; p++) {
                            if (x[index[p]] == z[grp]) {
                                acc += tx[xo + index[p]];
                                ties++;
                            }
                        }
                        acc = ties == 0 ? Double.NaN : ties == 1 ? acc : acc / ties;
                    }
                }
                t[slot * n + grp] = acc;
            }
        }
    }

    // ---------------------------------------------------------------- batched values

    /**
     * Node {@code i}'s values for {@code count} samples (layout of {@link BatchScratch}); returns
     * false for a node without a batched rule (a matrix product), which the caller then runs sample
     * by sample.
     */
    static boolean batch(GraphOps ops, BatchScratch s, int i, int count) {
        GraphDef g = s.graph;
        Node node = g.node(i);
        int[] in = node.inputs();
        double[] z = s.values[i];
        int size = node.size();
        switch (node.op()) {
            case MAP -> ops.map((UnaryFunction) node.data(), s.values[in[0]], 0, z, 0, size * count);
            case MAP2, WHERE -> {
                if (batchElementwise(ops, s, node, z, size * count)) {
                    return true;
                }
                Shape out = node.shape();
                for (int r = 0, k = 0; r < out.rows(); r++) {
                    for (int col = 0; col < out.cols(); col++, k++) {
                        for (int b = 0; b < count; b++) {
                            z[k * count + b] = node.op() == Op.MAP2
                                    ? ((BinaryFunction) node.data()).value(operand(s, in[0], r, col, b, count),
                                            operand(s, in[1], r, col, b, count))
                                    : operand(s, in[0], r, col, b, count) != 0 ? operand(s, in[1], r, col, b, count)
                                            : operand(s, in[2], r, col, b, count);
                        }
                    }
                }
            }
            case GATHER -> {
                VocabularyNodes.Gather gather = (VocabularyNodes.Gather) node.data();
                for (int k = 0; k < size; k++) {
                    int src = in[gather.source()[k]];
                    int e = gather.element()[k];
                    if (s.varies[src]) {
                        System.arraycopy(s.values[src], e * count, z, k * count, count);
                    } else {
                        Arrays.fill(z, k * count, (k + 1) * count, s.values[src][e]);
                    }
                }
            }
            case REDUCE -> {
                VocabularyNodes.Reduction red = (VocabularyNodes.Reduction) node.data();
                double[] x = s.values[in[0]];
                for (int grp = 0; grp < size; grp++) {
                    int zo = grp * count;
                    System.arraycopy(x, red.index()[red.start()[grp]] * count, z, zo, count);
                    for (int p = red.start()[grp] + 1; p < red.start()[grp + 1]; p++) {
                        int xo = red.index()[p] * count;
                        for (int b = 0; b < count; b++) {
                            z[zo + b] = switch (red.kind()) {
                                case MAX -> Math.max(z[zo + b], x[xo + b]);
                                case MIN -> Math.min(z[zo + b], x[xo + b]);
                                case PROD -> z[zo + b] * x[xo + b];
                            };
                        }
                    }
                }
            }
            case SCAN -> {
                int[] prev = ((VocabularyNodes.Scan) node.data()).prev();
                double[] x = s.values[in[0]];
                for (int k = 0; k < size; k++) {
                    for (int b = 0; b < count; b++) {
                        double v = x[k * count + b];
                        z[k * count + b] = prev[k] < 0 ? v : v + z[prev[k] * count + b];
                    }
                }
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    /**
     * MAP2 and WHERE over the whole batch through {@link GraphOps#map2}/{@link GraphOps#where} when
     * every operand either varies and has the output's shape (stride 1 over {@code n = size·count})
     * or is one fixed element (stride 0); false otherwise (the caller then runs its broadcast loop).
     */
    private static boolean batchElementwise(GraphOps ops, BatchScratch s, Node node, double[] z, int n) {
        int[] in = node.inputs();
        int s0 = batchStride(s, in[0], node.shape());
        int s1 = batchStride(s, in[1], node.shape());
        if (s0 < 0 || s1 < 0) {
            return false;
        }
        if (node.op() == Op.MAP2) {
            ops.map2((BinaryFunction) node.data(), s.values[in[0]], 0, s0, s.values[in[1]], 0, s1, z, 0, n);
            return true;
        }
        int s2 = batchStride(s, in[2], node.shape());
        if (s2 < 0) {
            return false;
        }
        ops.where(s.values[in[0]], 0, s0, s.values[in[1]], 0, s1, s.values[in[2]], 0, s2, z, 0, n);
        return true;
    }

    /** An operand's stride in the batch layout: 1 (varies, output's shape), 0 (one fixed element) or −1. */
    private static int batchStride(BatchScratch s, int in, Shape out) {
        Shape from = s.graph.node(in).shape();
        if (s.varies[in]) {
            return from.rows() == out.rows() && from.cols() == out.cols() ? 1 : -1;
        }
        return from.size() == 1 ? 0 : -1;
    }

    /** Sample b's value of input node {@code in} broadcast to output position (r, c). */
    private static double operand(BatchScratch s, int in, int r, int c, int b, int count) {
        int e = at(s.graph.node(in).shape(), r, c);
        return s.varies[in] ? s.values[in][e * count + b] : s.values[in][e];
    }
}
