package org.parax4j.engine.internal.graph;

import org.parax4j.engine.compile.Layout;
import org.parax4j.engine.compile.TransformProgram;
import org.parax4j.engine.internal.random.RandomKernels;
import org.parax4j.engine.internal.vector.VectorSupport;
import org.parax4j.engine.internal.vector.VectorizationProvider;

/**
 * Runs a {@link GraphDef} over a batch of samples with the batch as the SIMD dimension (layout in
 * {@link BatchScratch}): parameter reads take each sample's latent value, constants and other
 * invariant nodes broadcast, and every elementwise loop runs over {@code count} consecutive samples.
 *
 * <p><b>Same bits wherever a sample sits.</b> Every operation gives a sample's result independently
 * of its lane, of the batch size and of the JIT tier: arithmetic, {@code sqrt}, {@code abs} and
 * sums are IEEE-exact in both {@link GraphOps} twins; {@code exp}, {@code log} and {@code log10}
 * ({@code log(x)·(1/ln 10)}), {@code sin}, {@code cos} and the vocabulary's elementwise functions
 * use the IEEE-exact operation sequences of {@code org.parax4j.engine.internal.math}, the same as
 * the plain executor's ({@link RandomKernels#exp}/{@link RandomKernels#log} and
 * {@link GraphOps#unary}/{@link GraphOps#map}); powers call {@link Math} element by element; sums add in
 * element order. Results therefore differ from {@link PlainExecutor}'s by a few ulps only where a
 * graph takes a sum (several accumulators there). A varying node without a batched form (fused kernel
 * matrices whose inputs vary) is computed sample by sample by the plain executor, which is just as
 * deterministic (see {@code PanamaGraphOps}). The vocabulary nodes ({@link Vocabulary}) run the
 * plain executor's element rules over the batch, so their values equal the plain ones bit for bit;
 * matrix products, solves and determinants go sample by sample.
 *
 * <p>Allocates nothing. Thread-safe (state lives in the scratch).
 */
public final class BatchExecutor {

    /** Samples per output transpose call: one 512-bit register block. */
    private static final int OUTPUT_STRIP = 8;

    private final GraphOps ops;
    private final RandomKernels math;
    private final PlainExecutor plain;

    /** An executor over these loops (the chosen implementations in production, either twin in tests). */
    public BatchExecutor(GraphOps ops, RandomKernels math) {
        this.ops = ops;
        this.math = math;
        this.plain = new PlainExecutor(ops);
    }

    /**
     * Evaluates every varying node for samples {@code 0 … count−1}. Sample b's latent value of free
     * position f is {@code latent[offset + f·stride + b]}. Arguments are valid ({@code count ≤ capacity}).
     */
    public void run(BatchScratch s, double[] latent, int offset, int stride, int count) {
        GraphDef g = s.graph;
        for (int i = 0; i < g.size(); i++) {
            if (s.varies[i]) {
                runNode(s, i, latent, offset, stride, count);
            }
        }
    }

    /**
     * Writes the output node's values row-major: {@code out[from + b·outputSize + k]} for sample b
     * and output element k.
     */
    public void output(BatchScratch s, int count, double[] out, int from) {
        int o = s.graph.output();
        int size = s.graph.node(o).size();
        double[] z = s.values[o];
        if (!s.varies[o]) {
            for (int b = 0; b < count; b++) {
                System.arraycopy(z, 0, out, from + b * size, size);
            }
            return;
        }
        // Element-major z (z[k·count + b]) to sample-major rows: a transpose, in register blocks,
        // one strip of OUTPUT_STRIP samples at a time, so that the rows of out (in memory, not in
        // the caches) are written front to back, a few streams at once. Transposing the whole batch
        // in one call wrote each block to other rows than the last (measured: funcSamples of the
        // reference model 6 % slower, best of 30 calls: 125-127 against 117-119 ms).
        VectorSupport support = VectorizationProvider.support();
        for (int b = 0; b < count; b += OUTPUT_STRIP) {
            support.transpose(z, b, count, size, Math.min(OUTPUT_STRIP, count - b), out, from + b * size, size);
        }
    }

