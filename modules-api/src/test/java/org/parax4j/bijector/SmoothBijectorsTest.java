package org.parax4j.bijector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parax4j.bijector.Checks.LN2;
import static org.parax4j.bijector.Checks.close;
import static org.parax4j.bijector.Checks.consistentAt;
import static org.parax4j.bijector.Checks.relClose;

import org.junit.jupiter.api.Test;

/** Softplus, Sigmoid and Tanh, including their tails. */
class SmoothBijectorsTest {

    private static final double[] POINTS = {-700, -40, -5, -0.3, 0, 0.3, 5, 40, 700};

    @Test
    void softplusKnownValues() {
        Softplus s = Softplus.INSTANCE;
        close(LN2, s.forward(0), 1e-16, "softplus(0)");
        relClose(Math.exp(-50), s.forward(-50), 1e-15, "softplus(-50)");
        assertEquals(1000.0, s.forward(1000));
        close(0, s.inverse(LN2), 1e-16, "inverse(ln 2)");
        close(-LN2, s.forwardLogDetJacobian(0), 1e-16, "log-det at 0");
        close(LN2, s.inverseLogDetJacobian(LN2), 1e-15, "inverse log-det at ln 2");
        assertEquals(0.5, s.forwardDerivative(0));
        close(-800, s.forwardLogDetJacobian(-800), 1e-15, "log sigmoid(-800)");
        relClose(Math.log(1e-300), s.inverse(1e-300), 1e-15, "inverse in the lower tail");
        assertEquals("Softplus", s.name());
        assertTrue(s.isIncreasing());
    }

    @Test
    void softplusInverseRecoversThirty() {
        Softplus s = Softplus.INSTANCE;
        relClose(30, s.inverse(s.forward(30)), 1e-15, "inverse(forward(30))");
        relClose(0.75, s.inverse(s.forward(0.75)), 1e-15, "inverse(forward(0.75))");
        for (double x : POINTS) {
            consistentAt(s, x, 1e-14);
        }
    }

    @Test
    void softplusInverseOutsideTheRange() {
        assertEquals(Double.NEGATIVE_INFINITY, Softplus.INSTANCE.inverse(0));
        assertTrue(Double.isNaN(Softplus.INSTANCE.inverse(-0.5)));
        assertTrue(Double.isNaN(Softplus.INSTANCE.inverseLogDetJacobian(-0.5)));
        assertEquals(0.0, Softplus.INSTANCE.rangeLower());
    }

    @Test
    void sigmoidKnownValuesAndTails() {
        Sigmoid s = Sigmoid.INSTANCE;
        assertEquals(0.5, s.forward(0));
        assertEquals(0.0, s.inverse(0.5));
        close(-2 * LN2, s.forwardLogDetJacobian(0), 1e-16, "log-det at 0");
        close(2 * LN2, s.inverseLogDetJacobian(0.5), 1e-16, "inverse log-det at 0.5");
        assertEquals(0.25, s.forwardDerivative(0));
        double e40 = Math.exp(-40);
        relClose(e40 / (1 + e40), s.forward(-40), 1e-15, "sigmoid(-40)");
        assertEquals(1.0, s.forward(40));
        relClose(-40, s.inverse(s.forward(-40)), 1e-15, "logit(sigmoid(-40))");
        relClose(-40, s.forwardLogDetJacobian(40), 1e-15, "log-det at 40");
        relClose(-40, s.forwardLogDetJacobian(-40), 1e-15, "log-det at -40");
        relClose(e40, s.forwardDerivative(40), 1e-15, "derivative at 40");
        relClose(e40, s.forwardDerivative(-40), 1e-15, "derivative at -40");
        assertEquals("Sigmoid", s.name());
        for (double x : new double[] {-30, -5, -0.3, 0, 0.3, 5}) {
            consistentAt(s, x, 1e-14);
        }
    }

    @Test
    void sigmoidInverseOutsideTheRange() {
        Sigmoid s = Sigmoid.INSTANCE;
        assertEquals(Double.NEGATIVE_INFINITY, s.inverse(0));
        assertEquals(Double.POSITIVE_INFINITY, s.inverse(1));
        assertTrue(Double.isNaN(s.inverse(1.5)));
        assertTrue(Double.isNaN(s.inverse(-0.1)));
        assertEquals(0.0, s.rangeLower());
        assertEquals(1.0, s.rangeUpper());
    }

    @Test
    void tanhKnownValuesAndTails() {
        Tanh t = Tanh.INSTANCE;
        assertEquals(0.0, t.forward(0));
        close(0.5 * Math.log(3), t.inverse(0.5), 2.3e-16, "atanh(0.5)");
        assertEquals(0.0, t.forwardLogDetJacobian(0));
        close(-2 * Math.log(Math.cosh(1)), t.forwardLogDetJacobian(1), 1e-15, "log sech²(1)");
        close(-2 * Math.log(Math.cosh(1)), t.forwardLogDetJacobian(-1), 1e-15, "log sech²(-1)");
        close(-Math.log(0.75), t.inverseLogDetJacobian(0.5), 1e-15, "inverse log-det at 0.5");
        assertEquals(1.0, t.forwardDerivative(0));
        relClose(2 * LN2 - 60, t.forwardLogDetJacobian(30), 1e-15, "log-det at 30");
        relClose(4 * Math.exp(-60), t.forwardDerivative(-30), 1e-14, "derivative at -30");
        assertEquals("Tanh", t.name());
        // beyond |x| ≈ 5, 1 - |tanh x| is no longer resolved by a double and atanh cannot recover x
        for (double x : new double[] {-5, -2, -0.3, 0, 0.3, 2, 5}) {
            consistentAt(t, x, 1e-12);
        }
    }

    @Test
    void tanhInverseOutsideTheRange() {
        Tanh t = Tanh.INSTANCE;
        assertEquals(Double.POSITIVE_INFINITY, t.inverse(1));
        assertEquals(Double.NEGATIVE_INFINITY, t.inverse(-1));
        assertTrue(Double.isNaN(t.inverse(2)));
        assertEquals(-1.0, t.rangeLower());
        assertEquals(1.0, t.rangeUpper());
    }
}
