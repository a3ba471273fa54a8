package org.parax4j.cli.demo;

import org.parax4j.engine.examples.ReferenceModel;
import org.parax4j.engine.graph.ModelFunction;
import org.parax4j.engine.montecarlo.MonteCarlo;
import org.parax4j.engine.stats.Summary;

/**
 * {@link Propagation} through the engine's vectorised, streaming Monte Carlo
 * ({@link MonteCarlo#summarize}): parameters drawn by the counter-based sampler (sample s a pure
 * function of the seed and s), the response evaluated over blocks of samples on all cores, and
 * mean, standard deviation and P² percentile estimates kept per frequency without storing samples
 * (memory independent of the sample count). The summary is the same, bit for bit, for a seed
 * whatever the number of cores. Its draws differ from {@link StoredSamplesPropagation}'s (another
 * generator), so the two agree in distribution, not sample by sample; its percentiles are P²
 * estimates (within their standard error of the sample percentiles). Stateless and thread-safe.
 */
public final class EnginePropagation implements Propagation {

    private static final double[] PROBABILITIES = {0.05, 0.5, 0.95};

    @Override
    public org.parax4j.cli.demo.Summary run(ReferenceModel model, double[] freqs, long seed, int samples,
            ProgressListener progress) {
        Propagation.checkArguments(model, freqs, samples, progress);
        ModelFunction<ReferenceModel> function = ModelFunction.record(model, ReferenceModel.body(freqs));
        progress.update(0, samples);
        Summary s = MonteCarlo.of(function).summarize(seed, samples, PROBABILITIES, progress::update, null);
        double[] std = s.variance();
        for (int k = 0; k < std.length; k++) {
            std[k] = Math.sqrt(std[k]);
        }
        double[][] p = s.percentiles();
        return new org.parax4j.cli.demo.Summary(samples, s.mean(), std, p[0], p[1], p[2]);
    }
}
