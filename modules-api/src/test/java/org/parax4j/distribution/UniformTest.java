package org.parax4j.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.parax4j.json.Json;

/** Uniform(2, 6): every method against hand-computed values, and its validation. */
class UniformTest {

    private final Uniform u = new Uniform(2, 6);

    @Test
    void densityAndCdf() {
        assertEquals(-Math.log(4), u.logProb(3), 1e-15);
        assertEquals(0.25, u.prob(2), 1e-15);
        assertEquals(Double.NEGATIVE_INFINITY, u.logProb(1.999));
        assertEquals(Double.NEGATIVE_INFINITY, u.logProb(6.001));
        assertEquals(0.25, u.cdf(3));
        assertEquals(0.0, u.cdf(-1));
        assertEquals(1.0, u.cdf(7));
        assertEquals(Math.log(0.25), u.logCdf(3), 1e-15);
        assertEquals(Double.NEGATIVE_INFINITY, u.logCdf(2));
        assertEquals(0.75, u.survival(3));
        assertEquals(Math.log(0.75), u.logSurvival(3), 1e-15);
        assertEquals(5.0, u.icdf(0.75));
        assertEquals(2.0, u.icdf(0));
        assertEquals(6.0, u.icdf(1));
    }

    @Test
    void moments() {
        assertEquals(4.0, u.mean());
        assertEquals(4.0, u.median());
        assertEquals(16.0 / 12, u.variance(), 1e-15);
        assertEquals(Math.sqrt(16.0 / 12), u.stddev(), 1e-15);
        assertEquals(Math.log(4), u.entropy(), 1e-15);
        var e = assertThrows(UnsupportedOperationException.class, u::mode);
        assertTrue(e.getMessage().contains("no unique mode"), e.getMessage());
    }

    @Test
    void samplesStayInTheSupportAndRepeatWithTheSeed() {
        RandomGenerator a = RandomGenerator.of("L64X128MixRandom");
        for (int i = 0; i < 1000; i++) {
            double x = u.sampleOne(a);
            assertTrue(x >= 2 && x <= 6);
        }
        var r1 = java.util.random.RandomGeneratorFactory.of("L64X128MixRandom").create(7);
        var r2 = java.util.random.RandomGeneratorFactory.of("L64X128MixRandom").create(7);
        assertEquals(u.sampleOne(r1), u.sample(r2)[0]);
    }

    @Test
    void klDivergence() {
        assertEquals(Math.log(8.0 / 4), u.klDivergence(new Uniform(0, 8)), 1e-15);
        assertEquals(0.0, u.klDivergence(u));
        assertEquals(Double.POSITIVE_INFINITY, u.klDivergence(new Uniform(3, 8)));
        var e = assertThrows(UnsupportedOperationException.class, () -> u.klDivergence(new Normal(0, 1)));
        assertEquals("no closed-form KL divergence from Uniform to Normal", e.getMessage());
    }

    @Test
    void badArguments() {
        var e = assertThrows(IllegalArgumentException.class, () -> new Uniform(3, 3));
        assertEquals("low must be < high, got low=3.0, high=3.0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Uniform(Double.NaN, 3));
        assertEquals("low must be finite, got NaN", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Uniform(0, Double.POSITIVE_INFINITY));
        assertEquals("high must be finite, got Infinity", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Uniform(-1e308, 1e308));
        assertTrue(e.getMessage().startsWith("high - low must be finite"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> u.icdf(Double.NaN));
        assertEquals("p must be in [0, 1], got NaN", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> u.logProb(new double[2]));
        assertEquals("x must have length 1, got 2", e.getMessage());
    }

    @Test
    void jsonRoundTripAndInvalidJson() {
        Uniform v = new Uniform(-0.1, 0.30000000000000004);
        String json = Json.write(v);
        assertEquals("{\"type\":\"Uniform\",\"low\":-0.1,\"high\":0.30000000000000004}", json);
        assertEquals(v, Json.read(json, Distribution.class));
        var e = assertThrows(Json.JsonFormatException.class,
                () -> Json.read("{\"type\":\"Uniform\",\"low\":5.0,\"high\":1.0}", Distribution.class));
        assertTrue(e.getMessage().contains("low must be < high, got low=5.0, high=1.0"), e.getMessage());
    }
}
