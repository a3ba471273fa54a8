package org.parax4j.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.TaskContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parax4j.engine.examples.ReferenceModel;
import org.parax4j.engine.graph.ModelFunction;
import org.parax4j.engine.montecarlo.MonteCarlo;
import org.parax4j.engine.stats.MomentTree;
import org.parax4j.engine.stats.Summary;
import org.parax4j.module.Module;

class SparkMonteCarloTest {

    static final long SEED = 20261205L;
    static final ReferenceModel MODEL = ReferenceModel.create();
    static final ModelSpec SPEC = ModelSpec.of(ReferenceModelFactory.NAME, MODEL);
    /**
     * Five leaves by default, the last one partial: partitions of 3 and 8 split the tree off its
     * alignment. {@code -Dparax4j.spark.samples=100000000} runs the 10⁸ (minutes).
     */
    static final int N = Integer.getInteger("parax4j.spark.samples", 4 * MomentTree.LEAF_ROWS + 12_345);
    static final double[] PROBS = {0.05, 0.5, 0.95};
    /**
     * The large run: 2²¹ + 12 345 samples (33 leaves) by default, what fits the module's
     * time budget next to the local reference run (README "Spark", throughput);
     * {@code -Dparax4j.spark.largeSamples=100000000} runs the 10⁸ (about 3 minutes on two idle cores).
     */
    static final int LARGE = Integer.getInteger("parax4j.spark.largeSamples", (1 << 21) + 12_345);

    static final AtomicInteger KILLED = new AtomicInteger();

    /** The reference model, but task 1's first attempt dies (once per job) as if its executor were lost. */
    static final class FlakyFactory implements ModelFactory {
        @Override
        public String name() {
            return "flaky-reference";
        }

        @Override
        public ModelFunction<? extends Module<?>> function(Module<?> model, double[] x) {
            TaskContext t = TaskContext.get();
            if (t != null && t.partitionId() == 1 && t.attemptNumber() == 0) {
                KILLED.incrementAndGet();
                throw new IllegalStateException("task killed on purpose (attempt 0 of partition 1)");
            }
            return new ReferenceModelFactory().function(model, x);
        }
    }

    static SparkSession spark() {
        return SharedSpark.get();
    }

    @Test
    void meanAndVarianceHaveTheLocalBitsFor1And3And8Partitions() {
        Summary local = MonteCarlo.of(ReferenceModel.function(MODEL)).summarize(SEED, N, PROBS, null, null);
        SparkMonteCarlo smc = SparkMonteCarlo.of(spark(), SPEC);
        for (int partitions : new int[] {1, 3, 8}) {
            DistributedSummary d = smc.summarize(SEED, N, partitions, new double[0], SparkMonteCarlo.DEFAULT_K);
            assertEquals(N, d.count());
            assertArrayEquals(local.mean(), d.mean(), "mean, " + partitions + " partitions");
            assertArrayEquals(local.variance(), d.variance(), "variance, " + partitions + " partitions");
            assertArrayEquals(local.meanError(), d.meanError(), "mean error, " + partitions + " partitions");
        }
    }

    @Test
    void aLargeRunInLocal2HasTheLocalMeanAndVarianceBitForBit() {
        assertEquals("local[2,3]", spark().sparkContext().master());
        Summary local = MonteCarlo.of(ReferenceModel.function(MODEL)).summarize(SEED, LARGE, new double[0], null,
                null);
        DistributedSummary d = SparkMonteCarlo.of(spark(), SPEC).summarize(SEED, LARGE, 4, new double[0],
                SparkMonteCarlo.DEFAULT_K);
        assertEquals(LARGE, d.count());
        assertArrayEquals(local.mean(), d.mean(), LARGE + " samples, mean");
        assertArrayEquals(local.variance(), d.variance(), LARGE + " samples, variance");
    }

    @Test
    void percentilesAreWithinTheSketchRankErrorOfExactPercentiles() {
        // 10⁶ samples, the four checked outputs sketched (sketching all 200 costs 5× the moments)
        int n = 1_000_000;
        int[] outputs = {0, 57, 100, 199};
        DistributedSummary d = SparkMonteCarlo.of(spark(), SPEC).summarize(SEED, n, 4, PROBS,
                SparkMonteCarlo.DEFAULT_K, new int[] {199, 0, 100, 57});
        assertTrue(d.rankError() > 0.01 && d.rankError() < 0.02, "rank error " + d.rankError());
        assertTrue(Double.isNaN(d.percentiles()[1][1]) && Double.isNaN(d.percentiles()[2][198]), "not sketched");
        // every output sketched (the default) on the first 20 000 samples
        int small = 20_000;
        DistributedSummary all = SparkMonteCarlo.of(spark(), SPEC).summarize(SEED, small, 3, PROBS,
                SparkMonteCarlo.DEFAULT_K);
        MonteCarlo<ReferenceModel> mc = MonteCarlo.of(ReferenceModel.function(MODEL));
        double[][] columns = new double[outputs.length][n];
        double[] rows = new double[8192 * mc.outputSize()];
        for (int at = 0; at < n; at += 8192) {
            int c = Math.min(8192, n - at);
            mc.funcSamples(SEED, at, c, rows, 0);
            for (int s = 0; s < c; s++) {
                for (int o = 0; o < outputs.length; o++) {
                    columns[o][at + s] = rows[s * mc.outputSize() + outputs[o]];
                }
            }
        }
        for (int o = 0; o < outputs.length; o++) {
            double[] head = Arrays.copyOf(columns[o], small);
            Arrays.sort(head);
            double[] sorted = columns[o];
            Arrays.sort(sorted);
            for (int q = 0; q < PROBS.length; q++) {
                double estimate = d.percentiles()[q][outputs[o]];
                double rank = rank(sorted, estimate);
                assertTrue(Math.abs(rank - PROBS[q]) <= d.rankError(), "output " + outputs[o] + ", p " + PROBS[q]
                        + ": estimate " + estimate + " has rank " + rank + ", bound " + d.rankError());
                double e = all.percentiles()[q][outputs[o]];
                assertTrue(Math.abs(rank(head, e) - PROBS[q]) <= all.rankError(), "all outputs, output "
                        + outputs[o] + ", p " + PROBS[q] + ": estimate " + e);
            }
        }
        for (int j = 0; j < mc.outputSize(); j++) {
            assertTrue(Double.isFinite(all.percentiles()[0][j]), "output " + j + " sketched");
        }
    }

