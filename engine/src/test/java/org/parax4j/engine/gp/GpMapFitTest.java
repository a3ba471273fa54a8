package org.parax4j.engine.gp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.parax4j.bijector.Exp;
import org.parax4j.distribution.LogNormal;
import org.parax4j.distribution.Normal;
import org.parax4j.distribution.Transformed;
import org.parax4j.distribution.TruncatedNormal;
import org.parax4j.distribution.Uniform;
import org.parax4j.distribution.UnivariateDistribution;
import org.parax4j.engine.EngineOptions;
import org.parax4j.engine.kernel.Kernel;
import org.parax4j.kernel.ConstantKernel;
import org.parax4j.kernel.RBFKernel;
import org.parax4j.kernel.ScaleKernel;
import org.parax4j.kernel.WhiteNoiseKernel;
import org.parax4j.module.Meta;
import org.parax4j.param.Parameter;

/**
 * MAP fits of GP hyperparameters under the priors of a kernel module's parameters: a sharp prior
 * pulls the estimate to it; the mode is the physical one in closed form (LogNormal(0, ½) on a
 * constant factor whose product with another is all the likelihood sees: {@code e^(−¼)}, not
 * {@code e^0}); the prior's gradient in log θ equals central differences; a flat prior gives the
 * maximum-likelihood fit; restarts drawn from the priors give the same bits on 1 and 3 threads;
 * a restart for a hyperparameter with neither prior nor finite bounds is refused.
 */
class GpMapFitTest {

    private static final int N = 30;

    private static Parameter prior(double value, UnivariateDistribution d) {
        return Parameter.builder().value(value).distribution(d).build();
    }

    /** σ²·RBF(ℓ) + white, ℓ with {@code lengthPrior}, σ² and the noise LogNormal(0, 2). */
    private static org.parax4j.kernel.Kernel<?> module(UnivariateDistribution lengthPrior) {
        return new ScaleKernel(new RBFKernel(prior(1.0, lengthPrior), Meta.NONE), prior(1.0, new LogNormal(0, 2)),
                Meta.NONE).plus(new WhiteNoiseKernel(prior(0.1, new LogNormal(Math.log(0.1), 2)), Meta.NONE));
    }

    private static double[] x() {
        return GpReference.inputs(N, 1, 0.0);
    }

    private static double[] y(double[] x) {
        return GpReference.targets(x, N, 1);
    }

    @Test
    void sharpPriorPullsTheEstimateToIt() {
        double[] x = x();
        double[] y = y(x);
        GpFit ml = GaussianProcess.of(module(null)).fit(x, N, 1, y, 0, 1);
        double lengthMl = Math.exp(ml.process().logTheta()[1]);
        GpFit map = GaussianProcess.withPriorsOf(module(new LogNormal(Math.log(0.05), 0.01))).fit(x, N, 1, y, 0, 1);
        double lengthMap = Math.exp(map.process().logTheta()[1]);
        assertTrue(Math.abs(lengthMl / 0.05 - 1) > 0.5, "the data alone put ℓ elsewhere: " + lengthMl);
        assertEquals(0.05, lengthMap, 0.05 * 0.01, "ML " + lengthMl + ", MAP " + lengthMap);
        assertTrue(map.logPrior() > 0, "a sharp prior's log density at its mode is large: " + map.logPrior());
        assertTrue(map.logMarginalLikelihood() < ml.logMarginalLikelihood(), "the MAP gives up likelihood");
        assertEquals(map.logMarginalLikelihood(), map.process().logMarginalLikelihood(x, N, 1, y).value(), 1e-9);
        assertEquals(-map.optimum().value(), map.logMarginalLikelihood() + map.logPrior(), 1e-12);
    }

    @Test
    void theModeIsThatOfThePhysicalHyperparameter() {
        // c1·(c2·RBF) + white: the likelihood sees only c1·c2, so c1 goes to the mode of its prior on
        // θ: LogNormal(0, ½) has it at e^(−¼) (the density of log θ would put it at e^0).
        double[] x = x();
        double[] y = y(x);
        org.parax4j.kernel.Kernel<?> m = new ConstantKernel(prior(1.0, new LogNormal(0, 0.5)), Meta.NONE)
                .times(new ScaleKernel(new RBFKernel(prior(1.0, new Uniform(1e-2, 1e2)), Meta.NONE),
                        prior(1.0, new Uniform(1e-3, 1e3)), Meta.NONE))
                .plus(new WhiteNoiseKernel(prior(0.1, new Uniform(1e-4, 10)), Meta.NONE));
        GpFit fit = GaussianProcess.withPriorsOf(m).fit(x, N, 1, y, 0, 1);
        assertEquals(-0.25, fit.process().logTheta()[0], 1e-3, Arrays.toString(fit.process().logTheta()));
    }

