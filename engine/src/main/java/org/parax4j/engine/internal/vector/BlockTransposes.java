package org.parax4j.engine.internal.vector;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;

/**
 * Tile transposes in square blocks of {@code L × L} held in registers: {@code L} row vectors are
 * loaded, transposed by {@code log₂ L} rounds of two-vector lane permutations, and stored as
 * {@code L} column vectors; the ragged edges are copied element by element. A round maps vectors
 * {@code (v_m, v_{m+L/2})} to {@code zipLow(v_m, v_{m+L/2})} and {@code zipHigh(v_m, v_{m+L/2})}
 * (lanes interleaved from the low, respectively the high, halves), which after {@code log₂ L}
 * rounds leaves column {@code c} in vector {@code c}. One permutation ({@code vpermt2pd} on
 * AVX-512) per {@code L} elements and round replaces a load and a store per element, and every
 * memory access is a whole vector. Copying is exact, so the result equals the scalar twin's.
 *
 * <p>Each block size lives in its own holder class, so that only the species this CPU uses are
 * initialised. Block methods take arrays, never vectors, so no vector crosses a call.
 *
 * <p>Needed duplication: {@code Doubles8} and {@code Floats8} (and the other double/float pairs)
 * are the same eight-register network over {@code DoubleVector} and {@code FloatVector}. C2
 * intrinsifies Vector API calls only on a concrete vector class known at compile time; one body
 * over {@code Vector<E>} or behind a lambda materialises every vector on the heap (allocation per
 * block instead of registers), so each element type keeps its own copy.
 */
final class BlockTransposes {

    private BlockTransposes() {}

    /** One square block: {@code dst[d + c·ds + r] = src[s + r·ss + c]} for {@code r, c < size}. */
    @FunctionalInterface
    interface DoubleBlock {
        void transpose(double[] src, int s, int ss, double[] dst, int d, int ds);
    }

    /** {@link DoubleBlock} for floats. */
    @FunctionalInterface
    interface FloatBlock {
        void transpose(float[] src, int s, int ss, float[] dst, int d, int ds);
    }

    /** Doubles in 8 × 8 blocks of 512-bit vectors. */
    static void doubles8(double[] src, int so, int ss, int rows, int cols, double[] dst, int dOff, int ds) {
        doubles(8, Doubles8::block, src, so, ss, rows, cols, dst, dOff, ds);
    }

    /** Doubles in 4 × 4 blocks of 256-bit vectors. */
    static void doubles4(double[] src, int so, int ss, int rows, int cols, double[] dst, int dOff, int ds) {
        doubles(4, Doubles4::block, src, so, ss, rows, cols, dst, dOff, ds);
    }

    /** Floats in 8 × 8 blocks of 256-bit vectors. */
    static void floats8(float[] src, int so, int ss, int rows, int cols, float[] dst, int dOff, int ds) {
        floats(8, Floats8::block, src, so, ss, rows, cols, dst, dOff, ds);
    }

    /** Floats in 16 × 16 blocks of 512-bit vectors. */
    static void floats16(float[] src, int so, int ss, int rows, int cols, float[] dst, int dOff, int ds) {
        floats(16, Floats16::block, src, so, ss, rows, cols, dst, dOff, ds);
    }

    /**
     * Whole {@code size × size} blocks, source rows in order (so each source row's segment is read
     * once and the destination rows are written front to back), then the ragged edges.
     */
    private static void doubles(int size, DoubleBlock block, double[] src, int so, int ss, int rows, int cols,
            double[] dst, int dOff, int ds) {
        int rowBlocks = rows - rows % size;
        int colBlocks = cols - cols % size;
        for (int r = 0; r < rowBlocks; r += size) {
            for (int c = 0; c < colBlocks; c += size) {
                block.transpose(src, so + r * ss + c, ss, dst, dOff + c * ds + r, ds);
            }
        }
        scalar(src, so, ss, rowBlocks, rows, 0, cols, dst, dOff, ds);
        scalar(src, so, ss, 0, rowBlocks, colBlocks, cols, dst, dOff, ds);
    }

    /** {@link #doubles} for floats. */
    private static void floats(int size, FloatBlock block, float[] src, int so, int ss, int rows, int cols,
            float[] dst, int dOff, int ds) {
        int rowBlocks = rows - rows % size;
        int colBlocks = cols - cols % size;
        for (int r = 0; r < rowBlocks; r += size) {
            for (int c = 0; c < colBlocks; c += size) {
                block.transpose(src, so + r * ss + c, ss, dst, dOff + c * ds + r, ds);
            }
        }
        scalar(src, so, ss, rowBlocks, rows, 0, cols, dst, dOff, ds);
        scalar(src, so, ss, 0, rowBlocks, colBlocks, cols, dst, dOff, ds);
    }

