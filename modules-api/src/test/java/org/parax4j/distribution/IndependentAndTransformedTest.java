package org.parax4j.distribution;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.random.RandomGeneratorFactory;
import org.junit.jupiter.api.Test;
import org.parax4j.bijector.Affine;
import org.parax4j.bijector.Exp;
import org.parax4j.json.Json;

/** Independent vector forms and Transformed distributions, with the exp map and a decreasing affine map (y = −2x + 1). */
class IndependentAndTransformedTest {

    private final Independent ind = new Independent(List.of(new Normal(0, 1), new Uniform(0, 2), new LogNormal(0, 0.5)));

    @Test
    void independentSumsAndMarginals() {
        double[] x = {0.3, 1.5, 2.0};
        double expected = new Normal(0, 1).logProb(0.3) + new Uniform(0, 2).logProb(1.5) + new LogNormal(0, 0.5).logProb(2.0);
        assertEquals(expected, ind.logProb(x), 1e-15);
        assertEquals(3, ind.dimension());
        assertArrayEquals(new double[] {0, 1, Math.exp(0.125)}, ind.meanVector(), 1e-15);
        assertArrayEquals(new double[] {1, 4.0 / 12, Math.expm1(0.25) * Math.exp(0.25)}, ind.varianceVector(), 1e-15);
        assertEquals(new Normal(0, 1).entropy() + Math.log(2) + new LogNormal(0, 0.5).entropy(), ind.entropy(), 1e-15);
        assertEquals(new Uniform(0, 2), ind.marginal(1));
        assertThrows(IndexOutOfBoundsException.class, () -> ind.marginal(3));
        double[] s = ind.sample(RandomGeneratorFactory.of("L64X128MixRandom").create(1));
        assertTrue(s[1] >= 0 && s[1] <= 2 && s[2] > 0);
        var e = assertThrows(IllegalArgumentException.class, () -> ind.logProb(new double[2]));
        assertEquals("x must have length 3, got 2", e.getMessage());
    }

    @Test
    void iidAndKl() {
        Independent a = Independent.iid(new Normal(1, 2), 3);
        Independent b = Independent.iid(new Normal(0, 1), 3);
        assertEquals(3, a.dimension());
        assertSame(a.marginal(0), a.marginal(2));
        assertEquals(3 * (2 - Math.log(2)), a.klDivergence(b), 1e-14);
        var e = assertThrows(IllegalArgumentException.class, () -> a.klDivergence(Independent.iid(new Normal(0, 1), 2)));
        assertEquals("other must have dimension 3, got 2", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Independent.iid(new Normal(0, 1), 0));
        assertEquals("n must be >= 1, got 0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Independent(List.of()));
        assertEquals("components must hold at least one distribution, got an empty list", e.getMessage());
        assertThrows(UnsupportedOperationException.class, () -> a.klDivergence(new Normal(0, 1)));
    }

    @Test
    void independentJsonRoundTrip() {
        assertEquals(ind, Json.read(Json.write(ind), Distribution.class));
        var e = assertThrows(Json.JsonFormatException.class, () -> Json.read(
                "{\"type\":\"Independent\",\"components\":[{\"type\":\"Normal\",\"mean\":0.0,\"std\":0.0}]}",
                Distribution.class));
        assertTrue(e.getMessage().contains("std must be finite and > 0, got 0.0"), e.getMessage());
    }

    @Test
    void expOfNormalIsLogNormal() {
        Transformed t = new Transformed(new Normal(0.5, 0.8), new Exp());
        LogNormal ln = new LogNormal(0.5, 0.8);
        for (double y : new double[] {0.1, 1, 2.5, 10}) {
            assertEquals(ln.logProb(y), t.logProb(y), 1e-14);
            assertEquals(ln.cdf(y), t.cdf(y), 1e-15);
            assertEquals(ln.logCdf(y), t.logCdf(y), 1e-15);
            assertEquals(ln.survival(y), t.survival(y), 1e-15);
            assertEquals(ln.logSurvival(y), t.logSurvival(y), 1e-15);
        }
        assertEquals(ln.icdf(0.3), t.icdf(0.3), 1e-15);
        assertEquals(ln.median(), t.median(), 1e-15);
        // outside the range of exp: no density, cdf 0
        assertEquals(Double.NEGATIVE_INFINITY, t.logProb(-1));
        assertEquals(0.0, t.cdf(-1));
        assertEquals(1.0, t.survival(0));
        var r1 = RandomGeneratorFactory.of("L64X128MixRandom").create(9);
        var r2 = RandomGeneratorFactory.of("L64X128MixRandom").create(9);
        assertEquals(ln.sampleOne(r1), t.sampleOne(r2), 1e-15);
    }

    @Test
    void decreasingMapFlipsTheTails() {
        Normal base = new Normal(0, 1);
        Transformed t = new Transformed(base, new Affine(1, -2));
        // Y = 1 − 2X ~ Normal(1, 2)
        Normal y = new Normal(1, 2);
        assertEquals(y.logProb(2.2), t.logProb(2.2), 1e-15);
        assertEquals(y.cdf(2.2), t.cdf(2.2), 1e-15);
        assertEquals(y.logCdf(-3), t.logCdf(-3), 1e-14);
        assertEquals(y.survival(2.2), t.survival(2.2), 1e-15);
        assertEquals(y.icdf(0.9), t.icdf(0.9), 1e-14);
        assertEquals(1.0, t.median());
    }

    @Test
    void missingClosedFormsSaySo() {
        Transformed t = new Transformed(new Normal(0, 1), new Exp());
        for (Runnable r : List.<Runnable>of(t::mean, t::variance, t::mode, t::entropy, t::meanVector)) {
            var e = assertThrows(UnsupportedOperationException.class, r::run);
            assertTrue(e.getMessage().startsWith("Transformed distribution has no closed-form"), e.getMessage());
        }
    }

    @Test
    void klWithTheSameBijectorIsTheBaseKl() {
        Transformed p = new Transformed(new Normal(1, 2), new Exp());
        Transformed q = new Transformed(new Normal(0, 1), new Exp());
        assertEquals(2 - Math.log(2), p.klDivergence(q), 1e-15);
        var e = assertThrows(UnsupportedOperationException.class,
                () -> p.klDivergence(new Transformed(new Normal(0, 1), new Affine(1, -2))));
        assertEquals("no closed-form KL divergence from Transformed to Transformed", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Transformed(null, new Exp()));
        assertThrows(IllegalArgumentException.class, () -> new Transformed(new Normal(0, 1), null));
    }
}
