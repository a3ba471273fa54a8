package org.parax4j.engine.internal.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Vector API panel kernel equals its scalar twin bit for bit at every width this CPU offers, over
 * row counts around the four- and six-row tiles, column counts around the vector and three-vector
 * tiles (masked tails), depths around {@link PanamaPanelKernels#DEPTH_BLOCK}, and both an {@code a}
 * read along rows and one read transposed. Arrays end exactly at the last element touched, so a tail
 * that read or wrote past it would throw.
 */
class PanelKernelsTest {

    private static final int[] ROWS = {1, 4, 5, 6, 8, 11, 12, 13};
    private static final int[] COLS = {1, 7, 8, 9, 24, 25, 48, 71, 97};
    private static final int[] DEPTHS = {0, 1, 63, 256, 257, 513};

    static Stream<Arguments> widths() {
        List<Arguments> cases = new ArrayList<>();
        for (int bits = 128; bits <= PanelKernels.preferredBits(); bits *= 2) {
            cases.add(Arguments.of(bits, false));
            cases.add(Arguments.of(bits, true));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} bits, a transposed {1}")
    @MethodSource("widths")
    void simdEqualsScalarTwinOverTails(int bits, boolean transposed) {
        PanelKernels simd = PanelKernels.panama(bits);
        PanelKernels scalar = PanelKernels.scalar();
        SplittableRandom rng = new SplittableRandom(bits + (transposed ? 1 : 0));
        for (int rows : ROWS) {
            for (int cols : COLS) {
                for (int depth : DEPTHS) {
                    int cStride = cols + 3;
                    int pStride = cols + 5;
                    int aRowStride = transposed ? 1 : depth + 2;
                    int aColStride = transposed ? rows + 1 : 1;
                    int cOff = 2;
                    int pOff = 1;
                    double[] c = random(rng, cOff + (rows - 1) * cStride + cols);
                    double[] a = random(rng, 1 + (rows - 1) * aRowStride + Math.max(depth - 1, 0) * aColStride + 1);
                    double[] p = random(rng, pOff + Math.max(depth - 1, 0) * pStride + cols);
                    double[] want = c.clone();
                    scalar.subtractProduct(want, cOff, cStride, a, 1, aRowStride, aColStride, p, pOff, pStride, rows,
                            cols, depth);
                    simd.subtractProduct(c, cOff, cStride, a, 1, aRowStride, aColStride, p, pOff, pStride, rows, cols,
                            depth);
                    assertArrayEquals(want, c, bits + " bits, rows " + rows + ", cols " + cols + ", depth " + depth);
                }
            }
        }
    }

    @ParameterizedTest(name = "{0} bits, a transposed {1}")
    @MethodSource("widths")
    void lowerTrapezoidEqualsScalarTwinAndLeavesTheRestAlone(int bits, boolean transposed) {
        PanelKernels simd = PanelKernels.panama(bits);
        PanelKernels scalar = PanelKernels.scalar();
        SplittableRandom rng = new SplittableRandom(7 * bits + (transposed ? 1 : 0));
        int[] diagonals = {-9, -1, 0, 2, 13, 40, 50, 75, 100}; // 50, 75, 100: full columns first (four-row tiles)
        for (int rows : ROWS) {
            for (int cols : COLS) {
                for (int diagonal : diagonals) {
                    int depth = rows == 6 ? 257 : 64;
                    int cStride = cols + 3;
                    int pStride = cols + 5;
                    int aRowStride = transposed ? 1 : depth + 2;
                    int aColStride = transposed ? rows + 1 : 1;
                    double[] c = random(rng, 2 + (rows - 1) * cStride + cols);
                    double[] a = random(rng, 1 + (rows - 1) * aRowStride + (depth - 1) * aColStride + 1);
                    double[] p = random(rng, 1 + (depth - 1) * pStride + cols);
                    double[] original = c.clone();
                    double[] want = c.clone();
                    scalar.subtractProductLower(want, 2, cStride, a, 1, aRowStride, aColStride, p, 1, pStride, rows,
                            cols, depth, diagonal);
                    simd.subtractProductLower(c, 2, cStride, a, 1, aRowStride, aColStride, p, 1, pStride, rows, cols,
                            depth, diagonal);
                    String what = bits + " bits, rows " + rows + ", cols " + cols + ", diagonal " + diagonal;
                    assertArrayEquals(want, c, what);
                    for (int r = 0; r < rows; r++) {
                        for (int j = 0; j < cols; j++) {
                            int at = 2 + r * cStride + j;
                            boolean inside = j <= r + diagonal;
                            if (inside == (want[at] == original[at])) {
                                throw new AssertionError(what + ": element " + r + "," + j
                                        + (inside ? " not updated" : " updated"));
                            }
                        }
                    }
                }
            }
        }
    }

    private static double[] random(SplittableRandom rng, int length) {
        double[] v = new double[length];
        for (int i = 0; i < length; i++) {
            v[i] = rng.nextDouble(-1, 1);
        }
        return v;
    }
}
