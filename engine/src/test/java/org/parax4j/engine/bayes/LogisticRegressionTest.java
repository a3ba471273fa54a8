package org.parax4j.engine.bayes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The fused logistic-regression posterior against the textbook formula and its own finite differences. */
class LogisticRegressionTest {

    @Test
    void valueAndGradientAreTheTextbookOnes() {
        int n = 203; // not a multiple of 8 or of any vector width: the tails run too
        int k = 3;
        Random rnd = new Random(5);
        double[] design = new double[n * k];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            double eta = 0.3;
            for (int c = 0; c < k; c++) {
                design[i * k + c] = rnd.nextGaussian() * 3;
                eta += design[i * k + c] * (c - 1);
            }
            y[i] = rnd.nextDouble() < 1 / (1 + Math.exp(-eta)) ? 1 : 0;
        }
        LogisticRegression density = LogisticRegression.of(design, k, y, 2.5, 1);
        assertEquals(4, density.dimension());
        double[] theta = {0.2, -0.9, 0.1, 40}; // the last makes |η| large: exp(η) would overflow a naive form
        double expected = -0.5 * theta[0] * theta[0] / 6.25;
        double[] grad = new double[4];
        grad[0] = -theta[0] / 6.25;
        for (int c = 1; c <= k; c++) {
            expected -= 0.5 * theta[c] * theta[c];
            grad[c] = -theta[c];
        }
        for (int i = 0; i < n; i++) {
            double eta = theta[0];
            for (int c = 0; c < k; c++) {
                eta += design[i * k + c] * theta[c + 1];
            }
            // log σ(η) = −log1p(e^{−η}), log(1 − σ(η)) = −log1p(e^{η}), each in its stable branch
            double logP = eta >= 0 ? -Math.log1p(Math.exp(-eta)) : eta - Math.log1p(Math.exp(eta));
            double logQ = eta >= 0 ? -eta - Math.log1p(Math.exp(-eta)) : -Math.log1p(Math.exp(eta));
            expected += y[i] == 1 ? logP : logQ;
            double residual = y[i] - Math.exp(logP);
            grad[0] += residual;
            for (int c = 0; c < k; c++) {
                grad[c + 1] += design[i * k + c] * residual;
            }
        }
        double[] g = new double[4];
        double v = density.logDensity(theta, g);
        assertEquals(expected, v, 1e-12 * Math.abs(expected));
        for (int c = 0; c < 4; c++) {
            assertEquals(grad[c], g[c], 1e-10 * (1 + Math.abs(grad[c])), "gradient " + c);
        }
        // a copy shares the data, not the scratch: the same bits
        double[] g2 = new double[4];
        assertEquals(v, density.copy().logDensity(theta, g2), 0);
        assertEquals(java.util.Arrays.toString(g), java.util.Arrays.toString(g2));
    }

    @Test
    void nutsRecoversTheCoefficients() {
        int n = 2000;
        int k = 2;
        Random rnd = new Random(9);
        double[] design = new double[n * k];
        int[] y = new int[n];
        double[] truth = {-0.5, 1.0, -2.0};
        for (int i = 0; i < n; i++) {
            double eta = truth[0];
            for (int c = 0; c < k; c++) {
                design[i * k + c] = rnd.nextGaussian();
                eta += design[i * k + c] * truth[c + 1];
            }
            y[i] = rnd.nextDouble() < 1 / (1 + Math.exp(-eta)) ? 1 : 0;
        }
        NutsResult r = Nuts.defaults().withSeed(4).withWarmup(300).withDraws(300)
                .sample(LogisticRegression.of(design, k, y, 5, 5));
        for (int c = 0; c < 3; c++) {
            double[][] x = r.draws(c);
            double mean = java.util.Arrays.stream(x).flatMapToDouble(java.util.Arrays::stream).average().orElseThrow();
            // the posterior sd is about 0.06-0.1 at n = 2000: the truth lies within 4 of them
            assertEquals(truth[c], mean, 0.4, "coefficient " + c);
            assertTrue(Diagnostics.rhat(x) < 1.02, "R-hat " + Diagnostics.rhat(x));
        }
    }

    @Test
    void invalidDataAreRejectedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LogisticRegression.of(new double[] {1, 2}, 1, new int[] {0, 2}, 1, 1));
        assertTrue(e.getMessage().contains("outcomes[1]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> LogisticRegression.of(new double[3], 1, new int[2], 1, 1));
        assertThrows(IllegalArgumentException.class,
                () -> LogisticRegression.of(new double[] {Double.NaN}, 1, new int[1], 1, 1));
        assertThrows(IllegalArgumentException.class, () -> LogisticRegression.of(new double[1], 1, new int[1], 0, 1));
    }
}
