package org.parax4j.engine.internal.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.IntConsumer;
import org.jspecify.annotations.Nullable;
import org.parax4j.engine.EngineOptions;
import org.parax4j.engine.internal.concurrent.Crew;
import org.parax4j.engine.internal.concurrent.EnginePool;

/**
 * Runs an element-separable graph as independent strips of its elements on several threads: a
 * function of a whole frequency sweep, for example, whose every node is either a scalar (parameters
 * and what is computed from them alone) or an elementwise function of arrays of one length
 * {@code n}. Element {@code j} of every array node then depends only on element {@code j} of its
 * inputs, so a copy of the graph over elements {@code [lo, hi)} (array constants sliced) computes
 * exactly those elements of every node and of every tangent; each strip runs, with its own
 * {@link Scratch}, on one participant of a {@link Crew} job and writes its columns of the value and
 * of the Jacobian. This is how a single recorded function uses all cores without a barrier per node.
 *
 * <p><b>Which graphs.</b> Every node is a scalar (size 1) whose inputs are scalars, or has shape
 * {@code [n]} and is an elementwise operation ({@code +}, {@code −}, {@code ·}, {@code /},
 * powers, the unary functions, {@link Op#MAP}, {@link Op#MAP2}, {@link Op#WHERE}) of scalars and
 * {@code [n]} nodes, or is an array constant of shape {@code [n]}; the output is such a node (not a
 * constant) or a {@link Op#GATHER} that stacks whole {@code [n]} nodes as the rows of a
 * {@code [k, n]} matrix (what {@code Var.stack} records). Parameter reads must be scalars (a vector parameter's
 * directions would differ from strip to strip). Anything else (reductions, kernels, matrix
 * products, reshapes) keeps the graph on one thread.
 *
 * <p><b>Same bits.</b> Strip boundaries are multiples of {@value #ALIGN} elements, a multiple of
 * every vector length the engine uses, so each element meets the same vector lane or scalar tail
 * instructions as in an unsplit run; every elementwise value and tangent loop computes an element from
 * that element alone (the masked two-operand tangent loop included, {@link TangentLoops}); and the
 * strips use the unsplit run's chunk of directions: the results equal the one-thread results bit for
 * bit, for any executor and parallelism.
 *
 * <p><b>When.</b> Only on parallel {@link EngineOptions}, when {@code n ≥ 2·}{@value #MIN_STRIP}
 * and the array nodes hold at least {@value #MIN_WORK} elements in all (below that, handing a strip
 * to another thread costs about what it saves); at most one strip per thread. Every strip repeats
 * the graph's per-node work (about 8 µs for the RF example's 157 nodes), so when no helper would
 * start in time the caller runs the unsplit graph instead, in the owning {@link Scratch}'s own
 * buffers (with the strips', about twice a one-thread workspace's): when the executor rejects every helper
 * task (as one that lends only idle threads does when none is idle, {@link Crew#forEachOrAlone}),
 * and on the engine's own pool for a short graph when no worker is polling (sporadic calls; calls
 * back to back wake one, and then find it polling). An executor that queues the task but runs it
 * late still leaves the caller every strip; so do several callers that find one polling worker.
 *
 * <p>Not thread-safe: one owner at a time, like its {@link Scratch}.
 */
final class ElementStrips {

    /** Strip boundaries are multiples of this many elements (8 doubles: a 512-bit vector). */
    static final int ALIGN = 8;
    /**
     * The fewest elements per strip before boundaries round to multiples of {@link #ALIGN} (so a strip
     * holds at least {@code MIN_STRIP − ALIGN}).
     */
    static final int MIN_STRIP = 64;
    /** The fewest array elements, summed over the nodes, for which a graph is split. */
    static final long MIN_WORK = 16_384;
    /**
     * The most array elements of a graph that the caller runs whole on the engine's pool when no
     * worker is polling (the RF example, 28 000, takes 40 µs for its Jacobian on one thread: about
     * what a parked worker's wake-up and the second strip take together).
     */
    static final long SHORT_WORK = 65_536;

    private final int length;
    private final int rows;
    private final int[] bounds;
    private final Scratch[] strips;
    private final double[][] stripJacobians;
    private final Executor executor;
    private final int parallelism;
    private final IntConsumer plainStrip = this::plainStrip;
    private final IntConsumer dualStrip = this::dualStrip;
    private final Runnable plainWhole = this::plainWhole;
    private final Runnable dualWhole = this::dualWhole;
    /** When the last call ended ({@link System#nanoTime()}). */
    private long lastEnd = System.nanoTime() - Long.MAX_VALUE / 2;
    /** Whether the graph is short enough for the caller to run it whole rather than wake a worker. */
    private final boolean shortGraph;
    // The current call's arguments, set by its owner before the crew starts (the executor's
    // hand-off orders these writes before the helpers' reads).
    private @Nullable PlainExecutor plain;
    private @Nullable DualExecutor dual;
    private boolean physical;
    private @Nullable Scratch parent;
    private double @Nullable [] jacobian;

