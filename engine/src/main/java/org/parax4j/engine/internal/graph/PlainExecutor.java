package org.parax4j.engine.internal.graph;

import org.parax4j.engine.compile.Layout;
import org.parax4j.engine.compile.TransformProgram;

/**
 * Runs a {@link GraphDef} on plain values: every node's value buffer in topological order, from the
 * scratch's latent vector. Allocates nothing (but for the crew's few objects when a large kernel node
 * is split over helper threads, {@link KernelRows}). Thread-safe (state lives in the {@link Scratch}).
 */
public final class PlainExecutor {

    private final GraphOps ops;

    /** An executor over these loops ({@link GraphOps#get()} in production, either twin in tests). */
    public PlainExecutor(GraphOps ops) {
        this.ops = ops;
    }

    /**
     * Computes every node's value into {@code s} (only the output's when the graph runs as
     * {@link ElementStrips}, on the scratch's executor).
     */
    public void run(Scratch s) {
        if (s.strips != null) {
            s.strips.runPlain(this, s);
        } else {
            runUnsplit(s);
        }
    }

    /** Computes every node's value into {@code s} on the calling thread, as one graph. */
    void runUnsplit(Scratch s) {
        java.util.Arrays.fill(s.early, false);
        for (int i = 0; i < s.graph.size(); i++) {
            if (!s.early[i]) {
                runSweep(s, i);
            }
        }
    }

    /**
     * Computes node {@code i}'s value in a sweep, its inputs' values being current: the first node
     * of a {@code sinh}/{@code cosh} pair on one input computes its sibling's value too and marks it
     * in {@code s.early} ({@link Siblings#hyperbolicPair}: one {@code expm1} for both where
     * {@link StrictMath} uses one for each, the same bits).
     */
    void runSweep(Scratch s, int i) {
        if (!Siblings.hyperbolicPair(s, i)) {
            runNode(s, i);
        }
    }

    /** Computes node {@code i}'s value into {@code s}; its inputs' values must be current. */
    void runNode(Scratch s, int i) {
        GraphDef g = s.graph;
        {
            Node node = g.node(i);
            double[] z = s.values[i];
            int[] in = node.inputs();
            switch (node.op()) {
                case CONST -> { }
                case PARAM -> param(g.layout(), (Node.ParamRead) node.data(), s.latent, z);
                case ADD, SUB, MUL, DIV, POW -> binary(s, node, z);
                case NEG, EXP, LOG, LOG10, SQRT, SIN, COS, ABS, SQUARE, POWC ->
                        ops.unary(node.op(), node.arg(), s.values[in[0]], 0, z, 0, z.length);
                case SUM -> z[0] = ops.sum(s.values[in[0]], 0, s.values[in[0]].length);
                case SUM_AXIS0, SUM_AXIS1 -> sumAxis(ops, node.op(), g.node(in[0]).shape(), s.values[in[0]], 0, z, 0);
                case RESHAPE -> System.arraycopy(s.values[in[0]], 0, z, 0, z.length);
                case MATVEC -> {
                    Shape a = g.node(in[0]).shape();
                    matvec(ops, s.values[in[0]], 0, a.rows(), a.cols(), s.values[in[1]], 0, z, 0);
                }
                case KERNEL -> kernel(s, node, z);
                case MAP, MAP2, WHERE, GATHER, REDUCE, SCAN, MATMUL -> Vocabulary.value(ops, s, i, z);
                case SOLVE, DET -> DenseSolve.value(s, node, z);
            }
        }
    }

    private static void param(Layout layout, Node.ParamRead read, double[] latent, double[] z) {
        for (int k = 0; k < read.size(); k++) {
            int e = read.first() + k;
            TransformProgram t = layout.transform(e);
            z[k] = layout.scale(e) * t.forward(latent[e]);
        }
    }

