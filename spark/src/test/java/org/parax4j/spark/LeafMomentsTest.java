package org.parax4j.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.parax4j.engine.stats.Moments;
import org.parax4j.engine.stats.StreamingSummary;

class LeafMomentsTest {

    /** Rows with offsets far from zero, so rounding differences would show in the last bits. */
    static double[] rows(int rows, int dim, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] d = new double[rows * dim];
        for (int i = 0; i < d.length; i++) {
            d[i] = 1e3 * (i % dim) + rnd.nextGaussian() * (1 + i % 7);
        }
        return d;
    }

    @Test
    void scalarAndVectorLoopsHaveTheBitsOfStreamingSummaryForEveryWidth() {
        for (int dim : new int[] {1, 3, 7, 8, 13, 200}) {
            StreamingSummary reference = new StreamingSummary(dim);
            double[] mean = new double[dim];
            double[] m2 = new double[dim];
            double[] vmean = new double[dim];
            double[] vm2 = new double[dim];
            long count = 0;
            long vcount = 0;
            for (int call = 0; call < 5; call++) {
                int n = 1 + 37 * call;
                double[] d = rows(n, dim, 31L * dim + call);
                reference.addRows(d, 0, n);
                count = LeafMoments.scalar(d, n, dim, mean, m2, count);
                vcount = LeafMoments.Simd.add(d, n, dim, vmean, vm2, vcount);
            }
            Moments m = reference.moments();
            assertEquals(m.count(), count);
            assertEquals(m.count(), vcount);
            assertArrayEquals(m.mean(), mean, "scalar mean, dimension " + dim);
            assertArrayEquals(m.m2(), m2, "scalar m2, dimension " + dim);
            assertArrayEquals(m.mean(), vmean, "vector mean, dimension " + dim);
            assertArrayEquals(m.m2(), vm2, "vector m2, dimension " + dim);
        }
    }

    @Test
    void resetStartsANewLeafAndMomentsAreCopies() {
        LeafMoments acc = new LeafMoments(5);
        acc.addRows(rows(10, 5, 1), 10, 0, 7);
        acc.reset();
        double[] d = rows(20, 5, 2);
        acc.addRows(d, 20, 10, 7);
        StreamingSummary reference = new StreamingSummary(5);
        reference.addRows(d, 0, 20);
        assertEquals(reference.moments(), acc.moments());
    }

    @Test
    void aNonFiniteOutputNamesTheLowestSampleAndTheOutput() {
        double[] d = rows(50, 4, 3);
        d[17 * 4 + 2] = Double.NaN;
        d[30 * 4 + 1] = Double.POSITIVE_INFINITY;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new LeafMoments(4).addRows(d, 50, 1000, 99));
        assertTrue(e.getMessage().startsWith("output 2 of sample 1017 is NaN (seed 99)"), e.getMessage());
        // a finite value that overflows the running mean is not an error (as in StreamingSummary)
        double[] huge = {1.7e308, -1.7e308, 1.7e308};
        LeafMoments acc = new LeafMoments(1);
        acc.addRows(huge, 3, 0, 1);
        StreamingSummary reference = new StreamingSummary(1);
        reference.addRows(huge, 0, 3);
        assertArrayEquals(reference.moments().mean(), acc.moments().mean());
    }
}
