package org.parax4j.engine.readme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.parax4j.engine.gp.GaussianProcess;
import org.parax4j.engine.gp.GpFit;
import org.parax4j.engine.gp.GpPosterior;
import org.parax4j.engine.kernel.Kernel;
import org.parax4j.distribution.LogNormal;
import org.parax4j.kernel.RBFKernel;
import org.parax4j.kernel.ScaleKernel;
import org.parax4j.kernel.WhiteNoiseKernel;
import org.parax4j.module.Meta;
import org.parax4j.param.Parameter;

/** The README's Gaussian-process example, kept compiling and true. */
class GaussianProcessReadmeExampleTest {

    @Test
    void readmeGaussianProcessExample() {
        int n = 60;
        double[] x = new double[n];
        double[] y = new double[n];
        Random noise = new Random(3);
        for (int i = 0; i < n; i++) {
            x[i] = 10.0 * i / n;
            y[i] = Math.sin(x[i]) + 0.1 * noise.nextGaussian();
        }
        double[] xs = {2.5, 7.25};
        // --- README Gaussian-process example starts
        Kernel kernel = Kernel.rbf(1.0).scaled(1.0).plus(new Kernel.WhiteNoise(0.1)); // σ²·RBF(ℓ) + noise
        GaussianProcess gp = GaussianProcess.of(kernel).withNormalizeY(true);
        GpFit fit = gp.fit(x, n, 1, y, 3, 42);                // L-BFGS-B on log θ, 3 seeded restarts
        GpPosterior posterior = fit.process().condition(x, n, 1, y);
        GpPosterior.Prediction p = posterior.predict(xs, 2);  // p.mean()[i] ± p.std()[i]
        double[][] slopes = posterior.inputGradients(xs, 2);  // ∂mean/∂x*, ∂std/∂x*
        double[] draws = posterior.sample(xs, 2, 100, 7);     // 100 posterior functions at xs
        // --- README Gaussian-process example ends
        for (int i = 0; i < 2; i++) {
            assertEquals(Math.sin(xs[i]), p.mean()[i], 0.15, "mean at " + xs[i]);
            assertTrue(p.std()[i] > 0.05 && p.std()[i] < 0.3, "std " + p.std()[i]);
            assertEquals(Math.cos(xs[i]), slopes[0][i], 0.3, "slope at " + xs[i]);
        }
        Kernel.Sum fitted = (Kernel.Sum) fit.process().kernel();
        double noiseVariance = ((Kernel.WhiteNoise) fitted.right()).variance();
        double mean = 0;
        double ss = 0;
        for (double v : y) {
            mean += v / n;
        }
        for (double v : y) {
            ss += (v - mean) * (v - mean) / n;
        }
        // Normalised targets: the fitted variance is in units of var(y); the true noise variance is 0.01.
        assertEquals(0.01, noiseVariance * ss, 0.006, "fitted noise variance in target units");
        assertEquals(200, draws.length);
    }

    @Test
    void readmeMapExample() {
        int n = 40;
        double[] x = new double[n];
        double[] y = new double[n];
        Random noise = new Random(5);
        for (int i = 0; i < n; i++) {
            x[i] = 10.0 * i / n;
            y[i] = Math.sin(x[i]) + 0.1 * noise.nextGaussian();
        }
        // --- README GP MAP example starts
        Parameter ell = Parameter.builder().value(1.0).distribution(new LogNormal(Math.log(2.0), 0.1)).build();
        Parameter var = Parameter.builder().value(1.0).distribution(new LogNormal(0, 1)).build();
        Parameter noiseVar = Parameter.builder().value(0.1).distribution(new LogNormal(Math.log(0.01), 1)).build();
        var module = new ScaleKernel(new RBFKernel(ell, Meta.NONE), var, Meta.NONE)
                .plus(new WhiteNoiseKernel(noiseVar, Meta.NONE));
        GpFit map = GaussianProcess.withPriorsOf(module)   // maximises LML + Σ log π(θ), θ physical
                .fit(x, n, 1, y, 3, 42);                   // 3 restarts drawn from the priors
        double lengthScale = Math.exp(map.process().logTheta()[1]);  // pulled towards the prior's 2
        // --- README GP MAP example ends
        double ml = Math.exp(GaussianProcess.of(module).fit(x, n, 1, y, 0, 42).process().logTheta()[1]);
        assertTrue(Math.abs(Math.log(lengthScale / 2.0)) < Math.abs(Math.log(ml / 2.0)),
                "MAP ℓ " + lengthScale + " closer to 2 than ML ℓ " + ml);
        assertTrue(map.logPrior() != 0 && map.startValues().length == 4);
    }
}
