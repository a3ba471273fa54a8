package org.parax4j.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.random.RandomGeneratorFactory;
import org.junit.jupiter.api.Test;
import org.parax4j.json.Json;

/** Normal: known values, hand-computed moments, KL and validation. */
class NormalTest {

    private final Normal std = new Normal(0, 1);
    private final Normal n = new Normal(1, 2);

    @Test
    void knownValuesOfTheStandardNormal() {
        assertEquals(0.9750021048517795, std.cdf(1.96), 1e-16);
        assertEquals(1.959963984540054, std.icdf(0.975), 2e-15);
        assertEquals(0.024997895148220435, std.survival(1.96), 1e-17);
        assertEquals(-804.6084420137538, std.logCdf(-40), 1e-12);
        assertEquals(-804.6084420137538, std.logSurvival(40), 1e-12);
        assertEquals(Math.log(0.9750021048517795), std.logCdf(1.96), 1e-16);
        assertEquals(-0.5 * Math.log(2 * Math.PI), std.logProb(0), 1e-15);
        assertEquals(1 / Math.sqrt(2 * Math.PI), std.prob(0), 1e-16);
    }

    @Test
    void locationAndScale() {
        // x = 5 is z = 2 for Normal(1, 2)
        assertEquals(-2 - Math.log(2) - 0.5 * Math.log(2 * Math.PI), n.logProb(5), 1e-15);
        assertEquals(std.cdf(2), n.cdf(5), 1e-16);
        assertEquals(std.logCdf(2), n.logCdf(5), 1e-16);
        assertEquals(std.survival(2), n.survival(5), 1e-16);
        assertEquals(1 + 2 * 1.959963984540054, n.icdf(0.975), 1e-14);
        assertEquals(Double.NEGATIVE_INFINITY, n.icdf(0));
        assertEquals(Double.POSITIVE_INFINITY, n.icdf(1));
        assertEquals(1.0, n.mean());
        assertEquals(1.0, n.median());
        assertEquals(1.0, n.mode());
        assertEquals(4.0, n.variance());
        assertEquals(2.0, n.stddev());
        assertEquals(0.5 * Math.log(2 * Math.PI * Math.E * 4), n.entropy(), 1e-15);
        assertEquals(1.0, n.meanVector()[0]);
        assertEquals(4.0, n.varianceVector()[0]);
    }

    @Test
    void samplingIsReproducibleAndCentred() {
        var rng = RandomGeneratorFactory.of("L64X128MixRandom").create(11);
        var rng2 = RandomGeneratorFactory.of("L64X128MixRandom").create(11);
        assertEquals(1 + 2 * rng2.nextGaussian(), n.sampleOne(rng));
        double sum = 0;
        int count = 20000;
        for (int i = 0; i < count; i++) {
            sum += n.sampleOne(rng);
        }
        assertEquals(1.0, sum / count, 5 * 2 / Math.sqrt(count));
    }

    @Test
    void klDivergence() {
        // KL(N(1,2) ‖ N(0,1)) = log(1/2) + (4 + 1)/2 − 1/2 = 2 − log 2
        assertEquals(2 - Math.log(2), n.klDivergence(std), 1e-15);
        assertEquals(0.0, n.klDivergence(n), 1e-16);
        var e = assertThrows(UnsupportedOperationException.class, () -> n.klDivergence(new Uniform(0, 1)));
        assertEquals("no closed-form KL divergence from Normal to Uniform", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> n.klDivergence(null));
    }

    @Test
    void badArguments() {
        var e = assertThrows(IllegalArgumentException.class, () -> new Normal(0, 0));
        assertEquals("std must be finite and > 0, got 0.0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Normal(0, -1));
        assertEquals("std must be finite and > 0, got -1.0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Normal(Double.NaN, 1));
        assertEquals("mean must be finite, got NaN", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Normal(0, Double.NaN));
        assertEquals("std must be finite and > 0, got NaN", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> n.icdf(-0.1));
        assertEquals("p must be in [0, 1], got -0.1", e.getMessage());
    }

    @Test
    void jsonRoundTripIsBitExact() {
        Normal v = new Normal(Math.PI, Math.ulp(1.0));
        String json = Json.write(v);
        assertEquals(v, Json.read(json, Distribution.class));
        assertEquals(v, Json.read(json, Normal.class));
        var e = assertThrows(Json.JsonFormatException.class,
                () -> Json.read("{\"type\":\"Normal\",\"mean\":0.0,\"std\":-2.0}", Distribution.class));
        assertTrue(e.getMessage().contains("std must be finite and > 0, got -2.0"), e.getMessage());
    }
}
