package org.parax4j.cli.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.parax4j.engine.examples.ReferenceModel;

class GpDiscrepancyTest {

    @Test
    void recoversASmoothDiscrepancyWithABandWithoutTheNoise() {
        double[] f = ReferenceModel.frequencies();
        int n = f.length;
        double sigma = 0.02;
        double[] truth = new double[n];
        double[] residual = new double[n];
        SplittableRandom rng = new SplittableRandom(3);
        double mean = 0;
        for (int i = 0; i < n; i++) {
            truth[i] = 0.3 * Math.sin(6 * f[i]);
            residual[i] = truth[i] + sigma * rng.nextGaussian();
            mean += residual[i] / n;
        }
        double var = 0;
        for (double r : residual) {
            var += (r - mean) * (r - mean) / (n - 1);
        }
        GpDiscrepancy gp = GpDiscrepancy.fit(f, residual);
        double worst = 0;
        double widest = 0;
        int covered = 0;
        for (int i = 0; i < n; i++) {
            worst = Math.max(worst, Math.abs(gp.mean()[i] - truth[i]));
            widest = Math.max(widest, (gp.hi()[i] - gp.lo()[i]) / 2);
            assertEquals(gp.mean()[i], (gp.lo()[i] + gp.hi()[i]) / 2, 1e-12, "band centred at " + i);
            if (gp.lo()[i] <= truth[i] && truth[i] <= gp.hi()[i]) {
                covered++;
            }
        }
        assertTrue(worst < 0.02, "max |GP mean − truth| = " + worst);
        // With the noise in it the half-width would be at least 1.645·σ = 0.033.
        assertTrue(widest < 0.6 * 1.645 * sigma, "widest half band " + widest);
        assertTrue(covered >= 0.75 * n, covered + " of " + n + " points inside the 90 % band");
        double noiseSd = Math.sqrt(gp.noise() * var); // normalised targets: noise in units of var(residual)
        assertTrue(noiseSd > 0.7 * sigma && noiseSd < 1.3 * sigma, "fitted noise sd " + noiseSd);
        double signalSd = gp.signalSd(residual); // 0.3·sin has sd 0.3/√2 over whole periods
        assertTrue(signalSd > 0.1 && signalSd < 0.6, "signal sd " + signalSd);
        assertTrue(gp.lengthScale() > 0.05 && gp.lengthScale() < 1, "length scale " + gp.lengthScale());
    }

    @Test
    void refusesMismatchedOrTooFewPoints() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GpDiscrepancy.fit(new double[] {1, 2, 3}, new double[] {1, 2}));
        assertEquals("freqs and residual must have the same length >= 3, got 3 and 2", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> GpDiscrepancy.fit(new double[] {1, 2}, new double[] {1, 2}));
    }
}