    /** Fraction of values at most x. */
    static double rank(double[] sorted, double x) {
        int i = Arrays.binarySearch(sorted, x);
        if (i < 0) {
            return (double) (-i - 1) / sorted.length;
        }
        while (i + 1 < sorted.length && sorted[i + 1] == x) {
            i++;
        }
        return (double) (i + 1) / sorted.length;
    }

    @Test
    void aKilledAndRetriedTaskGivesTheSameResult() {
        ModelFactories.register(new FlakyFactory());
        ModelFactories.register(new ReferenceModelFactory());
        ModelSpec flaky = new ModelSpec("flaky-reference", SPEC.json());
        int before = KILLED.get();
        // the driver's own check runs outside a task, so it is not killed
        int n = 2 * MomentTree.LEAF_ROWS + 1;
        DistributedSummary retried = SparkMonteCarlo.of(spark(), flaky).summarize(SEED, n, 3, new double[0], 200);
        assertEquals(before + 1, KILLED.get(), "partition 1's first attempt must have been killed once");
        DistributedSummary clean = SparkMonteCarlo.of(spark(), SPEC).summarize(SEED, n, 3, new double[0], 200);
        assertArrayEquals(clean.mean(), retried.mean());
        assertArrayEquals(clean.variance(), retried.variance());
        // and recomputing a partition by hand gives the same nodes
        PartitionSummary once = PartitionSummary.compute(SPEC, SEED, n, 3, 2, new int[0], 200);
        PartitionSummary twice = PartitionSummary.compute(SPEC, SEED, n, 3, 2, new int[0], 200);
        assertEquals(once.nodes(), twice.nodes());
    }

    @Test
    void samplesGoToParquetWithTheLocalBits(@TempDir Path dir) {
        int n = 3001;
        String path = dir.resolve("samples.parquet").toString();
        SparkMonteCarlo.of(spark(), SPEC).funcSamples(SEED, n, 3).write().parquet(path);
        assertTrue(Files.isDirectory(Path.of(path)));
        List<Row> back = spark().read().parquet(path).orderBy("sample").collectAsList();
        double[] local = MonteCarlo.of(ReferenceModel.function(MODEL)).funcSamples(SEED, n);
        assertEquals(n, back.size());
        int dim = ReferenceModel.POINTS;
        for (int s = 0; s < n; s++) {
            assertEquals(s, back.get(s).getLong(0));
            List<Double> y = back.get(s).getList(1);
            for (int j = 0; j < dim; j++) {
                assertEquals(local[s * dim + j], y.get(j), 0.0, "sample " + s + ", output " + j);
            }
        }
    }

    @Test
    void aMissingFactoryOrModuleClassIsNamed() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> SparkMonteCarlo.of(spark(), new ModelSpec("no-such-factory", SPEC.json())));
        assertTrue(e.getMessage().contains("no model-function factory named 'no-such-factory'"), e.getMessage());
        assertTrue(e.getMessage().contains("META-INF/services/org.parax4j.spark.ModelFactory"), e.getMessage());
        String alien = SPEC.json().replaceFirst("ReferenceModel", "UnknownModel");
        assertTrue(!alien.equals(SPEC.json()), SPEC.json());
        IllegalStateException m = assertThrows(IllegalStateException.class,
                () -> new ModelSpec(ReferenceModelFactory.NAME, alien).module());
        assertTrue(m.getMessage().contains("cannot be loaded in this JVM"), m.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> SparkMonteCarlo.of(spark(), SPEC).summarize(SEED, 10, 0, PROBS, 200));
        IllegalArgumentException o = assertThrows(IllegalArgumentException.class,
                () -> SparkMonteCarlo.of(spark(), SPEC).summarize(SEED, 10, 2, PROBS, 200, new int[] {3, 200}));
        assertEquals("outputs[1] must be in [0, 200), got 200", o.getMessage());
        o = assertThrows(IllegalArgumentException.class,
                () -> SparkMonteCarlo.of(spark(), SPEC).summarize(SEED, 10, 2, PROBS, 200, new int[] {3, 3}));
        assertEquals("outputs[1] repeats output 3", o.getMessage());
    }
}
