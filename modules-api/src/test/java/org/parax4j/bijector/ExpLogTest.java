package org.parax4j.bijector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parax4j.bijector.Checks.LN2;
import static org.parax4j.bijector.Checks.consistentAt;

import org.junit.jupiter.api.Test;

/** Exp and Log. */
class ExpLogTest {

    @Test
    void expKnownValues() {
        Exp e = Exp.INSTANCE;
        assertEquals(Math.E, e.forward(1));
        assertEquals(1.0, e.inverse(Math.E));
        assertEquals(2.0, e.forwardLogDetJacobian(2));
        assertEquals(-1.0, e.inverseLogDetJacobian(Math.E));
        assertEquals(1.0, e.forwardDerivative(0));
        assertEquals(Math.E, e.forwardDerivative(1));
        assertTrue(e.isIncreasing());
        assertEquals("Exp", e.name());
        for (double x : new double[] {-700, -3, 0, 0.5, 700}) {
            consistentAt(e, x, 1e-15);
        }
    }

    @Test
    void expInverseOutsideTheRangeIsNaNOrInfinite() {
        assertTrue(Double.isNaN(Exp.INSTANCE.inverse(-1)));
        assertEquals(Double.NEGATIVE_INFINITY, Exp.INSTANCE.inverse(0));
        assertEquals(0.0, Exp.INSTANCE.rangeLower());
        assertEquals(Double.POSITIVE_INFINITY, Exp.INSTANCE.rangeUpper());
    }

    @Test
    void logKnownValues() {
        Log l = Log.INSTANCE;
        assertEquals(1.0, l.forward(Math.E));
        assertEquals(1.0, l.inverse(0));
        assertEquals(-LN2, l.forwardLogDetJacobian(2));
        assertEquals(3.0, l.inverseLogDetJacobian(3));
        assertEquals(0.25, l.forwardDerivative(4));
        assertTrue(l.isIncreasing());
        assertEquals("Log", l.name());
        // exp(log(x)) carries a relative error of about |log x| ulp: conditioning, not rounding
        for (double x : new double[] {1e-300, 0.01, 1, 1e300}) {
            consistentAt(l, x, 1e-13);
        }
    }

    @Test
    void logDomainIsThePositiveHalfLine() {
        Log l = Log.INSTANCE;
        assertEquals(0.0, l.domainLower());
        assertEquals(Double.POSITIVE_INFINITY, l.domainUpper());
        assertEquals(Double.NEGATIVE_INFINITY, l.rangeLower());
        assertEquals(Double.POSITIVE_INFINITY, l.rangeUpper());
        assertTrue(Double.isNaN(l.forward(-1)));
    }
}
