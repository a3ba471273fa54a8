package org.parax4j.engine.random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The public generator: the SplittableRandom sequence, bulk = pointwise, splits, checks. */
class CounterRandomTest {

    @Test
    void outputsAreThoseOfSplittableRandom() {
        for (long seed : new long[] {0, 1, -7, 0x1234_5678_9abcL}) {
            SplittableRandom reference = new SplittableRandom(seed);
            SplittableRandom referenceDoubles = new SplittableRandom(seed);
            CounterRandom rng = CounterRandom.of(seed);
            for (int i = 0; i < 50; i++) {
                assertEquals(reference.nextLong(), rng.longAt(i));
                assertEquals(referenceDoubles.nextDouble(), rng.uniformAt(i));
            }
        }
    }

    @Test
    void bulkOutputsEqualPointwiseOnesAtAnyOffset() {
        CounterRandom rng = CounterRandom.of(42);
        for (int n : new int[] {0, 1, 3, 8, 9, 100}) {
            long[] longs = new long[n + 1];
            double[] doubles = new double[n + 1];
            rng.longs(1000, longs, 1, n);
            rng.uniforms(1000, doubles, 1, n);
            long[] expectedLongs = new long[n + 1];
            double[] expectedDoubles = new double[n + 1];
            for (int i = 0; i < n; i++) {
                expectedLongs[i + 1] = rng.longAt(1000 + i);
                expectedDoubles[i + 1] = rng.uniformAt(1000 + i);
            }
            assertArrayEquals(expectedLongs, longs);
            assertArrayEquals(expectedDoubles, doubles);
        }
    }

    @Test
    void splitsAreValuesAndDiffer() {
        CounterRandom rng = CounterRandom.of(5);
        assertEquals(rng.split(3), rng.split(3));
        assertNotEquals(rng.split(3), rng.split(4));
        assertNotEquals(rng.split(3).longAt(0), rng.longAt(0));
        assertEquals(CounterRandom.of(5), rng);
    }

    @Test
    void invalidRangesAreRejected() {
        CounterRandom rng = CounterRandom.of(1);
        assertThrows(IllegalArgumentException.class, () -> rng.longAt(-1));
        assertThrows(IllegalArgumentException.class, () -> rng.uniformAt(-1));
        assertThrows(IllegalArgumentException.class, () -> rng.longs(0, new long[2], 1, 2));
        assertThrows(IllegalArgumentException.class, () -> rng.uniforms(0, null, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> rng.uniforms(Long.MAX_VALUE, new double[2], 0, 2));
    }
}
