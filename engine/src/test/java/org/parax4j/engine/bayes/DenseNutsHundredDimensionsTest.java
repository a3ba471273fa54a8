package org.parax4j.engine.bayes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Issue 19's acceptance case for the dense metric: a 100-dimensional Gaussian with condition number
 * 1e3 (eigenvalues log-spaced over [1, 1000], random rotation), Stan's defaults (4 chains, 1000
 * warm-up, 1000 draws): R̂ &lt; 1.01 and bulk ESS &gt; 400 per 1000 draws per chain in every
 * dimension, variances within 15 %. About 3.2·10⁵ gradients, 5–25 s depending on the machine's load,
 * so it is tagged {@code own-jvm}: it runs in the engine's own-JVM surefire execution (part of
 * {@code ./parax4j test}), where its four chains do not share the JVM with other tests.
 */
@Tag("own-jvm")
class DenseNutsHundredDimensionsTest {

    @Test
    void denseMetricSamplesAHundredDimensionalIllConditionedGaussian() {
        int d = 100;
        NutsTest.IllConditionedGaussian g = new NutsTest.IllConditionedGaussian(d, 100, 20 * d);
        long t0 = System.nanoTime();
        NutsResult r = Nuts.defaults().withSeed(100).withDenseMetric().sample(g.density());
        double seconds = (System.nanoTime() - t0) * 1e-9;
        double minEss = Double.POSITIVE_INFINITY;
        double maxRhat = 0;
        int total = r.chains() * r.drawsPerChain();
        for (int k = 0; k < d; k++) {
            double[][] x = r.draws(k);
            double ess = Diagnostics.essBulk(x);
            double rhat = Diagnostics.rhat(x);
            minEss = Math.min(minEss, ess);
            maxRhat = Math.max(maxRhat, rhat);
            assertTrue(rhat < 1.01, "coordinate " + k + " R-hat " + rhat);
            assertTrue(ess > 0.4 * total, "coordinate " + k + " bulk ESS " + ess + " of " + total + " draws");
            // variance within 15 %: the sample variance's relative sd is sqrt(2/ESS) < 0.035 at ESS 1600
            double[] all = Arrays.stream(x).flatMapToDouble(Arrays::stream).toArray();
            double m = Arrays.stream(all).average().orElseThrow();
            double v = Arrays.stream(all).map(a -> (a - m) * (a - m)).sum() / (all.length - 1);
            assertEquals(g.covariance[k * d + k], v, 0.15 * g.covariance[k * d + k], "variance " + k);
        }
        assertEquals(0, r.divergences().size());
        System.out.printf("d=100 dense: min bulk ESS %.0f of %d, max R-hat %.4f, %d gradients, step sizes %s, %.1f s%n",
                minEss, total, maxRhat, r.gradientEvaluations(), Arrays.toString(r.stepSizes()), seconds);
    }
}