    /** The reference: rows {@code [r0, r1)} × columns {@code [c0, c1)}, element by element. */
    static void scalar(double[] src, int so, int ss, int r0, int r1, int c0, int c1, double[] dst, int dOff, int ds) {
        for (int c = c0; c < c1; c++) {
            for (int r = r0; r < r1; r++) {
                dst[dOff + c * ds + r] = src[so + r * ss + c];
            }
        }
    }

    /** {@link #scalar(double[], int, int, int, int, int, int, double[], int, int)} for floats. */
    static void scalar(float[] src, int so, int ss, int r0, int r1, int c0, int c1, float[] dst, int dOff, int ds) {
        for (int c = c0; c < c1; c++) {
            for (int r = r0; r < r1; r++) {
                dst[dOff + c * ds + r] = src[so + r * ss + c];
            }
        }
    }

    private static final class Doubles8 {
        static final DoubleVector LOW = DoubleVector.fromArray(PanamaConstants.DOUBLE_512,
                new double[] {0, 8, 1, 9, 2, 10, 3, 11}, 0);
        static final DoubleVector HIGH = DoubleVector.fromArray(PanamaConstants.DOUBLE_512,
                new double[] {4, 12, 5, 13, 6, 14, 7, 15}, 0);

        static void block(double[] src, int s, int ss, double[] dst, int d, int ds) {
            DoubleVector lo = LOW;
            DoubleVector hi = HIGH;
            DoubleVector v0 = DoubleVector.fromArray(PanamaConstants.DOUBLE_512, src, s);
            DoubleVector v1 = DoubleVector.fromArray(PanamaConstants.DOUBLE_512, src, s + ss);
            DoubleVector v2 = DoubleVector.fromArray(PanamaConstants.DOUBLE_512, src, s + 2 * ss);
            DoubleVector v3 = DoubleVector.fromArray(PanamaConstants.DOUBLE_512, src, s + 3 * ss);
            DoubleVector v4 = DoubleVector.fromArray(PanamaConstants.DOUBLE_512, src, s + 4 * ss);
            DoubleVector v5 = DoubleVector.fromArray(PanamaConstants.DOUBLE_512, src, s + 5 * ss);
            DoubleVector v6 = DoubleVector.fromArray(PanamaConstants.DOUBLE_512, src, s + 6 * ss);
            DoubleVector v7 = DoubleVector.fromArray(PanamaConstants.DOUBLE_512, src, s + 7 * ss);
            for (int round = 0; round < 3; round++) {
                DoubleVector a0 = lo.selectFrom(v0, v4);
                DoubleVector a1 = hi.selectFrom(v0, v4);
                DoubleVector a2 = lo.selectFrom(v1, v5);
                DoubleVector a3 = hi.selectFrom(v1, v5);
                DoubleVector a4 = lo.selectFrom(v2, v6);
                DoubleVector a5 = hi.selectFrom(v2, v6);
                DoubleVector a6 = lo.selectFrom(v3, v7);
                DoubleVector a7 = hi.selectFrom(v3, v7);
                v0 = a0;
                v1 = a1;
                v2 = a2;
                v3 = a3;
                v4 = a4;
                v5 = a5;
                v6 = a6;
                v7 = a7;
            }
            v0.intoArray(dst, d);
            v1.intoArray(dst, d + ds);
            v2.intoArray(dst, d + 2 * ds);
            v3.intoArray(dst, d + 3 * ds);
            v4.intoArray(dst, d + 4 * ds);
            v5.intoArray(dst, d + 5 * ds);
            v6.intoArray(dst, d + 6 * ds);
            v7.intoArray(dst, d + 7 * ds);
        }
    }

    private static final class Doubles4 {
        static final DoubleVector LOW = DoubleVector.fromArray(PanamaConstants.DOUBLE_256, new double[] {0, 4, 1, 5}, 0);
        static final DoubleVector HIGH = DoubleVector.fromArray(PanamaConstants.DOUBLE_256, new double[] {2, 6, 3, 7}, 0);

