package org.parax4j.engine.internal.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link CompositeMath} against {@link StrictMath} within its stated bounds, and its special values. */
class CompositeMathTest {

    private static double argument(SplittableRandom random, int i) {
        return switch (i % 4) {
            case 0 -> random.nextDouble(-1, 1);
            case 1 -> random.nextDouble(-40, 40);
            case 2 -> random.nextDouble(-750, 750);
            default -> Math.scalb(random.nextDouble(-1, 1), random.nextInt(-1074, 2));
        };
    }

    @Test
    void expm1AndTanhAreWithinTheBound() {
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < 1_000_000; i++) {
            double x = argument(random, i);
            LogMathTest.assertUlps(StrictMath.expm1(x), CompositeMath.expm1(x), CompositeMath.ULPS, "expm1 " + x);
            LogMathTest.assertUlps(StrictMath.tanh(x), CompositeMath.tanh(x), CompositeMath.TANH_ULPS, "tanh " + x);
        }
        assertEquals(-0.0, CompositeMath.expm1(-0.0));
        assertEquals(-1.0, CompositeMath.expm1(-800));
        assertEquals(Double.POSITIVE_INFINITY, CompositeMath.expm1(710));
        assertTrue(Double.isNaN(CompositeMath.expm1(Double.NaN)));
        assertEquals(1.0, CompositeMath.tanh(Double.POSITIVE_INFINITY));
        assertEquals(-1.0, CompositeMath.tanh(-30));
        assertEquals(-0.0, CompositeMath.tanh(-0.0));
        assertTrue(Double.isNaN(CompositeMath.tanh(Double.NaN)));
    }

    @Test
    void sigmoidSoftplusAndHypotAreWithinTheBound() {
        SplittableRandom random = new SplittableRandom(2);
        for (int i = 0; i < 1_000_000; i++) {
            double x = argument(random, i);
            double sigmoid = x >= 0 ? 1 / (1 + StrictMath.exp(-x)) : StrictMath.exp(x) / (1 + StrictMath.exp(x));
            LogMathTest.assertUlps(sigmoid, CompositeMath.sigmoid(x), CompositeMath.ULPS, "sigmoid " + x);
            double softplus = Math.max(x, 0) + StrictMath.log1p(StrictMath.exp(-Math.abs(x)));
            LogMathTest.assertUlps(softplus, CompositeMath.softplus(x), CompositeMath.ULPS, "softplus " + x);
            double y = argument(random, i + 1) * (i % 7 == 0 ? 1e300 : 1);
            LogMathTest.assertUlps(StrictMath.hypot(x, y), CompositeMath.hypot(x, y), CompositeMath.ULPS,
                    "hypot " + x + ", " + y);
        }
        assertEquals(0.0, CompositeMath.hypot(0.0, -0.0));
        assertEquals(5.0, CompositeMath.hypot(3, -4));
        assertEquals(Double.POSITIVE_INFINITY, CompositeMath.hypot(Double.NaN, Double.NEGATIVE_INFINITY));
        assertTrue(Double.isNaN(CompositeMath.hypot(Double.NaN, 1)));
        assertEquals(1.0, CompositeMath.sigmoid(Double.POSITIVE_INFINITY));
        assertEquals(0.0, CompositeMath.sigmoid(Double.NEGATIVE_INFINITY));
        assertEquals(Double.POSITIVE_INFINITY, CompositeMath.softplus(Double.POSITIVE_INFINITY));
        assertEquals(-0.0, CompositeMath.sign(-0.0));
        assertEquals(-1.0, CompositeMath.sign(-1e-300));
        assertTrue(Double.isNaN(CompositeMath.sign(Double.NaN)));
    }
}
