package org.parax4j.engine.bayes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.parax4j.bijector.Exp;
import org.parax4j.distribution.Normal;
import org.parax4j.engine.fit.LikelihoodFit;
import org.parax4j.engine.graph.ModelFunction;
import org.parax4j.engine.graph.Var;
import org.parax4j.module.Meta;
import org.parax4j.module.Module;
import org.parax4j.param.Parameter;
import org.parax4j.param.Parameters;

/** NUTS over a recorded model's posterior against conjugate closed forms. */
class ModelPosteriorTest {

    /** {@code a + b·t + c·t²}. */
    public record Quadratic(Parameter a, Parameter b, Parameter c, Meta meta) implements Module<Quadratic> {}

    /** {@code amplitude·exp(−t/tau)}, tau through Exp. */
    public record Decay(Parameter amplitude, Parameter tau, Meta meta) implements Module<Decay> {}

    private static final double SIGMA = 0.3;

    @Test
    void bayesianLinearRegressionMatchesTheConjugatePosterior() {
        int m = 30;
        double[] t = new double[m];
        double[] y = new double[m];
        double[] sigma = new double[m];
        Random rnd = new Random(23);
        for (int i = 0; i < m; i++) {
            t[i] = -1 + 2.0 * i / (m - 1);
            y[i] = 1 - 2 * t[i] + 0.5 * t[i] * t[i] + SIGMA * rnd.nextGaussian();
            sigma[i] = SIGMA;
        }
        double[] mu0 = {0.5, -1, 0};
        double[] s0 = {0.3, 0.5, 0.4};
        Quadratic q = new Quadratic(Parameters.normal(mu0[0], s0[0]), Parameters.normal(mu0[1], s0[1]),
                Parameters.normal(mu0[2], s0[2]), Meta.NONE);
        ModelFunction<Quadratic> f = ModelFunction.record(q, (mod, g) -> {
            Var time = g.constant(t);
            return g.param(mod.a()).add(time.mul(g.param(mod.b()))).add(time.square().mul(g.param(mod.c())));
        });
        ModelPosterior<Quadratic> posterior = ModelPosterior.of(LikelihoodFit.gaussian(f, y, sigma));
        NutsResult r = Nuts.defaults().withSeed(9).withWarmup(300).sample(posterior);

        // conjugate posterior: precision XᵀX/σ² + diag(1/s0²), mean = precision⁻¹ (Xᵀy/σ² + μ0/s0²)
        double[][] precision = new double[3][3];
        double[] rhs = new double[3];
        for (int i = 0; i < m; i++) {
            double[] x = {1, t[i], t[i] * t[i]};
            for (int a = 0; a < 3; a++) {
                rhs[a] += x[a] * y[i] / (SIGMA * SIGMA);
                for (int b = 0; b < 3; b++) {
                    precision[a][b] += x[a] * x[b] / (SIGMA * SIGMA);
                }
            }
        }
        for (int a = 0; a < 3; a++) {
            precision[a][a] += 1 / (s0[a] * s0[a]);
            rhs[a] += mu0[a] / (s0[a] * s0[a]);
        }
        double[][] cov = invert(precision);
        for (int a = 0; a < 3; a++) {
            double mean = 0;
            for (int b = 0; b < 3; b++) {
                mean += cov[a][b] * rhs[b];
            }
            NutsTest.assertMoments(r.draws(a), mean, cov[a][a], 0.1, posterior.names().get(a));
        }
        assertEquals(List.of("a", "b", "c"), posterior.names());
    }

    @Test
    void transformedParameterSamplesItsPriorInPhysicalSpace() {
        // amplitude fixed at 0: the data carry no information, the posterior of tau is its prior N(2, 0.4)
        // (truncated at 0, 5 sd away); sampled as s = ln tau with the log-Jacobian
        Decay d = new Decay(Parameters.fixed(0),
                Parameter.builder().value(1.5).transform(new Exp()).distribution(new Normal(2, 0.4)).build(), Meta.NONE);
        double[] t = {0, 1, 2};
        ModelFunction<Decay> f = ModelFunction.record(d, (mod, g) -> g.constant(t).div(g.param(mod.tau())).neg().exp()
                .mul(g.param(mod.amplitude())));
        ModelPosterior<Decay> posterior = ModelPosterior.of(LikelihoodFit.gaussian(f, new double[3], new double[] {1, 1, 1}));
        assertEquals(1, posterior.dimension());
        assertEquals(Math.log(1.5), posterior.initialLatent()[0], 1e-15);
        NutsResult r = Nuts.defaults().withSeed(2).withWarmup(500).sample(posterior, posterior.initialLatent(),
                java.util.concurrent.ForkJoinPool.commonPool());
        double[][] latent = r.draws(0);
        double[][] physical = new double[latent.length][];
        for (int c = 0; c < latent.length; c++) {
            physical[c] = Arrays.stream(latent[c]).map(s -> posterior.toPhysical(new double[] {s})[0]).toArray();
        }
        NutsTest.assertMoments(physical, 2, 0.16, 0.1, "tau");
        assertThrows(IllegalArgumentException.class, () -> posterior.toPhysical(new double[2]));
    }

