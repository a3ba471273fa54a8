package org.parax4j.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.random.RandomGeneratorFactory;
import org.junit.jupiter.api.Test;
import org.parax4j.json.Json;

/** TruncatedNormal against mpmath (60 digits) in the body and far in the tail. */
class TruncatedNormalTest {

    private final TruncatedNormal body = new TruncatedNormal(1, 2, -1, 4);
    private final TruncatedNormal farTail = new TruncatedNormal(0, 1, 40, 41);

    @Test
    void bodyAgainstMpmath() {
        assertEquals(1.2903748943050523463, body.mean(), 1e-15);
        assertEquals(1.6627400246295574792, body.variance(), 1e-14);
        assertEquals(1.5749787701262734659, body.entropy(), 1e-15);
        assertEquals(0.68790365414804204679, body.cdf(2), 1e-15);
        assertEquals(1 - 0.68790365414804204679, body.survival(2), 1e-15);
        assertEquals(Math.log(0.68790365414804204679), body.logCdf(2), 1e-15);
        assertEquals(Math.log1p(-0.68790365414804204679), body.logSurvival(2), 1e-15);
        assertEquals(-1.4815965696422449908, body.logProb(2), 1e-15);
        assertEquals(0.44665876354209563924, body.icdf(0.3), 1e-14);
        assertEquals(body.icdf(0.5), body.median());
        assertEquals(1.0, body.mode());
        assertEquals(-1.0, new TruncatedNormal(-5, 1, -1, 4).mode());
    }

    @Test
    void boundsAndSupport() {
        assertEquals(Double.NEGATIVE_INFINITY, body.logProb(-1.5));
        assertEquals(Double.NEGATIVE_INFINITY, body.logProb(4.5));
        assertEquals(0.0, body.cdf(-1));
        assertEquals(1.0, body.cdf(4));
        assertEquals(-1.0, body.icdf(0));
        assertEquals(4.0, body.icdf(1));
        assertEquals(0.0, body.logSurvival(-3));
        assertEquals(Double.NEGATIVE_INFINITY, body.logSurvival(4));
    }

    /** Masses at 40σ are ~1e-350: work in logs; absolute log errors of ~ulp(800) give ~1e-13 relative. */
    @Test
    void farTailKeepsItsAccuracy() {
        assertEquals(40.024968847207263721, farTail.mean(), 40 * 1e-13);
        assertEquals(0.00062266837859138626264, farTail.variance(), 0.00062266837859138626264 * 1e-9);
        assertEquals(-2.6901265364038410643, farTail.entropy(), 1e-12);
        assertEquals(0.32988079019633785126, farTail.cdf(40.01), 1e-13);
        assertEquals(-16.435496519450884573, farTail.logProb(40.5), 1e-12);
        assertEquals(40.017314126764651106, farTail.median(), 1e-13);
        // the mirror image lies in the lower tail
        TruncatedNormal lower = new TruncatedNormal(0, 1, -41, -40);
        assertEquals(-40.024968847207263721, lower.mean(), 40 * 1e-13);
        assertEquals(1 - 0.32988079019633785126, lower.cdf(-40.01), 1e-13);
        assertEquals(-40.017314126764651106, lower.median(), 1e-13);
    }

    @Test
    void halfNormalHasKnownMoments() {
        TruncatedNormal half = new TruncatedNormal(0, 1, 0, Double.POSITIVE_INFINITY);
        assertEquals(Math.sqrt(2 / Math.PI), half.mean(), 1e-15);
        assertEquals(1 - 2 / Math.PI, half.variance(), 1e-15);
        assertEquals(0.5 * Math.log(Math.PI * Math.E / 2), half.entropy(), 1e-15);
        assertEquals(2 * new Normal(0, 1).prob(0.7), half.prob(0.7), 1e-15);
        assertEquals(0.6744897501960817, half.icdf(0.5), 1e-14);
    }

    @Test
    void samplesStayInsideEvenFarInTheTail() {
        var rng = RandomGeneratorFactory.of("L64X128MixRandom").create(5);
        double sum = 0;
        for (int i = 0; i < 2000; i++) {
            double x = farTail.sampleOne(rng);
            assertTrue(x >= 40 && x <= 41, "draw " + x);
            sum += x;
        }
        assertEquals(farTail.mean(), sum / 2000, 5 * farTail.stddev() / Math.sqrt(2000));
    }

    @Test
    void badArguments() {
        var e = assertThrows(IllegalArgumentException.class, () -> new TruncatedNormal(0, 1, 2, 1));
        assertEquals("low must be < high, got low=2.0, high=1.0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new TruncatedNormal(0, -1, 0, 1));
        assertEquals("sigma must be finite and > 0, got -1.0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new TruncatedNormal(0, 1, Double.NaN, 1));
        assertEquals("low must not be NaN, got NaN", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new TruncatedNormal(Double.NaN, 1, 0, 1));
        assertEquals("mu must be finite, got NaN", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new TruncatedNormal(0, 1e-300, 1, 2));
        assertTrue(e.getMessage().startsWith("[low, high] must have positive probability"), e.getMessage());
    }

    @Test
    void jsonRoundTripWithInfiniteBound() {
        TruncatedNormal v = new TruncatedNormal(0.1, 2, Double.NEGATIVE_INFINITY, 3);
        assertEquals(v, Json.read(Json.write(v), Distribution.class));
    }
}
