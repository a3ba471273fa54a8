package org.parax4j.engine.bayes;

import java.util.Arrays;
import org.parax4j.engine.montecarlo.MonteCarlo;
import org.parax4j.engine.random.CounterRandom;

/**
 * A model's outputs over the posterior draws of a {@link Nuts} run, evaluated by
 * {@link MonteCarlo#funcAt} (the batched SIMD executor, blocks on threads): posterior bands of the
 * model function, optionally with Gaussian observation noise added (replicated data, the posterior
 * predictive distribution), summarised per output by mean and type-7 quantiles.
 *
 * <p>The model may be recorded at other inputs than the data's (e.g. a denser grid), as long as its
 * free parameters are the posterior's, in the same flat order.
 *
 * <p>Immutable and thread-safe; holds draws × outputs doubles.
 */
public final class PosteriorPredictive {

    private final int rows;
    private final int size;
    private final double[] outputs;

    private PosteriorPredictive(int rows, int size, double[] outputs) {
        this.rows = rows;
        this.size = size;
        this.outputs = outputs;
    }

    /**
     * Evaluates {@code mc}'s model at every draw of {@code latent} (all chains, chain-major).
     *
     * @param mc a Monte Carlo runner over a model with the posterior's free parameters
     * @param latent draws in latent space (not mapped to physical values)
     * @throws IllegalArgumentException when the model's number of free parameters differs from the
     *     draws' dimension, or a draw is not finite
     */
    public static PosteriorPredictive of(MonteCarlo<?> mc, NutsResult latent) {
        int free = mc.sampler().numFree();
        if (free != latent.dimension()) {
            throw new IllegalArgumentException("the model has " + free + " free parameters, the draws have dimension "
                    + latent.dimension());
        }
        int perChain = latent.drawsPerChain() * free;
        double[] rowsLatent = new double[latent.chains() * perChain];
        for (int c = 0; c < latent.chains(); c++) {
            System.arraycopy(latent.chainDraws(c), 0, rowsLatent, c * perChain, perChain);
        }
        return new PosteriorPredictive(latent.chains() * latent.drawsPerChain(), mc.outputSize(),
                mc.funcAt(rowsLatent));
    }

    /**
     * Replicated data: every output plus independent {@code N(0, sigma²)} noise, drawn from
     * {@code CounterRandom.of(seed)} (the same bits for a seed). Allocates a copy.
     *
     * @param sigma noise standard deviation per output ({@link #outputSize()} values, each ≥ 0 and finite)
     * @throws IllegalArgumentException for a wrong length or a negative or non-finite σ
     */
    public PosteriorPredictive withNoise(double[] sigma, long seed) {
        if (sigma.length != size) {
            throw new IllegalArgumentException("sigma has " + sigma.length + " values, expected " + size);
        }
        for (int k = 0; k < size; k++) {
            if (!(sigma[k] >= 0 && Double.isFinite(sigma[k]))) {
                throw new IllegalArgumentException("sigma[" + k + "] must be finite and >= 0, got " + sigma[k]);
            }
        }
        CounterRandom rng = CounterRandom.of(seed);
        double[] out = outputs.clone();
        for (int i = 0; i < out.length; i++) {
            double u1 = 1 - rng.uniformAt(2L * i);
            double u2 = rng.uniformAt(2L * i + 1);
            out[i] += sigma[i % size] * Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
        }
        return new PosteriorPredictive(rows, size, out);
    }

    /** The number of draws evaluated. */
    public int draws() {
        return rows;
    }

    /** The model's output size. */
    public int outputSize() {
        return size;
    }

    /** The outputs, row-major (draw, then output). Allocates a copy. */
    public double[] outputs() {
        return outputs.clone();
    }

    /** The mean of every output over the draws. Allocates. */
    public double[] mean() {
        double[] m = new double[size];
        for (int r = 0; r < rows; r++) {
            for (int k = 0; k < size; k++) {
                m[k] += outputs[r * size + k];
            }
        }
        for (int k = 0; k < size; k++) {
            m[k] /= rows;
        }
        return m;
    }

    /**
     * Type-7 quantiles of every output over the draws: {@code [p][k]}, e.g. {@code band(0.05, 0.5, 0.95)}
     * for a 90 % band and its median. Allocates.
     *
     * @throws IllegalArgumentException for a probability outside [0, 1]
     */
    public double[][] band(double... probabilities) {
        for (double p : probabilities) {
            if (!(p >= 0 && p <= 1)) {
                throw new IllegalArgumentException("probabilities must be in [0, 1], got " + p);
            }
        }
        double[][] out = new double[probabilities.length][size];
        double[] column = new double[rows];
        for (int k = 0; k < size; k++) {
            for (int r = 0; r < rows; r++) {
                column[r] = outputs[r * size + k];
            }
            Arrays.sort(column);
            for (int j = 0; j < probabilities.length; j++) {
                out[j][k] = Diagnostics.sortedQuantile(column, probabilities[j]);
            }
        }
        return out;
    }
}
