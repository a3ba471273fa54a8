package org.parax4j.engine.internal.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Vector API loops against their plain-Java twins at tail sizes 0, 1, lanes−1, lanes, lanes+1
 * and large. Every loop must agree to the last bit (exp, log, sin and cos are the sequences of
 * {@code internal.math} in both, powers Math's), except the multi-accumulator sum and dot, held to the
 * reassociation bound derived where they are compared.
 */
class GraphOpsTwinTest {

    static final ScalarGraphOps SCALAR = new ScalarGraphOps();
    /** The Vector API twin at every width of this CPU (see {@link TwinWidth}). */
    static List<GraphOps> simds;

    @BeforeAll
    static void simdOnly() {
        simds = TwinWidth.graphOps();
    }

    /** 0, 1, lanes − 1, lanes, lanes + 1, 2·lanes + 3 for 2, 4 and 8 lanes (128, 256, 512 bits), and 1027. */
    static IntStream sizes() {
        return IntStream.concat(IntStream.of(2, 4, 8)
                .flatMap(lanes -> IntStream.of(0, 1, lanes - 1, lanes, lanes + 1, 2 * lanes + 3)), IntStream.of(1027))
                .distinct().sorted();
    }

    /** Runs {@code check} against every width, naming the width in a failure. */
    static void atEveryWidth(java.util.function.Consumer<GraphOps> check) {
        for (GraphOps simd : simds) {
            try {
                check.accept(simd);
            } catch (AssertionError e) {
                throw new AssertionError(simd.getClass().getSimpleName() + ": " + e.getMessage(), e);
            }
        }
    }

    static double[] random(int n, long seed, double lo, double hi) {
        return new SplittableRandom(seed).doubles(n + 3, lo, hi).toArray();
    }

    static void close(double[] expected, double[] actual, double tol, String what) {
        for (int k = 0; k < expected.length; k++) {
            double scale = Math.max(1, Math.abs(expected[k]));
            assertEquals(expected[k], actual[k], tol * scale, what + " at " + k);
        }
    }

    @ParameterizedTest
    @MethodSource("sizes")
    void columnDotsInEightPartialSums(int size) {
        int n = size & ~7;
        int xs = n + 5;
        double[] r = random(n + 2, 11, -2, 2);
        double[] x = random(6 * xs + 3, 12, -2, 2);
        for (int cols = 0; cols <= 6; cols++) { // a group of four columns, the rest one by one
            double[] expected = random(8 * cols, 13, -1, 1);
            double[] start = expected.clone();
            for (int c = 0; c < cols; c++) {
                for (int k = 0; k < n; k++) {
                    expected[8 * c + k % 8] = Math.fma(r[2 + k], x[3 + c * xs + k], expected[8 * c + k % 8]);
                }
            }
            double[] scalar = start.clone();
            SCALAR.columnDots8(r, 2, n, x, 3, xs, cols, scalar);
            close(expected, scalar, 0, "scalar columnDots8, " + cols + " columns, n=" + n);
            int columns = cols;
            atEveryWidth(simd -> {
                double[] acc = start.clone();
                simd.columnDots8(r, 2, n, x, 3, xs, columns, acc);
                close(expected, acc, 0, "columnDots8, " + columns + " columns, n=" + n);
            });
        }
    }

    @ParameterizedTest
    @MethodSource("sizes")
    void binaryOps(int n) {
        atEveryWidth(simd -> binaryOps(simd, n));
    }

    private static void binaryOps(GraphOps simd, int n) {
        for (Op op : new Op[] {Op.ADD, Op.SUB, Op.MUL, Op.DIV, Op.POW}) {
            double[] x = random(n, 1, 0.1, 3);
            double[] y = random(n, 2, -2, 2);
            double[] a = new double[n + 3];
            double[] b = new double[n + 3];
            SCALAR.binary(op, x, 1, y, 2, a, 3, n);
            simd.binary(op, x, 1, y, 2, b, 3, n);
            close(a, b, 0, op + " n=" + n);
            SCALAR.binaryScalarRight(op, x, 1, 1.7, a, 0, n);
            simd.binaryScalarRight(op, x, 1, 1.7, b, 0, n);
            close(a, b, 0, op + " scalar right n=" + n);
            SCALAR.binaryScalarLeft(op, 1.7, x, 2, a, 1, n);
            simd.binaryScalarLeft(op, 1.7, x, 2, b, 1, n);
            close(a, b, 0, op + " scalar left n=" + n);
        }
    }

    @ParameterizedTest
    @EnumSource(value = Op.class, names = {"NEG", "EXP", "LOG", "LOG10", "SQRT", "SIN", "COS", "ABS", "SQUARE", "POWC"})
    void unaryOpsAndDerivatives(Op op) {
        atEveryWidth(simd -> unaryOpsAndDerivatives(simd, op));
    }

    private static void unaryOpsAndDerivatives(GraphOps simd, Op op) {
        sizes().forEach(n -> {
            double[] x = random(n, 3, 0.05, 4);
            double[] a = new double[n + 3];
            double[] b = new double[n + 3];
            SCALAR.unary(op, 1.3, x, 1, a, 2, n);
            simd.unary(op, 1.3, x, 1, b, 2, n);
            close(a, b, 0, op + " n=" + n);
            double[] ca = new double[n + 3];
            double[] cb = new double[n + 3];
            SCALAR.derivative(op, 1.3, x, 1, a, 2, ca, 0, n);
            simd.derivative(op, 1.3, x, 1, a, 2, cb, 0, n);
            close(ca, cb, 0, op + "' n=" + n);
        });
    }

    @ParameterizedTest
    @MethodSource("sizes")
    void tangentLoopsAndSum(int n) {
        atEveryWidth(simd -> tangentLoopsAndSum(simd, n));
    }

    private static void tangentLoopsAndSum(GraphOps simd, int n) {
        double[] c = random(n, 4, -2, 2);
        double[] t = random(n, 5, -2, 2);
        for (int k = 0; k < t.length; k += 3) {
            t[k] = 0;
            c[k] = Double.POSITIVE_INFINITY;
        }
        double[] a = random(n, 6, -1, 1);
        double[] b = a.clone();
        SCALAR.mulMasked(c, 0, t, 0, a, 1, n);
        simd.mulMasked(c, 0, t, 0, b, 1, n);
        close(a, b, 0, "mulMasked n=" + n);
        double[] c2 = random(n, 7, -2, 2);
        SCALAR.mulAdd(c2, 1, t, 1, a, 0, n);
        simd.mulAdd(c2, 1, t, 1, b, 0, n);
        close(a, b, 0, "mulAdd n=" + n);
        SCALAR.axpy(-0.7, t, 2, a, 1, n);
        simd.axpy(-0.7, t, 2, b, 1, n);
        close(a, b, 0, "axpy n=" + n);
        double[] second = random(n + 2, 10, -2, 2);
        SCALAR.combine(c2, t, 1, a, second, 2, a, 0, n - 1);
        simd.combine(c2, t, 1, b, second, 2, b, 0, n - 1);
        close(a, b, 0, "combine n=" + n);
        double[] linS = new double[n + 1];
        double[] linV = new double[n + 1];
        SCALAR.linear(-1, t, 1, 50, second, 2, linS, 1, n - 1);
        simd.linear(-1, t, 1, 50, second, 2, linV, 1, n - 1);
        close(linS, linV, 0, "linear n=" + n);
        for (int k = 0; k < n - 1; k++) {
            assertEquals(Math.fma(50, second[2 + k], -t[1 + k]), linV[1 + k], 0, "linear = fma(b, y, a·x) at " + k);
        }
        // A coefficient whose product rounds (a = 0.3, b = -1.7): the twins' bits, and a·x rounded before the fma.
        SCALAR.linear(0.3, t, 1, -1.7, second, 2, linS, 1, n - 1);
        simd.linear(0.3, t, 1, -1.7, second, 2, linV, 1, n - 1);
        for (int k = 0; k < n - 1; k++) {
            long expected = Double.doubleToRawLongBits(Math.fma(-1.7, second[2 + k], 0.3 * t[1 + k]));
            assertEquals(expected, Double.doubleToRawLongBits(linS[1 + k]), "scalar linear(0.3, -1.7) at " + k);
            assertEquals(expected, Double.doubleToRawLongBits(linV[1 + k]), simd + " linear(0.3, -1.7) at " + k);
        }
        double[] byTwoPasses = new double[n];
        SCALAR.binary(Op.MUL, c2, 0, t, 1, byTwoPasses, 0, n - 1);
        double[] c3 = random(n, 11, -2, 2);
        SCALAR.mulAdd(c3, 0, second, 2, byTwoPasses, 0, n - 1);
        double[] byCombine = new double[n];
        simd.combine(c2, t, 1, c3, second, 2, byCombine, 0, n - 1);
        close(byTwoPasses, byCombine, 0, "combine = binary MUL then mulAdd, n=" + n);
        double[] w1 = random(n + 4, 12, -2, 2);
        double[] w2 = random(n + 4, 13, -2, 2);
        double[] c4 = random(n, 14, -2, 2);
        double[] c5 = random(n, 15, -2, 2);
        double[] scalar4 = new double[n + 1];
        double[] simd4 = new double[n + 1];
        SCALAR.combine4(c2, t, 1, c3, second, 2, c4, w1, 3, c5, w2, 4, scalar4, 1, n - 1);
        simd.combine4(c2, t, 1, c3, second, 2, c4, w1, 3, c5, w2, 4, simd4, 1, n - 1);
        close(scalar4, simd4, 0, "combine4 n=" + n);
        double[] byPasses = new double[n + 1];
        SCALAR.binary(Op.MUL, c2, 0, t, 1, byPasses, 1, n - 1);
        SCALAR.mulAdd(c3, 0, second, 2, byPasses, 1, n - 1);
        SCALAR.mulAdd(c4, 0, w1, 3, byPasses, 1, n - 1);
        SCALAR.mulAdd(c5, 0, w2, 4, byPasses, 1, n - 1);
        for (int k = 0; k < n + 1; k++) {
            assertEquals(byPasses[k], simd4[k], 0, "combine4 = binary MUL then three mulAdds at " + k);
        }
        double[] reS = new double[n + 1];
        double[] imS = new double[n + 1];
        double[] reV = new double[n + 1];
        double[] imV = new double[n + 1];
        SCALAR.complexProduct(c2, c3, c4, c5, t, 1, second, 2, w1, 3, w2, 4, reS, 1, imS, 0, n - 1);
        simd.complexProduct(c2, c3, c4, c5, t, 1, second, 2, w1, 3, w2, 4, reV, 1, imV, 0, n - 1);
        close(reS, reV, 0, "complexProduct re n=" + n);
        close(imS, imV, 0, "complexProduct im n=" + n);
        for (int k = 0; k < n - 1; k++) {
            // (a + jb)·(c + jd) differentiated: re' = c·ta + a·tc − d·tb − b·td, im' = d·ta + a·td + c·tb + b·tc
            double re = c4[k] * t[1 + k] + c2[k] * w1[3 + k] - c5[k] * second[2 + k] - c3[k] * w2[4 + k];
            double im = c5[k] * t[1 + k] + c2[k] * w2[4 + k] + c4[k] * second[2 + k] + c3[k] * w1[3 + k];
            assertEquals(re, reV[1 + k], 1e-14, "complexProduct re against the product rule at " + k);
            assertEquals(im, imV[k], 1e-14, "complexProduct im against the product rule at " + k);
        }
        double[] coef = {0.3, -1.7, 2.5};
        double[] rows = random(3 * n, 8, -2, 2);
        for (int terms = 0; terms <= coef.length; terms++) {
            double[] zs = random(n, 9, -1, 1);
            double[] zv = zs.clone();
            double[] byAxpy = zs.clone();
            java.util.Arrays.fill(byAxpy, 1, 1 + n, 0);
            for (int term = 0; term < terms; term++) {
                simd.axpy(coef[term], rows, 2 + term * n, byAxpy, 1, n);
            }
            SCALAR.combination(coef, 0, terms, rows, 2, n, zs, 1, n);
            simd.combination(coef, 0, terms, rows, 2, n, zv, 1, n);
            close(zs, zv, 0, "combination of " + terms + " terms, n=" + n);
            close(byAxpy, zv, 0, "combination against axpy into zeros, " + terms + " terms, n=" + n);
        }
        // Several accumulators reassociate the sum and the dot: each order is within γ_n·Σ|term| of
        // the exact value (γ_n = n·u/(1 − n·u), u = 2⁻⁵³; fused or not), so the twins differ by at
        // most 2·γ_n·Σ|term| ≤ 2.1·n·u·Σ|term|.
        double absSum = 0;
        double absDot = 0;
        double[] y = random(n, 7, -2, 2);
        for (int k = 0; k < n; k++) {
            absSum += Math.abs(c2[1 + k]);
            absDot += Math.abs(c2[1 + k] * y[2 + k]);
        }
        double u = 0x1p-53;
        assertEquals(SCALAR.sum(c2, 1, n), simd.sum(c2, 1, n), 2.1 * n * u * absSum, "sum n=" + n);
        double dotScalar = SCALAR.dot(c2, 1, y, 2, n);
        double dotPlain = 0;
        for (int k = 0; k < n; k++) {
            dotPlain += c2[1 + k] * y[2 + k];
        }
        assertEquals(dotPlain, dotScalar, 0, "scalar dot n=" + n);
        assertEquals(dotScalar, simd.dot(c2, 1, y, 2, n), 2.1 * n * u * absDot, "dot n=" + n);
    }

    @ParameterizedTest
    @EnumSource(Node.KernelKind.class)
    void kernelRowsWithTangents(Node.KernelKind kind) {
        atEveryWidth(simd -> kernelRowsWithTangents(simd, kind));
    }

    private static void kernelRowsWithTangents(GraphOps simd, Node.KernelKind kind) {
        sizes().forEach(m -> {
            int d = 3;
            double[] x1 = random(d, 8, -1, 1);
            double[] x2t = random(d * m, 9, -1, 1);
            if (m > 0) {
                for (int e = 0; e < d; e++) {
                    x2t[e * m] = x1[1 + e];   // column 0 coincides with the row's point: r = 0
                }
            }
            double[] invL = new double[d];
            for (int e = 0; e < d; e++) {
                invL[e] = 1 / (0.5 + e);
            }
            int slots = 3;
            int[] start = {0, 1, 4, 4};
            int[] dim = {0, 0, 1, 2};
            double[] coef = {0.5, -0.3, 0.2, 0.9};
            double[] coefV = {0, 0.4, 1.1};
            double[] ka = new double[m + 2];
            double[] kb = new double[m + 2];
            double[] ta = new double[slots * m + 5];
            double[] tb = new double[slots * m + 5];
            double[] kbA = new double[m];
            double[] kbB = new double[m];
            double[] vgA = new double[m];
            double[] vgB = new double[m];
            SCALAR.kernelRow(kind, x1, 1, x2t, m, d, invL, 1.7, ka, 2, kbA, vgA);
            simd.kernelRow(kind, x1, 1, x2t, m, d, invL, 1.7, kb, 2, kbB, vgB);
            close(ka, kb, 0, kind + " values m=" + m);
            close(kbA, kbB, 0, kind + " base kernel m=" + m);
            close(vgA, vgB, 0, kind + " slope m=" + m);
            double[] valuesOnly = new double[m + 2];
            simd.kernelRow(kind, x1, 1, x2t, m, d, invL, 1.7, valuesOnly, 2, null, new double[m]);
            close(kb, valuesOnly, 0, kind + " values without tangent rows m=" + m);
            // Slot 0: one entry, no variance term; slot 1: three entries and a variance term;
            // slot 2: the variance alone.
            SCALAR.kernelTangentRow(x1, 1, x2t, m, kbA, vgA, slots, start, dim, coef, coefV, ta, 1, m);
            simd.kernelTangentRow(x1, 1, x2t, m, kbA, vgA, slots, start, dim, coef, coefV, tb, 1, m);
            close(ta, tb, 0, kind + " tangents m=" + m);
            for (int j = 0; j < m; j++) {
                double d0 = x1[1] - x2t[j];
                assertEquals(vgA[j] * 0.5 * d0 * d0, ta[1 + j], 1e-14, "single-entry slot by hand");
                assertEquals(1.1 * kbA[j], ta[1 + 2 * m + j], 1e-15, "variance slot by hand");
            }
            for (double v : tb) {
                org.junit.jupiter.api.Assertions.assertTrue(Double.isFinite(v), kind + " finite at r = 0");
            }
        });
    }
}
