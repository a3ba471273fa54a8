package org.parax4j.engine.internal.graph;

import org.jspecify.annotations.Nullable;
import org.parax4j.engine.EngineOptions;

/**
 * All buffers one thread needs to run a {@link GraphDef}: the latent vector, one value buffer and
 * one tangent buffer (its maximum slots × size) per node, and temporaries. Allocated once; the
 * executors allocate nothing. Not thread-safe: one thread owns it at a time (during a call, helper
 * threads of a large kernel node read its tables and write disjoint rows of the node's buffers, see
 * {@link KernelRows}; an element-separable graph on parallel options runs as {@link ElementStrips},
 * each strip with a scratch of its own, or unsplit in this one when no helper would start in time).
 */
public final class Scratch {

    final GraphDef graph;
    final ChunkPlan plan;
    final double[] latent;
    final double[][] values;
    final double[][] tangents;
    final double[] coefA;
    final double[] coefB;
    final double[] expandA;
    final double[] expandB;
    /** Row exchanges of the LU factor of a SOLVE or DET node's matrix (see {@link DenseSolve}). */
    final int[] pivots;
    final double[] x2t;
    final double[] invL;
    final int[] start;
    final int[] dim;
    final double[] coef;
    final double[] coefV;
    final double[] x1t;
    final double[] kernelT;
    /** Per node, the sibling whose value is its derivative ({@link Siblings}), or −1. */
    final int[] sibling;
    /** Per node, whether the current sweep computed its value early (with or for a sibling). */
    final boolean[] early;
    /** Per node, its {@link ProductSums} role. */
    final byte[] productSums;
    /** Per node, its {@link ComplexProducts} pair or null. */
    final ComplexProducts.Pair[] complexProducts;
    /** Per node, its {@link ComplexReciprocals} role. */
    final byte[] reciprocals;
    /** Per imaginary part of a {@link ComplexReciprocals} reciprocal, its real part's node, else −1. */
    final int[] reciprocalReal;
    /** The tangent buffer of a folded node: empty, never read or written. */
    private static final double[] NO_TANGENT = new double[0];

    /**
     * Per node folded into its user ({@link ScaledTangents}), the input whose tangent is read
     * instead, else −1. A folded node's {@link #tangents} entry is empty.
     */
    final int[] folded;
    /** Zeros of the largest node's size, never written: the tangent of a factor that carries none. */
    final double[] zeros;
    /** Where kernel nodes may run besides the calling thread. */
    final EngineOptions options;
    private final KernelRows kernelRows;
    private PlanKernels.State planKernels;
    /** The graph's {@link ElementStrips} when it may run as strips on several threads, else null. */
    final @Nullable ElementStrips strips;

    /**
     * Allocates the buffers for {@code graph} under {@code plan}; the latent vector starts as
     * {@code latent} (all elements, fixed included); kernel nodes run on the calling thread alone.
     */
    public Scratch(GraphDef graph, ChunkPlan plan, double[] latent) {
        this(graph, plan, latent, EngineOptions.singleThreaded());
    }

    /**
     * Allocates the buffers for {@code graph} under {@code plan}; the latent vector starts as
     * {@code latent} (all elements, fixed included). Large kernel nodes spread their rows or tiles over
     * the calling thread and helpers on {@code options}' executor, with the same bits as on one thread.
     */
    public Scratch(GraphDef graph, ChunkPlan plan, double[] latent, EngineOptions options) {
        this.graph = graph;
        this.options = options;
        this.plan = plan;
        this.latent = latent.clone();
        this.strips = ElementStrips.of(graph, plan, options);
        int n = graph.size();
        this.values = new double[n][];
        this.tangents = new double[n][];
        this.productSums = ProductSums.of(graph);
        this.complexProducts = ComplexProducts.of(graph, plan, productSums);
        this.reciprocalReal = new int[n];
        this.reciprocals = ComplexReciprocals.of(graph, plan, productSums, reciprocalReal);
        this.folded = ScaledTangents.of(graph, productSums, complexProducts, reciprocals);
        int maxSize = 1;
        int maxX2t = 0;
        int maxD = 0;
        boolean rowKernels = false;
        int maxKernelSlots = 0;
        int maxX1t = 0;
        int maxSwapped = 0;
        int maxRow = 0;
        int maxOrder = 0;
        for (int i = 0; i < n; i++) {
            Node node = graph.node(i);
            values[i] = node.op() == Op.CONST ? (double[]) node.data() : new double[node.size()];
            // A folded node's tangent is never written (its user reads its input's): no buffer.
            tangents[i] = folded[i] >= 0 ? NO_TANGENT : new double[plan.maxSlots(i) * node.size()];
            maxSize = Math.max(maxSize, node.size());
            if (node.op() == Op.SOLVE || node.op() == Op.DET) {
                maxOrder = Math.max(maxOrder, graph.node(node.inputs()[0]).shape().rows());
            }
            if (node.op() == Op.KERNEL && node.data() instanceof Node.KernelSpec spec) {
                int m = graph.node(node.inputs()[1]).shape().rows();
                maxX2t = Math.max(maxX2t, m * spec.d());
                maxD = Math.max(maxD, spec.d());
                rowKernels = true;
                maxKernelSlots = Math.max(maxKernelSlots, plan.maxSlots(i));
                int rows = graph.node(node.inputs()[0]).shape().rows();
                maxRow = Math.max(maxRow, Math.max(rows, m));
                if (KernelRows.swapped(rows, m)) {
                    maxX1t = Math.max(maxX1t, rows * spec.d());
                    maxSwapped = Math.max(maxSwapped, (1 + plan.maxSlots(i)) * node.size());
                }
            }
        }
        this.coefA = new double[maxSize];
        this.coefB = new double[maxSize];
        this.expandA = new double[maxSize];
        this.expandB = new double[maxSize];
        this.pivots = new int[maxOrder];
        this.x2t = new double[maxX2t];
        this.invL = new double[maxD];
        this.kernelRows = rowKernels ? new KernelRows(options, maxD, maxRow) : null;
        this.start = new int[maxKernelSlots + 1];
        this.dim = new int[maxKernelSlots * maxD];
        this.coef = new double[maxKernelSlots * maxD];
        this.coefV = new double[maxKernelSlots];
        this.x1t = new double[maxX1t];
        this.kernelT = new double[maxSwapped];
        this.sibling = Siblings.of(graph);
        this.early = new boolean[n];
        this.zeros = new double[maxSize];
    }

    /** The graph these buffers belong to. */
    public GraphDef graph() {
        return graph;
    }

    /** The chunk plan. */
    public ChunkPlan plan() {
        return plan;
    }

    /** The latent vector (all elements); writable by the owner. */
    public double[] latent() {
        return latent;
    }

    /**
     * The value buffer of node {@code i} (valid after a run; after a run as {@link ElementStrips},
     * only the output's). Not copied.
     */
    public double[] value(int i) {
        return values[i];
    }

    /** Doubles held by the value and tangent buffers. */
    public long footprintDoubles() {
        long total = 0;
        for (int i = 0; i < values.length; i++) {
            total += (graph.node(i).op() == Op.CONST ? 0 : values[i].length) + tangents[i].length;
        }
        return total + (strips == null ? 0 : strips.footprintDoubles());
    }

    /** The row runner of row kernel nodes ({@link RowKernels}). */
    KernelRows kernelRows() {
        return kernelRows;
    }

    /** The state of plan kernel nodes ({@link PlanKernels}), created on first use. */
    PlanKernels.State planKernels() {
        if (planKernels == null) {
            planKernels = new PlanKernels.State(options);
        }
        return planKernels;
    }
}
