package org.parax4j.engine.montecarlo;

import org.jspecify.annotations.Nullable;

import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import org.parax4j.engine.EngineOptions;
import org.parax4j.engine.graph.ModelFunction;
import org.parax4j.engine.internal.concurrent.Crew;
import org.parax4j.engine.internal.concurrent.LowestFailure;
import org.parax4j.engine.internal.graph.BatchExecutor;
import org.parax4j.engine.internal.graph.BatchScratch;
import org.parax4j.engine.internal.graph.GraphAccess;
import org.parax4j.engine.internal.graph.GraphDef;
import org.parax4j.engine.internal.graph.GraphOps;
import org.parax4j.engine.internal.random.RandomKernels;
import org.parax4j.engine.internal.size.ArraySizes;
import org.parax4j.engine.random.CounterRandom;
import org.parax4j.engine.stats.MomentTree;
import org.parax4j.engine.stats.Moments;
import org.parax4j.engine.stats.StreamingSummary;
import org.parax4j.engine.stats.Summary;
import org.parax4j.module.Module;

/**
 * Monte Carlo propagation through a recorded {@link ModelFunction} (SPEC §7): parameters drawn by a
 * {@link ParameterSampler}, the graph evaluated over blocks of samples with the block as the SIMD
 * dimension (the engine's batched executor), blocks spread over threads.
 *
 * <p><b>Reproducible.</b> Sample {@code s} (its parameters and its outputs) is a pure function of
 * {@code (seed, s)}: the bits do not depend on the batch size, on the number of threads, on how
 * blocks land on threads, or on whether the Vector API runs (see the engine's internal
 * {@code BatchExecutor} for the one exception, fused kernel matrices whose inputs vary per sample).
 * Outputs agree with {@link ModelFunction#evaluate(double[], org.parax4j.engine.graph.Workspace,
 * double[])} at the same latent vector to a few ulps (different exp/log kernels and summation order).
 *
 * <p><b>Streaming.</b> {@link #summarize} keeps no samples: each output column's P² percentiles are
 * fed every sample in sample order (P² markers cannot be merged exactly); its mean and variance are
 * Welford sums over leaves of {@link MomentTree#LEAF_ROWS} samples combined by the fixed
 * {@link MomentTree} (so a cluster that computes the leaves elsewhere gets the same bits); the
 * columns are split among threads. The summary is the same for any thread count or batch size.
 *
 * <p>Immutable configuration and thread-safe. Per-thread workspaces (a batch scratch, latent and
 * physical buffers) are pooled in the instance and reused, so repeated calls allocate nothing per
 * sample: only one task per extra thread (run on the {@link EngineOptions}' executor, never on a pool
 * the caller did not choose) and, for {@link #summarize}, its accumulators, one round
 * buffer and one small moment accumulator per column part and leaf of {@link MomentTree#LEAF_ROWS}
 * samples.
 *
 * <pre>{@code
 * MonteCarlo<Root> mc = MonteCarlo.of(ReferenceModel.function(model));
 * double[] ys = mc.funcSamples(42, 100_000);                 // 100 000 × outputSize, row-major
 * Summary s = mc.summarize(42, 1_000_000, new double[] {0.05, 0.5, 0.95},
 *         (done, total) -> log(done, total), token);
 * }</pre>
 *
 * @param <M> the module type
 */
public final class MonteCarlo<M extends Module<?>> {

    /** Default samples per evaluation batch: a multiple of every vector width, small enough to stay in cache. */
    public static final int DEFAULT_BATCH = 64;

    /**
     * Evaluation batches per block: parameters are drawn a block at a time (amortising the samplers'
     * per-call cost), the graph evaluated a batch at a time (keeping node buffers in cache).
     */
    static final int BATCHES_PER_BLOCK = 16;

    private static final BatchExecutor EXECUTOR = new BatchExecutor(GraphOps.get(), RandomKernels.get());

    private final ModelFunction<M> function;
    private final ParameterSampler sampler;
    private final GraphDef graph;
    private final boolean[] elementVaries;
    private final double[] latent;
    private final int batch;
    private final int threads;
    private final Executor executor;
    private final int block;
    private final ArrayDeque<Worker> idle = new ArrayDeque<>();

