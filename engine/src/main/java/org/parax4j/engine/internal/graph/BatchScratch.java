package org.parax4j.engine.internal.graph;

import org.parax4j.engine.internal.size.ArraySizes;

/**
 * The buffers one thread needs to run a {@link GraphDef} over a batch of Monte Carlo samples with
 * {@link BatchExecutor}. A node whose value varies across samples holds {@code size × capacity}
 * doubles, element k of sample b at {@code [k·count + b]} for a run of {@code count} samples (so
 * elementwise loops run over the batch); a node that does not vary (it reads only fixed or held
 * elements and constants) is computed once, here, by the plain executor, and shared by every sample.
 * A plain {@link Scratch} serves the per-sample fallback of nodes without a batched form.
 *
 * <p>Allocated once; running allocates nothing. Not thread-safe: one thread owns it at a time.
 */
public final class BatchScratch {

    final GraphDef graph;
    final int capacity;
    final boolean[] elementVaries;
    final boolean[] varies;
    final double[][] values;
    final Scratch plain;

    /**
     * Allocates the buffers and computes the invariant nodes.
     *
     * @param graph the graph
     * @param latent latent values of all layout elements; the non-varying ones are read from here
     * @param elementVaries per layout element, whether its value differs between samples (only free
     *     elements may vary)
     * @param capacity the most samples per run, {@code ≥ 1}
     * @throws IllegalArgumentException when the sizes do not match, a fixed element is marked
     *     varying, or {@code capacity < 1}
     */
    public BatchScratch(GraphDef graph, double[] latent, boolean[] elementVaries, int capacity) {
        int n = graph.layout().size();
        if (latent.length != n || elementVaries.length != n) {
            throw new IllegalArgumentException("latent and elementVaries must have " + n + " entries, got "
                    + latent.length + " and " + elementVaries.length);
        }
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1, got " + capacity);
        }
        for (int e = 0; e < n; e++) {
            if (elementVaries[e] && graph.layout().isFixed(e)) {
                throw new IllegalArgumentException("fixed element '" + graph.layout().elementNames().get(e)
                        + "' cannot vary");
            }
        }
        this.graph = graph;
        this.capacity = capacity;
        this.elementVaries = elementVaries.clone();
        this.plain = new Scratch(graph, ChunkPlan.forCap(graph, 1), latent);
        new PlainExecutor(GraphOps.get()).run(plain);
        this.varies = new boolean[graph.size()];
        this.values = new double[graph.size()][];
        for (int i = 0; i < graph.size(); i++) {
            Node node = graph.node(i);
            boolean v = false;
            if (node.op() == Op.PARAM) {
                Node.ParamRead read = (Node.ParamRead) node.data();
                for (int k = 0; k < read.size(); k++) {
                    v |= elementVaries[read.first() + k];
                }
            }
            for (int in : node.inputs()) {
                v |= varies[in];
            }
            varies[i] = v;
            values[i] = v ? new double[ArraySizes.product("batch buffer of graph node " + i + " (node size · batch)",
                    node.size(), capacity)] : plain.values[i];
        }
    }

    /** The graph. */
    public GraphDef graph() {
        return graph;
    }

    /** The most samples per run. */
    public int capacity() {
        return capacity;
    }

    /** Whether node {@code i}'s value differs between samples. */
    public boolean varies(int i) {
        return varies[i];
    }

    /**
     * Value of element {@code k} of node {@code i} for sample {@code b} of the last run of
     * {@code count} samples.
     */
    public double value(int i, int k, int b, int count) {
        return varies[i] ? values[i][k * count + b] : values[i][k];
    }
}
