package org.parax4j.engine.internal.graph;

import java.util.Arrays;
import org.parax4j.engine.compile.Layout;

/**
 * Runs a {@link GraphDef} in forward-mode dual numbers: values first ({@link PlainExecutor}), then,
 * chunk by chunk, each node's tangent slots (one contiguous run of the node's size per carried
 * direction, structure of arrays) by the chain rule. Directions a node does not carry are known
 * to be zero and neither stored nor computed. Allocates nothing (but for the crew's few objects when a
 * large kernel node is split over helper threads, {@link KernelRows}). Thread-safe (state lives in the
 * {@link Scratch}).
 *
 * <p>Conventions at points where a derivative does not exist: {@code |x|'(0) = 0} (a
 * sub-gradient); for {@code sqrt} and {@code x^c} a zero input tangent gives a zero output tangent
 * even where the coefficient is infinite (so {@code sqrt(x²)} and distances at 0 have derivative 0,
 * not NaN); {@code x^y} with {@code x^y = 0} contributes nothing through {@code y}; Matérn ½ at
 * {@code r = 0} uses the 0 sub-gradient. Kernel nodes: where the kernel has underflowed to 0 its
 * tangents are 0 (never {@code ∞·0}); length scales whose reciprocal overflows give the limit
 * {@code ℓ → 0} in their dimensions, with tangent 0 there. Every other derivative is the analytic one.
 */
public final class DualExecutor {

    private final GraphOps ops;
    private final PlainExecutor plain;

    /** An executor over these loops. */
    public DualExecutor(GraphOps ops) {
        this.ops = ops;
        this.plain = new PlainExecutor(ops);
    }

    /**
     * Computes every value and the Jacobian of the output into {@code jac} (row {@code f}, of the
     * output's size, is the derivative with respect to free position {@code f}). Values are
     * computed in the first chunk's sweep, node by node just before their tangents.
     *
     * @param physical derivatives with respect to physical values instead of latent ones
     * @param jac destination of length ≥ numFree × output size. Modified.
     */
    public void run(Scratch s, boolean physical, double[] jac) {
        if (s.strips != null) {
            s.strips.runDual(this, s, physical, jac);
        } else {
            runUnsplit(s, physical, jac);
        }
    }

    /** {@link #run} on the calling thread, as one graph. */
    void runUnsplit(Scratch s, boolean physical, double[] jac) {
        GraphDef g = s.graph;
        ChunkPlan plan = s.plan;
        int out = g.output();
        int outSize = g.node(out).size();
        int free = g.layout().numFree();
        if (plan.numChunks() == 0) {
            plain.runUnsplit(s);
            return;
        }
        // With one chunk in which the output carries every direction in order, the output's
        // tangent slots are exactly the Jacobian's rows: write them in place.
        boolean direct = plan.numChunks() == 1 && plan.dirs(0, out).length == free;
        double[] own = s.tangents[out];
        if (direct) {
            s.tangents[out] = jac;
        } else {
            Arrays.fill(jac, 0, free * outSize, 0);
        }
        Arrays.fill(s.early, false);
        try {
            for (int c = 0; c < plan.numChunks(); c++) {
                for (int i = 0; i < g.size(); i++) {
                    boolean carries = plan.dirs(c, i).length > 0;
                    // Values are computed in the first chunk's sweep, except by kernel nodes carrying
                    // tangents, whose fused pass writes value and tangents together.
                    if (c == 0 && !s.early[i] && !(carries && g.node(i).op() == Op.KERNEL)) {
                        plain.runSweep(s, i);
                    }
                    if (carries && s.productSums[i] != ProductSums.PRODUCT && s.folded[i] < 0) {
                        tangent(s, c, i, physical);
                    }
                }
                if (!direct) {
                    int[] outDirs = plan.dirs(c, out);
                    double[] t = s.tangents[out];
                    for (int slot = 0; slot < outDirs.length; slot++) {
                        System.arraycopy(t, slot * outSize, jac, outDirs[slot] * outSize, outSize);
                    }
                }
            }
        } finally {
            s.tangents[out] = own;
        }
    }

