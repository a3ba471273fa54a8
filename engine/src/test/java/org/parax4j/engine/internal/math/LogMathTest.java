package org.parax4j.engine.internal.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link LogMath} against {@link StrictMath} within its documented ulp bounds, over the whole domain. */
class LogMathTest {

    @Test
    void logIsWithinItsBoundOfStrictMath() {
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < 1_000_000; i++) {
            double x = switch (i % 4) {
                case 0 -> random.nextDouble() + 0x1.0p-53;
                case 1 -> Math.scalb(1 + random.nextDouble(), random.nextInt(-1022, 1024));
                case 2 -> random.nextDouble(0.5, 2);
                default -> Double.longBitsToDouble(random.nextLong(1, Double.doubleToRawLongBits(Double.MIN_NORMAL)));
            };
            assertUlps(StrictMath.log(x), LogMath.log(x), LogMath.LOG_ULPS, "log " + x);
            if (x >= Double.MIN_NORMAL) {
                assertEquals(LogMath.log(x), LogMath.logNormal(x), "logNormal " + x);
            }
        }
        for (double x : new double[] {Double.MIN_NORMAL, Double.MIN_VALUE, Double.MAX_VALUE, 0x1.0p-53, 0.5,
            Math.sqrt(0.5), Math.sqrt(2), 1, Math.nextDown(1.0), Math.nextUp(1.0), Math.E}) {
            assertUlps(StrictMath.log(x), LogMath.log(x), LogMath.LOG_ULPS, "log " + x);
        }
        assertEquals(0.0, LogMath.log(1.0));
        assertEquals(Double.NEGATIVE_INFINITY, LogMath.log(0.0));
        assertEquals(Double.NEGATIVE_INFINITY, LogMath.log(-0.0));
        assertEquals(Double.POSITIVE_INFINITY, LogMath.log(Double.POSITIVE_INFINITY));
        assertTrue(Double.isNaN(LogMath.log(-1e-300)));
        assertTrue(Double.isNaN(LogMath.log(Double.NEGATIVE_INFINITY)));
        assertTrue(Double.isNaN(LogMath.log(Double.NaN)));
    }

    @Test
    void log1pIsWithinItsBoundOfStrictMath() {
        SplittableRandom random = new SplittableRandom(4);
        for (int i = 0; i < 1_000_000; i++) {
            double z = switch (i % 4) {
                case 0 -> random.nextDouble(-1e-6, 1e-6);
                case 1 -> random.nextDouble(-1, 10);
                case 2 -> Math.scalb(random.nextDouble(), random.nextInt(-1074, 0)) * (random.nextBoolean() ? 1 : -1);
                default -> Math.exp(random.nextDouble(-30, 709));
            };
            assertUlps(StrictMath.log1p(z), LogMath.log1p(z), LogMath.LOG1P_ULPS, "log1p " + z);
        }
        assertEquals(0.0, LogMath.log1p(0.0));
        assertEquals(Double.NEGATIVE_INFINITY, LogMath.log1p(-1.0));
        assertEquals(Double.POSITIVE_INFINITY, LogMath.log1p(Double.POSITIVE_INFINITY));
        assertEquals(StrictMath.log1p(Double.MAX_VALUE), LogMath.log1p(Double.MAX_VALUE), Math.ulp(709.0));
        assertTrue(Double.isNaN(LogMath.log1p(-1.5)));
        assertTrue(Double.isNaN(LogMath.log1p(Double.NaN)));
    }

    /**
     * Within {@code ulps} of {@code expected}; infinities and NaN exactly; a zero of either sign, also
     * for an {@code expected} below {@code 2⁻¹⁰²¹} (the engine's exp flushes below {@code e⁻⁷⁰⁸}).
     */
    static void assertUlps(double expected, double actual, int ulps, String what) {
        if (expected == 0 || Math.abs(expected) < 0x1p-1021 && actual == 0) {
            assertEquals(0.0, actual, 0.0, what);
        } else if (!Double.isFinite(expected)) {
            assertEquals(expected, actual, what);
        } else {
            assertEquals(expected, actual, ulps * Math.ulp(expected), what);
        }
    }
}
