package org.parax4j.engine.readme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.parax4j.engine.examples.ReferenceModel;
import org.parax4j.engine.fit.FitResult;
import org.parax4j.engine.fit.LeastSquares;
import org.parax4j.engine.graph.ModelFunction;
import org.parax4j.module.Select;

/** The README's fitting example, kept compiling and true. */
class FittingReadmeExampleTest {

    @Test
    void readmeFittingExample() {
        double[] measuredDb = ReferenceModel.function(ReferenceModel.create()).evaluate();
        Random noise = new Random(42);
        for (int i = 0; i < measuredDb.length; i++) {
            measuredDb[i] += 0.1 * noise.nextGaussian();
        }
        // --- README fitting example starts
        ReferenceModel start = ReferenceModel.create()
                .withFreeParamsOnly(Select.names("resonator_gain", "resonator_f0", "resonator_q"))
                .withParams(Map.of("resonator_gain", 1.08, "resonator_f0", 2.42));
        ModelFunction<ReferenceModel> f = ReferenceModel.function(start);    // recorded once
        FitResult<ReferenceModel> fit = LeastSquares.of(f, measuredDb).fit(); // LM, exact dual Jacobian
        ReferenceModel fitted = fit.module();                                 // typed
        double f0 = fit.parameter("resonator_f0").value();                    // ± .standardError()
        String report = fit.report();                                         // lmfit-style; reportMarkdown()
        ReferenceModel uncertain = fit.withFitUncertainty();                  // joint MVN group for Monte Carlo
        // --- README fitting example ends
        assertTrue(fit.converged(), report);
        double se = fit.parameter("resonator_f0").standardError();
        assertEquals(2.4, f0, 4 * se, report);
        assertEquals(f0, fitted.resonator().f0().value()[0], 0);
        assertTrue(report.contains("[[Variables]]") && report.contains("resonator_f0:"), report);
        assertEquals(1, uncertain.paramGroups(false, true).size(), uncertain.paramGroups().toString());
    }
}