    private void tangent(Scratch s, int c, int i, boolean physical) {
        GraphDef g = s.graph;
        ChunkPlan plan = s.plan;
        Node node = g.node(i);
        int n = node.size();
        int[] dirs = plan.dirs(c, i);
        double[] t = s.tangents[i];
        int[] in = node.inputs();
        if (Siblings.tangent(plain, ops, s, c, i) || ComplexReciprocals.tangent(ops, s, c, i)) {
            return;
        }
        if (s.productSums[i] == ProductSums.SUM) {
            if (!ComplexProducts.tangent(ops, s, c, i)) {
                ProductSums.tangent(ops, s, c, i);
            }
            return;
        }
        switch (node.op()) {
            case CONST -> throw new IllegalStateException("a constant carries no tangent");
            case PARAM -> seed(g.layout(), (Node.ParamRead) node.data(), s.latent, dirs, t, physical);
            case ADD, SUB, MUL, DIV -> binary(s, c, i, node);
            case POW -> pow(s, c, i, node);
            case NEG -> {
                int[] map = plan.slotMap(c, i, 0);
                double[] tx = s.tangents[in[0]];
                for (int slot = 0; slot < dirs.length; slot++) {
                    ops.unary(Op.NEG, 0, tx, map[slot] * n, t, slot * n, n);
                }
            }
            case EXP, LOG, LOG10, SQRT, SIN, COS, ABS, SQUARE, POWC -> {
                ops.derivative(node.op(), node.arg(), s.values[in[0]], 0, s.values[i], 0, s.coefA, 0, n);
                int[] map = plan.slotMap(c, i, 0);
                double[] tx = s.tangents[in[0]];
                boolean masked = node.op() == Op.SQRT || node.op() == Op.POWC;
                for (int slot = 0; slot < dirs.length; slot++) {
                    if (masked) {
                        ops.mulMasked(s.coefA, 0, tx, map[slot] * n, t, slot * n, n);
                    } else {
                        ops.binary(Op.MUL, s.coefA, 0, tx, map[slot] * n, t, slot * n, n);
                    }
                }
            }
            case SUM, SUM_AXIS0, SUM_AXIS1, RESHAPE -> {
                int[] map = plan.slotMap(c, i, 0);
                double[] tx = s.tangents[in[0]];
                Shape xs = g.node(in[0]).shape();
                int xn = xs.size();
                for (int slot = 0; slot < dirs.length; slot++) {
                    int xo = map[slot] * xn;
                    switch (node.op()) {
                        case SUM -> t[slot] = ops.sum(tx, xo, xn);
                        case RESHAPE -> System.arraycopy(tx, xo, t, slot * n, n);
                        default -> PlainExecutor.sumAxis(ops, node.op(), xs, tx, xo, t, slot * n);
                    }
                }
            }
            case MATVEC -> matvec(s, c, i, node);
            case KERNEL -> kernel(s, c, i, node);
            case MAP, MAP2, WHERE, GATHER, REDUCE, SCAN, MATMUL -> Vocabulary.tangent(ops, s, c, i);
            case SOLVE, DET -> DenseSolve.tangent(s, c, i);
        }
    }

    private static void seed(Layout layout, Node.ParamRead read, double[] latent, int[] dirs, double[] t,
            boolean physical) {
        int n = read.size();
        Arrays.fill(t, 0, dirs.length * n, 0);
        for (int slot = 0; slot < dirs.length; slot++) {
            int e = layout.freeElement(dirs[slot]);
            double d = physical ? layout.scale(e) : layout.scale(e) * layout.transform(e).derivative(latent[e]);
            t[slot * n + (e - read.first())] = d;
        }
    }

