package org.parax4j.engine.internal.random;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The hand-written elementary functions against the JDK's, over their whole domains of use. */
class ElementaryTest {

    @Test
    void logIsWithinFourUlps() {
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < 200_000; i++) {
            double x = i < 100_000 ? random.nextDouble() + 0x1.0p-53 : Math.scalb(1 + random.nextDouble(), random.nextInt(-1022, 1000));
            assertUlps(Math.log(x), Elementary.log(x), 4, "log " + x);
        }
        for (double x : new double[] {Double.MIN_NORMAL, 0x1.0p-53, 0.5, Math.sqrt(0.5), Math.sqrt(2), 1, Math.nextDown(1.0)}) {
            assertUlps(Math.log(x), Elementary.log(x), 4, "log " + x);
        }
        assertEquals(0.0, Elementary.log(1.0));
    }

    @Test
    void sinAndCosOfRandomBitsMatchTheJdkAtTheSameAngle() {
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 200_000; i++) {
            long k = random.nextLong() >>> 11;
            // The angle the bits stand for: quadrant·π/2 + π/4 + θ, θ = (frac·2⁻⁵¹ − ½)·π/2.
            double angle = (k >>> 51) * (Math.PI / 2) + Math.PI / 4
                    + (((k & Elementary.FRACTION_51) * 0x1.0p-51) - 0.5) * (Math.PI / 2);
            assertEquals(Math.cos(angle), Elementary.cosOfBits(k), 1e-15, "cos of " + k);
            assertEquals(Math.sin(angle), Elementary.sinOfBits(k), 1e-15, "sin of " + k);
        }
        assertEquals(1.0, Elementary.cosOfBits(0), 2e-16);
        assertEquals(0.0, Elementary.sinOfBits(0), 2e-16);
    }

    static void assertUlps(double expected, double actual, int ulps, String what) {
        assertEquals(expected, actual, ulps * Math.ulp(expected), what);
    }
}
