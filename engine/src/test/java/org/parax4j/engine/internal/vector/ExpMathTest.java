package org.parax4j.engine.internal.vector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link ExpMath} against {@link Math#exp}: within 1 ulp over the whole range, exact at the edges. */
class ExpMathTest {

    @Test
    void doubleExpIsWithinOneUlp() {
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < 2_000_000; i++) {
            double x = i % 2 == 0 ? random.nextDouble(-745, 709.7) : random.nextDouble(-2, 2);
            double expected = Math.exp(x);
            double actual = ExpMath.exp(x);
            assertTrue(Math.abs(actual - expected) <= Math.ulp(expected), () -> "exp(" + x + "): " + actual + " vs " + expected);
        }
    }

    @Test
    void floatExpIsWithinOneUlpOfTheRoundedResult() {
        SplittableRandom random = new SplittableRandom(2);
        for (int i = 0; i < 2_000_000; i++) {
            float x = (float) (i % 2 == 0 ? random.nextDouble(-103, 88.7) : random.nextDouble(-2, 2));
            float expected = (float) Math.exp(x);
            float actual = ExpMath.exp(x);
            assertTrue(Math.abs(actual - expected) <= Math.ulp(expected), () -> "exp(" + x + "f): " + actual + " vs " + expected);
        }
    }

    @Test
    void edgesAndSpecialValues() {
        assertEquals(1.0, ExpMath.exp(0.0));
        assertEquals(1.0, ExpMath.exp(-0.0));
        assertEquals(0.0, ExpMath.exp(-800.0));
        assertEquals(0.0, ExpMath.exp(Double.NEGATIVE_INFINITY));
        assertEquals(Double.POSITIVE_INFINITY, ExpMath.exp(710.0));
        assertEquals(Math.exp(-740.0), ExpMath.exp(-740.0), Double.MIN_VALUE);
        assertEquals(Math.exp(709.78), ExpMath.exp(709.78), Math.ulp(Math.exp(709.78)));
        assertEquals(1f, ExpMath.exp(0f));
        assertEquals(0f, ExpMath.exp(-200f));
        assertEquals(Float.POSITIVE_INFINITY, ExpMath.exp(100f));
        assertEquals((float) Math.exp(-100.0), ExpMath.exp(-100f), Float.MIN_VALUE);
    }
}