    /** One thread's buffers. */
    final class Worker {
        final BatchScratch scratch;
        final double[] cols;
        final double[] cols2;
        final double[] cols3;
        final double[] phys;
        final double[] rows;

        Worker() {
            this.scratch = new BatchScratch(graph, latent, elementVaries, batch);
            this.cols = new double[sampler.numFree() * block];
            this.cols2 = new double[sampler.numFree() * block];
            this.cols3 = new double[sampler.numFree() * block];
            this.phys = new double[sampler.scratchSize(block)];
            this.rows = new double[outputSize() * batch];
        }

        /**
         * Evaluates samples {@code first … first + count − 1} of latent columns of length {@code stride}
         * (free position f of sample s at {@code latentCols[f·stride + s]}) into rows
         * {@code out[from …]}, one batch at a time.
         */
        void evaluate(double[] latentCols, int stride, int first, int count, double[] out, int from) {
            int size = outputSize();
            for (int done = 0; done < count; done += batch) {
                int c = Math.min(batch, count - done);
                EXECUTOR.run(scratch, latentCols, first + done, stride, c);
                EXECUTOR.output(scratch, c, out, from + done * size);
            }
        }
    }

    private MonteCarlo(ModelFunction<M> function, int batch, EngineOptions options) {
        this.function = function;
        this.sampler = ParameterSampler.of(function);
        this.graph = GraphAccess.graph(function);
        this.latent = sampler.nominalLatent();
        this.elementVaries = new boolean[latent.length];
        for (int e = 0; e < latent.length; e++) {
            elementVaries[e] = sampler.varies(e);
        }
        this.batch = batch;
        this.threads = options.parallelism();
        this.executor = options.executor();
        checkBatchSize(batch);
        this.block = batch * BATCHES_PER_BLOCK;
    }

    /**
     * Checks that every per-thread buffer for batches of {@code batch} samples fits in an array:
     * latent columns and sampler scratch of a block ({@code 16·batch} samples), output rows and
     * graph node values of a batch.
     *
     * @throws IllegalArgumentException naming the largest buffer, its size and the largest batch
     *     size this model allows
     */
    private void checkBatchSize(int batch) {
        int maxNode = 0;
        for (int i = 0; i < graph.size(); i++) {
            maxNode = Math.max(maxNode, graph.node(i).size());
        }
        long[] perSample = {(long) BATCHES_PER_BLOCK * sampler.numFree(),
            (long) BATCHES_PER_BLOCK * sampler.scratchSize(1), outputSize(), maxNode};
        String[] names = {"latent columns, numFree·16 = " + sampler.numFree() + "·16", "sampler scratch, largest "
            + "group dimension·16 = " + sampler.scratchSize(1) + "·16", "output rows, outputSize = " + outputSize(),
            "largest graph value, " + maxNode};
        int worst = 0;
        for (int k = 1; k < perSample.length; k++) {
            worst = perSample[k] > perSample[worst] ? k : worst;
        }
        if (perSample[worst] > ArraySizes.MAX_ARRAY / batch) {
            throw new IllegalArgumentException("batchSize " + batch + " is too large for this model: a per-thread "
                    + "buffer (" + names[worst] + " doubles per sample) would hold " + perSample[worst] + "·" + batch
                    + " doubles, more than the largest Java array (" + ArraySizes.MAX_ARRAY + "); the largest "
                    + "batchSize for this model is " + ArraySizes.MAX_ARRAY / Math.max(1, perSample[worst])
                    + " (the default is " + DEFAULT_BATCH + ")");
        }
    }

    /**
     * A runner with {@link #DEFAULT_BATCH} samples per block on {@link EngineOptions#defaults()} (all
     * available processors unless the process default was changed).
     *
     * @throws IllegalArgumentException when {@code function} is null or a parameter group's
     *     distribution has no vectorised sampler
     */
    public static <M extends Module<?>> MonteCarlo<M> of(ModelFunction<M> function) {
        return of(function, DEFAULT_BATCH, EngineOptions.defaults());
    }