    private void binary(Scratch s, Node node, double[] z) {
        Shape out = node.shape();
        int n = z.length;
        int xi = node.inputs()[0];
        int yi = node.inputs()[1];
        Shape xs = s.graph.node(xi).shape();
        Shape ys = s.graph.node(yi).shape();
        double[] x = s.values[xi];
        double[] y = s.values[yi];
        if (xs.size() == 1 && n != 1) {
            double[] yf = ys.size() == n ? y : expand(y, 0, ys, out, s.expandB);
            ops.binaryScalarLeft(node.op(), x[0], yf, 0, z, 0, n);
        } else if (ys.size() == 1 && n != 1) {
            double[] xf = xs.size() == n ? x : expand(x, 0, xs, out, s.expandA);
            ops.binaryScalarRight(node.op(), xf, 0, y[0], z, 0, n);
        } else {
            double[] xf = xs.size() == n ? x : expand(x, 0, xs, out, s.expandA);
            double[] yf = ys.size() == n ? y : expand(y, 0, ys, out, s.expandB);
            ops.binary(node.op(), xf, 0, yf, 0, z, 0, n);
        }
    }

    /** Rows shorter than this are copied or summed element by element rather than by a call per row. */
    private static final int SHORT_ROW = 16;

    /** Broadcasts {@code src} (shape {@code from}, at {@code offset}) to shape {@code to} in {@code dst}; returns dst. */
    static double[] expand(double[] src, int offset, Shape from, Shape to, double[] dst) {
        int rows = to.rows();
        int cols = to.cols();
        int rowStride = from.rows() == 1 ? 0 : from.cols();
        boolean colBroadcast = from.cols() == 1;
        if (colBroadcast || cols >= SHORT_ROW) {
            for (int r = 0; r < rows; r++) {
                int base = offset + r * rowStride;
                if (colBroadcast) {
                    java.util.Arrays.fill(dst, r * cols, (r + 1) * cols, src[base]);
                } else {
                    System.arraycopy(src, base, dst, r * cols, cols);
                }
            }
            return dst;
        }
        // Short rows (e.g. 4 weights repeated over 200 frequencies): one call per row would cost
        // more than the copy itself.
        for (int r = 0, k = 0; r < rows; r++) {
            int base = offset + r * rowStride;
            for (int c = 0; c < cols; c++) {
                dst[k++] = src[base + c];
            }
        }
        return dst;
    }

    /** Sum over axis 0 ({@code [r, c] → [c]}) or axis 1 ({@code [r, c] → [r]}) of {@code x} at {@code xo}. */
    static void sumAxis(GraphOps ops, Op op, Shape in, double[] x, int xo, double[] z, int zo) {
        int rows = in.rows();
        int cols = in.cols();
        if (op == Op.SUM_AXIS1) {
            if (cols >= SHORT_ROW) {
                for (int r = 0; r < rows; r++) {
                    z[zo + r] = ops.sum(x, xo + r * cols, cols);
                }
                return;
            }
            for (int r = 0, k = xo; r < rows; r++) {
                double acc = 0;
                for (int c = 0; c < cols; c++) {
                    acc += x[k++];
                }
                z[zo + r] = acc;
            }
        } else {
            java.util.Arrays.fill(z, zo, zo + cols, 0);
            if (cols >= SHORT_ROW) {
                for (int r = 0; r < rows; r++) {
                    ops.axpy(1, x, xo + r * cols, z, zo, cols);
                }
                return;
            }
            for (int r = 0, k = xo; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    z[zo + c] += x[k++];
                }
            }
        }
    }

    /** {@code z[zo + r] = Σ_c a[ao + r·cols + c]·w[wo + c]} for {@code r < rows}. */
    static void matvec(GraphOps ops, double[] a, int ao, int rows, int cols, double[] w, int wo, double[] z,
            int zo) {
        if (cols >= SHORT_ROW) {
            for (int r = 0; r < rows; r++) {
                z[zo + r] = ops.dot(a, ao + r * cols, w, wo, cols);
            }
            return;
        }
        // Short rows: column by column, so that consecutive rows are independent instead of one
        // dependent chain of cols additions per row (same summation order per row).
        java.util.Arrays.fill(z, zo, zo + rows, 0);
        for (int c = 0; c < cols; c++) {
            double wc = w[wo + c];
            for (int r = 0, k = ao + c; r < rows; r++, k += cols) {
                z[zo + r] += a[k] * wc;
            }
        }
    }

    private void kernel(Scratch s, Node node, double[] z) {
        if (node.data() instanceof PlanKernels.Spec) {
            PlanKernels.value(s, node, z);
        } else {
            RowKernels.value(ops, s, node, z);
        }
    }
}
