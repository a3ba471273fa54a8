package org.parax4j.engine.internal.linalg;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API implementation of {@link PanelKernels}: columns are lanes; with 512-bit vectors (32
 * registers) rows go in fours by six vectors when their count is a multiple of four, else in sixes by
 * three, then fours by three (independent FMA chains per register tile, as a BLIS micro-kernel), over
 * depth blocks of {@link #DEPTH_BLOCK}; then single vectors, the last one masked to the column tail,
 * and the row remainder one row at a time. Lane {@code j} performs exactly the scalar twin's chain of
 * fused multiply-adds (a depth block stores the running value and the next one reloads it, which is
 * exact), so results are bit-identical. One tiny subclass per width keeps the species a constant.
 *
 * <p>Needed duplication: the tiles are the same loop unrolled to 12, 18 and 24 named accumulators,
 * and the masked six-row vector of a lower trapezoid's edge the same chain with masks: accumulators
 * must be locals for C2 to keep them in registers (a {@code DoubleVector[]} or a shared helper taking
 * vectors puts them on the heap).
 * The six-row tiles' step loop is written twice: by the loop counter where {@code a}'s rows are
 * contiguous (the Cholesky, matrix solves), so C2 hoists its range checks, and strided otherwise.
 */
abstract sealed class PanamaPanelKernels extends PanamaEdgeTiles implements PanelKernels
        permits PanamaPanelKernels.Bits128, PanamaPanelKernels.Bits256, PanamaPanelKernels.Bits512 {

    /**
     * Depth of one pass of the register tiles: the tiles' rows of {@code a} (6 × 256 doubles, 12 KB)
     * stay in L1 while the columns sweep, and {@code p}'s block streams from L2.
     */
    static final int DEPTH_BLOCK = 256;

    static PanamaPanelKernels ofBits(int bits) {
        return switch (bits) {
            case 128 -> new Bits128();
            case 256 -> new Bits256();
            case 512 -> new Bits512();
            default -> throw new IllegalArgumentException("bits must be 128, 256 or 512, got " + bits);
        };
    }

    @Override
    abstract VectorSpecies<Double> species();

    @Override
    public void subtractProduct(double[] c, int cOff, int cStride, double[] a, int aOff, int aRowStride,
            int aColStride, double[] p, int pOff, int pStride, int rows, int cols, int depth) {
        int lanes = species().length();
        int r = 0;
        if (lanes == 8 && rows % 4 == 0 && cols >= 6 * lanes) {
            // 4 × 6 vectors: ten loads per 24 FMAs, 56 GFlop/s on a Zen 4 core against 50 for 6 × 3
            for (; r < rows; r += 4) {
                fourRows(c, cOff + r * cStride, cStride, a, aOff + r * aRowStride, aRowStride, aColStride, p, pOff,
                        pStride, cols, depth);
            }
            return;
        }
        if (lanes == 8) {
            // 512-bit vectors (32 registers): six rows by three vectors, 18 accumulators
            for (; r + 6 <= rows; r += 6) {
                int c0 = cOff + r * cStride;
                int a0 = aOff + r * aRowStride;
                int tiled = cols - cols % (3 * lanes);
                for (int k0 = 0; k0 < depth; k0 += DEPTH_BLOCK) {
                    int kd = Math.min(DEPTH_BLOCK, depth - k0);
                    for (int j = 0; j < tiled; j += 3 * lanes) {
                        block6x3(c, c0 + j, cStride, a, a0 + k0 * aColStride, aRowStride, aColStride, p,
                                pOff + k0 * pStride + j, pStride, kd);
                    }
                }
                // the column remainder: six-row single vectors (one pass over p each), the last one masked
                for (int j = tiled; j < cols; j += lanes) {
                    block6x1Masked(c, c0 + j, cStride, a, a0, aRowStride, aColStride, p, pOff + j, pStride, depth,
                            cols - j, cols - j);
                }
            }
        }
        for (; r + 4 <= rows; r += 4) {
            fourRows(c, cOff + r * cStride, cStride, a, aOff + r * aRowStride, aRowStride, aColStride, p, pOff,
                    pStride, cols, depth);
        }
        for (; r < rows; r++) {
            oneRow(c, cOff + r * cStride, a, aOff + r * aRowStride, aColStride, p, pOff, pStride, cols, depth);
        }
    }

    @Override
    public void subtractProductLower(double[] c, int cOff, int cStride, double[] a, int aOff, int aRowStride,
            int aColStride, double[] p, int pOff, int pStride, int rows, int cols, int depth, int diagonal) {
        int lanes = species().length();
        // The columns every row updates (up to row 0's width) in one product, in four-row tiles when rows
        // allow: most of a Cholesky trailing update (its row groups below the column block are full).
        int start = 0;
        if (lanes == 8 && rows % 4 == 0) {
            int w0 = width(0, cols, diagonal);
            start = w0 - w0 % (6 * lanes);
            if (start > 0) {
                subtractProduct(c, cOff, cStride, a, aOff, aRowStride, aColStride, p, pOff, pStride, rows, start, depth);
            }
        }
        int r = 0;
        if (lanes == 8) {
            // six-row blocks: full register tiles up to the first row's width, then masked vectors to the last row's
            for (; r + 6 <= rows; r += 6) {
                int lo = width(r, cols, diagonal);
                int hi = width(r + 5, cols, diagonal);
                int c0 = cOff + r * cStride;
                int a0 = aOff + r * aRowStride;
                int tiled = lo - (lo - start) % (3 * lanes);
                if (tiled > start) {
                    subtractProduct(c, c0 + start, cStride, a, a0, aRowStride, aColStride, p, pOff + start, pStride, 6,
                            tiled - start, depth);
                }
                for (int j = tiled; j < hi; j += lanes) {
                    // row r + q's width from column j: r + diagonal + 1 + q − j, at most cols − j
                    block6x1Masked(c, c0 + j, cStride, a, a0, aRowStride, aColStride, p, pOff + j, pStride, depth,
                            Math.clamp((long) r + diagonal + 1 - j, -6, cols - j), cols - j);
                }
            }
        }
        for (; r + 4 <= rows; r += 4) {
            // four rows up to the first one's width, then each row's own rest
            int lo = width(r, cols, diagonal);
            int c0 = cOff + r * cStride;
            int a0 = aOff + r * aRowStride;
            fourRows(c, c0 + start, cStride, a, a0, aRowStride, aColStride, p, pOff + start, pStride, lo - start, depth);
            for (int q = 1; q < 4; q++) {
                int w = width(r + q, cols, diagonal);
                oneRow(c, c0 + q * cStride + lo, a, a0 + q * aRowStride, aColStride, p, pOff + lo, pStride, w - lo,
                        depth);
            }
        }
        for (; r < rows; r++) {
            oneRow(c, cOff + r * cStride + start, a, aOff + r * aRowStride, aColStride, p, pOff + start, pStride,
                    width(r, cols, diagonal) - start, depth);
        }
    }

    /** Columns row {@code r} of a lower trapezoid updates. */
    private static int width(int r, int cols, int diagonal) {
        return Math.clamp((long) r + diagonal + 1, 0, cols);
    }

    /**
     * Four rows: register tiles of six (512-bit) and three vectors in depth blocks of {@link #DEPTH_BLOCK}
     * (each element's chain goes on through memory between blocks: same bits), then single vectors.
     */
    private void fourRows(double[] c, int c0, int cStride, double[] a, int a0, int aRowStride, int aColStride,
            double[] p, int pOff, int pStride, int cols, int depth) {
        VectorSpecies<Double> s = species();
        int lanes = s.length();
        int wide = lanes == 8 ? cols - cols % (6 * lanes) : 0;
        int tiled = cols - cols % (3 * lanes);
        for (int k0 = 0; k0 < depth; k0 += DEPTH_BLOCK) {
            int kd = Math.min(DEPTH_BLOCK, depth - k0);
            for (int j = 0; j < wide; j += 6 * lanes) {
                block4x6(c, c0 + j, cStride, a, a0 + k0 * aColStride, aRowStride, aColStride, p,
                        pOff + k0 * pStride + j, pStride, kd);
            }
            for (int j = wide; j < tiled; j += 3 * lanes) {
                block4x3(c, c0 + j, cStride, a, a0 + k0 * aColStride, aRowStride, aColStride, p,
                        pOff + k0 * pStride + j, pStride, kd);
            }
        }
        int c1 = c0 + cStride;
        int c2 = c1 + cStride;
        int c3 = c2 + cStride;
        int a1 = a0 + aRowStride;
        int a2 = a1 + aRowStride;
        int a3 = a2 + aRowStride;
        for (int j = tiled; j < cols; j += lanes) {
            VectorMask<Double> m = s.indexInRange(j, cols);
            DoubleVector acc0 = DoubleVector.fromArray(s, c, c0 + j, m);
            DoubleVector acc1 = DoubleVector.fromArray(s, c, c1 + j, m);
            DoubleVector acc2 = DoubleVector.fromArray(s, c, c2 + j, m);
            DoubleVector acc3 = DoubleVector.fromArray(s, c, c3 + j, m);
            int pk = pOff + j;
            int ak = 0;
            for (int k = 0; k < depth; k++, pk += pStride, ak += aColStride) {
                DoubleVector pv = DoubleVector.fromArray(s, p, pk, m);
                acc0 = pv.fma(DoubleVector.broadcast(s, -a[a0 + ak]), acc0);
                acc1 = pv.fma(DoubleVector.broadcast(s, -a[a1 + ak]), acc1);
                acc2 = pv.fma(DoubleVector.broadcast(s, -a[a2 + ak]), acc2);
                acc3 = pv.fma(DoubleVector.broadcast(s, -a[a3 + ak]), acc3);
            }
            acc0.intoArray(c, c0 + j, m);
            acc1.intoArray(c, c1 + j, m);
            acc2.intoArray(c, c2 + j, m);
            acc3.intoArray(c, c3 + j, m);
        }
    }

    /** One row: four-vector chains, then single vectors, the last one masked to the column tail. */
    private void oneRow(double[] c, int c0, double[] a, int a0, int aColStride, double[] p, int pOff, int pStride,
            int cols, int depth) {
        VectorSpecies<Double> s = species();
        int lanes = s.length();
        int j = 0;
        for (; j + 4 * lanes <= cols; j += 4 * lanes) {
            row1x4(c, c0 + j, a, a0, aColStride, p, pOff + j, pStride, depth);
        }
        for (; j < cols; j += lanes) {
            VectorMask<Double> m = s.indexInRange(j, cols);
            DoubleVector acc0 = DoubleVector.fromArray(s, c, c0 + j, m);
            int pk = pOff + j;
            int ak = a0;
            for (int k = 0; k < depth; k++, pk += pStride, ak += aColStride) {
                acc0 = DoubleVector.fromArray(s, p, pk, m).fma(DoubleVector.broadcast(s, -a[ak]), acc0);
            }
            acc0.intoArray(c, c0 + j, m);
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

    /**
     * Four rows by six vectors (512-bit only: 24 accumulators): per step {@code k} six loads of {@code p}
     * and four broadcasts of {@code a} for 24 fused multiply-adds, each accumulator the same chain.
     */
    private void block4x6(double[] c, int c0, int cStride, double[] a, int a0, int aRowStride, int aColStride,
            double[] p, int pk, int pStride, int depth) {
        VectorSpecies<Double> s = species();
        int l1 = s.length();
        int l2 = 2 * l1;
        int l3 = 3 * l1;
        int l4 = 4 * l1;
        int l5 = 5 * l1;
        int c1 = c0 + cStride;
        int c2 = c1 + cStride;
        int c3 = c2 + cStride;
        DoubleVector x00 = DoubleVector.fromArray(s, c, c0);
        DoubleVector x01 = DoubleVector.fromArray(s, c, c0 + l1);
        DoubleVector x02 = DoubleVector.fromArray(s, c, c0 + l2);
        DoubleVector x03 = DoubleVector.fromArray(s, c, c0 + l3);
        DoubleVector x04 = DoubleVector.fromArray(s, c, c0 + l4);
        DoubleVector x05 = DoubleVector.fromArray(s, c, c0 + l5);
        DoubleVector x10 = DoubleVector.fromArray(s, c, c1);
        DoubleVector x11 = DoubleVector.fromArray(s, c, c1 + l1);
        DoubleVector x12 = DoubleVector.fromArray(s, c, c1 + l2);
        DoubleVector x13 = DoubleVector.fromArray(s, c, c1 + l3);
        DoubleVector x14 = DoubleVector.fromArray(s, c, c1 + l4);
        DoubleVector x15 = DoubleVector.fromArray(s, c, c1 + l5);
        DoubleVector x20 = DoubleVector.fromArray(s, c, c2);
        DoubleVector x21 = DoubleVector.fromArray(s, c, c2 + l1);
        DoubleVector x22 = DoubleVector.fromArray(s, c, c2 + l2);
        DoubleVector x23 = DoubleVector.fromArray(s, c, c2 + l3);
        DoubleVector x24 = DoubleVector.fromArray(s, c, c2 + l4);
        DoubleVector x25 = DoubleVector.fromArray(s, c, c2 + l5);
        DoubleVector x30 = DoubleVector.fromArray(s, c, c3);
        DoubleVector x31 = DoubleVector.fromArray(s, c, c3 + l1);
        DoubleVector x32 = DoubleVector.fromArray(s, c, c3 + l2);
        DoubleVector x33 = DoubleVector.fromArray(s, c, c3 + l3);
        DoubleVector x34 = DoubleVector.fromArray(s, c, c3 + l4);
        DoubleVector x35 = DoubleVector.fromArray(s, c, c3 + l5);
        int a1 = a0 + aRowStride;
        int a2 = a1 + aRowStride;
        int a3 = a2 + aRowStride;
        for (int k = 0, ak = 0; k < depth; k++, pk += pStride, ak += aColStride) {
            DoubleVector p0 = DoubleVector.fromArray(s, p, pk);
            DoubleVector p1 = DoubleVector.fromArray(s, p, pk + l1);
            DoubleVector p2 = DoubleVector.fromArray(s, p, pk + l2);
            DoubleVector p3 = DoubleVector.fromArray(s, p, pk + l3);
            DoubleVector p4 = DoubleVector.fromArray(s, p, pk + l4);
            DoubleVector p5 = DoubleVector.fromArray(s, p, pk + l5);
            DoubleVector b0 = DoubleVector.broadcast(s, -a[a0 + ak]);
            x00 = p0.fma(b0, x00);
            x01 = p1.fma(b0, x01);
            x02 = p2.fma(b0, x02);
            x03 = p3.fma(b0, x03);
            x04 = p4.fma(b0, x04);
            x05 = p5.fma(b0, x05);
            DoubleVector b1 = DoubleVector.broadcast(s, -a[a1 + ak]);
            x10 = p0.fma(b1, x10);
            x11 = p1.fma(b1, x11);
            x12 = p2.fma(b1, x12);
            x13 = p3.fma(b1, x13);
            x14 = p4.fma(b1, x14);
            x15 = p5.fma(b1, x15);
            DoubleVector b2 = DoubleVector.broadcast(s, -a[a2 + ak]);
            x20 = p0.fma(b2, x20);
            x21 = p1.fma(b2, x21);
            x22 = p2.fma(b2, x22);
            x23 = p3.fma(b2, x23);
            x24 = p4.fma(b2, x24);
            x25 = p5.fma(b2, x25);
            DoubleVector b3 = DoubleVector.broadcast(s, -a[a3 + ak]);
            x30 = p0.fma(b3, x30);
            x31 = p1.fma(b3, x31);
            x32 = p2.fma(b3, x32);
            x33 = p3.fma(b3, x33);
            x34 = p4.fma(b3, x34);
            x35 = p5.fma(b3, x35);
        }
        x00.intoArray(c, c0);
        x01.intoArray(c, c0 + l1);
        x02.intoArray(c, c0 + l2);
        x03.intoArray(c, c0 + l3);
        x04.intoArray(c, c0 + l4);
        x05.intoArray(c, c0 + l5);
        x10.intoArray(c, c1);
        x11.intoArray(c, c1 + l1);
        x12.intoArray(c, c1 + l2);
        x13.intoArray(c, c1 + l3);
        x14.intoArray(c, c1 + l4);
        x15.intoArray(c, c1 + l5);
        x20.intoArray(c, c2);
        x21.intoArray(c, c2 + l1);
        x22.intoArray(c, c2 + l2);
        x23.intoArray(c, c2 + l3);
        x24.intoArray(c, c2 + l4);
        x25.intoArray(c, c2 + l5);
        x30.intoArray(c, c3);
        x31.intoArray(c, c3 + l1);
        x32.intoArray(c, c3 + l2);
        x33.intoArray(c, c3 + l3);
        x34.intoArray(c, c3 + l4);
        x35.intoArray(c, c3 + l5);
    }

    /**
     * One row by four vectors: four independent chains per step {@code k} (a single chain would wait
     * on each fused multiply-add's latency), each the same chain as a one-vector loop's.
     */
    private void row1x4(double[] c, int c0, double[] a, int ak, int aColStride, double[] p, int pk, int pStride,
            int depth) {
        VectorSpecies<Double> s = species();
        int lanes = s.length();
        DoubleVector x0 = DoubleVector.fromArray(s, c, c0);
        DoubleVector x1 = DoubleVector.fromArray(s, c, c0 + lanes);
        DoubleVector x2 = DoubleVector.fromArray(s, c, c0 + 2 * lanes);
        DoubleVector x3 = DoubleVector.fromArray(s, c, c0 + 3 * lanes);
        for (int k = 0; k < depth; k++, pk += pStride, ak += aColStride) {
            DoubleVector b = DoubleVector.broadcast(s, -a[ak]);
            x0 = DoubleVector.fromArray(s, p, pk).fma(b, x0);
            x1 = DoubleVector.fromArray(s, p, pk + lanes).fma(b, x1);
            x2 = DoubleVector.fromArray(s, p, pk + 2 * lanes).fma(b, x2);
            x3 = DoubleVector.fromArray(s, p, pk + 3 * lanes).fma(b, x3);
        }
        x0.intoArray(c, c0);
        x1.intoArray(c, c0 + lanes);
        x2.intoArray(c, c0 + 2 * lanes);
        x3.intoArray(c, c0 + 3 * lanes);
    }

    /**
     * Six rows by three vectors (512-bit only: 18 accumulators): per step {@code k} three loads of
     * {@code p} and six broadcasts of {@code a} for 18 fused multiply-adds, each the same chain.
     */
    private void block6x3(double[] c, int c0, int cStride, double[] a, int a0, int aRowStride, int aColStride,
            double[] p, int pk, int pStride, int depth) {
        VectorSpecies<Double> s = species();
        int lanes = s.length();
        int c1 = c0 + 1 * cStride;
        int c2 = c0 + 2 * cStride;
        int c3 = c0 + 3 * cStride;
        int c4 = c0 + 4 * cStride;
        int c5 = c0 + 5 * cStride;
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
        DoubleVector x40 = DoubleVector.fromArray(s, c, c4);
        DoubleVector x41 = DoubleVector.fromArray(s, c, c4 + lanes);
        DoubleVector x42 = DoubleVector.fromArray(s, c, c4 + 2 * lanes);
        DoubleVector x50 = DoubleVector.fromArray(s, c, c5);
        DoubleVector x51 = DoubleVector.fromArray(s, c, c5 + lanes);
        DoubleVector x52 = DoubleVector.fromArray(s, c, c5 + 2 * lanes);
        int a1 = a0 + 1 * aRowStride;
        int a2 = a0 + 2 * aRowStride;
        int a3 = a0 + 3 * aRowStride;
        int a4 = a0 + 4 * aRowStride;
        int a5 = a0 + 5 * aRowStride;
        // The unit-stride loop indexes a by the loop counter, so C2 hoists its range checks (a separate
        // index stepping by a variable stride keeps six checks per step, about 10 % of the tile's rate).
        if (aColStride == 1) {
            for (int k = 0; k < depth; k++, pk += pStride) {
                DoubleVector p0 = DoubleVector.fromArray(s, p, pk);
                DoubleVector p1 = DoubleVector.fromArray(s, p, pk + lanes);
                DoubleVector p2 = DoubleVector.fromArray(s, p, pk + 2 * lanes);
                DoubleVector b0 = DoubleVector.broadcast(s, -a[a0 + k]);
                x00 = p0.fma(b0, x00);
                x01 = p1.fma(b0, x01);
                x02 = p2.fma(b0, x02);
                DoubleVector b1 = DoubleVector.broadcast(s, -a[a1 + k]);
                x10 = p0.fma(b1, x10);
                x11 = p1.fma(b1, x11);
                x12 = p2.fma(b1, x12);
                DoubleVector b2 = DoubleVector.broadcast(s, -a[a2 + k]);
                x20 = p0.fma(b2, x20);
                x21 = p1.fma(b2, x21);
                x22 = p2.fma(b2, x22);
                DoubleVector b3 = DoubleVector.broadcast(s, -a[a3 + k]);
                x30 = p0.fma(b3, x30);
                x31 = p1.fma(b3, x31);
                x32 = p2.fma(b3, x32);
                DoubleVector b4 = DoubleVector.broadcast(s, -a[a4 + k]);
                x40 = p0.fma(b4, x40);
                x41 = p1.fma(b4, x41);
                x42 = p2.fma(b4, x42);
                DoubleVector b5 = DoubleVector.broadcast(s, -a[a5 + k]);
                x50 = p0.fma(b5, x50);
                x51 = p1.fma(b5, x51);
                x52 = p2.fma(b5, x52);
            }
        } else {
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
                DoubleVector b4 = DoubleVector.broadcast(s, -a[a4 + ak]);
                x40 = p0.fma(b4, x40);
                x41 = p1.fma(b4, x41);
                x42 = p2.fma(b4, x42);
                DoubleVector b5 = DoubleVector.broadcast(s, -a[a5 + ak]);
                x50 = p0.fma(b5, x50);
                x51 = p1.fma(b5, x51);
                x52 = p2.fma(b5, x52);
            }
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
        x40.intoArray(c, c4);
        x41.intoArray(c, c4 + lanes);
        x42.intoArray(c, c4 + 2 * lanes);
        x50.intoArray(c, c5);
        x51.intoArray(c, c5 + lanes);
        x52.intoArray(c, c5 + 2 * lanes);
    }

    static final class Bits128 extends PanamaPanelKernels {
        @Override
        VectorSpecies<Double> species() {
            return DoubleVector.SPECIES_128; // a constant for C2
        }
    }

    static final class Bits256 extends PanamaPanelKernels {
        @Override
        VectorSpecies<Double> species() {
            return DoubleVector.SPECIES_256; // a constant for C2
        }
    }

    static final class Bits512 extends PanamaPanelKernels {
        @Override
        VectorSpecies<Double> species() {
            return DoubleVector.SPECIES_512; // a constant for C2
        }
    }
}