    /**
     * A runner with the given block size and thread count on the executor of
     * {@link EngineOptions#ofParallelism(int)} (results do not depend on either).
     *
     * @param batchSize samples per block, {@code ≥ 1}; see {@link #of(ModelFunction, int, EngineOptions)}
     * @param threads most threads to use, the caller's included, {@code ≥ 1}
     * @throws IllegalArgumentException as {@link #of(ModelFunction, int, EngineOptions)}, or when
     *     {@code threads < 1}
     */
    public static <M extends Module<?>> MonteCarlo<M> of(ModelFunction<M> function, int batchSize, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        return of(function, batchSize, EngineOptions.ofParallelism(threads));
    }

    /**
     * A runner with the given block size on the calling thread and up to
     * {@code options.parallelism() − 1} helper tasks on {@code options.executor()}. Samples, summaries
     * and errors are the same bits for any executor, parallelism and batch size.
     *
     * @param batchSize samples per block, {@code ≥ 1}; small enough that each thread's buffers
     *     ({@code 16·batchSize} samples of latent values, {@code batchSize} samples of every graph
     *     value) fit in arrays
     * @param options executor and parallelism cap
     * @throws IllegalArgumentException when {@code function} or {@code options} is null or an argument
     *     is out of range; for a batch size too large for the model's buffers the message names the
     *     buffer, its size, the array limit and the largest batch size allowed
     */
    public static <M extends Module<?>> MonteCarlo<M> of(ModelFunction<M> function, int batchSize, EngineOptions options) {
        if (function == null) {
            throw new IllegalArgumentException("function must not be null");
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be >= 1, got " + batchSize);
        }
        if (options == null) {
            throw new IllegalArgumentException("options must not be null");
        }
        return new MonteCarlo<>(function, batchSize, options);
    }

    /** {@code MonteCarlo.of(f).funcSamples(seed, numSamples)}. Allocates the runner and the result. */
    public static <M extends Module<?>> double[] funcSamples(ModelFunction<M> f, long seed, int numSamples) {
        return of(f).funcSamples(seed, numSamples);
    }

    /** The function propagated. */
    public ModelFunction<M> function() {
        return function;
    }

    /** The parameter sampler. */
    public ParameterSampler sampler() {
        return sampler;
    }

    /** Outputs per sample. */
    public int outputSize() {
        return function.outputSize();
    }

    /** Samples per block. */
    public int batchSize() {
        return batch;
    }

    /** Most threads used. */
    public int threads() {
        return threads;
    }

    /**
     * The outputs of samples {@code 0 … numSamples − 1}, row-major: output k of sample s at
     * {@code [s·outputSize() + k]}. Allocates the result.
     *
     * @throws IllegalArgumentException when {@code numSamples < 0}, or the result would exceed an
     *     array's size or the JVM's maximum heap ({@link Runtime#maxMemory()}): the message names
     *     both sizes and the limit and suggests {@link #summarize} or the index form in parts
     * @throws SampleOutOfRangeException when a draw has no latent value (the lowest such sample)
     */
    public double[] funcSamples(long seed, int numSamples) {
        if (numSamples < 0) {
            throw new IllegalArgumentException("numSamples must be >= 0, got " + numSamples);
        }
        long size = (long) numSamples * outputSize();
        if (size > ArraySizes.MAX_ARRAY) {
            throw new IllegalArgumentException("funcSamples would return numSamples·outputSize = " + numSamples + "·"
                    + outputSize() + " = " + size + " doubles, more than the largest Java array ("
                    + ArraySizes.MAX_ARRAY + "); use summarize for statistics without storing the samples, or "
                    + "funcSamples(seed, index, count, out, from) in parts");
        }
        long heap = Runtime.getRuntime().maxMemory();
        if (8 * size > heap) {
            throw new IllegalArgumentException("funcSamples would return numSamples·outputSize = " + numSamples + "·"
                    + outputSize() + " doubles (" + (8 * size >> 20) + " MiB), more than the JVM's maximum heap ("
                    + (heap >> 20) + " MiB, -Xmx); use summarize for statistics without storing the samples, or "
                    + "funcSamples(seed, index, count, out, from) in parts");
        }
        double[] out = new double[(int) size];
        funcSamples(seed, 0, numSamples, out, 0);
        return out;
    }

