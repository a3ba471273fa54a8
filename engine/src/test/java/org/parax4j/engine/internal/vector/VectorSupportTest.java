package org.parax4j.engine.internal.vector;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The Vector API implementation at every width agrees with the scalar twin at tail sizes around the lane count. */
class VectorSupportTest {

    /** {@code (bits, length)}: 0, 1, lanes ± 1, lanes, 2·lanes ± 1, 2·lanes and larger, each once per width. */
    static Stream<Arguments> sizes() {
        List<Arguments> cases = new ArrayList<>();
        for (int bits = 128; bits <= VectorizationProvider.preferredBits(); bits *= 2) {
            int lanes = bits / Double.SIZE;
            int width = bits;
            IntStream.of(0, 1, lanes - 1, lanes, lanes + 1, 2 * lanes - 1, 2 * lanes, 2 * lanes + 1, 13, 207, 702, 4098)
                    .distinct().forEach(length -> cases.add(Arguments.of(width, length)));
        }
        return cases.stream();
    }

    /**
     * The vector loop sums the squares in two vector accumulators (another order) and squares with
     * a fused multiply-add (one rounding fewer). Every term is non-negative, so each result is
     * within {@code γ_{n+1}·S} of the exact sum {@code S} ({@code γ_k = k·u/(1 − k·u)},
     * {@code u = 2⁻⁵³}, one rounding per square and at most n per sum): the twins differ by at most
     * {@code 2·γ_{n+1}·S ≤ 2.1·(n+1)·u·scalar} (for n below 10¹⁴).
     */
    @ParameterizedTest(name = "{0} bits, n={1}")
    @MethodSource("sizes")
    void squaredDistanceMatchesScalarTwin(int bits, int length) {
        SplittableRandom random = new SplittableRandom(42 + length);
        double[] a = random.doubles(length + 3, -10, 10).toArray();
        double[] b = random.doubles(length + 5, -10, 10).toArray();
        double expected = new ScalarVectorSupport().squaredDistance(a, 3, b, 5, length);
        double actual = VectorizationProvider.panama(bits).squaredDistance(a, 3, b, 5, length);
        double u = 0x1p-53;
        assertEquals(expected, actual, 2.1 * (length + 1) * u * expected);
    }

    static Stream<Arguments> transposeCases() {
        List<Arguments> cases = new ArrayList<>();
        int[] sizes = {0, 1, 3, 4, 5, 7, 8, 9, 16, 17, 33};
        for (int bits = 128; bits <= VectorizationProvider.preferredBits(); bits *= 2) {
            for (int rows : sizes) {
                for (int cols : sizes) {
                    cases.add(Arguments.of(bits, rows, cols));
                }
            }
        }
        return cases.stream();
    }

    /** Register-block transposes at every width equal the element-by-element copy, ragged edges included. */
    @ParameterizedTest(name = "{0} bits, {1} x {2}")
    @MethodSource("transposeCases")
    void transposeMatchesScalarTwin(int bits, int rows, int cols) {
        VectorSupport simd = VectorizationProvider.panama(bits);
        SplittableRandom random = new SplittableRandom(rows * 64L + cols + bits);
        int srcStride = cols + 5;
        int dstStride = rows + 3;
        double[] src = random.doubles(7 + rows * srcStride, -1, 1).toArray();
        double[] expected = random.doubles(11 + cols * dstStride, -1, 1).toArray();
        double[] actual = expected.clone();
        new ScalarVectorSupport().transpose(src, 7, srcStride, rows, cols, expected, 11, dstStride);
        simd.transpose(src, 7, srcStride, rows, cols, actual, 11, dstStride);
        assertArrayEquals(expected, actual);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                assertEquals(src[7 + r * srcStride + c], actual[11 + c * dstStride + r]);
            }
        }
        float[] srcFloat = new float[src.length];
        float[] expectedFloat = new float[expected.length];
        for (int i = 0; i < src.length; i++) {
            srcFloat[i] = (float) src[i];
        }
        float[] actualFloat = expectedFloat.clone();
        new ScalarVectorSupport().transpose(srcFloat, 7, srcStride, rows, cols, expectedFloat, 11, dstStride);
        simd.transpose(srcFloat, 7, srcStride, rows, cols, actualFloat, 11, dstStride);
        assertArrayEquals(expectedFloat, actualFloat);
    }
}
