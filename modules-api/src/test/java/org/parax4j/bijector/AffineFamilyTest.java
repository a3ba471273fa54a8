package org.parax4j.bijector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parax4j.bijector.Checks.LN2;
import static org.parax4j.bijector.Checks.consistentAt;

import org.junit.jupiter.api.Test;

/** Identity, Shift, Scale and Affine. */
class AffineFamilyTest {

    @Test
    void identityIsTheIdentity() {
        Identity id = Identity.INSTANCE;
        assertEquals(-2.5, id.forward(-2.5));
        assertEquals(7.0, id.inverse(7.0));
        assertEquals(0.0, id.forwardLogDetJacobian(3));
        assertEquals(0.0, id.inverseLogDetJacobian(3));
        assertEquals(1.0, id.forwardDerivative(3));
        assertTrue(id.isIncreasing());
        assertEquals("Identity", id.name());
        assertEquals(new Identity(), id);
    }

    @Test
    void shiftAddsItsOffset() {
        Shift s = new Shift(1.5);
        assertEquals(3.5, s.forward(2));
        assertEquals(2.0, s.inverse(3.5));
        assertEquals(0.0, s.forwardLogDetJacobian(2));
        assertEquals(0.0, s.inverseLogDetJacobian(2));
        assertEquals(1.0, s.forwardDerivative(2));
        assertTrue(s.isIncreasing());
        assertEquals("Shift(1.5)", s.name());
        assertEquals(1.5, s.shift());
    }

    @Test
    void scaleMultipliesAndMayDecrease() {
        Scale s = new Scale(-2);
        assertEquals(-6.0, s.forward(3));
        assertEquals(3.0, s.inverse(-6));
        assertEquals(LN2, s.forwardLogDetJacobian(3));
        assertEquals(-LN2, s.inverseLogDetJacobian(3));
        assertEquals(-2.0, s.forwardDerivative(3));
        assertFalse(s.isIncreasing());
        assertTrue(new Scale(0.5).isIncreasing());
        assertEquals("Scale(-2.0)", s.name());
        consistentAt(s, 1.25, 1e-15);
    }

    @Test
    void affineIsShiftPlusScaleTimesX() {
        Affine a = new Affine(1, 3);
        assertEquals(7.0, a.forward(2));
        assertEquals(2.0, a.inverse(7));
        assertEquals(Math.log(3), a.forwardLogDetJacobian(-4));
        assertEquals(-Math.log(3), a.inverseLogDetJacobian(-4));
        assertEquals(3.0, a.forwardDerivative(0));
        assertTrue(a.isIncreasing());
        assertFalse(new Affine(1, -3).isIncreasing());
        assertEquals("Affine(1.0, 3.0)", a.name());
        consistentAt(new Affine(-2, -0.25), 0.75, 1e-15);
    }

    @Test
    void invalidCoefficientsAreRejectedWithTheirNameAndValue() {
        assertMessage(() -> new Shift(Double.NaN), "shift must be finite, got NaN");
        assertMessage(() -> new Shift(Double.POSITIVE_INFINITY), "shift must be finite, got Infinity");
        assertMessage(() -> new Scale(0), "scale must be finite and != 0, got 0.0");
        assertMessage(() -> new Scale(-0.0), "scale must be finite and != 0, got -0.0");
        assertMessage(() -> new Scale(Double.NaN), "scale must be finite and != 0, got NaN");
        assertMessage(() -> new Scale(Double.NEGATIVE_INFINITY), "scale must be finite and != 0, got -Infinity");
        assertMessage(() -> new Affine(Double.NaN, 1), "shift must be finite, got NaN");
        assertMessage(() -> new Affine(0, 0), "scale must be finite and != 0, got 0.0");
    }

    static void assertMessage(Runnable r, String message) {
        var e = assertThrows(IllegalArgumentException.class, r::run);
        assertEquals(message, e.getMessage());
    }
}
