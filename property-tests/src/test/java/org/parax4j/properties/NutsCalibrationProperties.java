package org.parax4j.properties;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.hipparchus.stat.inference.ChiSquareTest;
import org.junit.jupiter.api.Test;
import org.parax4j.bijector.Exp;
import org.parax4j.distribution.Independent;
import org.parax4j.distribution.LogNormal;
import org.parax4j.distribution.Normal;
import org.parax4j.engine.bayes.ModelPosterior;
import org.parax4j.engine.bayes.Nuts;
import org.parax4j.engine.bayes.NutsResult;
import org.parax4j.engine.fit.LikelihoodFit;
import org.parax4j.engine.graph.ModelFunction;
import org.parax4j.module.Meta;
import org.parax4j.module.Module;
import org.parax4j.param.Parameter;
import org.parax4j.properties.gen.Theories;

/**
 * Simulation-based calibration of NUTS over a recorded model's posterior (Talts, Betancourt,
 * Simpson, Vehtari and Gelman, "Validating Bayesian inference algorithms with simulation-based
 * calibration", arXiv:1804.06788, 2018). The model is a small hierarchical one, non-centred:
 * {@code μ ~ N(0, 1)}, {@code τ ~ LogNormal(0, 0.5)} (sampled as ln τ through {@code Exp}, so the
 * log-Jacobian is in play), {@code z_j ~ N(0, 1)}, {@code θ_j = μ + τ·z_j} and {@code y_j ~ N(θ_j, σ_j)}
 * for J = 4 groups. Each replication draws (μ, τ, z) from the prior, simulates y, samples the posterior
 * (one chain, 150 warm-up, 98 draws thinned by 2 to 49) and records the rank of the true μ, τ and θ₁
 * among the 49 draws. If the sampler is right each rank is uniform on 0…49: the ranks fall in 10 bins
 * of 5 and a χ² test of uniformity must not reject at 10⁻³ (per quantity, Bonferroni-adjusted when
 * widened, see {@link Theories#level}).
 *
 * <p>50 replications by default (5 expected per bin); {@code -Dparax4j.properties.examples=N}
 * widens the run to N replications (≥ 200 as the issue asks). The test's power is
 * checked by {@link #anOverconfidentPosteriorFailsTheCalibration()}: the same procedure with the noise
 * understated threefold in the likelihood must be rejected.
 */
class NutsCalibrationProperties {

    private static final long SEED = 19L;
    private static final int J = 4;
    private static final double[] SIGMA = {0.5, 1, 1, 2};
    private static final int KEPT = 49;
    private static final int BINS = 10;
    private static final int DEFAULT_REPLICATIONS = 50;

    /** The hierarchical model: group means {@code μ + τ·z}. */
    public record Hierarchy(Parameter mu, Parameter tau, Parameter z, Meta meta) implements Module<Hierarchy> {}

    private static ModelFunction<Hierarchy> model() {
        Hierarchy h = new Hierarchy(Parameter.builder().value(0).distribution(new Normal(0, 1)).build(),
                Parameter.builder().value(1).transform(new Exp()).distribution(new LogNormal(0, 0.5)).build(),
                Parameter.builder().value(new double[J]).distribution(Independent.iid(new Normal(0, 1), J)).build(),
                Meta.NONE);
        return ModelFunction.record(h, (m, g) -> g.param(m.z()).mul(g.param(m.tau())).add(g.param(m.mu())));
    }

    /**
     * Runs {@code replications} SBC replications and returns the rank histograms of μ, τ and θ₁
     * ({@code [quantity][bin]}); the likelihood uses the noise σ_j·{@code noiseScale}.
     */
    private static long[][] rankHistograms(int replications, double noiseScale) {
        long[][] histograms = new long[3][BINS];
        SplittableRandom rng = new SplittableRandom(SEED);
        double[] fitSigma = Arrays.stream(SIGMA).map(s -> s * noiseScale).toArray();
        Nuts nuts = Nuts.defaults().withChains(1).withWarmup(150).withDraws(2 * KEPT);
        for (int r = 0; r < replications; r++) {
            double mu = rng.nextGaussian();
            double tau = Math.exp(0.5 * rng.nextGaussian());
            double z1 = 0;
            double[] y = new double[J];
            for (int j = 0; j < J; j++) {
                double z = rng.nextGaussian();
                z1 = j == 0 ? z : z1;
                y[j] = mu + tau * z + SIGMA[j] * rng.nextGaussian();
            }
            double[] truth = {mu, tau, mu + tau * z1};
            ModelPosterior<Hierarchy> posterior = ModelPosterior.of(LikelihoodFit.gaussian(model(), y, fitSigma));
            NutsResult draws = nuts.withSeed(r).sample(posterior, null, Runnable::run).mapDraws(posterior::toPhysical);
            double[] flat = draws.chainDraws(0);
            int d = draws.dimension();
            int[] ranks = new int[3];
            for (int i = 1; i < 2 * KEPT; i += 2) {
                double[] x = {flat[i * d], flat[i * d + 1], flat[i * d] + flat[i * d + 1] * flat[i * d + 2]};
                for (int q = 0; q < 3; q++) {
                    ranks[q] += x[q] < truth[q] ? 1 : 0;
                }
            }
            for (int q = 0; q < 3; q++) {
                histograms[q][ranks[q] * BINS / (KEPT + 1)]++;
            }
        }
        return histograms;
    }

    private static double pValue(long[] histogram) {
        double[] expected = new double[BINS];
        Arrays.fill(expected, Arrays.stream(histogram).sum() / (double) BINS);
        return new ChiSquareTest().chiSquareTest(expected, histogram);
    }

    @Test
    void rankHistogramsOfAHierarchicalModelAreUniform() {
        int replications = Theories.examples(DEFAULT_REPLICATIONS);
        long[][] h = rankHistograms(replications, 1);
        double level = Theories.level(1e-3, DEFAULT_REPLICATIONS);
        String[] names = {"mu", "tau", "theta_1"};
        for (int q = 0; q < 3; q++) {
            double p = pValue(h[q]);
            System.out.println(names[q] + ": " + Arrays.toString(h[q]) + " p = " + p);
            assertTrue(p > level, names[q] + ": rank histogram " + Arrays.toString(h[q]) + " over " + replications
                    + " replications, chi-square p = " + p + " <= " + level);
        }
    }

    @Test
    void anOverconfidentPosteriorFailsTheCalibration() {
        // the likelihood claims a third of the true noise: posteriors too narrow, ranks pile up at both ends
        long[][] h = rankHistograms(DEFAULT_REPLICATIONS, 1 / 3.0);
        for (int q = 0; q < 3; q++) {
            double p = pValue(h[q]);
            System.out.println("overconfident, quantity " + q + ": " + Arrays.toString(h[q]) + " p = " + p);
        }
        double p = pValue(h[2]);
        assertTrue(p < 1e-3, "theta_1 ranks " + Arrays.toString(h[2]) + ", p = " + p);
    }
}