        static void block(double[] src, int s, int ss, double[] dst, int d, int ds) {
            DoubleVector lo = LOW;
            DoubleVector hi = HIGH;
            DoubleVector v0 = DoubleVector.fromArray(PanamaConstants.DOUBLE_256, src, s);
            DoubleVector v1 = DoubleVector.fromArray(PanamaConstants.DOUBLE_256, src, s + ss);
            DoubleVector v2 = DoubleVector.fromArray(PanamaConstants.DOUBLE_256, src, s + 2 * ss);
            DoubleVector v3 = DoubleVector.fromArray(PanamaConstants.DOUBLE_256, src, s + 3 * ss);
            for (int round = 0; round < 2; round++) {
                DoubleVector a0 = lo.selectFrom(v0, v2);
                DoubleVector a1 = hi.selectFrom(v0, v2);
                DoubleVector a2 = lo.selectFrom(v1, v3);
                DoubleVector a3 = hi.selectFrom(v1, v3);
                v0 = a0;
                v1 = a1;
                v2 = a2;
                v3 = a3;
            }
            v0.intoArray(dst, d);
            v1.intoArray(dst, d + ds);
            v2.intoArray(dst, d + 2 * ds);
            v3.intoArray(dst, d + 3 * ds);
        }
    }

    private static final class Floats8 {
        static final FloatVector LOW = FloatVector.fromArray(PanamaConstants.FLOAT_256,
                new float[] {0, 8, 1, 9, 2, 10, 3, 11}, 0);
        static final FloatVector HIGH = FloatVector.fromArray(PanamaConstants.FLOAT_256,
                new float[] {4, 12, 5, 13, 6, 14, 7, 15}, 0);

        static void block(float[] src, int s, int ss, float[] dst, int d, int ds) {
            FloatVector lo = LOW;
            FloatVector hi = HIGH;
            FloatVector v0 = FloatVector.fromArray(PanamaConstants.FLOAT_256, src, s);
            FloatVector v1 = FloatVector.fromArray(PanamaConstants.FLOAT_256, src, s + ss);
            FloatVector v2 = FloatVector.fromArray(PanamaConstants.FLOAT_256, src, s + 2 * ss);
            FloatVector v3 = FloatVector.fromArray(PanamaConstants.FLOAT_256, src, s + 3 * ss);
            FloatVector v4 = FloatVector.fromArray(PanamaConstants.FLOAT_256, src, s + 4 * ss);
            FloatVector v5 = FloatVector.fromArray(PanamaConstants.FLOAT_256, src, s + 5 * ss);
            FloatVector v6 = FloatVector.fromArray(PanamaConstants.FLOAT_256, src, s + 6 * ss);
            FloatVector v7 = FloatVector.fromArray(PanamaConstants.FLOAT_256, src, s + 7 * ss);
            for (int round = 0; round < 3; round++) {
                FloatVector a0 = lo.selectFrom(v0, v4);
                FloatVector a1 = hi.selectFrom(v0, v4);
                FloatVector a2 = lo.selectFrom(v1, v5);
                FloatVector a3 = hi.selectFrom(v1, v5);
                FloatVector a4 = lo.selectFrom(v2, v6);
                FloatVector a5 = hi.selectFrom(v2, v6);
                FloatVector a6 = lo.selectFrom(v3, v7);
                FloatVector a7 = hi.selectFrom(v3, v7);
                v0 = a0;
                v1 = a1;
                v2 = a2;
                v3 = a3;
                v4 = a4;
                v5 = a5;
                v6 = a6;
                v7 = a7;
            }
            v0.intoArray(dst, d);
            v1.intoArray(dst, d + ds);
            v2.intoArray(dst, d + 2 * ds);
            v3.intoArray(dst, d + 3 * ds);
            v4.intoArray(dst, d + 4 * ds);
            v5.intoArray(dst, d + 5 * ds);
            v6.intoArray(dst, d + 6 * ds);
            v7.intoArray(dst, d + 7 * ds);
        }
    }

    private static final class Floats16 {
        static final FloatVector LOW = FloatVector.fromArray(PanamaConstants.FLOAT_512,
                new float[] {0, 16, 1, 17, 2, 18, 3, 19, 4, 20, 5, 21, 6, 22, 7, 23}, 0);
        static final FloatVector HIGH = FloatVector.fromArray(PanamaConstants.FLOAT_512,
                new float[] {8, 24, 9, 25, 10, 26, 11, 27, 12, 28, 13, 29, 14, 30, 15, 31}, 0);