    /**
     * Writes the outputs of samples {@code index … index + numSamples − 1} row-major to
     * {@code out[from …]}. Allocates nothing per sample (one task per extra thread).
     *
     * @param out destination of at least {@code from + numSamples·outputSize()} doubles. Modified.
     * @throws IllegalArgumentException when {@code index < 0}, {@code numSamples < 0} or the range does
     *     not fit in {@code out} (both numbers given)
     * @throws SampleOutOfRangeException when a draw has no latent value; {@code out} is then partly written
     */
    public void funcSamples(long seed, long index, int numSamples, double[] out, int from) {
        if (index < 0) {
            throw new IllegalArgumentException("index must be >= 0, got " + index);
        }
        if (numSamples < 0) {
            throw new IllegalArgumentException("numSamples must be >= 0, got " + numSamples);
        }
        if (numSamples > Long.MAX_VALUE - index) {
            throw new IllegalArgumentException("index + numSamples overflows: index=" + index + ", numSamples="
                    + numSamples);
        }
        if (out == null) {
            throw new IllegalArgumentException("out must not be null");
        }
        long end = from + (long) numSamples * outputSize();
        if (from < 0 || end > out.length) {
            throw new IllegalArgumentException("out must hold [from, from + numSamples*outputSize) = [" + from + ", "
                    + end + "), has length " + out.length);
        }
        int size = outputSize();
        CounterRandom[] streams = sampler.streams(seed);
        forEachBlock(numSamples, (w, start, count) -> {
            sampler.fill(streams, index + start, count, w.cols, 0, w.phys, true);
            w.evaluate(w.cols, count, 0, count, out, from + start * size);
        });
    }

    /**
     * The outputs at given latent vectors instead of prior draws (e.g. a sampler's posterior draws:
     * posterior predictive bands), row-major: output k of row r at {@code [r·outputSize() + k]}.
     * Evaluated like {@link #funcSamples(long, int)}, in blocks on up to {@link #threads()} threads;
     * row r's outputs depend only on row r. Allocates the result and, per block, nothing.
     *
     * @param latentRows rows of {@code sampler().numFree()} latent values in free flat order. Not modified.
     * @throws IllegalArgumentException when the length is not a multiple of numFree, the result would
     *     exceed an array, or a value is not finite (naming the row and position)
     */
    public double[] funcAt(double[] latentRows) {
        if (latentRows == null) {
            throw new IllegalArgumentException("latentRows must not be null");
        }
        int free = sampler.numFree();
        if (free == 0 || latentRows.length % free != 0) {
            throw new IllegalArgumentException("latentRows has length " + latentRows.length
                    + ", not a multiple of the number of free parameters " + free);
        }
        for (int i = 0; i < latentRows.length; i++) {
            if (!Double.isFinite(latentRows[i])) {
                throw new IllegalArgumentException("latentRows: row " + i / free + ", free position " + i % free
                        + " is " + latentRows[i] + ", expected a finite latent value");
            }
        }
        int rows = latentRows.length / free;
        int size = outputSize();
        if ((long) rows * size > ArraySizes.MAX_ARRAY) {
            throw new IllegalArgumentException("funcAt would return rows·outputSize = " + rows + "·" + size
                    + " doubles, more than the largest Java array (" + ArraySizes.MAX_ARRAY + ")");
        }
        double[] out = new double[rows * size];
        forEachBlock(rows, (w, start, count) -> {
            for (int r = 0; r < count; r++) {
                for (int f = 0; f < free; f++) {
                    w.cols[f * count + r] = latentRows[(start + r) * free + f];
                }
            }
            w.evaluate(w.cols, count, 0, count, out, start * size);
        });
        return out;
    }