    /**
     * ADD, SUB, MUL, DIV: {@code t_z = a·t_x + b·t_y} with {@code a, b} = (1, 1), (1, −1), (y, x),
     * (1/y, −z/y), each operand broadcast to the output's shape.
     */
    private void binary(Scratch s, int c, int i, Node node) {
        GraphDef g = s.graph;
        int n = node.size();
        Shape out = node.shape();
        int xi = node.inputs()[0];
        int yi = node.inputs()[1];
        Shape xs = g.node(xi).shape();
        Shape ys = g.node(yi).shape();
        double[] x = s.values[xi];
        double[] y = s.values[yi];
        // Coefficients: an array over the output (when not null) or a scalar.
        double[] ca = null;
        double[] cb = null;
        double sa = 1;
        double sb = 1;
        switch (node.op()) {
            case SUB -> sb = -1;
            case MUL -> {
                if (ys.size() == 1) {
                    sa = y[0];
                } else {
                    ca = ys.size() == n ? y : PlainExecutor.expand(y, 0, ys, out, s.coefA);
                }
                if (xs.size() == 1) {
                    sb = x[0];
                } else {
                    cb = xs.size() == n ? x : PlainExecutor.expand(x, 0, xs, out, s.coefB);
                }
            }
            case DIV -> {
                double[] z = s.values[i];
                if (ys.size() == 1) {
                    sa = 1 / y[0];
                    ops.binaryScalarRight(Op.DIV, z, 0, -y[0], s.coefB, 0, n);
                } else {
                    double[] yf = ys.size() == n ? y : PlainExecutor.expand(y, 0, ys, out, s.coefA);
                    ops.binary(Op.DIV, z, 0, yf, 0, s.coefB, 0, n);
                    ops.unary(Op.NEG, 0, s.coefB, 0, s.coefB, 0, n);
                    ops.binaryScalarLeft(Op.DIV, 1, yf, 0, s.coefA, 0, n);
                    ca = s.coefA;
                }
                cb = s.coefB;
            }
            default -> { }
        }
        int[] dirs = s.plan.dirs(c, i);
        int[] mapX = s.plan.slotMap(c, i, 0);
        int[] mapY = s.plan.slotMap(c, i, 1);
        double[] t = s.tangents[i];
        double[] tx = s.tangents[xi];
        double[] ty = s.tangents[yi];
        boolean linear = node.op() == Op.ADD || node.op() == Op.SUB;
        // An operand folded into this sum (ScaledTangents): its input's tangent, scaled. It has the
        // operand's slots (the scale carries no direction) and, as a full-size operand, its size.
        // The last bits depend on which operand is folded: t = fma(sb, ty, sa·tx) rounds sa·tx first,
        // so folding y (scale c) gives fma(±c, ty, tx), one rounding, and folding x fma(±1, ty, c·tx),
        // two, as the unfolded c·tx ± ty; within the Jacobian's stated accuracy, and the SIMD and
        // scalar twins still agree exactly (GraphOps.linear has one expression in both).
        if (linear && s.folded[xi] >= 0) {
            sa *= ScaledTangents.scale(s, xi);
            tx = s.tangents[s.folded[xi]];
        }
        if (linear && s.folded[yi] >= 0) {
            sb *= ScaledTangents.scale(s, yi);
            ty = s.tangents[s.folded[yi]];
        }
        boolean scaled = sa != 1 || sb != (node.op() == Op.SUB ? -1 : 1);
        boolean full = xs.size() == n && ys.size() == n && (linear || ca != null && cb != null);
        // Slots in runs: consecutive slots whose operands carry the same terms from consecutive input
        // slots are one contiguous stretch of every buffer, one call for all of them where the
        // coefficient is a scalar (the per-element arithmetic, so the bits, as slot by slot).
        for (int slot = 0, len; slot < dirs.length; slot += len) {
            len = run(mapX, mapY, slot);
            int zo = slot * n;
            boolean hasX = mapX[slot] >= 0;
            boolean hasY = mapY[slot] >= 0;
            if (full && hasX && hasY) {
                // Both tangents full: one pass (ADD and SUB have coefficients ±1, MUL and DIV arrays).
                if (linear && scaled) {
                    ops.linear(sa, tx, mapX[slot] * n, sb, ty, mapY[slot] * n, t, zo, len * n);
                } else if (linear) {
                    ops.binary(node.op(), tx, mapX[slot] * n, ty, mapY[slot] * n, t, zo, len * n);
                } else {
                    for (int r = 0; r < len; r++) {
                        ops.combine(ca, tx, (mapX[slot] + r) * n, cb, ty, (mapY[slot] + r) * n, t, zo + r * n, n);
                    }
                }
                continue;
            }
            // The first non-zero term writes the slots, the second adds: no zero fill.
            if (hasX) {
                terms(s, ca, sa, tx, mapX[slot], xs, out, t, slot, len, false);
            }
            if (hasY) {
                terms(s, cb, sb, ty, mapY[slot], ys, out, t, slot, len, hasX);
            }
        }
    }