    private ElementStrips(GraphDef graph, ChunkPlan plan, int length, int count, boolean shortGraph,
            EngineOptions options) {
        this.length = length;
        this.rows = graph.outputShape().size() / length;
        this.bounds = new int[count + 1];
        for (int k = 1; k < count; k++) {
            bounds[k] = (int) Math.round((double) length * k / count / ALIGN) * ALIGN;
        }
        bounds[count] = length;
        this.strips = new Scratch[count];
        this.stripJacobians = new double[count][];
        int free = graph.layout().numFree();
        for (int k = 0; k < count; k++) {
            GraphDef strip = strip(graph, length, bounds[k], bounds[k + 1]);
            strips[k] = new Scratch(strip, ChunkPlan.withChunk(strip, plan.chunkSize()), new double[graph.layout().size()]);
            stripJacobians[k] = new double[free * strip.outputShape().size()];
        }
        this.shortGraph = shortGraph;
        this.executor = options.executor();
        this.parallelism = options.parallelism();
    }

    /**
     * The strips of {@code graph} for a scratch on {@code options}, or null when the graph is not
     * element-separable, too small to gain, or the options are single-threaded. Allocates.
     */
    static @Nullable ElementStrips of(GraphDef graph, ChunkPlan plan, EngineOptions options) {
        if (!options.isParallel() || options.executor() == null) {
            return null;
        }
        int length = separableLength(graph);
        long work = length < 0 ? 0 : arrayElements(graph, length);
        if (length < 2 * MIN_STRIP || work < MIN_WORK) {
            return null;
        }
        int count = Math.min(options.parallelism(), length / MIN_STRIP);
        return count < 2 ? null : new ElementStrips(graph, plan, length, count, work <= SHORT_WORK, options);
    }

    /** The element-axis length of a separable graph (see the class comment), or −1. */
    static int separableLength(GraphDef graph) {
        Shape out = graph.outputShape();
        if (out.rank() < 1 || out.rank() > 2) {
            return -1;
        }
        int n = out.dims()[out.rank() - 1];
        if (graph.node(graph.output()).op() == Op.CONST) {
            return -1; // nothing to compute, and a constant's array is never written
        }
        for (int i = 0; i < graph.size(); i++) {
            Node node = graph.node(i);
            boolean ok = i == graph.output() && node.op() == Op.GATHER
                    ? isStack(graph, node, n)
                    : node.size() == 1 ? allScalar(graph, node) : isElementwise(graph, node, n);
            if (!ok) {
                return -1;
            }
        }
        return n;
    }

    private static boolean allScalar(GraphDef graph, Node node) {
        for (int in : node.inputs()) {
            if (graph.node(in).size() != 1) {
                return false;
            }
        }
        return true;
    }

    private static boolean isElementwise(GraphDef graph, Node node, int n) {
        if (node.shape().rank() != 1 || node.size() != n) {
            return false;
        }
        boolean op = switch (node.op()) {
            case CONST, ADD, SUB, MUL, DIV, POW, NEG, EXP, LOG, LOG10, SQRT, SIN, COS, ABS, SQUARE, POWC, MAP, MAP2,
                    WHERE -> true;
            default -> false;
        };
        for (int in : node.inputs()) {
            Shape s = graph.node(in).shape();
            op &= s.size() == 1 || (s.rank() == 1 && s.size() == n);
        }
        return op;
    }

    /** Whether {@code node} stacks whole {@code [n]} nodes as its rows, in order. */
    private static boolean isStack(GraphDef graph, Node node, int n) {
        Shape shape = node.shape();
        if (shape.rank() != 2 || shape.cols() != n) {
            return false;
        }
        VocabularyNodes.Gather gather = (VocabularyNodes.Gather) node.data();
        for (int r = 0; r < shape.rows(); r++) {
            int source = gather.source()[r * n];
            Shape s = graph.node(node.inputs()[source]).shape();
            if (s.rank() != 1 || s.size() != n) {
                return false;
            }
            for (int j = 0; j < n; j++) {
                if (gather.source()[r * n + j] != source || gather.element()[r * n + j] != j) {
                    return false;
                }
            }
        }
        return true;
    }

    private static long arrayElements(GraphDef graph, int n) {
        long total = 0;
        for (int i = 0; i < graph.size(); i++) {
            if (graph.node(i).op() != Op.CONST && graph.node(i).size() >= n) {
                total += graph.node(i).size();
            }
        }
        return total;
    }

