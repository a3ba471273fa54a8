package org.parax4j.engine.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.parax4j.engine.EngineOptions;

/**
 * The inverse from a Cholesky factor equals, bit for bit, the plain loops of the chain its Javadoc
 * states: {@code X = L⁻¹} with each element one fused multiply-add chain over {@code k} ascending,
 * then {@code Y = L⁻ᵀX} with each element's chain over the rows below its group of four (anchored
 * at {@code n}) first, then the group's rows below it, then the division. Sizes cross the 96-column
 * blocks and make groups of four straddle a block boundary ({@code n ≢ 0 mod 4}); one and two
 * threads, with and without the mirror. (A change of blocking or of the order of a product's parts
 * must keep these bits: the Friedman fit's stop depends on them.)
 */
class TriangularInverseTest {

    @ParameterizedTest
    @ValueSource(ints = {5, 97, 194, 290, 291, 385})
    void theInverseIsThePlainChainBitForBit(int n) {
        double[] l = CholeskyTest.spd(n, 7L * n);
        assertTrue(Cholesky.factor(l, n, new double[Cholesky.panelLength(n)], false) < 0);
        double[] expected = plainInverseLower(l, n);
        for (EngineOptions options : new EngineOptions[] {EngineOptions.singleThreaded(), EngineOptions.ofParallelism(2)}) {
            double[] mirrored = new double[n * n];
            TriangularSolve.inverse(l, n, mirrored, options);
            double[] lower = new double[n * n];
            double[] b = new double[n];
            Arrays.fill(b, 1.0);
            TriangularSolve.solveAndInverse(l, n, b, lower, false, options);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j <= i; j++) {
                    long want = Double.doubleToRawLongBits(expected[i * n + j]);
                    assertEquals(want, Double.doubleToRawLongBits(mirrored[i * n + j]), "mirrored (" + i + ", " + j + ")");
                    assertEquals(want, Double.doubleToRawLongBits(mirrored[j * n + i]), "mirror image (" + j + ", " + i + ")");
                    assertEquals(want, Double.doubleToRawLongBits(lower[i * n + j]), "lower only (" + i + ", " + j + ")");
                }
            }
        }
    }

    /**
     * With caller scratch (reused between calls, left holding other values): the same bits, for one,
     * two and three threads; a short or shared scratch is refused before anything is written.
     */
    @ParameterizedTest
    @ValueSource(ints = {97, 290})
    void callerScratchGivesTheSameBits(int n) {
        double[] l = CholeskyTest.spd(n, 11L * n);
        assertTrue(Cholesky.factor(l, n, new double[Cholesky.panelLength(n)], false) < 0);
        double[] expected = plainInverseLower(l, n);
        for (int threads = 1; threads <= 3; threads++) {
            EngineOptions options = EngineOptions.ofParallelism(threads);
            double[] scratch = new double[TriangularSolve.inverseScratchLength(n, options)];
            for (int call = 0; call < 2; call++) {
                Arrays.fill(scratch, call == 0 ? Double.NaN : 1e300);
                double[] lower = new double[n * n];
                double[] b = new double[n];
                Arrays.fill(b, 1.0);
                TriangularSolve.solveAndInverse(l, n, b, lower, false, options, scratch);
                double[] mirrored = new double[n * n];
                Arrays.fill(scratch, Double.NaN);
                TriangularSolve.inverse(l, n, mirrored, options, scratch);
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j <= i; j++) {
                        long want = Double.doubleToRawLongBits(expected[i * n + j]);
                        String where = "(" + i + ", " + j + "), " + threads + " thread(s), call " + call;
                        assertEquals(want, Double.doubleToRawLongBits(lower[i * n + j]), where);
                        assertEquals(want, Double.doubleToRawLongBits(mirrored[i * n + j]), "mirrored " + where);
                        assertEquals(want, Double.doubleToRawLongBits(mirrored[j * n + i]), "mirror image " + where);
                    }
                }
            }
        }
    }

    @Test
    void aShortOrSharedScratchIsRefusedAndNothingIsWritten() {
        int n = 300;
        double[] l = CholeskyTest.spd(n, 5);
        assertTrue(Cholesky.factor(l, n, new double[Cholesky.panelLength(n)], false) < 0);
        EngineOptions two = EngineOptions.ofParallelism(2);
        int length = TriangularSolve.inverseScratchLength(n, two);
        assertEquals(2 * n * 96, length);
        assertEquals(n * 96, TriangularSolve.inverseScratchLength(n, EngineOptions.singleThreaded()));
        assertEquals(25, TriangularSolve.inverseScratchLength(5, two)); // below 256: one thread, n·n
        double[] out = new double[n * n];
        double[] b = new double[n];
        Arrays.fill(b, 2.0);
        IllegalArgumentException shortOne = assertThrows(IllegalArgumentException.class,
                () -> TriangularSolve.solveAndInverse(l, n, b, out, true, two, new double[length - 1]));
        assertEquals("scratch must hold inverseScratchLength(n, options) = " + length + " doubles, got "
                + (length - 1), shortOne.getMessage());
        double[] big = new double[Math.max(length, n * n)];
        assertThrows(IllegalArgumentException.class,
                () -> TriangularSolve.solveAndInverse(l, n, b, big, true, two, big));
        assertArrayEquals(new double[n * n], out, "out untouched");
        double[] twos = new double[n];
        Arrays.fill(twos, 2.0);
        assertArrayEquals(twos, b, "b untouched");
        assertThrows(IllegalArgumentException.class, () -> TriangularSolve.inverseScratchLength(-1, two));
    }

    /** The vector solve with {@code Lᵀ} is, bit for bit, one chain per element over {@code k} descending. */
    @ParameterizedTest
    @ValueSource(ints = {1, 3, 4, 5, 98})
    void theTransposedSolveIsTheDescendingChain(int n) {
        double[] l = CholeskyTest.spd(n, 17L * n);
        assertTrue(Cholesky.factor(l, n, new double[Cholesky.panelLength(n)], false) < 0);
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            b[i] = Math.sin(i + 1.0);
        }
        double[] want = b.clone();
        for (int i = n - 1; i >= 0; i--) {
            double acc = want[i];
            for (int k = n - 1; k > i; k--) {
                acc = Math.fma(-l[k * n + i], want[k], acc);
            }
            want[i] = acc / l[i * n + i];
        }
        TriangularSolve.lowerTransposed(l, n, b);
        for (int i = 0; i < n; i++) {
            assertEquals(Double.doubleToRawLongBits(want[i]), Double.doubleToRawLongBits(b[i]), "element " + i);
        }
    }

    /**
     * The visited blocks are the stored inverse's lower triangle bit for bit, each block once, at the
     * block's columns; every visit already sees {@code b} solved (the solve's bits); one, two and three
     * threads, participants within their range.
     */
    @ParameterizedTest
    @ValueSource(ints = {5, 97, 290})
    void visitedBlocksAreTheStoredInverse(int n) {
        double[] l = CholeskyTest.spd(n, 13L * n);
        assertTrue(Cholesky.factor(l, n, new double[Cholesky.panelLength(n)], false) < 0);
        double[] stored = new double[n * n];
        double[] solved = new double[n];
        Arrays.fill(solved, 1.0);
        TriangularSolve.solveAndInverse(l, n, solved, stored, false, EngineOptions.singleThreaded());
        for (int threads = 1; threads <= 3; threads++) {
            EngineOptions options = EngineOptions.ofParallelism(threads);
            int participants = TriangularSolve.inverseParticipants(n, options);
            double[] seen = new double[n * n];
            int[] visits = new int[TriangularSolve.inverseBlockCount(n)];
            double[] b = new double[n];
            Arrays.fill(b, 1.0);
            double[] bAtVisits = new double[visits.length * n];
            TriangularSolve.solveAndVisitInverse(l, n, b, options, null, (participant, block, c0, c1, values, offset,
                    stride) -> {
                assertTrue(participant >= 0 && participant < participants, "participant " + participant);
                assertEquals(block * TriangularSolve.INVERSE_BLOCK, c0);
                assertEquals(Math.min(n, c0 + TriangularSolve.INVERSE_BLOCK), c1);
                synchronized (visits) {
                    visits[block]++;
                }
                System.arraycopy(b, 0, bAtVisits, block * n, n);
                for (int i = c0; i < n; i++) {
                    for (int j = c0; j < Math.min(c1, i + 1); j++) {
                        seen[i * n + j] = values[offset + (i - c0) * stride + (j - c0)];
                    }
                }
            });
            for (int block = 0; block < visits.length; block++) {
                assertEquals(1, visits[block], "visits of block " + block);
                assertArrayEquals(solved, Arrays.copyOfRange(bAtVisits, block * n, block * n + n),
                        threads + " threads: b solved before block " + block + " is visited");
            }
            assertArrayEquals(solved, b, threads + " threads: the solve");
            for (int i = 0; i < n; i++) {
                for (int j = 0; j <= i; j++) {
                    assertEquals(Double.doubleToRawLongBits(stored[i * n + j]), Double.doubleToRawLongBits(seen[i * n + j]),
                            threads + " threads (" + i + ", " + j + ")");
                }
            }
        }
        double[] untouched = new double[n];
        Arrays.fill(untouched, 2.0);
        double[] b = untouched.clone();
        EngineOptions two = EngineOptions.ofParallelism(2);
        TriangularSolve.BlockVisitor nothing = (p, block, c0, c1, values, offset, stride) -> { };
        assertThrows(IllegalArgumentException.class, () -> TriangularSolve.solveAndVisitInverse(l, n, b, two, null,
                null), "null visitor");
        assertThrows(IllegalArgumentException.class, () -> TriangularSolve.solveAndVisitInverse(l, n, b, two,
                new double[TriangularSolve.inverseScratchLength(n, two) - 1], nothing), "short scratch");
        assertThrows(IllegalArgumentException.class, () -> TriangularSolve.solveAndVisitInverse(l, n, l, two, null,
                nothing), "b is the factor");
        assertThrows(IllegalArgumentException.class, () -> TriangularSolve.solveAndVisitInverse(l, n, b, two, b,
                nothing), "scratch is b");
        assertArrayEquals(untouched, b, "a refused call leaves b as it was");
        assertThrows(IllegalArgumentException.class, () -> TriangularSolve.inverseBlockCount(-1));
        assertThrows(IllegalArgumentException.class, () -> TriangularSolve.inverseParticipants(n, null));
    }

    /** The lower triangle of {@code L⁻ᵀL⁻¹} by the stated chains, in plain loops. */
    private static double[] plainInverseLower(double[] l, int n) {
        double[] x = new double[n * n];
        for (int j = 0; j < n; j++) {
            for (int i = j; i < n; i++) {
                double acc = i == j ? 1 : 0;
                for (int k = j; k < i; k++) {
                    acc = Math.fma(-l[i * n + k], x[k * n + j], acc);
                }
                x[i * n + j] = acc / l[i * n + i];
            }
        }
        double[] y = new double[n * n];
        for (int j = 0; j < n; j++) {
            for (int i = n - 1; i >= j; i--) {
                int hi = n - 4 * ((n - 1 - i) / 4); // the end of i's group of four, anchored at n
                double acc = x[i * n + j];
                for (int k = hi; k < n; k++) {
                    acc = Math.fma(-l[k * n + i], y[k * n + j], acc);
                }
                for (int k = i + 1; k < hi; k++) {
                    acc = Math.fma(-l[k * n + i], y[k * n + j], acc);
                }
                y[i * n + j] = acc / l[i * n + i];
            }
        }
        return y;
    }
}
