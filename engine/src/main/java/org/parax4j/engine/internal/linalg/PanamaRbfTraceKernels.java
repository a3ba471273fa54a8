package org.parax4j.engine.internal.linalg;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API implementation of {@link RbfTraceKernels}: one strip of columns (a vector) at a time,
 * the rows streaming past four distance sums and the weights' sum held in registers (sixteen of them
 * suffice, so AVX2 does not spill), the input dimensions four per pass. Rows whose strip crosses the
 * diagonal, and every row of the strip past the block's last column, load under a mask and blend the
 * new sums into their valid lanes only, so the other lanes keep their bits whatever they held, as the
 * scalar twin, which skips those elements, keeps them. Lane {@code u} runs the twin's chains, so
 * results are bit-identical. One tiny subclass per width keeps the species a constant.
 *
 * <p>Needed duplication: the masked and the unmasked row loops are the same body in two methods. The
 * accumulators must be locals for C2 to keep them in registers (a shared helper taking vectors boxes
 * them), and one method holding both loops made C1's on-stack-replacement compile fail ("out of virtual
 * registers in linear scan", seen in 1 JVM of 6): the loop then stayed interpreted, 80 times slower.
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
            for (int g = 0; g < d; g += DIMS) {
                strip(x, xOff, xStride, t, tOff, tStride, a, f, ld, d, c0, u, w, i0, first, i1, g, sums, sOff);
            }
        }
    }

    /**
     * Columns {@code c0 + u …} (one vector) over rows {@code first … i1 − 1}: the distance sums of
     * dimensions {@code g … g + 3} (past {@code d}, the last dimension again: its sums computed twice,
     * stored twice, the same bits) and, in the first pass, the weights' sum. Rows crossing the diagonal,
     * and every row of the column tail's strip, go under a mask ({@link #maskedRows}); the rows below see
     * every lane ({@link #fullRows}).
     */
    private void strip(double[] x, int xOff, int xStride, double[] t, int tOff, int tStride, double[] a, double[] f,
            int ld, int d, int c0, int u, int w, int i0, int first, int i1, int g, double[] sums, int sOff) {
        int last = d - 1;
        int q0 = Math.min(g, last);
        int q1 = Math.min(g + 1, last);
        int q2 = Math.min(g + 2, last);
        int q3 = Math.min(g + 3, last);
        int masked = u + species().length() <= w ? Math.min(i1, Math.max(first, c0 + u + species().length())) : i1;
        if (first < masked) {
            maskedRows(x, xOff, xStride, t, tOff, tStride, a, f, ld, d, c0, u, w, i0, first, masked, g, q0, q1, q2,
                    q3, sums, sOff);
        }
        if (masked < i1) {
            fullRows(x, xOff, xStride, t, tOff, tStride, a, f, ld, d, c0, u, w, i0, masked, i1, g, q0, q1, q2, q3,
                    sums, sOff);
        }
    }

    /**
     * Rows {@code r0 … r1 − 1} of a strip under a mask of their valid lanes ({@code j < i} and inside
     * the block): loads read only those, and the new sums are blended into them only, so the other lanes
     * keep their bits whatever they held (the scalar twin skips those elements).
     */
    private void maskedRows(double[] x, int xOff, int xStride, double[] t, int tOff, int tStride, double[] a,
            double[] f, int ld, int d, int c0, int u, int w, int i0, int r0, int r1, int g, int q0, int q1, int q2,
            int q3, double[] sums, int sOff) {
        VectorSpecies<Double> s = species();
        VectorMask<Double> cols = s.indexInRange(u, w);
        int j = c0 + u;
        DoubleVector aj = DoubleVector.fromArray(s, a, j, cols);
        DoubleVector f0 = DoubleVector.fromArray(s, f, q0 * ld + j, cols);
        DoubleVector f1 = DoubleVector.fromArray(s, f, q1 * ld + j, cols);
        DoubleVector f2 = DoubleVector.fromArray(s, f, q2 * ld + j, cols);
        DoubleVector f3 = DoubleVector.fromArray(s, f, q3 * ld + j, cols);
        DoubleVector s0 = DoubleVector.fromArray(s, sums, sOff + q0 * w + u, cols);
        DoubleVector s1 = DoubleVector.fromArray(s, sums, sOff + q1 * w + u, cols);
        DoubleVector s2 = DoubleVector.fromArray(s, sums, sOff + q2 * w + u, cols);
        DoubleVector s3 = DoubleVector.fromArray(s, sums, sOff + q3 * w + u, cols);
        DoubleVector sw = DoubleVector.fromArray(s, sums, sOff + d * w + u, cols);
        for (int i = r0; i < r1; i++) {
            VectorMask<Double> valid = s.indexInRange(u, Math.min(w, i - c0));
            int r = i - i0;
            DoubleVector xv = DoubleVector.fromArray(s, x, xOff + r * xStride + u, valid);
            DoubleVector tv = DoubleVector.fromArray(s, t, tOff + r * tStride + u, valid);
            DoubleVector m = aj.fma(DoubleVector.broadcast(s, a[i]), xv.neg()).mul(tv);
            sw = sw.blend(sw.add(m), valid);
            DoubleVector e0 = f0.sub(f[q0 * ld + i]);
            s0 = s0.blend(m.fma(e0.mul(e0), s0), valid);
            DoubleVector e1 = f1.sub(f[q1 * ld + i]);
            s1 = s1.blend(m.fma(e1.mul(e1), s1), valid);
            DoubleVector e2 = f2.sub(f[q2 * ld + i]);
            s2 = s2.blend(m.fma(e2.mul(e2), s2), valid);
            DoubleVector e3 = f3.sub(f[q3 * ld + i]);
            s3 = s3.blend(m.fma(e3.mul(e3), s3), valid);
        }
        s0.intoArray(sums, sOff + q0 * w + u, cols);
        s1.intoArray(sums, sOff + q1 * w + u, cols);
        s2.intoArray(sums, sOff + q2 * w + u, cols);
        s3.intoArray(sums, sOff + q3 * w + u, cols);
        if (g == 0) {
            sw.intoArray(sums, sOff + d * w + u, cols);
        }
    }

    /** Rows {@code r0 … r1 − 1} of a whole strip, every lane valid: plain loads, no mask. */
    private void fullRows(double[] x, int xOff, int xStride, double[] t, int tOff, int tStride, double[] a,
            double[] f, int ld, int d, int c0, int u, int w, int i0, int r0, int r1, int g, int q0, int q1, int q2,
            int q3, double[] sums, int sOff) {
        VectorSpecies<Double> s = species();
        int j = c0 + u;
        DoubleVector aj = DoubleVector.fromArray(s, a, j);
        DoubleVector f0 = DoubleVector.fromArray(s, f, q0 * ld + j);
        DoubleVector f1 = DoubleVector.fromArray(s, f, q1 * ld + j);
        DoubleVector f2 = DoubleVector.fromArray(s, f, q2 * ld + j);
        DoubleVector f3 = DoubleVector.fromArray(s, f, q3 * ld + j);
        DoubleVector s0 = DoubleVector.fromArray(s, sums, sOff + q0 * w + u);
        DoubleVector s1 = DoubleVector.fromArray(s, sums, sOff + q1 * w + u);
        DoubleVector s2 = DoubleVector.fromArray(s, sums, sOff + q2 * w + u);
        DoubleVector s3 = DoubleVector.fromArray(s, sums, sOff + q3 * w + u);
        DoubleVector sw = DoubleVector.fromArray(s, sums, sOff + d * w + u);
        for (int i = r0; i < r1; i++) {
            int r = i - i0;
            DoubleVector xv = DoubleVector.fromArray(s, x, xOff + r * xStride + u);
            DoubleVector tv = DoubleVector.fromArray(s, t, tOff + r * tStride + u);
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
        s0.intoArray(sums, sOff + q0 * w + u);
        s1.intoArray(sums, sOff + q1 * w + u);
        s2.intoArray(sums, sOff + q2 * w + u);
        s3.intoArray(sums, sOff + q3 * w + u);
        if (g == 0) {
            sw.intoArray(sums, sOff + d * w + u);
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