    private void runNode(BatchScratch s, int i, double[] latent, int offset, int stride, int count) {
        Node node = s.graph.node(i);
        double[] z = s.values[i];
        int[] in = node.inputs();
        int n = node.size() * count;
        switch (node.op()) {
            case PARAM -> param(s, (Node.ParamRead) node.data(), latent, offset, stride, count, z);
            case ADD, SUB, MUL, DIV, POW -> binary(s, node, count, z);
            case NEG, ABS, SQRT, SQUARE, SIN, COS -> ops.unary(node.op(), 0, s.values[in[0]], 0, z, 0, n);
            case EXP -> math.exp(s.values[in[0]], 0, z, 0, n);
            case LOG -> math.log(s.values[in[0]], 0, z, 0, n, 1);
            case LOG10 -> math.log(s.values[in[0]], 0, z, 0, n, ScalarGraphOps.INV_LN10);
            case POWC -> {
                double[] x = s.values[in[0]];
                for (int k = 0; k < n; k++) {
                    z[k] = ScalarGraphOps.apply(node.op(), node.arg(), x[k]);
                }
            }
            case SUM -> sumRuns(s.values[in[0]], 0, count, s.graph.node(in[0]).size(), count, z, 0);
            case SUM_AXIS0 -> {
                Shape x = s.graph.node(in[0]).shape();
                sumRuns(s.values[in[0]], 0, x.cols() * count, x.rows(), x.cols() * count, z, 0);
            }
            case SUM_AXIS1 -> {
                Shape x = s.graph.node(in[0]).shape();
                for (int r = 0; r < x.rows(); r++) {
                    sumRuns(s.values[in[0]], r * x.cols() * count, count, x.cols(), count, z, r * count);
                }
            }
            case RESHAPE -> System.arraycopy(s.values[in[0]], 0, z, 0, n);
            case MATVEC -> matvec(s, node, count, z);
            case CONST, KERNEL, SOLVE, DET -> perSample(s, i, count);
            case MAP, MAP2, WHERE, GATHER, REDUCE, SCAN, MATMUL -> {
                if (!Vocabulary.batch(ops, s, i, count)) {
                    perSample(s, i, count);
                }
            }
            default -> throw new IllegalStateException("the batched executor has no rule for " + node.op());
        }
    }

    /**
     * {@code z_r = Σ_c a_rc·w_c}, sample-wise, accumulated in order of {@code c} with fused
     * multiply-adds over the batch (the SIMD dimension). When one side does not vary (a fixed
     * design matrix times sampled weights, say) its entries are scalars and each row is one
     * {@link GraphOps#combination} held in registers; otherwise each term is added into {@code z}.
     */
    private void matvec(BatchScratch s, Node node, int count, double[] z) {
        int ai = node.inputs()[0];
        int wi = node.inputs()[1];
        double[] a = s.values[ai];
        double[] w = s.values[wi];
        boolean av = s.varies[ai];
        boolean wv = s.varies[wi];
        Shape as = s.graph.node(ai).shape();
        int rows = as.rows();
        int cols = as.cols();
        for (int r = 0; r < rows; r++) {
            int zo = r * count;
            if (av && wv) {
                java.util.Arrays.fill(z, zo, zo + count, 0);
                for (int c = 0; c < cols; c++) {
                    ops.mulAdd(a, (r * cols + c) * count, w, c * count, z, zo, count);
                }
            } else if (av) {
                ops.combination(w, 0, cols, a, r * cols * count, count, z, zo, count);
            } else {
                ops.combination(a, r * cols, cols, w, 0, count, z, zo, count);
            }
        }
    }

    /** {@code z[zo + j] = Σ_r x[xo + r·step + j]} for {@code j < width}, added in order of r. */
    private void sumRuns(double[] x, int xo, int width, int runs, int step, double[] z, int zo) {
        System.arraycopy(x, xo, z, zo, width);
        for (int r = 1; r < runs; r++) {
            ops.binary(Op.ADD, z, zo, x, xo + r * step, z, zo, width);
        }
    }

