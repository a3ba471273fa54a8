package org.parax4j.engine.internal.linalg;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API implementation of {@link RbfTraceKernels}: one strip of columns (a vector) at a time,
 * the rows streaming past four distance sums and the weights' sum held in registers (sixteen of them
 * suffice, so AVX2 does not spill), the input dimensions four per pass. Rows whose strip crosses the
 * diagonal, and the strip past the block's last column, load under a mask: their other lanes read
 * zeros, add {@code ±0} and leave the sums' bits as the scalar twin, which skips them, leaves them.
 * Lane {@code u} runs the twin's chains, so results are bit-identical. One tiny subclass per width
 * keeps the species a constant.
 */
abstract sealed class PanamaRbfTraceKernels implements RbfTraceKernels
        permits PanamaRbfTraceKernels.Bits128, PanamaRbfTraceKernels.Bits256, PanamaRbfTraceKernels.Bits512 {

    /** Input dimensions per pass over a strip's rows. */
    static final int DIMS = 4;

    static PanamaRbfTraceKernels ofBits(int bits) {
        return switch (bits) {
            case 128 -> new Bits128();
            case 256 -> new Bits256();
            case 512 -> new Bits512();
            default -> throw new IllegalArgumentException("bits must be 128, 256 or 512, got " + bits);
        };
    }

    abstract VectorSpecies<Double> species();

    @Override
    public void accumulate(double[] x, int xOff, int xStride, double[] t, int tOff, int tStride, double[] a,
            double[] f, int ld, int d, int c0, int c1, int i0, int i1, double[] sums, int sOff) {
        int lanes = species().length();
        int w = c1 - c0;
        for (int u = 0; u < w; u += lanes) {
            int first = Math.max(i0, c0 + u + 1); // the first row with a column j < i in this strip
            if (first >= i1) {
                return; // and none in the strips to its right
            }
            for (int g = 0; g < Math.max(d, 1); g += DIMS) {
                strip(x, xOff, xStride, t, tOff, tStride, a, f, ld, d, c0, u, w, i0, first, i1, g, sums, sOff);
            }
        }
    }

    /**
     * Columns {@code c0 + u …} (one vector) over rows {@code first … i1 − 1}: the distance sums of
     * dimensions {@code g … g + 3} (those below {@code d}) and, in the first pass, the weights' sum.
     */
    private void strip(double[] x, int xOff, int xStride, double[] t, int tOff, int tStride, double[] a, double[] f,
            int ld, int d, int c0, int u, int w, int i0, int first, int i1, int g, double[] sums, int sOff) {
        VectorSpecies<Double> s = species();
        VectorMask<Double> cols = s.indexInRange(u, w);
        int j = c0 + u;
        // dimensions past d repeat the last one; their sums are not stored
        int last = Math.max(d - 1, 0);
        int q0 = Math.min(g, last);
        int q1 = Math.min(g + 1, last);
        int q2 = Math.min(g + 2, last);
        int q3 = Math.min(g + 3, last);
        DoubleVector aj = DoubleVector.fromArray(s, a, j, cols);
        DoubleVector f0 = DoubleVector.fromArray(s, f, q0 * ld + j, cols);
        DoubleVector f1 = DoubleVector.fromArray(s, f, q1 * ld + j, cols);
        DoubleVector f2 = DoubleVector.fromArray(s, f, q2 * ld + j, cols);
        DoubleVector f3 = DoubleVector.fromArray(s, f, q3 * ld + j, cols);
        int o0 = sOff + q0 * w + u;
        int o1 = sOff + q1 * w + u;
        int o2 = sOff + q2 * w + u;
        int o3 = sOff + q3 * w + u;
        int ow = sOff + d * w + u;
        DoubleVector s0 = DoubleVector.fromArray(s, sums, o0, cols);
        DoubleVector s1 = DoubleVector.fromArray(s, sums, o1, cols);
        DoubleVector s2 = DoubleVector.fromArray(s, sums, o2, cols);
        DoubleVector s3 = DoubleVector.fromArray(s, sums, o3, cols);
        DoubleVector sw = DoubleVector.fromArray(s, sums, ow, cols);
        for (int i = first; i < i1; i++) {
            VectorMask<Double> valid = s.indexInRange(u, Math.min(w, i - c0));
            int r = i - i0;
            DoubleVector xv = DoubleVector.fromArray(s, x, xOff + r * xStride + u, valid);
            DoubleVector tv = DoubleVector.fromArray(s, t, tOff + r * tStride + u, valid);
            DoubleVector m = aj.fma(DoubleVector.broadcast(s, a[i]), xv.neg()).mul(tv);
            sw = sw.add(m);
            DoubleVector e0 = f0.sub(f[q0 * ld + i]);
            s0 = m.fma(e0.mul(e0), s0);
            DoubleVector e1 = f1.sub(f[q1 * ld + i]);
            s1 = m.fma(e1.mul(e1), s1);
            DoubleVector e2 = f2.sub(f[q2 * ld + i]);
            s2 = m.fma(e2.mul(e2), s2);
            DoubleVector e3 = f3.sub(f[q3 * ld + i]);
            s3 = m.fma(e3.mul(e3), s3);
        }
        if (g < d) {
            s0.intoArray(sums, o0, cols);
        }
        if (g + 1 < d) {
            s1.intoArray(sums, o1, cols);
        }
        if (g + 2 < d) {
            s2.intoArray(sums, o2, cols);
        }
        if (g + 3 < d) {
            s3.intoArray(sums, o3, cols);
        }
        if (g == 0) {
            sw.intoArray(sums, ow, cols);
        }
    }

    static final class Bits128 extends PanamaRbfTraceKernels {
        @Override
        VectorSpecies<Double> species() {
            return DoubleVector.SPECIES_128; // a constant for C2
        }
    }

    static final class Bits256 extends PanamaRbfTraceKernels {
        @Override
        VectorSpecies<Double> species() {
            return DoubleVector.SPECIES_256; // a constant for C2
        }
    }

    static final class Bits512 extends PanamaRbfTraceKernels {
        @Override
        VectorSpecies<Double> species() {
            return DoubleVector.SPECIES_512; // a constant for C2
        }
    }
}