    @Test
    void aDrawAsAModuleHasTheDrawsPhysicalValuesByName() {
        Decay d = new Decay(Parameters.normal(1, 0.5),
                Parameter.builder().value(1.5).transform(new Exp()).distribution(new Normal(2, 0.4)).build(), Meta.NONE);
        double[] t = {0, 1, 2};
        ModelFunction<Decay> f = ModelFunction.record(d, (mod, g) -> g.constant(t).div(g.param(mod.tau())).neg().exp()
                .mul(g.param(mod.amplitude())));
        ModelPosterior<Decay> posterior = ModelPosterior.of(LikelihoodFit.gaussian(f, new double[] {1.2, 0.7, 0.3},
                new double[] {0.2, 0.2, 0.2}));
        NutsResult r = Nuts.defaults().withSeed(4).withChains(2).withWarmup(100).withDraws(20).sample(posterior);
        for (int[] at : new int[][] {{0, 0}, {1, 7}, {1, 19}}) {
            double[] latent = r.draw(at[0], at[1]);
            assertEquals(r.draws(1)[at[0]][at[1]], latent[1]);
            double[] physical = posterior.toPhysical(latent);
            Decay m = posterior.module(latent);
            java.util.Map<String, Double> byName = m.namedFlatParamValues(false);
            assertEquals(physical[0], byName.get("amplitude"), 0.0);
            assertEquals(physical[1], byName.get("tau"), 1e-15 * physical[1]);
            assertEquals(Math.exp(latent[1]), byName.get("tau"), 1e-15 * physical[1]);
            assertEquals(d.tau().distribution(), m.tau().distribution());
        }
        assertTrue(r.draw(0, 0)[1] != r.draw(1, 19)[1]);
        assertThrows(IllegalArgumentException.class, () -> posterior.module(new double[3]));
        assertThrows(IllegalArgumentException.class, () -> r.draw(2, 0));
        assertThrows(IllegalArgumentException.class, () -> r.draw(0, 20));
    }

    /** A line {@code a + b·t} with N(0, 2) priors and data of noise 0.3, for the fitted-σ posterior. */
    private static LikelihoodFit<Quadratic> lineWithFittedSigma(int m) {
        return LikelihoodFit.gaussianFittedSigma(line(m), lineData(m));
    }

    private static ModelFunction<Quadratic> line(int m) {
        double[] t = new double[m];
        for (int i = 0; i < m; i++) {
            t[i] = -1 + 2.0 * i / (m - 1);
        }
        Quadratic q = new Quadratic(Parameters.normal(0, 2), Parameters.normal(0, 2), Parameters.fixed(0), Meta.NONE);
        ModelFunction<Quadratic> f = ModelFunction.record(q, (mod, g) -> {
            Var time = g.constant(t);
            return g.param(mod.a()).add(time.mul(g.param(mod.b()))).add(time.square().mul(g.param(mod.c())));
        });
        return f;
    }

    private static double[] ones(int m) {
        double[] out = new double[m];
        Arrays.fill(out, 1);
        return out;
    }

    private static double[] lineData(int m) {
        double[] y = new double[m];
        Random rnd = new Random(5);
        for (int i = 0; i < m; i++) {
            y[i] = 0.5 + 1.5 * (-1 + 2.0 * i / (m - 1)) + SIGMA * rnd.nextGaussian();
        }
        return y;
    }

