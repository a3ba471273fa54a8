package org.parax4j.engine.internal.linalg;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API implementation of {@link PanelKernels}: columns are lanes, rows go in groups of four
 * (each loaded {@code p} vector feeds four independent FMA chains), the column tail and the row
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
            for (int j = 0; j < vecCols; j += lanes) {
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
