package org.parax4j.engine.internal.graph;

import org.parax4j.engine.compile.Layout;
import org.parax4j.engine.compile.TransformProgram;

/**
 * Runs a {@link GraphDef} on plain values: every node's value buffer in topological order, from the
 * scratch's latent vector. Allocates nothing. Thread-safe (state lives in the {@link Scratch}).
 */
public final class PlainExecutor {

    private final GraphOps ops;

    /** An executor over these loops ({@link GraphOps#get()} in production, either twin in tests). */
    public PlainExecutor(GraphOps ops) {
        this.ops = ops;
    }

    /** Computes every node's value into {@code s}. */
    public void run(Scratch s) {
        for (int i = 0; i < s.graph.size(); i++) {
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

    /**
     * Prepares {@code s.invL} ({@code 1/ℓ_e}) and {@code s.x2t} (the second input, transposed; not
     * scaled, so that differences are formed before scaling) for a kernel node; returns the variance
     * (1 when unscaled).
     */
    static double prepareKernel(Scratch s, Node node) {
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

    private void kernel(Scratch s, Node node, double[] z) {
        if (node.data() instanceof PlanKernels.Spec) {
            PlanKernels.value(s, node, z);
            return;
        }
        Node.KernelSpec spec = (Node.KernelSpec) node.data();
        double variance = prepareKernel(s, node);
        int[] in = node.inputs();
        int n = s.graph.node(in[0]).shape().rows();
        int m = s.graph.node(in[1]).shape().rows();
        rows(ops, s, spec, s.values[in[0]], s.values[in[1]], n, m, variance, z, 0, null, false);
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

    /**
     * Whether a kernel matrix {@code n × m} is better computed transposed: rows shorter than a
     * vector and more of them than columns (e.g. 200 frequencies against 4 centres).
     */
    static boolean swapped(int n, int m) {
        return m < 8 && n > m;
    }

    /**
     * The fused rows of a kernel node: values into {@code k} and, for {@code slots > 0}, tangent
     * run {@code slot} at {@code t[slot·n·m]}, from {@code s.x2t}, {@code s.invL} and the
     * coefficient tables in {@code s}. A short, tall matrix is computed as {@code K(X2, X1)} row by
     * row (stationary kernels are symmetric) and transposed. Where some {@code 1/ℓ} is infinite the
     * rows are {@link ScalarGraphOps#kernelRowLimit}'s; with {@code guarded} (required then) the
     * tangents are {@link ScalarGraphOps#kernelTangentRowGuarded}'s, whose coefficients lack the
     * {@code 1/ℓ²} factor. Both are plain Java shared by the twins, so the twins agree bit for bit.
     */
    static void rows(GraphOps ops, Scratch s, Node.KernelSpec spec, double[] x1, double[] x2, int n, int m,
            double variance, double[] k, int slots, double[] t, boolean guarded) {
        int d = spec.d();
        int size = n * m;
        boolean limit = limit(s.invL, d);
        if (!swapped(n, m)) {
            for (int i = 0; i < n; i++) {
                for (int e = 0; e < d; e++) {
                    s.x1s[e] = x1[i * d + e];
                }
                row(ops, spec, limit, s.x1s, s.x2t, m, s, variance, k, i * m, slots > 0 ? s.kbRow : null);
                if (slots > 0) {
                    tangentRow(ops, guarded, s.x2t, m, s, slots, t, i * m, size);
                }
            }
            return;
        }
        for (int i = 0; i < n; i++) {
            for (int e = 0; e < d; e++) {
                s.x1t[e * n + i] = x1[i * d + e];
            }
        }
        double[] buf = s.kernelT;
        for (int j = 0; j < m; j++) {
            for (int e = 0; e < d; e++) {
                s.x1s[e] = s.x2t[e * m + j];
            }
            row(ops, spec, limit, s.x1s, s.x1t, n, s, variance, buf, j * n, slots > 0 ? s.kbRow : null);
            if (slots > 0) {
                tangentRow(ops, guarded, s.x1t, n, s, slots, buf, size + j * n, size);
            }
        }
        for (int plane = 0; plane <= slots; plane++) {
            double[] dst = plane == 0 ? k : t;
            int dstOffset = plane == 0 ? 0 : (plane - 1) * size;
            int srcOffset = plane * size;
            for (int j = 0; j < m; j++) {
                for (int i = 0; i < n; i++) {
                    dst[dstOffset + i * m + j] = buf[srcOffset + j * n + i];
                }
            }
        }
    }

    private static void row(GraphOps ops, Node.KernelSpec spec, boolean limit, double[] x1s, double[] x2t, int m,
            Scratch s, double variance, double[] k, int ko, double[] kbRow) {
        if (limit) {
            ScalarGraphOps.kernelRowLimit(spec.kind(), x1s, 0, x2t, m, spec.d(), s.invL, variance, k, ko, kbRow,
                    s.vgRow);
        } else {
            ops.kernelRow(spec.kind(), x1s, 0, x2t, m, spec.d(), s.invL, variance, k, ko, kbRow, s.vgRow);
        }
    }

    private static void tangentRow(GraphOps ops, boolean guarded, double[] x2t, int m, Scratch s, int slots,
            double[] t, int to, int tStride) {
        if (guarded) {
            ScalarGraphOps.kernelTangentRowGuarded(s.x1s, 0, x2t, m, s.invL, s.kbRow, s.vgRow, slots, s.start, s.dim,
                    s.coef, s.coefV, t, to, tStride);
        } else {
            ops.kernelTangentRow(s.x1s, 0, x2t, m, s.kbRow, s.vgRow, slots, s.start, s.dim, s.coef, s.coefV, t, to,
                    tStride);
        }
    }
}
