package org.parax4j.engine.internal.linalg;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * The masked six-row tile of a lower trapezoid's edge for {@link PanamaPanelKernels} (its superclass,
 * so that {@link #species()} is the same receiver's constant for C2).
 *
 * <p>Needed duplication, against the C1 compiler: the tile is written twice, for unit-stride and for
 * strided {@code a}, one loop per method. As one method holding both loops, C1's on-stack-replacement
 * compile of it sometimes failed ("out of virtual registers in linear scan": the Vector API's Java
 * code, inlined, is large), and in such a JVM the loop then stayed interpreted for good, boxing every
 * vector: a Cholesky at n = 1000 took 20–27 ms and allocated 235 MB per call instead of 5 ms and none,
 * in 2 to 3 of every 8 JVMs here. Accumulators must be locals (see {@link PanamaPanelKernels}), so the
 * two loops cannot share a helper.
 */
abstract sealed class PanamaEdgeTiles permits PanamaPanelKernels {

    abstract VectorSpecies<Double> species();

    /**
     * Six rows by one vector at the edge of a lower trapezoid: row {@code q} updates its lanes {@code j <
     * min(width0 + q, limit)}; loads of {@code p} are masked to the last row's width. One vector: a
     * three-vector masked tile was too large for C1, which left it interpreted and allocating.
     */
    final void block6x1Masked(double[] c, int c0, int cStride, double[] a, int a0, int aRowStride, int aColStride,
            double[] p, int pk, int pStride, int depth, int width0, int limit) {
        if (aColStride == 1) {
            block6x1MaskedUnit(c, c0, cStride, a, a0, aRowStride, p, pk, pStride, depth, width0, limit);
        } else {
            block6x1MaskedStrided(c, c0, cStride, a, a0, aRowStride, aColStride, p, pk, pStride, depth, width0, limit);
        }
    }

    /** {@link #block6x1Masked} with {@code a}'s rows contiguous: indexed by the loop counter, range checks hoisted. */
    private void block6x1MaskedUnit(double[] c, int c0, int cStride, double[] a, int a0, int aRowStride, double[] p,
            int pk, int pStride, int depth, int width0, int limit) {
        VectorSpecies<Double> s = species();
        VectorMask<Double> m5 = s.indexInRange(0, Math.min(width0 + 5, limit));
        int a1 = a0 + aRowStride;
        int a2 = a1 + aRowStride;
        int a3 = a2 + aRowStride;
        int a4 = a3 + aRowStride;
        int a5 = a4 + aRowStride;
        DoubleVector x0 = DoubleVector.fromArray(s, c, c0, s.indexInRange(0, Math.min(width0, limit)));
        DoubleVector x1 = DoubleVector.fromArray(s, c, c0 + cStride, s.indexInRange(0, Math.min(width0 + 1, limit)));
        DoubleVector x2 = DoubleVector.fromArray(s, c, c0 + 2 * cStride, s.indexInRange(0, Math.min(width0 + 2, limit)));
        DoubleVector x3 = DoubleVector.fromArray(s, c, c0 + 3 * cStride, s.indexInRange(0, Math.min(width0 + 3, limit)));
        DoubleVector x4 = DoubleVector.fromArray(s, c, c0 + 4 * cStride, s.indexInRange(0, Math.min(width0 + 4, limit)));
        DoubleVector x5 = DoubleVector.fromArray(s, c, c0 + 5 * cStride, m5);
        for (int k = 0; k < depth; k++, pk += pStride) {
            DoubleVector pv = DoubleVector.fromArray(s, p, pk, m5);
            x0 = pv.fma(DoubleVector.broadcast(s, -a[a0 + k]), x0);
            x1 = pv.fma(DoubleVector.broadcast(s, -a[a1 + k]), x1);
            x2 = pv.fma(DoubleVector.broadcast(s, -a[a2 + k]), x2);
            x3 = pv.fma(DoubleVector.broadcast(s, -a[a3 + k]), x3);
            x4 = pv.fma(DoubleVector.broadcast(s, -a[a4 + k]), x4);
            x5 = pv.fma(DoubleVector.broadcast(s, -a[a5 + k]), x5);
        }
        x0.intoArray(c, c0, s.indexInRange(0, Math.min(width0, limit)));
        x1.intoArray(c, c0 + cStride, s.indexInRange(0, Math.min(width0 + 1, limit)));
        x2.intoArray(c, c0 + 2 * cStride, s.indexInRange(0, Math.min(width0 + 2, limit)));
        x3.intoArray(c, c0 + 3 * cStride, s.indexInRange(0, Math.min(width0 + 3, limit)));
        x4.intoArray(c, c0 + 4 * cStride, s.indexInRange(0, Math.min(width0 + 4, limit)));
        x5.intoArray(c, c0 + 5 * cStride, m5);
    }

    /** {@link #block6x1Masked} with {@code a}'s columns {@code aColStride} apart. */
    private void block6x1MaskedStrided(double[] c, int c0, int cStride, double[] a, int a0, int aRowStride,
            int aColStride, double[] p, int pk, int pStride, int depth, int width0, int limit) {
        VectorSpecies<Double> s = species();
        VectorMask<Double> m5 = s.indexInRange(0, Math.min(width0 + 5, limit));
        int a1 = a0 + aRowStride;
        int a2 = a1 + aRowStride;
        int a3 = a2 + aRowStride;
        int a4 = a3 + aRowStride;
        int a5 = a4 + aRowStride;
        DoubleVector x0 = DoubleVector.fromArray(s, c, c0, s.indexInRange(0, Math.min(width0, limit)));
        DoubleVector x1 = DoubleVector.fromArray(s, c, c0 + cStride, s.indexInRange(0, Math.min(width0 + 1, limit)));
        DoubleVector x2 = DoubleVector.fromArray(s, c, c0 + 2 * cStride, s.indexInRange(0, Math.min(width0 + 2, limit)));
        DoubleVector x3 = DoubleVector.fromArray(s, c, c0 + 3 * cStride, s.indexInRange(0, Math.min(width0 + 3, limit)));
        DoubleVector x4 = DoubleVector.fromArray(s, c, c0 + 4 * cStride, s.indexInRange(0, Math.min(width0 + 4, limit)));
        DoubleVector x5 = DoubleVector.fromArray(s, c, c0 + 5 * cStride, m5);
        for (int k = 0, ak = 0; k < depth; k++, pk += pStride, ak += aColStride) {
            DoubleVector pv = DoubleVector.fromArray(s, p, pk, m5);
            x0 = pv.fma(DoubleVector.broadcast(s, -a[a0 + ak]), x0);
            x1 = pv.fma(DoubleVector.broadcast(s, -a[a1 + ak]), x1);
            x2 = pv.fma(DoubleVector.broadcast(s, -a[a2 + ak]), x2);
            x3 = pv.fma(DoubleVector.broadcast(s, -a[a3 + ak]), x3);
            x4 = pv.fma(DoubleVector.broadcast(s, -a[a4 + ak]), x4);
            x5 = pv.fma(DoubleVector.broadcast(s, -a[a5 + ak]), x5);
        }
        x0.intoArray(c, c0, s.indexInRange(0, Math.min(width0, limit)));
        x1.intoArray(c, c0 + cStride, s.indexInRange(0, Math.min(width0 + 1, limit)));
        x2.intoArray(c, c0 + 2 * cStride, s.indexInRange(0, Math.min(width0 + 2, limit)));
        x3.intoArray(c, c0 + 3 * cStride, s.indexInRange(0, Math.min(width0 + 3, limit)));
        x4.intoArray(c, c0 + 4 * cStride, s.indexInRange(0, Math.min(width0 + 4, limit)));
        x5.intoArray(c, c0 + 5 * cStride, m5);
    }
}
