package org.parax4j.engine.internal.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link ExpMath} against {@link Math#exp} and {@link StrictMath#exp}: within 1 ulp over the whole
 * range, the documented flush and overflow bounds, and a table of correctly rounded {@code 2^{j/N}}.
 */
class ExpMathTest {

    @Test
    void doubleExpIsWithinOneUlp() {
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < 2_000_000; i++) {
            double x = switch (i % 3) {
                case 0 -> random.nextDouble(ExpMath.MIN, ExpMath.MAX);
                case 1 -> random.nextDouble(-2, 2);
                default -> random.nextDouble(-1e-3, 1e-3);
            };
            double actual = ExpMath.exp(x);
            for (double expected : new double[] {Math.exp(x), StrictMath.exp(x)}) {
                assertTrue(Math.abs(actual - expected) <= Math.ulp(expected),
                        () -> "exp(" + x + "): " + actual + " vs " + expected);
            }
        }
    }

    @Test
    void floatExpIsWithinOneUlpOfTheRoundedResult() {
        SplittableRandom random = new SplittableRandom(2);
        for (int i = 0; i < 2_000_000; i++) {
            float x = (float) (i % 2 == 0 ? random.nextDouble(ExpMath.MIN_F, ExpMath.MAX_F) : random.nextDouble(-2, 2));
            float expected = (float) Math.exp(x);
            float actual = ExpMath.exp(x);
            assertTrue(Math.abs(actual - expected) <= Math.ulp(expected), () -> "exp(" + x + "f): " + actual + " vs " + expected);
        }
    }

    @Test
    void edgesAndSpecialValues() {
        assertEquals(1.0, ExpMath.exp(0.0));
        assertEquals(1.0, ExpMath.exp(-0.0));
        assertEquals(Math.E, ExpMath.exp(1.0), Math.ulp(Math.E));
        assertEquals(0.0, ExpMath.exp(-708.0001));
        assertEquals(0.0, ExpMath.exp(-800.0));
        assertEquals(0.0, ExpMath.exp(Double.NEGATIVE_INFINITY));
        assertEquals(Math.exp(ExpMath.MIN), ExpMath.exp(ExpMath.MIN), Math.ulp(Math.exp(ExpMath.MIN)));
        assertTrue(ExpMath.exp(ExpMath.MIN) >= Double.MIN_NORMAL);
        assertEquals(Double.POSITIVE_INFINITY, ExpMath.exp(710.0));
        assertEquals(Double.POSITIVE_INFINITY, ExpMath.exp(Double.POSITIVE_INFINITY));
        assertEquals(Math.exp(709.78), ExpMath.exp(709.78), Math.ulp(Math.exp(709.78)));
        assertTrue(Double.isNaN(ExpMath.exp(Double.NaN)));
        assertEquals(1f, ExpMath.exp(0f));
        assertEquals(0f, ExpMath.exp(-88f));
        assertEquals(0f, ExpMath.exp(Float.NEGATIVE_INFINITY));
        assertTrue(ExpMath.exp(ExpMath.MIN_F) >= Float.MIN_NORMAL);
        assertEquals((float) Math.exp(ExpMath.MIN_F), ExpMath.exp(ExpMath.MIN_F), Math.ulp(Float.MIN_NORMAL));
        assertEquals((float) Math.exp(88.7f), ExpMath.exp(88.7f), Math.ulp((float) Math.exp(88.7f)));
        assertEquals(Float.POSITIVE_INFINITY, ExpMath.exp(89f));
        assertTrue(Float.isNaN(ExpMath.exp(Float.NaN)));
    }

    @Test
    void tablesAreTheCorrectlyRoundedPowersOfTwo() {
        for (int j = 0; j < ExpMath.TABLE.length; j++) {
            assertEquals(new BigDecimal(rootOfTwo(j, 8)).doubleValue(), ExpMath.TABLE[j], "2^(" + j + "/8)");
        }
        for (int j = 0; j < ExpMath.TABLE_F.length; j++) {
            assertEquals(new BigDecimal(rootOfTwo(j, 16)).floatValue(), ExpMath.TABLE_F[j], "2^(" + j + "/16)");
        }
    }

    /** {@code 2^{j/n}} to 60 digits by Newton's method on {@code yⁿ = 2ʲ}. */
    private static String rootOfTwo(int j, int n) {
        MathContext context = new MathContext(60, RoundingMode.HALF_EVEN);
        BigDecimal target = BigDecimal.valueOf(2).pow(j);
        BigDecimal y = BigDecimal.valueOf(Math.pow(2, j / (double) n));
        for (int iteration = 0; iteration < 8; iteration++) {
            BigDecimal power = y.pow(n - 1, context);
            y = y.subtract(y.multiply(power, context).subtract(target).divide(power.multiply(BigDecimal.valueOf(n)), context),
                    context);
        }
        return y.toPlainString();
    }
}
