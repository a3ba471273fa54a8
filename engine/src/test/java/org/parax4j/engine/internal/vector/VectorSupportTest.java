package org.parax4j.engine.internal.vector;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The chosen implementation agrees with the scalar twin at tail sizes around the lane count. */
class VectorSupportTest {

    static int[] sizes() {
        int lanes = VectorizationProvider.choice().doubleLanes();
        return new int[] {0, 1, lanes - 1, lanes, lanes + 1, 2 * lanes - 1, 2 * lanes, 2 * lanes + 1, 13, 207, 702, 4098};
    }

    @ParameterizedTest
    @MethodSource("sizes")
    void squaredDistanceMatchesScalarTwin(int length) {
        SplittableRandom random = new SplittableRandom(42 + length);
        double[] a = random.doubles(length + 3, -10, 10).toArray();
        double[] b = random.doubles(length + 5, -10, 10).toArray();
        double expected = new ScalarVectorSupport().squaredDistance(a, 3, b, 5, length);
        double actual = VectorizationProvider.support().squaredDistance(a, 3, b, 5, length);
        // Reassociated sums differ by at most a few ulps per term.
        assertEquals(expected, actual, 1e-14 * Math.max(1, length) * Math.max(1, expected));
    }
}