    private static void param(BatchScratch s, Node.ParamRead read, double[] latent, int offset, int stride,
            int count, double[] z) {
        Layout layout = s.graph.layout();
        for (int k = 0; k < read.size(); k++) {
            int e = read.first() + k;
            int at = k * count;
            if (!s.elementVaries[e]) {
                java.util.Arrays.fill(z, at, at + count, layout.scale(e) * layout.transform(e).forward(s.plain.latent[e]));
                continue;
            }
            TransformProgram t = layout.transform(e);
            double scale = layout.scale(e);
            int src = offset + s.graph.freeIndex(e) * stride;
            for (int b = 0; b < count; b++) {
                z[at + b] = scale * t.forward(latent[src + b]);
            }
        }
    }

    /**
     * A broadcast binary op: when both operands vary with the output's size, or one does and the
     * other is an invariant scalar, one loop over the whole node; otherwise one loop over the batch per output element, an invariant operand entering as a
     * scalar. POW calls {@link Math#pow} element by element.
     */
    private void binary(BatchScratch s, Node node, int count, double[] z) {
        Op op = node.op();
        int xi = node.inputs()[0];
        int yi = node.inputs()[1];
        Shape out = node.shape();
        Shape xs = s.graph.node(xi).shape();
        Shape ys = s.graph.node(yi).shape();
        double[] x = s.values[xi];
        double[] y = s.values[yi];
        boolean xv = s.varies[xi];
        boolean yv = s.varies[yi];
        int size = out.size();
        if (op != Op.POW) {
            if (xv && yv && xs.size() == size && ys.size() == size) {
                ops.binary(op, x, 0, y, 0, z, 0, size * count);
                return;
            }
            if (xv && !yv && xs.size() == size && ys.size() == 1) {
                ops.binaryScalarRight(op, x, 0, y[0], z, 0, size * count);
                return;
            }
            if (!xv && yv && xs.size() == 1 && ys.size() == size) {
                ops.binaryScalarLeft(op, x[0], y, 0, z, 0, size * count);
                return;
            }
        }
        int cols = out.cols();
        for (int k = 0; k < size; k++) {
            int r = k / cols;
            int c = k - r * cols;
            int kx = (xs.rows() == 1 ? 0 : r) * xs.cols() + (xs.cols() == 1 ? 0 : c);
            int ky = (ys.rows() == 1 ? 0 : r) * ys.cols() + (ys.cols() == 1 ? 0 : c);
            int zo = k * count;
            if (op == Op.POW) {
                for (int b = 0; b < count; b++) {
                    z[zo + b] = Math.pow(xv ? x[kx * count + b] : x[kx], yv ? y[ky * count + b] : y[ky]);
                }
            } else if (xv && yv) {
                ops.binary(op, x, kx * count, y, ky * count, z, zo, count);
            } else if (xv) {
                ops.binaryScalarRight(op, x, kx * count, y[ky], z, zo, count);
            } else {
                ops.binaryScalarLeft(op, x[kx], y, ky * count, z, zo, count);
            }
        }
    }

    /** Node {@code i} sample by sample through the plain executor: gather inputs, run, scatter. */
    private void perSample(BatchScratch s, int i, int count) {
        Node node = s.graph.node(i);
        Scratch p = s.plain;
        double[] z = s.values[i];
        int size = node.size();
        for (int b = 0; b < count; b++) {
            for (int in : node.inputs()) {
                if (s.varies[in]) {
                    double[] src = s.values[in];
                    double[] dst = p.values[in];
                    for (int k = 0; k < dst.length; k++) {
                        dst[k] = src[k * count + b];
                    }
                }
            }
            plain.runNode(p, i);
            double[] v = p.values[i];
            for (int k = 0; k < size; k++) {
                z[k * count + b] = v[k];
            }
        }
    }
}