    @Test
    void fittedSigmaWithAPriorIsSampledAsLogSigmaWithAnExactGradient() {
        LikelihoodFit<Quadratic> fit = lineWithFittedSigma(40);
        java.util.List<org.parax4j.distribution.UnivariateDistribution> priors = List.of(
                new org.parax4j.distribution.TruncatedNormal(0, 1, 0, Double.POSITIVE_INFINITY),
                new org.parax4j.distribution.LogNormal(-1, 0.7), new Normal(0.5, 0.4));
        double[][] points = {{0.4, 1.2, Math.log(0.25)}, {-0.3, 2.1, Math.log(1.7)}};
        for (var prior : priors) {
            ModelPosterior<Quadratic> posterior = ModelPosterior.of(fit, prior);
            assertEquals(3, posterior.dimension());
            assertEquals(List.of("a", "b", "sigma"), posterior.names());
            for (double[] x : points) {
                double[] g = new double[3];
                double value = posterior.logDensity(x, g);
                // the same density as the known-σ posterior at σ = e^s, plus ln p(σ) + s
                double sigma = Math.exp(x[2]);
                double[] sigmas = new double[40];
                Arrays.fill(sigmas, sigma);
                ModelPosterior<Quadratic> known = ModelPosterior.of(LikelihoodFit.gaussian(fit.function(),
                        lineData(40), sigmas));
                double expected = known.logDensity(new double[] {x[0], x[1]}, new double[2]) + prior.logProb(sigma) + x[2];
                assertEquals(expected, value, 1e-9 * Math.abs(expected), prior.toString());
                for (int j = 0; j < 3; j++) {
                    double h = 1e-5;
                    double[] up = x.clone();
                    double[] down = x.clone();
                    up[j] += h;
                    down[j] -= h;
                    double fd = (posterior.logDensity(up, new double[3]) - posterior.logDensity(down, new double[3])) / (2 * h);
                    assertEquals(fd, g[j], 1e-6 * Math.max(1, Math.abs(fd)), prior + " coordinate " + j);
                }
            }
            double[] physical = posterior.toPhysical(points[1]);
            assertEquals(1.7, physical[2], 1e-14);
            assertEquals(points[1][0], posterior.module(points[1]).namedFlatParamValues(false).get("a"), 0.0);
            assertEquals(3, posterior.initialLatent().length);
        }
        // outside the prior's support: zero density, zero gradient
        ModelPosterior<Quadratic> bounded = ModelPosterior.of(fit, new org.parax4j.distribution.Uniform(0.5, 2));
        double[] g = {1, 1, 1};
        assertEquals(Double.NEGATIVE_INFINITY, bounded.logDensity(new double[] {0, 0, Math.log(0.2)}, g));
        assertEquals(0.0, g[2]);
        // refusals
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModelPosterior.of(fit));
        assertTrue(e.getMessage().contains("fitted σ") && e.getMessage().contains("sigmaPrior"), e.getMessage());
        LikelihoodFit<Quadratic> knownSigma = LikelihoodFit.gaussian(fit.function(), lineData(40), ones(40));
        e = assertThrows(IllegalArgumentException.class, () -> ModelPosterior.of(knownSigma, priors.get(0)));
        assertTrue(e.getMessage().contains("known σ"), e.getMessage());
    }

    @Test
    void fittedSigmasPosteriorConcentratesAtTheDataNoise() {
        LikelihoodFit<Quadratic> fit = lineWithFittedSigma(200);
        ModelPosterior<Quadratic> posterior = ModelPosterior.of(fit,
                new org.parax4j.distribution.TruncatedNormal(0, 1, 0, Double.POSITIVE_INFINITY));
        NutsResult r = Nuts.defaults().withSeed(3).withChains(2).withWarmup(200).withDraws(200)
                .sample(posterior).mapDraws(posterior::toPhysical).withNames(posterior.names());
        // the sampled σ about the data's residual scale (0.3 ± 0.015 sd for 200 points)
        assertEquals(SIGMA, r.mean("sigma"), 0.06);
        assertEquals(0.5, r.mean("a"), 0.15);
        assertEquals(1.5, r.mean("b"), 0.2);
        assertTrue(r.sd("sigma") > 0.005 && r.sd("sigma") < 0.05, "sd " + r.sd("sigma"));
    }

    @Test
    void aLatentPointOutsideTheModelsDomainHasZeroDensityNotAnException() {
        // Exp at latent -800 rounds to 0, which the latent rule rejects (issue 15 bug 9); a sampler's
        // trajectory may get there, and must see log density -inf (a divergence), not a crash
        Decay d = new Decay(Parameters.fixed(1),
                Parameter.builder().value(1.5).transform(new Exp()).distribution(new Normal(2, 0.4)).build(), Meta.NONE);
        double[] t = {0, 1, 2};
        ModelFunction<Decay> f = ModelFunction.record(d, (mod, g) -> g.constant(t).div(g.param(mod.tau())).neg().exp()
                .mul(g.param(mod.amplitude())));
        ModelPosterior<Decay> posterior = ModelPosterior.of(LikelihoodFit.gaussian(f, new double[3], new double[] {1, 1, 1}));
        double[] gradient = {Double.NaN};
        assertEquals(Double.NEGATIVE_INFINITY, posterior.logDensity(new double[] {-800}, gradient));
        assertEquals(0.0, gradient[0]);
        assertEquals(false, f.admits(new double[] {-800}));
        assertEquals(true, f.admits(new double[] {Math.log(1.5)}));
        assertEquals(false, f.admits(new double[] {0, 0}));
        assertThrows(IllegalArgumentException.class, () -> f.evaluate(new double[] {-800}, f.newWorkspace(), new double[3]));
        // a fitted σ is not a model parameter: refused by name instead of an index error in the first chain
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ModelPosterior.of(LikelihoodFit.gaussianFittedSigma(f, new double[3])));
        assertTrue(e.getMessage().contains("fitted σ"), e.getMessage());
    }

    private static double[][] invert(double[][] a) {
        int n = a.length;
        double[][] m = new double[n][2 * n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(a[i], 0, m[i], 0, n);
            m[i][n + i] = 1;
        }
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int r = col + 1; r < n; r++) {
                if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) {
                    pivot = r;
                }
            }
            double[] tmp = m[col];
            m[col] = m[pivot];
            m[pivot] = tmp;
            double p = m[col][col];
            for (int j = 0; j < 2 * n; j++) {
                m[col][j] /= p;
            }
            for (int r = 0; r < n; r++) {
                if (r != col) {
                    double factor = m[r][col];
                    for (int j = 0; j < 2 * n; j++) {
                        m[r][j] -= factor * m[col][j];
                    }
                }
            }
        }
        double[][] inv = new double[n][n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(m[i], n, inv[i], 0, n);
        }
        return inv;
    }
}