    /** The graph over elements {@code [lo, hi)}: array nodes resized, array constants and the stack's table sliced. */
    private static GraphDef strip(GraphDef graph, int n, int lo, int hi) {
        int m = hi - lo;
        List<Node> nodes = new ArrayList<>(graph.size());
        for (int i = 0; i < graph.size(); i++) {
            Node node = graph.node(i);
            if (node.size() == 1) {
                nodes.add(node);
            } else if (node.op() == Op.CONST) {
                double[] data = Arrays.copyOfRange((double[]) node.data(), lo, hi);
                nodes.add(new Node(Op.CONST, node.inputs(), Shape.of(m), node.arg(), data));
            } else if (node.shape().rank() == 2) {
                VocabularyNodes.Gather gather = (VocabularyNodes.Gather) node.data();
                int k = node.shape().rows();
                int[] source = new int[k * m];
                int[] element = new int[k * m];
                for (int r = 0; r < k; r++) {
                    Arrays.fill(source, r * m, (r + 1) * m, gather.source()[r * n]);
                    for (int j = 0; j < m; j++) {
                        element[r * m + j] = j;
                    }
                }
                nodes.add(new Node(Op.GATHER, node.inputs(), Shape.of(k, m), node.arg(),
                        new VocabularyNodes.Gather(source, element)));
            } else {
                nodes.add(new Node(node.op(), node.inputs(), Shape.of(m), node.arg(), node.data()));
            }
        }
        return new GraphDef(graph.layout(), nodes, graph.output());
    }

    /** Number of strips. */
    int count() {
        return strips.length;
    }

    /** Doubles held by the strips' value and tangent buffers and their Jacobian blocks. */
    long footprintDoubles() {
        long total = 0;
        for (int k = 0; k < strips.length; k++) {
            total += strips[k].footprintDoubles() + stripJacobians[k].length;
        }
        return total;
    }

    /**
     * Computes the output's value from {@code parent}'s latent vector into its output buffer, strip
     * by strip, or unsplit in {@code parent} itself.
     */
    void runPlain(PlainExecutor executor, Scratch parent) {
        this.plain = executor;
        this.parent = parent;
        try {
            run(plainStrip, plainWhole);
        } finally {
            clear();
        }
    }

    /** As {@link #runPlain}, with the Jacobian (rows by free position, as {@link DualExecutor#run}). */
    void runDual(DualExecutor executor, Scratch parent, boolean physical, double[] jacobian) {
        this.dual = executor;
        this.parent = parent;
        this.physical = physical;
        this.jacobian = jacobian;
        try {
            run(dualStrip, dualWhole);
        } finally {
            clear();
        }
    }

    /**
     * The strips on the crew, or the whole graph on the caller when no helper would start in time: on
     * the engine's own pool when no worker is polling and the graph is short ({@link #SHORT_WORK}: a
     * parked worker wakes in about one strip's time then, so the caller would end up running every
     * strip; when the calls come back to back, one is woken, and it still polls when the next call
     * starts), and on any executor that rejects the helper task.
     */
    private void run(IntConsumer strip, Runnable unsplit) {
        if (executor == EnginePool.EXECUTOR && shortGraph && !EnginePool.hasPollingWorker()) {
            if (System.nanoTime() - lastEnd < EnginePool.SPIN_NANOS) {
                EnginePool.wakeOne(); // calls come back to back: have a worker polling for the next
            }
            unsplit.run();
        } else {
            Crew.forEachOrAlone(executor, parallelism, strips.length, strip, unsplit);
        }
        lastEnd = System.nanoTime();
    }

    private void clear() {
        plain = null;
        dual = null;
        parent = null;
        jacobian = null;
    }

    private void plainStrip(int k) {
        Scratch s = load(k);
        plain.runUnsplit(s);
        scatter(k, s.values[s.graph.output()], 0, parent.values[parent.graph.output()], 0);
    }

    private void dualStrip(int k) {
        Scratch s = load(k);
        double[] block = stripJacobians[k];
        dual.runUnsplit(s, physical, block);
        scatter(k, s.values[s.graph.output()], 0, parent.values[parent.graph.output()], 0);
        int stripSize = rows * (bounds[k + 1] - bounds[k]);
        for (int f = 0; f < s.graph.layout().numFree(); f++) {
            scatter(k, block, f * stripSize, jacobian, f * rows * length);
        }
    }

    private void plainWhole() {
        plain.runUnsplit(parent);
    }

    private void dualWhole() {
        dual.runUnsplit(parent, physical, jacobian);
    }

    /** Strip {@code k}'s scratch with the call's latent vector. */
    private Scratch load(int k) {
        Scratch s = strips[k];
        System.arraycopy(parent.latent, 0, s.latent, 0, s.latent.length);
        return s;
    }

    /**
     * Copies strip {@code k}'s {@code [rows, m]} block at {@code from + offset} into its columns of
     * the {@code [rows, length]} block at {@code to + offset}.
     */
    private void scatter(int k, double[] from, int fromOffset, double[] to, int toOffset) {
        int m = bounds[k + 1] - bounds[k];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(from, fromOffset + r * m, to, toOffset + r * length + bounds[k], m);
        }
    }
}
