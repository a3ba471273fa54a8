package org.parax4j.engine.internal.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Vector API trace kernel equals its scalar twin bit for bit at every width this CPU offers: over
 * block widths around the vector (masked column tails), row ranges that start above, on and below the
 * block's diagonal (masked rows), dimensions around its four per pass, and offsets and strides that
 * differ between the arrays. The scalar twin itself is checked against the sums written out.
 */
class RbfTraceKernelsTest {

    private static final int[] WIDTHS = {1, 3, 8, 9, 17, 96};
    private static final int[] DIMS = {1, 3, 4, 5, 8, 9};

    static IntStream widths() {
        return IntStream.iterate(128, b -> b <= PanelKernels.preferredBits(), b -> b * 2);
    }

    @ParameterizedTest(name = "{0} bits")
    @MethodSource("widths")
    void simdEqualsScalarTwinOverTails(int bits) {
        RbfTraceKernels simd = RbfTraceKernels.panama(bits);
        RbfTraceKernels scalar = RbfTraceKernels.scalar();
        SplittableRandom rng = new SplittableRandom(bits);
        int n = 140;
        for (int w : WIDTHS) {
            for (int d : DIMS) {
                for (int c0 : new int[] {0, 5, 40}) {
                    int c1 = Math.min(n, c0 + w);
                    int width = c1 - c0;
                    for (int[] rows : new int[][] {{c0, c0 + 7}, {c0 + 1, c0 + 23}, {c0 + 3, n}, {c1 + 2, n}}) {
                        int i0 = Math.min(rows[0], n);
                        int i1 = Math.max(i0, Math.min(rows[1], n));
                        int xStride = width + 3;
                        int tStride = width + 1;
                        double[] x = random(rng, 2 + Math.max(i1 - i0, 1) * xStride);
                        double[] t = random(rng, 1 + Math.max(i1 - i0, 1) * tStride);
                        double[] a = random(rng, n);
                        double[] f = random(rng, d * n + 1);
                        double[] want = random(rng, 4 + (d + 1) * width);
                        double[] got = want.clone();
                        scalar.accumulate(x, 2, xStride, t, 1, tStride, a, f, n, d, c0, c1, i0, i1, want, 4);
                        simd.accumulate(x, 2, xStride, t, 1, tStride, a, f, n, d, c0, c1, i0, i1, got, 4);
                        assertArrayEquals(want, got, bits + " bits, w " + width + ", d " + d + ", c0 " + c0
                                + ", rows " + i0 + "…" + i1);
                    }
                }
            }
        }
    }

    @Test
    void scalarTwinSumsThePairsBelowTheDiagonal() {
        SplittableRandom rng = new SplittableRandom(7);
        int n = 12;
        int d = 2;
        int c0 = 3;
        int c1 = 8;
        int w = c1 - c0;
        double[] x = random(rng, n * w);
        double[] t = random(rng, n * w);
        double[] a = random(rng, n);
        double[] f = random(rng, d * n);
        double[] sums = new double[(d + 1) * w];
        RbfTraceKernels.scalar().accumulate(x, 0, w, t, 0, w, a, f, n, d, c0, c1, c0, n, sums, 0);
        for (int u = 0; u < w; u++) {
            int j = c0 + u;
            double weights = 0;
            double[] distances = new double[d];
            for (int i = j + 1; i < n; i++) {
                double m = (a[i] * a[j] - x[(i - c0) * w + u]) * t[(i - c0) * w + u];
                weights += m;
                for (int q = 0; q < d; q++) {
                    double delta = f[q * n + j] - f[q * n + i];
                    distances[q] += m * delta * delta;
                }
            }
            assertEquals(weights, sums[d * w + u], 1e-12, "weights, column " + j);
            for (int q = 0; q < d; q++) {
                assertEquals(distances[q], sums[q * w + u], 1e-12, "dimension " + q + ", column " + j);
            }
        }
        assertNotEquals(0.0, sums[0], "the sums are not empty");
    }

    private static double[] random(SplittableRandom rng, int length) {
        double[] v = new double[length];
        for (int i = 0; i < length; i++) {
            v[i] = rng.nextDouble(-1, 1);
        }
        return v;
    }
}
