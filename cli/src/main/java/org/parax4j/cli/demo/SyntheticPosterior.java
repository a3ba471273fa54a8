package org.parax4j.cli.demo;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import org.parax4j.engine.bayes.ModelPosterior;
import org.parax4j.engine.bayes.Nuts;
import org.parax4j.engine.bayes.NutsResult;
import org.parax4j.engine.bayes.PosteriorPredictive;
import org.parax4j.engine.examples.ReferenceModel;
import org.parax4j.engine.fit.LikelihoodFit;
import org.parax4j.engine.graph.ModelFunction;
import org.parax4j.engine.montecarlo.MonteCarlo;
import org.parax4j.module.Select;

/**
 * The posterior of the reference model given the synthetic measurements of {@link SyntheticFit}
 * (the same seed gives the same data), shared by {@code parax4j nuts} and the demo report. The
 * free parameters are gain, f0, Q and the four discrepancy weights: {@code resonator_offsetDb} is
 * fixed as in the synthetic fit (it cannot be told apart from the gain), and so is the kernel's
 * length scale, which has no prior (a flat prior on it would make the posterior improper: the
 * likelihood stays bounded away from 0 as the length scale goes to 0 or ∞). The likelihood is
 * Gaussian with the data's {@value SyntheticFit#NOISE_DB} dB noise; chains start at the perturbed
 * start of the fit.
 *
 * @param names the free parameters' flat names
 * @param latent the draws in latent space
 * @param physical the draws in physical units, named
 * @param freqs the frequencies, GHz
 * @param data the synthetic measurements, dB
 * @param posteriorBand the 5 %, 50 % and 95 % quantiles of the model response over the posterior draws
 * @param priorBand the same over {@link #PRIOR_SAMPLES} Monte Carlo draws from the priors
 * @param seconds wall time of the sampling
 */
public record SyntheticPosterior(List<String> names, NutsResult latent, NutsResult physical, double[] freqs,
        double[] data, double[][] posteriorBand, double[][] priorBand, double seconds) {

    /** Monte Carlo draws of the prior band. */
    public static final int PRIOR_SAMPLES = 4000;

    /**
     * Samples the posterior with NUTS (dense metric) on the common fork-join pool, then evaluates the
     * bands. Allocates the draws and the bands.
     *
     * @param seed the seed of the data, the chains and the prior draws
     * @throws IllegalArgumentException for invalid sampler settings (as {@link Nuts})
     */
    public static SyntheticPosterior run(long seed, int chains, int warmup, int draws) {
        Nuts nuts = Nuts.defaults().withSeed(seed).withChains(chains).withWarmup(warmup).withDraws(draws)
                .withDenseMetric();
        double[] freqs = ReferenceModel.frequencies();
        double[] y = SyntheticFit.measurements(freqs, seed);
        double[] sigma = new double[y.length];
        Arrays.fill(sigma, SyntheticFit.NOISE_DB);
        ReferenceModel start = SyntheticFit.offsetFixedStart()
                .withFixedParams(Select.names("discrepancy_kernel_lengthScale"));
        ModelFunction<ReferenceModel> f = ModelFunction.record(start, ReferenceModel.body(freqs));
        ModelPosterior<ReferenceModel> posterior = ModelPosterior.of(LikelihoodFit.gaussian(f, y, sigma));
        long t0 = System.nanoTime();
        NutsResult latent = nuts.sample(posterior, posterior.initialLatent(), ForkJoinPool.commonPool())
                .withNames(posterior.names());
        double seconds = (System.nanoTime() - t0) * 1e-9;
        MonteCarlo<ReferenceModel> mc = MonteCarlo.of(f);
        double[][] post = PosteriorPredictive.of(mc, latent).band(0.05, 0.5, 0.95);
        double[][] prior = quantiles(mc.funcSamples(seed, PRIOR_SAMPLES), freqs.length);
        return new SyntheticPosterior(posterior.names(), latent, latent.mapDraws(posterior::toPhysical), freqs, y,
                post, prior, seconds);
    }

    /** 5 %, 50 % and 95 % type-7 quantiles of each column of row-major samples. */
    private static double[][] quantiles(double[] rows, int size) {
        int n = rows.length / size;
        double[][] out = new double[3][size];
        double[] column = new double[n];
        double[] p = {0.05, 0.5, 0.95};
        for (int k = 0; k < size; k++) {
            for (int r = 0; r < n; r++) {
                column[r] = rows[r * size + k];
            }
            Arrays.sort(column);
            for (int j = 0; j < 3; j++) {
                double h = (n - 1) * p[j];
                int lo = (int) Math.floor(h);
                int hi = Math.min(lo + 1, n - 1);
                out[j][k] = column[lo] + (h - lo) * (column[hi] - column[lo]);
            }
        }
        return out;
    }
}