    @Test
    void priorGradientEqualsCentralDifferences() {
        HyperPriors hp = HyperPriors.maximumLikelihood(Kernel.rbfArd(1, 1, 1).scaled(1.0).plus(new Kernel.WhiteNoise(0.1)))
                .withPrior(0, new LogNormal(0.3, 0.7))
                .withPrior(1, new Normal(2, 0.5))
                .withPrior(2, new TruncatedNormal(1, 2, 0.01, 50))
                .withPrior(3, new Uniform(0.01, 100))
                .withPrior(4, new Transformed(new Normal(-1, 0.4), Exp.INSTANCE));
        double[] u = {0.4, 0.9, -1.1, 2.0, -0.7};
        double[] g = new double[5];
        double v = hp.logDensity(u, g);
        assertTrue(Double.isFinite(v));
        double h = 1e-5;
        for (int i = 0; i < 5; i++) {
            double[] up = u.clone();
            double[] down = u.clone();
            up[i] += h;
            down[i] -= h;
            double fd = (hp.logDensity(up, new double[5]) - hp.logDensity(down, new double[5])) / (2 * h);
            assertEquals(fd, g[i], 1e-6 * Math.max(1, Math.abs(fd)), "∂ log π / ∂ log θ[" + i + "]");
        }
        assertTrue(g[0] != 0 && g[1] != 0 && g[2] != 0 && g[4] != 0, Arrays.toString(g));
        assertEquals(0.0, g[3], 0.0, "a uniform prior is flat");
        // index 4 has no analytic branch (the engine differences it with the same step as above): check
        // it against the closed form instead. exp(Normal(μ, σ)) is LogNormal(μ, σ), so in u = log θ the
        // gradient of log π(θ) is −1 − (u − μ)/σ².
        assertEquals(-1 - (u[4] + 1) / (0.4 * 0.4), g[4], 1e-7, "∂ log π / ∂ log θ[4], closed form");
    }

    @Test
    void flatPriorGivesTheMaximumLikelihoodFit() {
        double[] x = GpReference.inputs(N, 2, 0.0);
        double[] y = GpReference.targets(x, N, 2);
        GaussianProcess gp = GaussianProcess.of(Kernel.rbfArd(1.0, 1.0).scaled(1.0).plus(new Kernel.WhiteNoise(0.1)));
        HyperPriors flat = gp.priors();
        for (int i = 0; i < flat.count(); i++) {
            flat = flat.withPrior(i, new Uniform(GaussianProcess.LOWER_BOUND, GaussianProcess.UPPER_BOUND));
        }
        GpFit ml = gp.fit(x, N, 2, y, 0, 1);
        GpFit map = gp.withPriors(flat).fit(x, N, 2, y, 0, 1);
        assertEquals(0.0, ml.logPrior(), 0.0);
        assertEquals(-4 * Math.log(GaussianProcess.UPPER_BOUND - GaussianProcess.LOWER_BOUND), map.logPrior(), 1e-9);
        assertEquals(ml.logMarginalLikelihood(), map.logMarginalLikelihood(), 1e-7);
        assertArrayEquals(ml.process().logTheta(), map.process().logTheta(), 1e-3);
    }

    @Test
    void restartsFromThePriorsAreTheSameOnOneAndThreeThreads() {
        double[] x = x();
        double[] y = y(x);
        GaussianProcess gp = GaussianProcess.withPriorsOf(module(new LogNormal(Math.log(0.3), 1)));
        GpFit one = gp.fit(x, N, 1, y, 4, 7, EngineOptions.ofParallelism(1));
        GpFit three = gp.fit(x, N, 1, y, 4, 7, EngineOptions.ofParallelism(3));
        assertEquals(5, one.startValues().length);
        assertArrayEquals(one.startValues(), three.startValues(), 0.0);
        assertArrayEquals(one.process().logTheta(), three.process().logTheta(), 0.0);
        assertTrue(one.logMarginalLikelihood() + one.logPrior() >= one.startValues()[0], "never worse than start 0");
        GpFit other = gp.fit(x, N, 1, y, 4, 8, EngineOptions.ofParallelism(3));
        assertTrue(!Arrays.equals(one.startValues(), other.startValues()), "another seed draws other starts");
        // The draws come from the priors: a prior far from start 0 moves the restarts' starts there.
        HyperPriors hp = gp.priors().withPrior(1, new LogNormal(Math.log(20), 0.01));
        double drawn = Math.exp(hp.draw(new java.util.SplittableRandom(3), gp.logTheta())[1]);
        assertEquals(20, drawn, 20 * 0.05);
    }

    @Test
    void aRestartNeedsAPriorOrFiniteBounds() {
        double[] x = x();
        double[] y = y(x);
        org.parax4j.kernel.Kernel<?> m = new ScaleKernel(new RBFKernel(prior(1.0, new LogNormal(0, 1)), Meta.NONE),
                Parameter.of(1.0), Meta.NONE).plus(new WhiteNoiseKernel(prior(0.1, new LogNormal(-2, 1)), Meta.NONE));
        GaussianProcess gp = GaussianProcess.withPriorsOf(m);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> gp.fit(x, N, 1, y, 2, 1));
        assertTrue(e.getMessage().contains("variance") && e.getMessage().contains("neither a prior nor finite bounds"),
                e.getMessage());
        assertTrue(Double.isFinite(gp.fit(x, N, 1, y, 0, 1).logMarginalLikelihood()), "without restarts it fits");
        GaussianProcess bounded = gp.withPriors(gp.priors().withBounds(0, 1e-3, 1e3));
        assertEquals(3, bounded.fit(x, N, 1, y, 2, 1).startValues().length, "bounds make it drawable");
    }
}