    /**
     * The slots from {@code slot} on that carry the same operands' terms as {@code slot}, each
     * operand's from the input slot after the previous one's: at least 1.
     */
    private static int run(int[] mapX, int[] mapY, int slot) {
        int end = slot + 1;
        while (end < mapX.length && next(mapX, slot, end) && next(mapY, slot, end)) {
            end++;
        }
        return end - slot;
    }

    private static boolean next(int[] map, int slot, int s) {
        return map[slot] < 0 ? map[s] < 0 : map[s] == map[slot] + (s - slot);
    }

    /**
     * {@link #term} for {@code run} consecutive slots from {@code slot}, reading the operand's
     * tangent slots from {@code from} on: one call over all of them when the coefficient is a scalar
     * and the operand's tangents have the output's size, else slot by slot.
     */
    private void terms(Scratch s, double[] ca, double sa, double[] tv, int from, Shape ts, Shape out, double[] z,
            int slot, int run, boolean accumulate) {
        int n = out.size();
        if (ca == null && ts.size() == n) {
            term(s, null, sa, tv, from * n, ts, out, z, slot * n, accumulate, run);
            return;
        }
        for (int r = 0; r < run; r++) {
            term(s, ca, sa, tv, (from + r) * ts.size(), ts, out, z, (slot + r) * n, accumulate, 1);
        }
    }

    /**
     * {@code z[zo + k] (+)= coef_k · broadcast(tv)_k}, coef being {@code ca[k]} or, when ca is null,
     * {@code sa}; adds when {@code accumulate}, else overwrites. {@code slots} consecutive tangent
     * slots at once (more than one only when {@code ca} is null and {@code tv} has the output's size).
     */
    private void term(Scratch s, double[] ca, double sa, double[] tv, int to, Shape ts, Shape out, double[] z,
            int zo, boolean accumulate, int slots) {
        int n = out.size();
        int length = n * slots;
        if (ts.size() == 1 && n != 1) {
            double scalar = tv[to];
            if (ca != null) {
                if (accumulate) {
                    ops.axpy(scalar, ca, 0, z, zo, n);
                } else {
                    ops.binaryScalarRight(Op.MUL, ca, 0, scalar, z, zo, n);
                }
            } else if (accumulate) {
                ops.binaryScalarRight(Op.ADD, z, zo, sa * scalar, z, zo, n);
            } else {
                Arrays.fill(z, zo, zo + n, sa * scalar);
            }
            return;
        }
        double[] tf = tv;
        int tfo = to;
        if (ts.size() != n) {
            tf = PlainExecutor.expand(tv, to, ts, out, s.expandB);
            tfo = 0;
        }
        if (accumulate) {
            if (ca != null) {
                ops.mulAdd(ca, 0, tf, tfo, z, zo, n);
            } else {
                ops.axpy(sa, tf, tfo, z, zo, length);
            }
        } else if (ca != null) {
            ops.binary(Op.MUL, ca, 0, tf, tfo, z, zo, n);
        } else if (sa == 1) {
            System.arraycopy(tf, tfo, z, zo, length);
        } else {
            ops.binaryScalarRight(Op.MUL, tf, tfo, sa, z, zo, length);
        }
    }

