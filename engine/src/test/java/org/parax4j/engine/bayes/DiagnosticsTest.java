package org.parax4j.engine.bayes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * R̂, ESS and MCSE (mean and quantiles) against the reference script's values (src/test/resources/bayes/diagnostics_reference.py,
 * the posterior package's algorithms in numpy) and against closed forms.
 */
class DiagnosticsTest {

    private static List<String> lines(String name) throws IOException {
        try (InputStream in = DiagnosticsTest.class.getResourceAsStream("/bayes/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().skip(1).toList();
        }
    }

    @Test
    void equalsTheReferenceScriptOnFixedDraws() throws IOException {
        double[][][] q = new double[3][4][200];
        for (String line : lines("diagnostics_draws.csv")) {
            String[] f = line.split(",");
            q[Integer.parseInt(f[0])][Integer.parseInt(f[1])][Integer.parseInt(f[2])] = Double.parseDouble(f[3]);
        }
        List<String> expected = lines("diagnostics_expected.csv");
        assertEquals(3, expected.size());
        for (String line : expected) {
            String[] f = line.split(",");
            double[][] x = q[Integer.parseInt(f[0])];
            String at = "quantity " + f[0];
            assertEquals(Double.parseDouble(f[1]), Diagnostics.rhat(x), 1e-8, at + " rhat");
            assertEquals(Double.parseDouble(f[2]), Diagnostics.essBulk(x), 1e-8, at + " ess_bulk");
            assertEquals(Double.parseDouble(f[3]), Diagnostics.essTail(x), 1e-8, at + " ess_tail");
            assertEquals(Double.parseDouble(f[4]), Diagnostics.essMean(x), 1e-8, at + " ess_mean");
            assertEquals(Double.parseDouble(f[5]), Diagnostics.mcseMean(x), 1e-10, at + " mcse_mean");
            double[] probs = {0.05, 0.5, 0.95};
            for (int p = 0; p < probs.length; p++) {
                assertEquals(Double.parseDouble(f[6 + p]), Diagnostics.mcseQuantile(x, probs[p]), 1e-10,
                        at + " mcse_quantile " + probs[p]);
            }
        }
    }

    @Test
    void independentDrawsGiveEssNearTheirCountAndRhatNearOne() {
        Random rnd = new Random(3);
        double[][] x = new double[4][1000];
        for (double[] chain : x) {
            for (int i = 0; i < chain.length; i++) {
                chain[i] = rnd.nextGaussian();
            }
        }
        double bulk = Diagnostics.essBulk(x);
        assertTrue(bulk > 3400 && bulk < 4700, "bulk ESS " + bulk);
        assertTrue(Diagnostics.essTail(x) > 3000, "tail ESS " + Diagnostics.essTail(x));
        assertTrue(Math.abs(Diagnostics.rhat(x) - 1) < 0.01, "rhat " + Diagnostics.rhat(x));
    }

    @Test
    void autoregressiveDrawsGiveTheClosedFormEss() {
        // AR(1) with coefficient φ: integrated autocorrelation time (1 + φ)/(1 − φ) = 3 for φ = 0.5
        Random rnd = new Random(5);
        double[][] x = new double[4][5000];
        for (double[] chain : x) {
            double v = rnd.nextGaussian() / Math.sqrt(0.75);
            for (int i = 0; i < chain.length; i++) {
                v = 0.5 * v + rnd.nextGaussian();
                chain[i] = v;
            }
        }
        double ess = Diagnostics.essMean(x);
        assertEquals(20000 / 3.0, ess, 0.12 * 20000 / 3.0, "ESS of the mean");
    }

    @Test
    void separatedChainsGiveLargeRhat() {
        Random rnd = new Random(7);
        double[][] x = new double[4][400];
        for (int c = 0; c < 4; c++) {
            for (int i = 0; i < 400; i++) {
                x[c][i] = rnd.nextGaussian() + (c == 3 ? 3 : 0);
            }
        }
        assertTrue(Diagnostics.rhat(x) > 1.2, "rhat " + Diagnostics.rhat(x));
    }

    @Test
    void invalidInputIsRejectedOrNaN() {
        assertThrows(IllegalArgumentException.class, () -> Diagnostics.rhat(new double[][] {{1, 2, 3, 4}, {1, 2}}));
        assertThrows(IllegalArgumentException.class, () -> Diagnostics.essBulk(new double[][] {{1, 2, 3}}));
        assertTrue(Double.isNaN(Diagnostics.essBulk(new double[][] {{1, 1, 1, 1}})));
        assertTrue(Double.isNaN(Diagnostics.rhat(new double[][] {{1, 2, Double.NaN, 4}})));
        assertThrows(IllegalArgumentException.class, () -> Diagnostics.mcseQuantile(new double[][] {{1, 2, 3, 4}}, 1));
        assertTrue(Double.isNaN(Diagnostics.mcseQuantile(new double[][] {{1, 1, 1, 1}}, 0.5)));
    }
}
