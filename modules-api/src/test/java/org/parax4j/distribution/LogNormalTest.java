package org.parax4j.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.random.RandomGeneratorFactory;
import org.junit.jupiter.api.Test;
import org.parax4j.json.Json;

/** LogNormal(0.5, 0.8): hand-computed moments and the normal functions through log x. */
class LogNormalTest {

    private final LogNormal d = new LogNormal(0.5, 0.8);
    private final Normal underlying = new Normal(0.5, 0.8);

    @Test
    void moments() {
        assertEquals(Math.exp(0.5 + 0.32), d.mean(), 1e-15);
        assertEquals((Math.exp(0.64) - 1) * Math.exp(1 + 0.64), d.variance(), 1e-14);
        assertEquals(Math.sqrt((Math.exp(0.64) - 1) * Math.exp(1.64)), d.stddev(), 1e-15);
        assertEquals(Math.exp(0.5), d.median(), 1e-15);
        assertEquals(Math.exp(0.5 - 0.64), d.mode(), 1e-15);
        assertEquals(0.5 + 0.5 + 0.5 * Math.log(2 * Math.PI) + Math.log(0.8), d.entropy(), 1e-15);
    }

    @Test
    void densityAndCdfGoThroughLogX() {
        double x = 2.5;
        assertEquals(underlying.logProb(Math.log(x)) - Math.log(x), d.logProb(x), 1e-15);
        assertEquals(Math.exp(d.logProb(x)), d.prob(x), 1e-16);
        assertEquals(underlying.cdf(Math.log(x)), d.cdf(x), 1e-16);
        assertEquals(underlying.logCdf(Math.log(x)), d.logCdf(x), 1e-16);
        assertEquals(underlying.survival(Math.log(x)), d.survival(x), 1e-16);
        assertEquals(underlying.logSurvival(Math.log(x)), d.logSurvival(x), 1e-16);
        assertEquals(Math.exp(0.5 + 0.8 * 1.959963984540054), d.icdf(0.975), 1e-13);
        assertEquals(Double.NEGATIVE_INFINITY, d.logProb(0));
        assertEquals(Double.NEGATIVE_INFINITY, d.logProb(-1));
        assertEquals(0.0, d.cdf(-1));
        assertEquals(Double.NEGATIVE_INFINITY, d.logCdf(0));
        assertEquals(1.0, d.survival(0));
        assertEquals(0.0, d.logSurvival(0));
        assertEquals(0.0, d.icdf(0));
        assertEquals(Double.POSITIVE_INFINITY, d.icdf(1));
    }

    @Test
    void samplesArePositiveAndReproducible() {
        var r1 = RandomGeneratorFactory.of("L64X128MixRandom").create(3);
        var r2 = RandomGeneratorFactory.of("L64X128MixRandom").create(3);
        assertEquals(Math.exp(0.5 + 0.8 * r2.nextGaussian()), d.sampleOne(r1));
        for (int i = 0; i < 100; i++) {
            assertTrue(d.sampleOne(r1) > 0);
        }
    }

    @Test
    void klDivergenceIsThatOfTheUnderlyingNormals() {
        LogNormal q = new LogNormal(0, 1);
        assertEquals(underlying.klDivergence(new Normal(0, 1)), d.klDivergence(q), 1e-16);
        assertThrows(UnsupportedOperationException.class, () -> d.klDivergence(new Normal(0, 1)));
    }

    @Test
    void badArguments() {
        var e = assertThrows(IllegalArgumentException.class, () -> new LogNormal(0, 0));
        assertEquals("sigma must be finite and > 0, got 0.0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new LogNormal(Double.NaN, 1));
        assertEquals("mu must be finite, got NaN", e.getMessage());
    }

    @Test
    void jsonRoundTrip() {
        String json = Json.write(d);
        assertEquals("{\"type\":\"LogNormal\",\"mu\":0.5,\"sigma\":0.8}", json);
        assertEquals(d, Json.read(json, Distribution.class));
    }
}
