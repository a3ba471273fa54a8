package org.parax4j.cli.demo;

import org.parax4j.engine.examples.ReferenceModel;

/**
 * The Monte Carlo step of the demo: propagates the reference model's parameter distribution to its
 * response and summarises the samples per frequency. One small seam so that the implementation can
 * be replaced (e.g. by the engine's streaming, vectorised sampling) without touching the report.
 */
@FunctionalInterface
public interface Propagation {

    /**
     * Draws {@code samples} parameter sets from {@code model}'s joint distribution with a generator
     * seeded by {@code seed}, evaluates the response at {@code freqs} for each, and summarises.
     * The same arguments give the same summary, bit for bit.
     *
     * @param model the model whose distribution is sampled. Not modified.
     * @param freqs frequencies in GHz, at least one, finite. Not modified.
     * @param seed the random seed
     * @param samples number of draws, ≥ 2
     * @param progress told of progress, a bounded number of times
     * @return the per-frequency summary
     * @throws IllegalArgumentException for an empty or non-finite frequency grid or fewer than 2 samples
     */
    Summary run(ReferenceModel model, double[] freqs, long seed, int samples, ProgressListener progress);

    /**
     * The argument checks every implementation makes before it does any work.
     *
     * @throws NullPointerException for a null model, grid or listener
     * @throws IllegalArgumentException for an empty or non-finite grid or fewer than 2 samples
     */
    static void checkArguments(ReferenceModel model, double[] freqs, int samples, ProgressListener progress) {
        java.util.Objects.requireNonNull(model, "model");
        java.util.Objects.requireNonNull(freqs, "freqs");
        java.util.Objects.requireNonNull(progress, "progress");
        if (freqs.length == 0) {
            throw new IllegalArgumentException("freqs must hold at least one frequency, got 0");
        }
        for (int i = 0; i < freqs.length; i++) {
            if (!Double.isFinite(freqs[i])) {
                throw new IllegalArgumentException("freqs[" + i + "] must be finite, got " + freqs[i]);
            }
        }
        if (samples < 2) {
            throw new IllegalArgumentException("samples must be >= 2, got " + samples);
        }
    }
}
