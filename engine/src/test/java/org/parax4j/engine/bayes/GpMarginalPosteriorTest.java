package org.parax4j.engine.bayes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.parax4j.engine.EngineOptions;
import org.parax4j.engine.gp.GaussianProcess;
import org.parax4j.engine.gp.HyperPriors;
import org.parax4j.engine.kernel.Kernel;

/** The GP hyperparameter posterior: value, exact gradient, domain, and a short NUTS run. */
class GpMarginalPosteriorTest {

    private static final int N = 25;

    private static double[] inputs() {
        double[] x = new double[N];
        for (int i = 0; i < N; i++) {
            x[i] = 4.0 * i / (N - 1);
        }
        return x;
    }

    private static double[] targets(double[] x) {
        Random rnd = new Random(8);
        double[] y = new double[N];
        for (int i = 0; i < N; i++) {
            y[i] = Math.sin(2 * x[i]) + 0.1 * rnd.nextGaussian();
        }
        return y;
    }

    /** Independent N(0, 1.5²) on every log-hyperparameter. */
    private static LogDensity normalPrior(int p) {
        return LogDensity.of(p, (t, g) -> {
            double s = 0;
            for (int j = 0; j < p; j++) {
                s -= 0.5 * t[j] * t[j] / 2.25;
                g[j] = -t[j] / 2.25;
            }
            return s;
        });
    }

    private static GaussianProcess process() {
        return GaussianProcess.of(Kernel.rbfArd(1.0).scaled(1.0).plus(new Kernel.WhiteNoise(0.1)));
    }

    @Test
    void valueIsTheMarginalLikelihoodPlusThePriorAndTheGradientIsExact() {
        double[] x = inputs();
        double[] y = targets(x);
        GaussianProcess gp = process();
        GpMarginalPosterior posterior = GpMarginalPosterior.of(gp, x, N, 1, y, normalPrior(3));
        assertEquals(3, posterior.dimension());
        assertEquals(3, posterior.names().size());
        double[][] points = {{0.2, -0.3, Math.log(0.05)}, {-0.5, 0.4, Math.log(0.3)}};
        for (double[] t : points) {
            double[] g = new double[3];
            double value = posterior.logDensity(t, g);
            double prior = 0;
            for (double v : t) {
                prior -= 0.5 * v * v / 2.25;
            }
            assertEquals(gp.logMarginalLikelihood(t, x, N, 1, y).value() + prior, value, 1e-9 * Math.abs(value));
            for (int j = 0; j < 3; j++) {
                double h = 1e-5;
                double[] up = t.clone();
                double[] down = t.clone();
                up[j] += h;
                down[j] -= h;
                double fd = (posterior.logDensity(up, new double[3]) - posterior.logDensity(down, new double[3])) / (2 * h);
                assertEquals(fd, g[j], 1e-6 * Math.max(1, Math.abs(fd)), "log θ[" + j + "]");
            }
        }
        // a hyperparameter that overflows: zero density, zero gradient, no exception
        double[] g = {1, 1, 1};
        assertEquals(Double.NEGATIVE_INFINITY, posterior.logDensity(new double[] {800, 0, 0}, g));
        assertEquals(List.of(0.0, 0.0, 0.0), List.of(g[0], g[1], g[2]));
        assertThrows(IllegalArgumentException.class, () -> posterior.logDensity(new double[2], new double[3]));
        assertThrows(IllegalArgumentException.class, () -> GpMarginalPosterior.of(gp, x, N, 1, y, normalPrior(2)));
    }

    @Test
    void aFixedHyperparameterIsHeldAndNotSampled() {
        double[] x = inputs();
        double[] y = targets(x);
        GaussianProcess all = process();
        GaussianProcess held = all.withPriors(HyperPriors.maximumLikelihood(all.kernel()).withFixed(2, true));
        GpMarginalPosterior full = GpMarginalPosterior.of(all, x, N, 1, y, normalPrior(3));
        GpMarginalPosterior posterior = GpMarginalPosterior.of(held, x, N, 1, y, normalPrior(3));
        assertEquals(2, posterior.dimension());
        assertEquals(full.names().subList(0, 2), posterior.names());
        double[] start = all.logTheta();
        assertArrayEquals(new double[] {start[0], start[1]}, posterior.initialLatent());
        double[] t = {0.2, -0.3};
        double[] g = new double[2];
        double[] fullGradient = new double[3];
        double expected = full.logDensity(new double[] {t[0], t[1], start[2]}, fullGradient);
        assertEquals(expected, posterior.logDensity(t, g), 0.0, "the density with the fixed one at its held value");
        assertArrayEquals(new double[] {fullGradient[0], fullGradient[1]}, g, 0.0, "the free entries of the gradient");
        assertThrows(IllegalArgumentException.class, () -> posterior.logDensity(new double[3], new double[3]));
    }

    @Test
    void aShortNutsRunOverTheHyperparametersIsFinite() {
        double[] x = inputs();
        double[] y = targets(x);
        GpMarginalPosterior posterior = GpMarginalPosterior.of(process(), x, N, 1, y, normalPrior(3));
        NutsResult r = Nuts.defaults().withSeed(6).withChains(2).withWarmup(150).withDraws(100)
                .sample(posterior, posterior.initialLatent(), EngineOptions.defaults()).withNames(posterior.names());
        for (int j = 0; j < 3; j++) {
            for (double[] chain : r.draws(j)) {
                for (double v : chain) {
                    assertTrue(Double.isFinite(v), posterior.names().get(j) + " draw " + v);
                }
            }
        }
        // the noise standard deviation is 0.1: its variance's posterior sits near 0.01, far below the prior's 1
        double noise = r.mapDraws(posterior::toPhysical).median(posterior.names().get(2));
        assertTrue(noise > 0.002 && noise < 0.05, "noise variance median " + noise);
        assertTrue(r.divergences().size() < 10, "divergences " + r.divergences().size());
    }
}
