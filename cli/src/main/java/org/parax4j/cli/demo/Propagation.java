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
}
