package org.parax4j.engine.internal.special;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The incomplete beta function and its inverse against closed forms and SciPy's {@code beta.cdf/ppf}. */
class SpecialFunctionsTest {

    @Test
    void betaCdfAndQuantileMatchClosedFormsAndScipy() {
        for (double p : new double[] {0.01, 0.1586553, 0.5, 0.8413447, 0.99}) {
            assertEquals(p, SpecialFunctions.inverseRegularizedBeta(p, 1, 1), 1e-15, "uniform at " + p);
            assertEquals(Math.sqrt(p), SpecialFunctions.inverseRegularizedBeta(p, 2, 1), 1e-14, "Beta(2, 1) at " + p);
            assertEquals(1 - Math.pow(1 - p, 1 / 3.0), SpecialFunctions.inverseRegularizedBeta(p, 1, 3), 1e-14,
                    "Beta(1, 3) at " + p);
        }
        // scipy.stats.beta.ppf / cdf (SciPy 1.17)
        assertEquals(0.04299044458054707, SpecialFunctions.inverseRegularizedBeta(0.1586553, 36, 666), 1e-13);
        assertEquals(0.5176446100511289, SpecialFunctions.inverseRegularizedBeta(0.8413447, 401.5, 401.5), 1e-13);
        assertEquals(0.7097758912148804, SpecialFunctions.inverseRegularizedBeta(0.3, 2.5, 0.7), 1e-13);
        assertEquals(0.1139834594466688, SpecialFunctions.regularizedBeta(0.5, 2.5, 0.7), 1e-14);
        // large shapes: the front factor's ln Γ differences (≈ 550 each) carry a few 1e-13 of rounding
        assertEquals(0.5, SpecialFunctions.regularizedBeta(0.5, 401.5, 401.5), 1e-12);
        assertEquals(Math.log(24), SpecialFunctions.lnGamma(5), 1e-13);
    }

    @Test
    void invalidArgumentsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> SpecialFunctions.regularizedBeta(1.5, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> SpecialFunctions.regularizedBeta(0.5, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> SpecialFunctions.inverseRegularizedBeta(-0.1, 1, 1));
    }
}
