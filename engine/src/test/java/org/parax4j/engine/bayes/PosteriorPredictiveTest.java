package org.parax4j.engine.bayes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.parax4j.distribution.Normal;
import org.parax4j.engine.fit.LikelihoodFit;
import org.parax4j.engine.graph.ModelFunction;
import org.parax4j.engine.graph.Var;
import org.parax4j.engine.montecarlo.MonteCarlo;
import org.parax4j.param.Parameters;

/**
 * Posterior bands through {@link MonteCarlo#funcAt} over the draws of a conjugate linear regression,
 * against the draws evaluated one by one and against the closed-form band; by-name statistics.
 */
class PosteriorPredictiveTest {

    @Test
    void bandsOfALinearModelMatchTheDrawsAndTheClosedForm() {
        // y = a + b·t, a ~ N(0, 1), b ~ N(0, 1), σ = 0.5: posterior Gaussian, f(t) = a + b·t Gaussian
        int m = 20;
        double sigma = 0.5;
        double[] t = new double[m];
        double[] y = new double[m];
        Random rnd = new Random(7);
        for (int i = 0; i < m; i++) {
            t[i] = i / (m - 1.0);
            y[i] = 0.3 + 1.2 * t[i] + sigma * rnd.nextGaussian();
        }
        ModelPosteriorTest.Quadratic q = new ModelPosteriorTest.Quadratic(Parameters.normal(0, 1),
                Parameters.normal(0, 1), Parameters.fixed(0), org.parax4j.module.Meta.NONE);
        ModelFunction<ModelPosteriorTest.Quadratic> f = line(q, t);
        double[] sigmas = new double[m];
        Arrays.fill(sigmas, sigma);
        ModelPosterior<ModelPosteriorTest.Quadratic> posterior = ModelPosterior.of(LikelihoodFit.gaussian(f, y, sigmas));
        NutsResult latent = Nuts.defaults().withSeed(3).withWarmup(300).sample(posterior).withNames(posterior.names());

        // a denser grid: 3 points, the model recorded anew
        double[] grid = {0, 0.5, 2};
        MonteCarlo<ModelPosteriorTest.Quadratic> mc = MonteCarlo.of(line(q, grid));
        PosteriorPredictive pp = PosteriorPredictive.of(mc, latent);
        assertEquals(4000, pp.draws());
        assertEquals(3, pp.outputSize());
        double[] out = pp.outputs();
        double[] chain2 = latent.chainDraws(2);
        for (int i = 0; i < 1000; i += 97) {
            double a = chain2[2 * i];
            double b = chain2[2 * i + 1];
            for (int k = 0; k < 3; k++) {
                assertEquals(a + b * grid[k], out[(2000 + i) * 3 + k], 1e-14, "draw " + i + " at t = " + grid[k]);
            }
        }
        // closed form: precision XᵀX/σ² + I, mean precision⁻¹·Xᵀy/σ²
        double s00 = 1;
        double s01 = 0;
        double s11 = 1;
        double r0 = 0;
        double r1 = 0;
        for (int i = 0; i < m; i++) {
            s00 += 1 / (sigma * sigma);
            s01 += t[i] / (sigma * sigma);
            s11 += t[i] * t[i] / (sigma * sigma);
            r0 += y[i] / (sigma * sigma);
            r1 += t[i] * y[i] / (sigma * sigma);
        }
        double det = s00 * s11 - s01 * s01;
        double c00 = s11 / det;
        double c01 = -s01 / det;
        double c11 = s00 / det;
        double ma = c00 * r0 + c01 * r1;
        double mb = c01 * r0 + c11 * r1;
        double[][] band = pp.band(0.05, 0.5, 0.95);
        double[] mean = pp.mean();
        Normal z = new Normal(0, 1);
        for (int k = 0; k < 3; k++) {
            double mu = ma + mb * grid[k];
            double sd = Math.sqrt(c00 + 2 * grid[k] * c01 + grid[k] * grid[k] * c11);
            // the sample mean's sd is sd/√ESS; ESS ≳ 1000 here, 5 such sds
            assertEquals(mu, mean[k], 5 * sd / Math.sqrt(1000), "mean at " + grid[k]);
            // a 5 % quantile estimate's sd is about 2.1·sd/√ESS; allow 6
            assertEquals(mu + sd * z.icdf(0.05), band[0][k], 6 * 2.1 * sd / Math.sqrt(1000), "5 % at " + grid[k]);
            assertEquals(mu, band[1][k], 5 * 1.25 * sd / Math.sqrt(1000), "median at " + grid[k]);
            assertEquals(mu + sd * z.icdf(0.95), band[2][k], 6 * 2.1 * sd / Math.sqrt(1000), "95 % at " + grid[k]);
        }
        // replicated data: the variance grows by σ²
        PosteriorPredictive noisy = pp.withNoise(new double[] {sigma, sigma, sigma}, 11);
        double[] v0 = variance(pp.outputs(), 3, 1);
        double[] v1 = variance(noisy.outputs(), 3, 1);
        assertEquals(v0[0] + sigma * sigma, v1[0], 0.1 * (v0[0] + sigma * sigma));
        assertEquals(Arrays.toString(noisy.outputs()), Arrays.toString(pp.withNoise(new double[] {sigma, sigma, sigma}, 11)
                .outputs()), "the same seed gives the same noise");
        assertThrows(IllegalArgumentException.class, () -> pp.withNoise(new double[] {sigma}, 1));
        assertThrows(IllegalArgumentException.class, () -> pp.band(1.5));
        assertThrows(IllegalArgumentException.class, () -> mc.funcAt(new double[3]));
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
                () -> mc.funcAt(new double[] {0, 1, 2, Double.NaN}));
        assertTrue(nan.getMessage().contains("row 1, free position 1"), nan.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> PosteriorPredictive.of(MonteCarlo.of(line(new ModelPosteriorTest.Quadratic(Parameters.normal(0, 1),
                        Parameters.normal(0, 1), Parameters.normal(0, 1), org.parax4j.module.Meta.NONE), grid)), latent));
    }

    @Test
    void statisticsByName() {
        NutsResult r = Nuts.defaults().withSeed(6).withWarmup(100).withDraws(50).withChains(2)
                .sample(NutsTest.standardNormal(2)).withNames(List.of("alpha", "beta"));
        double[] beta = Arrays.stream(r.draws(1)).flatMapToDouble(Arrays::stream).toArray();
        assertEquals(Arrays.stream(beta).average().orElseThrow(), r.mean("beta"), 1e-15);
        assertEquals(r.quantile(1, 0.5), r.median("beta"), 0);
        assertEquals(r.quantile(1, 0.9), r.quantile("beta", 0.9), 0);
        assertEquals(Math.sqrt(variance(beta, 1, 1)[0] * beta.length / (beta.length - 1.0)), r.sd("beta"), 1e-12);
        assertTrue(r.toCsv().startsWith("chain,draw,alpha,beta\n"));
        assertTrue(r.summary().contains("alpha"));
        assertEquals(List.of("alpha", "beta"), r.mapDraws(x -> x.clone()).names());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> r.mean("gamma"));
        assertTrue(e.getMessage().contains("[alpha, beta]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> r.withNames(List.of("a", "a")));
        assertEquals(List.of("x0", "x1"), Nuts.defaults().withDraws(5).withWarmup(5).withChains(1)
                .sample(NutsTest.standardNormal(2)).names());
    }

    private static ModelFunction<ModelPosteriorTest.Quadratic> line(ModelPosteriorTest.Quadratic q, double[] t) {
        return ModelFunction.record(q, (mod, g) -> {
            Var time = g.constant(t);
            return g.param(mod.a()).add(time.mul(g.param(mod.b()))).add(time.square().mul(g.param(mod.c())));
        });
    }

    /** The population variance of each of {@code size} columns of row-major {@code x}, every {@code step}-th column. */
    private static double[] variance(double[] x, int size, int step) {
        int rows = x.length / size;
        double[] out = new double[size];
        for (int k = 0; k < size; k += step) {
            double m = 0;
            for (int r = 0; r < rows; r++) {
                m += x[r * size + k];
            }
            m /= rows;
            for (int r = 0; r < rows; r++) {
                out[k] += (x[r * size + k] - m) * (x[r * size + k] - m) / rows;
            }
        }
        return out;
    }
}