    /**
     * Mean, variance and percentiles (with their standard errors) of every output over samples
     * {@code 0 … numSamples − 1}, without storing the samples. Percentiles are P² estimates (see
     * {@link StreamingSummary}); mean and variance equal those of the stored samples to rounding and are
     * reduced by the fixed {@link MomentTree} over leaves of {@link MomentTree#LEAF_ROWS} samples
     * (the same bits as a distributed run that follows that tree).
     * Progress is reported after every round of {@code 16·threads·batchSize} samples; cancellation is
     * checked before each round.
     *
     * @param probabilities percentiles to track, each in (0, 1); may be empty. Not modified.
     * @param listener progress callback, or null
     * @param cancellation token checked between rounds, or null
     * @throws IllegalArgumentException when {@code numSamples < 0}, a probability is out of range, or an
     *     output is not finite: the message names the output index and the sample (the lowest such
     *     sample, whatever the thread count) and how to reproduce it
     * @throws SamplingCancelledException when the token was cancelled; no partial result
     * @throws SampleOutOfRangeException when a draw has no latent value
     */
    public Summary summarize(long seed, int numSamples, double[] probabilities, @Nullable ProgressListener listener,
            @Nullable CancellationToken cancellation) {
        if (numSamples < 0) {
            throw new IllegalArgumentException("numSamples must be >= 0, got " + numSamples);
        }
        if (probabilities == null) {
            throw new IllegalArgumentException("probabilities must not be null");
        }
        int size = outputSize();
        int parts = Math.min(threads, size);
        int[] first = new int[parts + 1];
        StreamingSummary[] sums = new StreamingSummary[parts];
        StreamingSummary[] leaf = new StreamingSummary[parts];
        MomentTree[] trees = new MomentTree[parts];
        for (int p = 0; p < parts; p++) {
            first[p + 1] = (int) ((long) size * (p + 1) / parts);
            sums[p] = new StreamingSummary(first[p + 1] - first[p], probabilities);
            leaf[p] = new StreamingSummary(first[p + 1] - first[p]);
            trees[p] = new MomentTree();
        }
        int round = (int) Math.min(Math.max(numSamples, 1), (long) threads * block);
        double[] rows = new double[round * size];
        double[][] columns = new double[parts][];
        for (int p = 0; p < parts; p++) {
            columns[p] = new double[round * (first[p + 1] - first[p])];
        }
        for (int done = 0; done < numSamples; ) {
            if (cancellation != null && cancellation.isCancelled()) {
                throw new SamplingCancelledException(done, numSamples);
            }
            int r = Math.min(round, numSamples - done);
            funcSamples(seed, done, r, rows, 0);
            checkFinite(rows, r, size, done, seed);
            long base = done;
            Crew.forEach(executor, threads, parts, p -> {
                int c0 = first[p];
                int width = first[p + 1] - c0;
                double[] buf = columns[p];
                for (int s = 0; s < r; s++) {
                    System.arraycopy(rows, s * size + c0, buf, s * width, width);
                }
                sums[p].addRows(buf, 0, r);
                leaf[p] = addToLeaves(leaf[p], trees[p], buf, width, base, r, numSamples);
            });
            done += r;
            if (listener != null) {
                listener.progress(done, numSamples);
            }
        }
        return combine(sums, trees, first, probabilities, numSamples);
    }

    /**
     * Feeds {@code r} rows of width {@code width} (samples {@code base …}) to the current leaf
     * accumulator, pushing each completed leaf (of {@link MomentTree#LEAF_ROWS} samples, or the last
     * sample) into {@code tree}.
     *
     * @return the accumulator of the leaf in progress (new after a completed leaf)
     */
    private static StreamingSummary addToLeaves(StreamingSummary acc, MomentTree tree, double[] buf, int width,
            long base, int r, long numSamples) {
        StreamingSummary current = acc;
        long at = base;
        for (int s = 0; s < r; ) {
            long leafEnd = (at / MomentTree.LEAF_ROWS + 1) * MomentTree.LEAF_ROWS;
            int take = (int) Math.min(r - s, leafEnd - at);
            current.addRows(buf, s * width, take);
            s += take;
            at += take;
            if (at == leafEnd || at == numSamples) {
                tree.pushLeaf((at - 1) / MomentTree.LEAF_ROWS, current.moments());
                current = new StreamingSummary(width);
            }
        }
        return current;
    }

