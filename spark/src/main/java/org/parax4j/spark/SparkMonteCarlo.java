package org.parax4j.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.datasketches.kll.KllDoublesSketch;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.parax4j.engine.montecarlo.MonteCarlo;
import org.parax4j.engine.stats.MomentTree;
import org.parax4j.engine.stats.Moments;

/**
 * Monte Carlo propagation on Apache Spark with the bits of a local run. Sample {@code s} is a pure
 * function of {@code (seed, s)} (the engine's counter-based generator), so each task evaluates a
 * range of sample indices on its own; the model travels as a {@link ModelSpec} (JSON plus a factory
 * name) and is rebuilt on the executor.
 *
 * <p><b>Summaries.</b> Task p of P owns leaves {@code [L·p/P, L·(p+1)/P)} of the
 * {@link MomentTree} (leaves of {@value MomentTree#LEAF_ROWS} samples), accumulates each leaf by
 * Welford's update and ships its tree nodes; the driver pushes them in order into one tree. That is
 * exactly the reduction of the local {@link MonteCarlo#summarize}, so mean and variance have the
 * same bits for any P, and a retried task recomputes the same nodes. Percentiles come from one
 * Apache DataSketches KLL sketch per output, combined on the driver in partition order (retained items re-entered with their weights); their error
 * is a rank error (see {@link DistributedSummary}). KLL compaction draws from the library's own
 * unseeded random generator, so percentiles (not mean or variance) may differ in the last digits
 * between runs, always within the stated bound.
 *
 * <p>Thread-safe (immutable); jobs run on the given session.
 */
public final class SparkMonteCarlo {

    /** Default KLL accuracy parameter k (rank error about 1.3 % at 99 % confidence). */
    public static final int DEFAULT_K = 200;

    private final SparkSession spark;
    private final ModelSpec spec;

    private SparkMonteCarlo(SparkSession spark, ModelSpec spec) {
        this.spark = spark;
        this.spec = spec;
    }

    /**
     * A runner for {@code spec} on {@code spark}. Checks on the driver that the model loads.
     *
     * @throws IllegalArgumentException when an argument is null
     * @throws IllegalStateException when the driver lacks the factory or a module class
     */
    public static SparkMonteCarlo of(SparkSession spark, ModelSpec spec) {
        if (spark == null || spec == null) {
            throw new IllegalArgumentException("spark and spec must not be null");
        }
        spec.function(null);
        return new SparkMonteCarlo(spark, spec);
    }

    /** The model spec shipped to executors. */
    public ModelSpec spec() {
        return spec;
    }

    /**
     * Mean, variance (bit-identical to {@code MonteCarlo.summarize(seed, numSamples, …)}) and KLL
     * percentiles of every output over samples {@code 0 … numSamples − 1}, in {@code partitions} tasks:
     * {@link #summarize(long, long, int, double[], int, int[])} sketching every output.
     *
     * @throws IllegalArgumentException as there
     */
    public DistributedSummary summarize(long seed, long numSamples, int partitions, double[] probabilities, int k) {
        return summarize(seed, numSamples, partitions, probabilities, k, null);
    }