        static void block(float[] src, int s, int ss, float[] dst, int d, int ds) {
            FloatVector lo = LOW;
            FloatVector hi = HIGH;
            FloatVector v0 = FloatVector.fromArray(PanamaConstants.FLOAT_512, src, s + 0 * ss);
            FloatVector v1 = FloatVector.fromArray(PanamaConstants.FLOAT_512, src, s + 1 * ss);
            FloatVector v2 = FloatVector.fromArray(PanamaConstants.FLOAT_512, src, s + 2 * ss);
            FloatVector v3 = FloatVector.fromArray(PanamaConstants.FLOAT_512, src, s + 3 * ss);
            FloatVector v4 = FloatVector.fromArray(PanamaConstants.FLOAT_512, src, s + 4 * ss);
            FloatVector v5 = FloatVector.fromArray(PanamaConstants.FLOAT_512, src, s + 5 * ss);
            FloatVector v6 = FloatVector.fromArray(PanamaConstants.FLOAT_512, src, s + 6 * ss);
            FloatVector v7 = FloatVector.fromArray(PanamaConstants.FLOAT_512, src, s + 7 * ss);
            FloatVector v8 = FloatVector.fromArray(PanamaConstants.FLOAT_512, src, s + 8 * ss);
            FloatVector v9 = FloatVector.fromArray(PanamaConstants.FLOAT_512, src, s + 9 * ss);
            FloatVector v10 = FloatVector.fromArray(PanamaConstants.FLOAT_512, src, s + 10 * ss);
            FloatVector v11 = FloatVector.fromArray(PanamaConstants.FLOAT_512, src, s + 11 * ss);
            FloatVector v12 = FloatVector.fromArray(PanamaConstants.FLOAT_512, src, s + 12 * ss);
            FloatVector v13 = FloatVector.fromArray(PanamaConstants.FLOAT_512, src, s + 13 * ss);
            FloatVector v14 = FloatVector.fromArray(PanamaConstants.FLOAT_512, src, s + 14 * ss);
            FloatVector v15 = FloatVector.fromArray(PanamaConstants.FLOAT_512, src, s + 15 * ss);
            for (int round = 0; round < 4; round++) {
                FloatVector a0 = lo.selectFrom(v0, v8);
                FloatVector a1 = hi.selectFrom(v0, v8);
                FloatVector a2 = lo.selectFrom(v1, v9);
                FloatVector a3 = hi.selectFrom(v1, v9);
                FloatVector a4 = lo.selectFrom(v2, v10);
                FloatVector a5 = hi.selectFrom(v2, v10);
                FloatVector a6 = lo.selectFrom(v3, v11);
                FloatVector a7 = hi.selectFrom(v3, v11);
                FloatVector a8 = lo.selectFrom(v4, v12);
                FloatVector a9 = hi.selectFrom(v4, v12);
                FloatVector a10 = lo.selectFrom(v5, v13);
                FloatVector a11 = hi.selectFrom(v5, v13);
                FloatVector a12 = lo.selectFrom(v6, v14);
                FloatVector a13 = hi.selectFrom(v6, v14);
                FloatVector a14 = lo.selectFrom(v7, v15);
                FloatVector a15 = hi.selectFrom(v7, v15);
                v0 = a0;
                v1 = a1;
                v2 = a2;
                v3 = a3;
                v4 = a4;
                v5 = a5;
                v6 = a6;
                v7 = a7;
                v8 = a8;
                v9 = a9;
                v10 = a10;
                v11 = a11;
                v12 = a12;
                v13 = a13;
                v14 = a14;
                v15 = a15;
            }
            v0.intoArray(dst, d + 0 * ds);
            v1.intoArray(dst, d + 1 * ds);
            v2.intoArray(dst, d + 2 * ds);
            v3.intoArray(dst, d + 3 * ds);
            v4.intoArray(dst, d + 4 * ds);
            v5.intoArray(dst, d + 5 * ds);
            v6.intoArray(dst, d + 6 * ds);
            v7.intoArray(dst, d + 7 * ds);
            v8.intoArray(dst, d + 8 * ds);
            v9.intoArray(dst, d + 9 * ds);
            v10.intoArray(dst, d + 10 * ds);
            v11.intoArray(dst, d + 11 * ds);
            v12.intoArray(dst, d + 12 * ds);
            v13.intoArray(dst, d + 13 * ds);
            v14.intoArray(dst, d + 14 * ds);
            v15.intoArray(dst, d + 15 * ds);
        }
    }
}