    /**
     * {@code z = a·w} (rows of {@code a} against {@code w}): {@code t_z = t_a·w + a·t_w}, the second
     * term column by column over the non-zero entries of {@code t_w} only (a parameter vector's
     * seed has one).
     */
    private void matvec(Scratch s, int c, int i, Node node) {
        GraphDef g = s.graph;
        int ai = node.inputs()[0];
        int wi = node.inputs()[1];
        Shape as = g.node(ai).shape();
        int rows = as.rows();
        int cols = as.cols();
        double[] a = s.values[ai];
        double[] w = s.values[wi];
        double[] t = s.tangents[i];
        int[] dirs = s.plan.dirs(c, i);
        int[] mapA = s.plan.slotMap(c, i, 0);
        int[] mapW = s.plan.slotMap(c, i, 1);
        for (int slot = 0; slot < dirs.length; slot++) {
            int zo = slot * rows;
            if (mapA[slot] >= 0) {
                PlainExecutor.matvec(ops, s.tangents[ai], mapA[slot] * as.size(), rows, cols, w, 0, t, zo);
            } else {
                Arrays.fill(t, zo, zo + rows, 0);
            }
            if (mapW[slot] >= 0) {
                double[] tw = s.tangents[wi];
                int wo = mapW[slot] * cols;
                for (int col = 0; col < cols; col++) {
                    double twc = tw[wo + col];
                    if (twc != 0) {
                        for (int r = 0; r < rows; r++) {
                            t[zo + r] += twc * a[r * cols + col];
                        }
                    }
                }
            }
        }
    }

    /** {@code x^y}: {@code t_z = y·x^(y−1)·t_x + z·ln(x)·t_y}, zero tangents contributing nothing. */
    private void pow(Scratch s, int c, int i, Node node) {
        GraphDef g = s.graph;
        int n = node.size();
        Shape out = node.shape();
        int xi = node.inputs()[0];
        int yi = node.inputs()[1];
        Shape xs = g.node(xi).shape();
        Shape ys = g.node(yi).shape();
        double[] xf = PlainExecutor.expand(s.values[xi], 0, xs, out, s.coefA);
        double[] yf = PlainExecutor.expand(s.values[yi], 0, ys, out, s.coefB);
        double[] z = s.values[i];
        int[] dirs = s.plan.dirs(c, i);
        int[] mapX = s.plan.slotMap(c, i, 0);
        int[] mapY = s.plan.slotMap(c, i, 1);
        double[] t = s.tangents[i];
        for (int slot = 0; slot < dirs.length; slot++) {
            int zo = slot * n;
            Arrays.fill(t, zo, zo + n, 0);
            if (mapX[slot] >= 0) {
                double[] tx = PlainExecutor.expand(s.tangents[xi], mapX[slot] * xs.size(), xs, out, s.expandA);
                for (int k = 0; k < n; k++) {
                    if (tx[k] != 0) {
                        t[zo + k] += yf[k] * Math.pow(xf[k], yf[k] - 1) * tx[k];
                    }
                }
            }
            if (mapY[slot] >= 0) {
                double[] ty = PlainExecutor.expand(s.tangents[yi], mapY[slot] * ys.size(), ys, out, s.expandB);
                for (int k = 0; k < n; k++) {
                    if (ty[k] != 0 && z[k] != 0) {
                        t[zo + k] += z[k] * Math.log(xf[k]) * ty[k];
                    }
                }
            }
        }
    }

    /** A kernel node's value and tangents: through the kernel plan or row by row ({@link RowKernels}). */
    private void kernel(Scratch s, int c, int i, Node node) {
        if (node.data() instanceof PlanKernels.Spec) {
            PlanKernels.tangent(ops, s, c, i, node);
        } else {
            RowKernels.tangent(ops, s, c, i, node);
        }
    }
}
