package org.parax4j.engine.internal.linalg;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API implementation of {@link PanelKernels}: columns are lanes, rows go in groups of four
 * and columns in blocks of three vectors (twelve independent FMA chains per register tile, as a
 * BLIS micro-kernel), then single vectors, the column tail and the row
 * remainder run the scalar twin's loop. Lane {@code j} performs exactly the scalar twin's chain of
 * fused multiply-adds, so results are bit-identical. One tiny subclass per width keeps the species
 * a compile-time constant for C2.
 */
abstract sealed class PanamaPanelKernels implements PanelKernels
        permits PanamaPanelKernels.Bits128, PanamaPanelKernels.Bits256, PanamaPanelKernels.Bits512 {

    static PanamaPanelKernels ofBits(int bits) {
        return switch (bits) {
            case 128 -> new Bits128();
            case 256 -> new Bits256();
            case 512 -> new Bits512();
            default -> throw new IllegalArgumentException("bits must be 128, 256 or 512, got " + bits);
        };
    }

    abstract VectorSpecies<Double> species();

    @Override
    public void subtractProduct(double[] c, int cOff, int cStride, double[] a, int aOff, int aRowStride,
            int aColStride, double[] p, int pOff, int pStride, int rows, int cols, int depth) {
        VectorSpecies<Double> s = species();
        int lanes = s.length();
        int vecCols = cols - cols % lanes;
        int r = 0;
        for (; r + 4 <= rows; r += 4) {
            int c0 = cOff + r * cStride;
            int c1 = c0 + cStride;
            int c2 = c1 + cStride;
            int c3 = c2 + cStride;
            int a0 = aOff + r * aRowStride;
            int a1 = a0 + aRowStride;
            int a2 = a1 + aRowStride;
            int a3 = a2 + aRowStride;
            int j = 0;
            for (; j + 3 * lanes <= vecCols; j += 3 * lanes) {
                block4x3(c, c0 + j, cStride, a, a0, aRowStride, aColStride, p, pOff + j, pStride, depth);
            }
            for (; j < vecCols; j += lanes) {
                DoubleVector acc0 = DoubleVector.fromArray(s, c, c0 + j);
                DoubleVector acc1 = DoubleVector.fromArray(s, c, c1 + j);
                DoubleVector acc2 = DoubleVector.fromArray(s, c, c2 + j);
                DoubleVector acc3 = DoubleVector.fromArray(s, c, c3 + j);
                int pk = pOff + j;
                int ak = 0;
                for (int k = 0; k < depth; k++, pk += pStride, ak += aColStride) {
                    DoubleVector pv = DoubleVector.fromArray(s, p, pk);
                    acc0 = pv.fma(DoubleVector.broadcast(s, -a[a0 + ak]), acc0);
                    acc1 = pv.fma(DoubleVector.broadcast(s, -a[a1 + ak]), acc1);
                    acc2 = pv.fma(DoubleVector.broadcast(s, -a[a2 + ak]), acc2);
                    acc3 = pv.fma(DoubleVector.broadcast(s, -a[a3 + ak]), acc3);
                }
                acc0.intoArray(c, c0 + j);
                acc1.intoArray(c, c1 + j);
                acc2.intoArray(c, c2 + j);
                acc3.intoArray(c, c3 + j);
            }
            if (vecCols < cols) {
                scalarBlock(c, c0 + vecCols, cStride, a, a0, aRowStride, aColStride, p, pOff + vecCols, pStride, 4,
                        cols - vecCols, depth);
            }
        }
        for (; r < rows; r++) {
            int c0 = cOff + r * cStride;
            int a0 = aOff + r * aRowStride;
            for (int j = 0; j < vecCols; j += lanes) {
                DoubleVector acc0 = DoubleVector.fromArray(s, c, c0 + j);
                int pk = pOff + j;
                int ak = a0;
                for (int k = 0; k < depth; k++, pk += pStride, ak += aColStride) {
                    acc0 = DoubleVector.fromArray(s, p, pk).fma(DoubleVector.broadcast(s, -a[ak]), acc0);
                }
                acc0.intoArray(c, c0 + j);
            }
            if (vecCols < cols) {
                scalarBlock(c, c0 + vecCols, cStride, a, a0, aRowStride, aColStride, p, pOff + vecCols, pStride, 1,
                        cols - vecCols, depth);
            }
        }
    }

    /**
     * Four rows by three vectors of columns: twelve independent chains, per step {@code k} three
     * loads of {@code p} and four broadcasts of {@code a} for twelve fused multiply-adds.
     */
    private void block4x3(double[] c, int c0, int cStride, double[] a, int a0, int aRowStride, int aColStride,
            double[] p, int pk, int pStride, int depth) {
        VectorSpecies<Double> s = species(); // a constant once C2 inlines the one subclass's species()
        int lanes = s.length();
        int c1 = c0 + cStride;
        int c2 = c1 + cStride;
        int c3 = c2 + cStride;
        DoubleVector x00 = DoubleVector.fromArray(s, c, c0);
        DoubleVector x01 = DoubleVector.fromArray(s, c, c0 + lanes);
        DoubleVector x02 = DoubleVector.fromArray(s, c, c0 + 2 * lanes);
        DoubleVector x10 = DoubleVector.fromArray(s, c, c1);
        DoubleVector x11 = DoubleVector.fromArray(s, c, c1 + lanes);
        DoubleVector x12 = DoubleVector.fromArray(s, c, c1 + 2 * lanes);
        DoubleVector x20 = DoubleVector.fromArray(s, c, c2);
        DoubleVector x21 = DoubleVector.fromArray(s, c, c2 + lanes);
        DoubleVector x22 = DoubleVector.fromArray(s, c, c2 + 2 * lanes);
        DoubleVector x30 = DoubleVector.fromArray(s, c, c3);
        DoubleVector x31 = DoubleVector.fromArray(s, c, c3 + lanes);
        DoubleVector x32 = DoubleVector.fromArray(s, c, c3 + 2 * lanes);
        int a1 = a0 + aRowStride;
        int a2 = a1 + aRowStride;
        int a3 = a2 + aRowStride;
        for (int k = 0, ak = 0; k < depth; k++, pk += pStride, ak += aColStride) {
            DoubleVector p0 = DoubleVector.fromArray(s, p, pk);
            DoubleVector p1 = DoubleVector.fromArray(s, p, pk + lanes);
            DoubleVector p2 = DoubleVector.fromArray(s, p, pk + 2 * lanes);
            DoubleVector b0 = DoubleVector.broadcast(s, -a[a0 + ak]);
            x00 = p0.fma(b0, x00);
            x01 = p1.fma(b0, x01);
            x02 = p2.fma(b0, x02);
            DoubleVector b1 = DoubleVector.broadcast(s, -a[a1 + ak]);
            x10 = p0.fma(b1, x10);
            x11 = p1.fma(b1, x11);
            x12 = p2.fma(b1, x12);
            DoubleVector b2 = DoubleVector.broadcast(s, -a[a2 + ak]);
            x20 = p0.fma(b2, x20);
            x21 = p1.fma(b2, x21);
            x22 = p2.fma(b2, x22);
            DoubleVector b3 = DoubleVector.broadcast(s, -a[a3 + ak]);
            x30 = p0.fma(b3, x30);
            x31 = p1.fma(b3, x31);
            x32 = p2.fma(b3, x32);
        }
        x00.intoArray(c, c0);
        x01.intoArray(c, c0 + lanes);
        x02.intoArray(c, c0 + 2 * lanes);
        x10.intoArray(c, c1);
        x11.intoArray(c, c1 + lanes);
        x12.intoArray(c, c1 + 2 * lanes);
        x20.intoArray(c, c2);
        x21.intoArray(c, c2 + lanes);
        x22.intoArray(c, c2 + 2 * lanes);
        x30.intoArray(c, c3);
        x31.intoArray(c, c3 + lanes);
        x32.intoArray(c, c3 + 2 * lanes);
    }

    private static void scalarBlock(double[] c, int cOff, int cStride, double[] a, int aOff, int aRowStride,
            int aColStride, double[] p, int pOff, int pStride, int rows, int cols, int depth) {
        ScalarPanelKernels.INSTANCE.subtractProduct(c, cOff, cStride, a, aOff, aRowStride, aColStride, p, pOff,
                pStride, rows, cols, depth);
    }

    static final class Bits128 extends PanamaPanelKernels {
        private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_128;

        @Override
        VectorSpecies<Double> species() {
            return SPECIES;
        }
    }

    static final class Bits256 extends PanamaPanelKernels {
        private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_256;

        @Override
        VectorSpecies<Double> species() {
            return SPECIES;
        }
    }

    static final class Bits512 extends PanamaPanelKernels {
        private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_512;

        @Override
        VectorSpecies<Double> species() {
            return SPECIES;
        }
    }
}
