package org.parax4j.bijector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parax4j.bijector.Checks.LN2;
import static org.parax4j.bijector.Checks.close;
import static org.parax4j.bijector.Checks.consistentAt;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Chain and Inverse. */
class ChainInverseTest {

    @Test
    void chainAppliesItsMembersInListOrder() {
        Chain c = Chain.of(new Shift(1), Exp.INSTANCE, new Scale(3)); // 3 * exp(x + 1)
        assertEquals(3 * Math.exp(3), c.forward(2));
        close(2, c.inverse(3 * Math.exp(3)), 1e-15, "inverse");
        close(3 + Math.log(3), c.forwardLogDetJacobian(2), 1e-15, "log-det");
        close(-(3 + Math.log(3)), c.inverseLogDetJacobian(3 * Math.exp(3)), 1e-15, "inverse log-det");
        close(3 * Math.exp(3), c.forwardDerivative(2), 1e-15, "derivative");
        assertTrue(c.isIncreasing());
        assertEquals("Chain(Shift(1.0), Exp, Scale(3.0))", c.name());
        assertEquals(List.of(new Shift(1), Exp.INSTANCE, new Scale(3)), c.bijectors());
        consistentAt(c, -0.7, 1e-15);
    }

    @Test
    void chainMonotonicityCountsDecreasingMembers() {
        assertFalse(Chain.of(new Scale(-1), Exp.INSTANCE).isIncreasing());
        assertTrue(Chain.of(new Scale(-1), Exp.INSTANCE, new Affine(0, -2)).isIncreasing());
        consistentAt(Chain.of(new Scale(-1), Exp.INSTANCE), 0.4, 1e-15);
    }

    @Test
    void chainDomainIsPulledBackThroughItsMembers() {
        Chain c = Chain.of(new Shift(-1), Log.INSTANCE); // log(x - 1): domain (1, ∞)
        assertEquals(1.0, c.domainLower());
        assertEquals(Double.POSITIVE_INFINITY, c.domainUpper());
        assertEquals(Double.NEGATIVE_INFINITY, c.rangeLower());
        Chain d = Chain.of(new Scale(-1), Log.INSTANCE); // log(-x): domain (-∞, 0)
        assertEquals(Double.NEGATIVE_INFINITY, d.domainLower());
        assertEquals(0.0, d.domainUpper(), 0.0); // -0.0 from 0 / -1 is fine
        Chain s = Chain.of(Sigmoid.INSTANCE, new Scale(-2)); // range (-2, 0)
        assertEquals(-2.0, s.rangeLower());
        assertEquals(0.0, s.rangeUpper(), 0.0);
    }

    @Test
    void chainInverseOutsideTheRangeIsNaNOrInfinite() {
        Chain c = Chain.of(Sigmoid.INSTANCE, new Affine(2, 3));
        assertTrue(Double.isNaN(c.inverse(6)));
        assertEquals(Double.POSITIVE_INFINITY, c.inverse(5));
    }

    @Test
    void badChainsAreRejected() {
        var empty = assertThrows(IllegalArgumentException.class, () -> new Chain(List.of()));
        assertTrue(empty.getMessage().startsWith("bijectors must be a non-empty list"), empty.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Chain(null));
        var nul = assertThrows(IllegalArgumentException.class,
                () -> new Chain(Arrays.asList(Exp.INSTANCE, null)));
        assertEquals("bijectors[1] must not be null", nul.getMessage());
        var disjoint = assertThrows(IllegalArgumentException.class,
                () -> Chain.of(Exp.INSTANCE, new Scale(-1), Log.INSTANCE));
        assertTrue(disjoint.getMessage().contains("empty domain")
                && disjoint.getMessage().contains("Chain(Exp, Scale(-1.0), Log)"), disjoint.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Chain.of((Bijector[]) null));
    }

    @Test
    void chainCopiesItsList() {
        List<Bijector> list = new ArrayList<>(List.of(Exp.INSTANCE));
        Chain c = new Chain(list);
        list.add(new Shift(1));
        assertEquals(1, c.bijectors().size());
        assertThrows(UnsupportedOperationException.class, () -> c.bijectors().add(Log.INSTANCE));
    }

    @Test
    void inverseSwapsEverything() {
        Inverse i = new Inverse(Exp.INSTANCE); // log
        assertEquals(1.0, i.forward(Math.E));
        assertEquals(Math.E, i.inverse(1));
        assertEquals(-LN2, i.forwardLogDetJacobian(2));
        assertEquals(3.0, i.inverseLogDetJacobian(3));
        assertEquals(0.25, i.forwardDerivative(4));
        assertTrue(i.isIncreasing());
        assertEquals(0.0, i.domainLower());
        assertEquals(Double.POSITIVE_INFINITY, i.domainUpper());
        assertEquals(Double.NEGATIVE_INFINITY, i.rangeLower());
        assertEquals(Double.POSITIVE_INFINITY, i.rangeUpper());
        assertEquals("Inverse(Exp)", i.name());
        assertSame(Exp.INSTANCE, i.inverted());
        assertEquals(new Inverse(Softplus.INSTANCE), Softplus.INSTANCE.inverted());
        consistentAt(i, 0.3, 1e-15);
        consistentAt(new Inverse(new Scale(-4)), 0.3, 1e-15);
        assertFalse(new Inverse(new Scale(-4)).isIncreasing());
        consistentAt(new Inverse(Sigmoid.INSTANCE), 0.9, 1e-14);
        assertTrue(Double.isNaN(i.forward(-1)));
    }

    @Test
    void inverseOfNullIsRejected() {
        var e = assertThrows(IllegalArgumentException.class, () -> new Inverse(null));
        assertEquals("bijector must not be null", e.getMessage());
    }
}