    /**
     * Checks the {@code r} rows of a round that starts at sample {@code first}.
     *
     * @throws IllegalArgumentException naming the output index and sample of the first non-finite
     *     value (lowest sample, then lowest output, so the same for any thread count)
     */
    private static void checkFinite(double[] rows, int r, int size, long first, long seed) {
        for (int i = 0; i < r * size; i++) {
            if (!Double.isFinite(rows[i])) {
                long sample = first + i / size;
                throw new IllegalArgumentException("output " + (i % size) + " of sample " + sample + " is " + rows[i]
                        + " (seed " + seed + "); summarize needs finite outputs. funcSamples(seed, " + sample
                        + ", 1, out, 0) reproduces the sample, sampler().sampleLatentRows(seed, " + sample
                        + ", 1) gives its parameters");
            }
        }
    }

    private static Summary combine(StreamingSummary[] sums, MomentTree[] trees, int[] first, double[] probabilities,
            long count) {
        int size = first[first.length - 1];
        double[] mean = new double[size];
        double[] variance = new double[size];
        double[] meanError = new double[size];
        double[][] pct = new double[probabilities.length][size];
        double[][] err = new double[probabilities.length][size];
        for (int p = 0; p < sums.length; p++) {
            Summary s = sums[p].summary();
            int c0 = first[p];
            int width = first[p + 1] - c0;
            if (count == 0) {
                System.arraycopy(s.mean(), 0, mean, c0, width);
                System.arraycopy(s.variance(), 0, variance, c0, width);
                System.arraycopy(s.meanError(), 0, meanError, c0, width);
            } else {
                Moments m = trees[p].result();
                System.arraycopy(m.mean(), 0, mean, c0, width);
                System.arraycopy(m.variance(), 0, variance, c0, width);
                System.arraycopy(m.meanError(), 0, meanError, c0, width);
            }
            double[][] sp = s.percentiles();
            double[][] se = s.percentileErrors();
            for (int k = 0; k < probabilities.length; k++) {
                System.arraycopy(sp[k], 0, pct[k], c0, width);
                System.arraycopy(se[k], 0, err[k], c0, width);
            }
        }
        return new Summary(count, mean, variance, meanError, probabilities, pct, err);
    }

    /** Work on samples {@code [start, start + count)} of a request, with a worker's buffers. */
    @FunctionalInterface
    interface BlockBody {
        void run(MonteCarlo<?>.Worker w, int start, int count);
    }

    /**
     * Runs {@code body} over blocks of {@code 16·batchSize()} samples covering {@code [0, numSamples)} on
     * up to {@link #threads()} threads. Threads take blocks in increasing order and stop taking new
     * ones after a failure; the failure of the lowest block is thrown, so the error too does not
     * depend on the thread count.
     */
    void forEachBlock(int numSamples, BlockBody body) {
        int blocks = (int) ((numSamples + (long) block - 1) / block);
        int parts = Math.min(threads, blocks);
        if (parts <= 1) {
            Worker w = acquire();
            try {
                for (int b = 0; b < blocks; b++) {
                    int start = b * block;
                    body.run(w, start, Math.min(block, numSamples - start));
                }
            } finally {
                release(w);
            }
            return;
        }
        AtomicInteger next = new AtomicInteger();
        LowestFailure failure = new LowestFailure();
        Crew.run(executor, parts, p -> {
            Worker w = acquire();
            try {
                int b;
                while (!failure.seen() && (b = next.getAndIncrement()) < blocks) {
                    int start = b * block;
                    try {
                        body.run(w, start, Math.min(block, numSamples - start));
                    } catch (RuntimeException | Error e) {
                        failure.record(b, e);
                    }
                }
            } finally {
                release(w);
            }
        });
        failure.rethrow();
    }

    private Worker acquire() {
        synchronized (idle) {
            Worker w = idle.poll();
            if (w != null) {
                return w;
            }
        }
        return new Worker();
    }

    private void release(Worker w) {
        synchronized (idle) {
            idle.push(w);
        }
    }

    @Override
    public String toString() {
        return "MonteCarlo(" + function + ", batch " + batch + ", threads " + threads + ")";
    }
}