    /**
     * Mean and variance of every output (bit-identical to {@code MonteCarlo.summarize(seed, numSamples,
     * …)}) and KLL percentiles of the chosen outputs over samples {@code 0 … numSamples − 1}, in
     * {@code partitions} tasks. A sketch costs about one KLL update per sample and output (about five
     * times the moments' cost per output), so sketching only the outputs needed saves most of the time.
     *
     * @param probabilities percentiles to estimate, each in (0, 1); may be empty (no sketches)
     * @param k the KLL accuracy parameter, in [8, 65535]; rank error ≈ {@code 2.296/k^0.9723} (99 % confidence)
     * @param outputs the outputs to sketch, distinct, each in [0, outputSize); null for all. The
     *     other outputs' percentiles are NaN.
     * @throws IllegalArgumentException for an argument out of range (named), or (wrapped by Spark in a
     *     {@code SparkException}) a non-finite output, naming the output and sample
     */
    public DistributedSummary summarize(long seed, long numSamples, int partitions, double[] probabilities, int k,
            int[] outputs) {
        if (numSamples < 1) {
            throw new IllegalArgumentException("numSamples must be >= 1, got " + numSamples);
        }
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be >= 1, got " + partitions);
        }
        if (MomentTree.leaves(numSamples) > Long.MAX_VALUE / partitions) {
            throw new IllegalArgumentException("numSamples " + numSamples + " with " + partitions
                    + " partitions overflows the leaf arithmetic; use fewer samples or partitions");
        }
        if (probabilities == null) {
            throw new IllegalArgumentException("probabilities must not be null");
        }
        for (int i = 0; i < probabilities.length; i++) {
            if (!(probabilities[i] > 0 && probabilities[i] < 1)) {
                throw new IllegalArgumentException("probabilities[" + i + "] must be in (0, 1), got "
                        + probabilities[i]);
            }
        }
        if (k < 8 || k > 65535) {
            throw new IllegalArgumentException("k must be in [8, 65535], got " + k);
        }
        int[] sketched = probabilities.length == 0 ? new int[0] : sketched(outputs, spec.function(null).outputSize());
        List<PartitionSummary> parts = new ArrayList<>(tasks(partitions)
                .map(new SummaryTask(spec, seed, numSamples, partitions, sketched, k)).collect());
        parts.sort(Comparator.comparingInt(s -> s.partition));
        return combine(parts, numSamples, probabilities.clone(), k, sketched);
    }

    /**
     * The outputs to sketch: all of {@code size} when {@code outputs} is null, else a checked copy.
     *
     * @throws IllegalArgumentException naming the first index out of range or repeated
     */
    private static int[] sketched(int[] outputs, int size) {
        if (outputs == null) {
            int[] all = new int[size];
            java.util.Arrays.setAll(all, i -> i);
            return all;
        }
        boolean[] seen = new boolean[size];
        for (int i = 0; i < outputs.length; i++) {
            if (outputs[i] < 0 || outputs[i] >= size) {
                throw new IllegalArgumentException("outputs[" + i + "] must be in [0, " + size + "), got "
                        + outputs[i]);
            }
            if (seen[outputs[i]]) {
                throw new IllegalArgumentException("outputs[" + i + "] repeats output " + outputs[i]);
            }
            seen[outputs[i]] = true;
        }
        return outputs.clone();
    }

    /**
     * Combines task results in partition order: tree nodes into one {@link MomentTree}, sketches by
     * KLL merge; percentiles of outputs not in {@code sketched} are NaN. Visible for the retry test.
     */
    static DistributedSummary combine(List<PartitionSummary> parts, long numSamples, double[] probabilities, int k,
            int[] sketched) {
        MomentTree tree = new MomentTree();
        for (PartitionSummary p : parts) {
            p.nodes().forEach(tree::push);
        }
        Moments m = tree.result();
        int dim = m.dimension();
        double[][] pct = new double[probabilities.length][dim];
        for (double[] row : pct) {
            java.util.Arrays.fill(row, Double.NaN);
        }
        for (int j = 0; j < sketched.length; j++) {
            KllDoublesSketch union = KllDoublesSketch.newHeapInstance(k);
            for (PartitionSummary p : parts) {
                p.addTo(union, j);
            }
            for (int q = 0; q < probabilities.length; q++) {
                pct[q][sketched[j]] = union.getQuantile(probabilities[q]);
            }
        }
        return new DistributedSummary(numSamples, m.mean(), m.variance(), m.meanError(), probabilities, pct,
                KllDoublesSketch.getNormalizedRankError(k, false), parts.size());
    }

    /**
     * The outputs of samples {@code 0 … numSamples − 1} as a DataFrame with columns
     * {@code sample} (long) and {@code y} (array of double), in {@code partitions} partitions of
     * consecutive samples; row s holds the bits of the local {@code funcSamples(seed, s, 1, …)}.
     * Lazy: nothing runs until the Dataset is used, e.g. {@code .write().parquet(path)}.
     *
     * @throws IllegalArgumentException when {@code numSamples < 0} or {@code partitions < 1}
     */
    public Dataset<Row> funcSamples(long seed, long numSamples, int partitions) {
        if (numSamples < 0) {
            throw new IllegalArgumentException("numSamples must be >= 0, got " + numSamples);
        }
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be >= 1, got " + partitions);
        }
        StructType schema = new StructType().add("sample", DataTypes.LongType, false)
                .add("y", DataTypes.createArrayType(DataTypes.DoubleType, false), false);
        JavaRDD<Row> rows = tasks(partitions).flatMap(new SampleTask(spec, seed, numSamples, partitions));
        return spark.createDataFrame(rows, schema);
    }

    private JavaRDD<Integer> tasks(int partitions) {
        return tasks(spark, partitions);
    }

    /** One element per task: the partition numbers 0 … P − 1, one per slice. */
    static JavaRDD<Integer> tasks(SparkSession spark, int partitions) {
        List<Integer> ids = new ArrayList<>(partitions);
        for (int p = 0; p < partitions; p++) {
            ids.add(p);
        }
        return JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(ids, partitions);
    }

    /** The summary task: numbers and the spec only. */
    private record SummaryTask(ModelSpec spec, long seed, long numSamples, int partitions, int[] sketched, int k)
            implements Function<Integer, PartitionSummary>, Serializable {
        @Override
        public PartitionSummary call(Integer p) {
            return PartitionSummary.compute(spec, seed, numSamples, partitions, p, sketched, k);
        }
    }

    /** The sample task: samples {@code [n·p/P, n·(p+1)/P)}, evaluated a chunk at a time. */
    private record SampleTask(ModelSpec spec, long seed, long numSamples, int partitions)
            implements FlatMapFunction<Integer, Row>, Serializable {
        @Override
        public Iterator<Row> call(Integer p) {
            MonteCarlo<?> mc = PartitionSummary.runner(spec.function(null));
            int dim = mc.outputSize();
            long from = numSamples * p / partitions;
            long to = numSamples * (p + 1) / partitions;
            return new Iterator<>() {
                private final double[] rows = new double[PartitionSummary.CHUNK * dim];
                private long chunkStart = from;
                private long next = from;
                private long chunkEnd = from;

                @Override
                public boolean hasNext() {
                    return next < to;
                }

                @Override
                public Row next() {
                    if (next >= to) {
                        throw new NoSuchElementException("no sample after " + to);
                    }
                    if (next == chunkEnd) {
                        chunkStart = next;
                        int c = (int) Math.min(PartitionSummary.CHUNK, to - next);
                        mc.funcSamples(seed, next, c, rows, 0);
                        chunkEnd = next + c;
                    }
                    int off = (int) (next - chunkStart) * dim;
                    double[] y = java.util.Arrays.copyOfRange(rows, off, off + dim);
                    return RowFactory.create(next++, y);
                }
            };
        }
    }
}
