package org.parax4j.engine.internal.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link TrigMath} against {@link StrictMath} within its documented ulp bound. */
class TrigMathTest {

    @Test
    void sinAndCosAreWithinTheirBoundOfStrictMath() {
        SplittableRandom random = new SplittableRandom(2);
        for (int i = 0; i < 1_000_000; i++) {
            double x = switch (i % 4) {
                case 0 -> random.nextDouble(-4, 4);
                case 1 -> random.nextDouble(-1e3, 1e3);
                case 2 -> random.nextDouble(-TrigMath.REDUCTION_LIMIT, TrigMath.REDUCTION_LIMIT);
                default -> Math.scalb(random.nextDouble(-1, 1), random.nextInt(-1074, 30));
            };
            LogMathTest.assertUlps(StrictMath.sin(x), TrigMath.sin(x), TrigMath.ULPS, "sin " + x);
            LogMathTest.assertUlps(StrictMath.cos(x), TrigMath.cos(x), TrigMath.ULPS, "cos " + x);
        }
        // Near multiples of π/2, where the reduction cancels.
        for (int k = -200_000; k <= 200_000; k += 7) {
            double x = k * (Math.PI / 2);
            for (double y : new double[] {x, Math.nextUp(x), Math.nextDown(x)}) {
                LogMathTest.assertUlps(StrictMath.sin(y), TrigMath.sin(y), TrigMath.ULPS, "sin " + y);
                LogMathTest.assertUlps(StrictMath.cos(y), TrigMath.cos(y), TrigMath.ULPS, "cos " + y);
            }
        }
        assertEquals(0.0, TrigMath.sin(0.0));
        assertEquals(1.0, TrigMath.cos(0.0));
        assertEquals(StrictMath.sin(1e300), TrigMath.sin(1e300));
        assertTrue(Double.isNaN(TrigMath.sin(Double.POSITIVE_INFINITY)));
        assertTrue(Double.isNaN(TrigMath.cos(Double.NaN)));
    }

    @Test
    void sinPiIsSignedAndWithinTheBoundOfTheExactlyReducedSine() {
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 1_000_000; i++) {
            double u = i % 2 == 0 ? random.nextDouble(-1, 1) : random.nextDouble(-1e6, 1e6);
            double n = Math.rint(u);
            double expected = StrictMath.sin(Math.PI * (u - n)) * (Math.abs(n) % 2 == 1 ? -1 : 1);
            double actual = TrigMath.sinPi(u);
            // StrictMath.sin(π·f) itself is off by the rounding of π·f: half an ulp of the result.
            assertTrue(Math.abs(actual - expected) <= TrigMath.ULPS * Math.ulp(expected) + 2 * Math.ulp(1.0) * Math.abs(expected),
                    () -> "sinPi(" + u + "): " + actual + " vs " + expected);
        }
        assertEquals(0.0, Math.abs(TrigMath.sinPi(3.0)));
        assertEquals(1.0, TrigMath.sinPi(0.5));
        assertEquals(-1.0, TrigMath.sinPi(1.5));
        assertEquals(-1.0, TrigMath.sinPi(-0.5));
        assertEquals(Math.sqrt(0.5), TrigMath.sinPi(0.25), Math.ulp(0.7));
        assertEquals(0.0, TrigMath.sinPi(0x1p60));
        assertTrue(Double.isNaN(TrigMath.sinPi(Double.NaN)));
        assertTrue(Double.isNaN(TrigMath.sinPi(Double.NEGATIVE_INFINITY)));
    }

    @Test
    void sinAndCosOfRandomBitsMatchTheJdkAtTheSameAngle() {
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 200_000; i++) {
            long k = random.nextLong() >>> 11;
            // The angle the bits stand for: quadrant·π/2 + π/4 + θ, θ = (frac·2⁻⁵¹ − ½)·π/2.
            double angle = (k >>> 51) * (Math.PI / 2) + Math.PI / 4
                    + (((k & TrigMath.FRACTION_51) * 0x1.0p-51) - 0.5) * (Math.PI / 2);
            assertEquals(Math.cos(angle), TrigMath.cosOfBits(k), 1e-15, "cos of " + k);
            assertEquals(Math.sin(angle), TrigMath.sinOfBits(k), 1e-15, "sin of " + k);
        }
        assertEquals(1.0, TrigMath.cosOfBits(0), 2e-16);
        assertEquals(0.0, TrigMath.sinOfBits(0), 2e-16);
    }
}
