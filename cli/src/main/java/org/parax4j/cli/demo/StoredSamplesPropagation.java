package org.parax4j.cli.demo;

import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.parax4j.engine.examples.ReferenceModel;
import org.parax4j.engine.graph.ModelFunction;
import org.parax4j.engine.graph.Workspace;

/**
 * {@link Propagation} that keeps every sample: draws {@code model.sampled(rng)} from a
 * {@link SeededRandom} generator, evaluates the recorded response
 * ({@link ModelFunction#evaluate(double[], Workspace, double[])} on the draw's latent flat vector),
 * stores each output as a {@code float} (one {@code float[samples]} per frequency), and computes
 * the statistics at the end: mean and standard deviation by two passes in {@code double}, and
 * percentiles from the sorted samples by linear interpolation between order statistics (Hyndman
 * and Fan 1996, definition 7: {@code h = (n − 1)·p}).
 *
 * <p>Memory grows with {@code samples × frequencies}: 10⁵ samples over 200 frequencies hold 80 MB
 * of floats, acceptable for the demo; a streaming summary avoids it. Sampling runs on the calling
 * thread, sample by sample (the draws are sequential, which is what makes a seed reproducible).
 * Stateless and thread-safe; each call allocates its own buffers.
 */
public final class StoredSamplesPropagation implements Propagation {

    /** Progress updates per run, at most. */
    private static final int UPDATES = 200;

    @Override
    public Summary run(ReferenceModel model, double[] freqs, long seed, int samples, ProgressListener progress) {
        Propagation.checkArguments(model, freqs, samples, progress);
        ModelFunction<ReferenceModel> function = ModelFunction.record(model, ReferenceModel.body(freqs));
        Workspace ws = function.newWorkspace();
        RandomGenerator rng = SeededRandom.of(seed);
        int outputs = function.outputSize();
        float[][] store = new float[outputs][samples];
        double[] out = new double[outputs];
        int every = Math.max(1, (samples + UPDATES - 1) / UPDATES);
        progress.update(0, samples);
        for (int s = 0; s < samples; s++) {
            ReferenceModel draw = model.sampled(rng);
            function.evaluate(function.flatOf(draw), ws, out);
            for (int k = 0; k < outputs; k++) {
                store[k][s] = (float) out[k];
            }
            if ((s + 1) % every == 0 || s + 1 == samples) {
                progress.update(s + 1, samples);
            }
        }
        double[] mean = new double[outputs];
        double[] std = new double[outputs];
        double[] p5 = new double[outputs];
        double[] p50 = new double[outputs];
        double[] p95 = new double[outputs];
        for (int k = 0; k < outputs; k++) {
            float[] x = store[k];
            double sum = 0;
            for (float v : x) {
                sum += v;
            }
            double m = sum / samples;
            double squares = 0;
            for (float v : x) {
                double d = v - m;
                squares += d * d;
            }
            mean[k] = m;
            std[k] = Math.sqrt(squares / (samples - 1));
            Arrays.sort(x);
            p5[k] = percentile(x, 0.05);
            p50[k] = percentile(x, 0.50);
            p95[k] = percentile(x, 0.95);
        }
        return new Summary(samples, mean, std, p5, p50, p95);
    }

    /** Percentile {@code p} of sorted data, Hyndman–Fan definition 7. */
    static double percentile(float[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * ((double) sorted[hi] - sorted[lo]);
    }
}
