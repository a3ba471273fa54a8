package org.parax4j.bijector;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parax4j.bijector.Checks.close;
import static org.parax4j.bijector.Checks.consistentAt;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The interface's default and static methods: mapInterval, composition, positive, interval. */
class BijectorDefaultsTest {

    private static final double INF = Double.POSITIVE_INFINITY;

    @Test
    void mapIntervalMapsEndsAndSwapsForDecreasingMaps() {
        assertArrayEquals(new double[] {1, Math.E}, Exp.INSTANCE.mapInterval(0, 1));
        assertArrayEquals(new double[] {-6, 2}, new Scale(-2).mapInterval(-1, 3));
        assertArrayEquals(new double[] {0, INF}, Exp.INSTANCE.mapInterval(-INF, INF));
        assertArrayEquals(new double[] {0, 1}, Sigmoid.INSTANCE.mapInterval(-INF, INF));
        assertArrayEquals(new double[] {3, 3}, new Shift(1).mapInterval(2, 2));
    }

    @Test
    void mapIntervalClipsToTheDomain() {
        assertArrayEquals(new double[] {-INF, 0}, Log.INSTANCE.mapInterval(-5, 1));
        assertArrayEquals(new double[] {-INF, INF}, Log.INSTANCE.mapInterval(-INF, INF));
    }

    @Test
    void mapIntervalRejectsBadIntervals() {
        var reversed = assertThrows(IllegalArgumentException.class, () -> Exp.INSTANCE.mapInterval(2, 1));
        assertEquals("interval must have lo <= hi (neither NaN), got lo = 2.0, hi = 1.0", reversed.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Exp.INSTANCE.mapInterval(Double.NaN, 1));
        assertThrows(IllegalArgumentException.class, () -> Exp.INSTANCE.mapInterval(0, Double.NaN));
        var outside = assertThrows(IllegalArgumentException.class, () -> Log.INSTANCE.mapInterval(-5, -1));
        assertTrue(outside.getMessage().contains("[-5.0, -1.0]") && outside.getMessage().contains("Log"),
                outside.getMessage());
    }

    @Test
    void andThenAppliesTheOuterLastAndFlattens() {
        Chain c = Exp.INSTANCE.andThen(new Shift(1)); // exp(x) + 1
        assertEquals(Math.E + 1, c.forward(1));
        assertEquals(List.of(Exp.INSTANCE, new Shift(1)), c.bijectors());
        Chain d = c.andThen(Chain.of(new Scale(2), Log.INSTANCE));
        assertEquals(List.of(Exp.INSTANCE, new Shift(1), new Scale(2), Log.INSTANCE), d.bijectors());
        assertThrows(IllegalArgumentException.class, () -> Exp.INSTANCE.andThen(null));
    }

    @Test
    void composeAppliesTheInnerFirst() {
        Chain c = Exp.INSTANCE.compose(new Shift(1)); // exp(x + 1)
        assertEquals(Math.exp(2), c.forward(1));
        assertEquals(new Shift(1).andThen(Exp.INSTANCE), c);
        var e = assertThrows(IllegalArgumentException.class, () -> Exp.INSTANCE.compose(null));
        assertEquals("inner bijector must not be null", e.getMessage());
    }

    @Test
    void positiveIsSoftplus() {
        assertSame(Softplus.INSTANCE, Bijector.positive());
        assertEquals(0.0, Bijector.positive().rangeLower());
    }

    @Test
    void intervalIsAScaledSigmoid() {
        Bijector b = Bijector.interval(2, 5);
        assertEquals(3.5, b.forward(0));
        assertEquals(0.0, b.inverse(3.5));
        close(Math.log(3 * 0.25), b.forwardLogDetJacobian(0), 1e-15, "log-det at 0");
        assertEquals(0.75, b.forwardDerivative(0));
        assertEquals(2.0, b.rangeLower());
        assertEquals(5.0, b.rangeUpper());
        assertArrayEquals(new double[] {2, 5}, b.mapInterval(-INF, INF));
        assertTrue(Double.isNaN(b.inverse(6)));
        assertEquals(Double.NEGATIVE_INFINITY, b.inverse(2));
        assertEquals("Chain(Sigmoid, Affine(2.0, 3.0))", b.name());
        consistentAt(b, 1.3, 1e-14);
    }

    @Test
    void intervalRejectsBadBounds() {
        var e = assertThrows(IllegalArgumentException.class, () -> Bijector.interval(5, 2));
        assertEquals("interval needs finite lo < hi, got lo = 5.0, hi = 2.0", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Bijector.interval(1, 1));
        assertThrows(IllegalArgumentException.class, () -> Bijector.interval(Double.NaN, 1));
        assertThrows(IllegalArgumentException.class, () -> Bijector.interval(0, INF));
        var wide = assertThrows(IllegalArgumentException.class,
                () -> Bijector.interval(-Double.MAX_VALUE, Double.MAX_VALUE));
        assertTrue(wide.getMessage().startsWith("interval width hi - lo must be finite"), wide.getMessage());
    }
}
