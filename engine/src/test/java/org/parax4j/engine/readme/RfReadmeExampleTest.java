package org.parax4j.engine.readme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parax4j.engine.examples.LineResonatorModel;
import org.parax4j.engine.graph.ModelFunction;
import org.parax4j.engine.montecarlo.MonteCarlo;
import org.parax4j.module.SensitivityKind;

/** The README's RF example (Jacobian, sensitivities, Monte Carlo band), kept compiling and true. */
class RfReadmeExampleTest {

    @Test
    void readmeRfExample() {
        // --- README RF example starts
        LineResonatorModel rf = LineResonatorModel.create();
        ModelFunction<LineResonatorModel> response = LineResonatorModel.response(rf); // [3, 201]: |S21| dB, ∠S21 °, |S11| dB
        Map<String, double[]> jac = response.funcJacobian();                        // 8 parameters × 603 outputs
        Map<String, double[]> sens = response.funcSensitivity(SensitivityKind.SEMI_RELATIVE); // dy per 100 % change
        double[] draws = MonteCarlo.funcSamples(response, 7, 2000);                  // priors sampled: [2000 × 603]
        // --- README RF example ends
        int n = LineResonatorModel.POINTS;
        double[] f = LineResonatorModel.frequencies();
        double[] y = response.evaluate();
        int dip = (n - 1) / 2; // 2.5 GHz, near the resonance
        double[] atDip = new double[2000];
        double[] width = new double[n];
        for (int i = 0; i < n; i++) {
            double[] col = new double[2000];
            for (int d = 0; d < 2000; d++) {
                col[d] = draws[d * 3 * n + i];
            }
            Arrays.sort(col);
            width[i] = col[1899] - col[99];
            if (i == dip) {
                atDip = col;
            }
        }
        String top = null;
        for (Map.Entry<String, double[]> e : sens.entrySet()) {
            top = top == null || Math.abs(e.getValue()[dip]) > Math.abs(sens.get(top)[dip]) ? e.getKey() : top;
        }
        int widest = 0;
        for (int i = 1; i < n; i++) {
            widest = width[i] > width[widest] ? i : widest;
        }
        System.out.printf("|S21| %.3f dB at %.3f GHz; 5-95 %% band there %.3f .. %.3f dB; widest band %.3f dB at %.3f GHz;"
                + " top semi-relative sensitivity there: %s %.3f dB; d|S21|/d(resonator_c latent) there %.4g%n",
                y[dip], f[dip], atDip[99], atDip[1899], width[widest], f[widest], top, sens.get(top)[dip],
                jac.get("resonator_c")[dip]);
        assertEquals(8, jac.size(), "every parameter");
        assertEquals(3 * n, jac.get("line_zc").length, "one row per output");
        assertTrue(atDip[99] < y[dip] && y[dip] < atDip[1899], "the band spans the nominal value");
        assertTrue(width[widest] > 0.1, "the draws spread");
    }
}
