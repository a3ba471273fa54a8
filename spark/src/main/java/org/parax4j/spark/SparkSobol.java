package org.parax4j.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.sql.SparkSession;
import org.parax4j.engine.montecarlo.MonteCarlo;
import org.parax4j.engine.montecarlo.SobolAnalysis;
import org.parax4j.engine.montecarlo.SobolIndices;

/**
 * Sobol' first-order and total indices (the engine's {@link SobolAnalysis}: Saltelli 2010 and
 * Jansen 1999 estimators, bootstrap intervals) with the model runs spread over Spark tasks. Task p
 * of P evaluates base samples {@code [N·p/P, N·(p+1)/P)} through {@link SobolAnalysis#outputs}
 * ({@code factors + 2} model runs per base sample) and ships the reduced scalars; the driver
 * concatenates them in sample order and runs {@link SobolAnalysis#fromOutputs}. Every scalar is a
 * pure function of the seed and its sample index and the driver's arithmetic is the local one, so
 * the result equals {@code SobolAnalysis.analyze} bit for bit for any partitioning (and a retried
 * task recomputes the same scalars).
 *
 * <p>Scale: the model runs are distributed; the driver holds {@code (factors + 2)·N} doubles
 * (80 MB for the 10⁷ runs) and runs the bootstrap, {@code O(bootstrap·factors·N)}. Stateless.
 */
public final class SparkSobol {

    private SparkSobol() {
    }

    /**
     * The indices of {@code output} of {@code spec}'s model over {@code baseSamples} base samples in
     * {@code partitions} tasks.
     *
     * @param bootstrap bootstrap resamples, {@code ≥ 0}
     * @param confidence interval level in (0, 1)
     * @return what {@code SobolAnalysis.analyze(mc, seed, baseSamples, output.reduction(), bootstrap,
     *     confidence)} returns locally
     * @throws IllegalArgumentException for a null or out-of-range argument (named, checked before any
     *     task runs) or a model without factors; an error in a task (wrapped by Spark) names its cause
     * @throws IllegalStateException when the driver lacks the model's factory or a module class
     */
    public static SobolIndices analyze(SparkSession spark, ModelSpec spec, ReducedOutput output, long seed,
            int baseSamples, int partitions, int bootstrap, double confidence) {
        if (spark == null || spec == null || output == null) {
            throw new IllegalArgumentException("spark, spec and output must not be null");
        }
        if (baseSamples < 2) {
            throw new IllegalArgumentException("baseSamples must be >= 2, got " + baseSamples);
        }
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be >= 1, got " + partitions);
        }
        if (bootstrap < 0) {
            throw new IllegalArgumentException("bootstrap must be >= 0, got " + bootstrap);
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be in (0, 1), got " + confidence);
        }
        MonteCarlo<?> mc = PartitionSummary.runner(spec.function(null));
        int factors = SobolAnalysis.factors(mc).size();
        if (factors == 0) {
            throw new IllegalArgumentException("the model has no free parameter with a distribution to analyse");
        }
        List<Part> parts = new ArrayList<>(SparkMonteCarlo.tasks(spark, partitions)
                .map(new OutputsTask(spec, output, seed, baseSamples, partitions)).collect());
        parts.sort(Comparator.comparingInt(Part::partition));
        double[][] y = new double[factors + 2][baseSamples];
        for (Part part : parts) {
            for (int r = 0; r < y.length; r++) {
                System.arraycopy(part.outputs()[r], 0, y[r], part.first(), part.outputs()[r].length);
            }
        }
        return SobolAnalysis.fromOutputs(mc.sampler(), seed, y, bootstrap, confidence);
    }

    /** One task's reduced outputs, base samples from {@code first}. */
    record Part(int partition, int first, double[][] outputs) implements Serializable {
    }

    /** The task: numbers, the output's description and the spec only. */
    private record OutputsTask(ModelSpec spec, ReducedOutput output, long seed, int baseSamples, int partitions)
            implements Function<Integer, Part>, Serializable {
        @Override
        public Part call(Integer p) {
            int from = (int) ((long) baseSamples * p / partitions);
            int to = (int) ((long) baseSamples * (p + 1) / partitions);
            MonteCarlo<?> mc = PartitionSummary.runner(spec.function(null));
            return new Part(p, from, SobolAnalysis.outputs(mc, seed, from, to - from, output.reduction()));
        }
    }
}
