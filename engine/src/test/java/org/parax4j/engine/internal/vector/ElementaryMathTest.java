package org.parax4j.engine.internal.vector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link ElementaryMath} against {@link Math}'s sin and log1p. */
class ElementaryMathTest {

    @Test
    void sinPiMatchesMathSinWithinTwoUlpsOfOne() {
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 1_000_000; i++) {
            double u = i % 2 == 0 ? random.nextDouble(-0.5, 0.5) : random.nextDouble(-1e3, 1e3);
            double f = u - Math.rint(u);
            double expected = Math.sin(Math.PI * f);
            double actual = ElementaryMath.sinPi(u);
            assertTrue(Math.abs(actual - expected) <= 2 * Math.ulp(Math.max(Math.abs(expected), 0x1p-1022)) + 2 * Math.ulp(1.0) * Math.abs(expected),
                    () -> "sinPi(" + u + "): " + actual + " vs " + expected);
        }
        assertEquals(0.0, ElementaryMath.sinPi(3.0));
        assertEquals(1.0, ElementaryMath.sinPi(0.5), 1e-16);
        assertEquals(0.0, ElementaryMath.sinPi(0x1p60));
    }

    @Test
    void log1pIsWithinAFewUlps() {
        SplittableRandom random = new SplittableRandom(4);
        for (int i = 0; i < 1_000_000; i++) {
            double z = switch (i % 3) {
                case 0 -> random.nextDouble(0, 1e-6);
                case 1 -> random.nextDouble(-0.9, 10);
                default -> Math.exp(random.nextDouble(-30, 600));
            };
            double expected = Math.log1p(z);
            double actual = ElementaryMath.log1p(z);
            assertTrue(Math.abs(actual - expected) <= 3 * Math.ulp(expected), () -> "log1p(" + z + "): " + actual + " vs " + expected);
        }
        assertEquals(0.0, ElementaryMath.log1p(0.0));
    }
}
