package org.parax4j.engine.internal.vector;

import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API implementation of {@link VectorSupport}, written once over a species. Each width is a
 * tiny subclass whose species are {@code static final} constants from {@link PanamaConstants}; a
 * JVM that loads only one of them (production) lets C2 devirtualise {@link #doubles()} into a
 * constant, which the Vector API needs for intrinsics. Tests load several widths, which is
 * correct but slower.
 *
 * <p>The routines are layered by concept, one class each: elementwise tile operations
 * ({@link PanamaTiles}), kernel value tiles ({@link PanamaValueTiles}) and tangent tiles
 * ({@link PanamaTangentTiles}); this class adds only the widths.
 */
abstract sealed class PanamaVectorSupport extends PanamaTangentTiles
        permits PanamaVectorSupport.Bits128, PanamaVectorSupport.Bits256, PanamaVectorSupport.Bits512 {

    /** The implementation for {@code bits}-bit vectors (128, 256 or 512). */
    static PanamaVectorSupport ofBits(int bits) {
        return switch (bits) {
            case 128 -> new Bits128();
            case 256 -> new Bits256();
            case 512 -> new Bits512();
            default -> throw new IllegalArgumentException("bits must be 128, 256 or 512, got " + bits);
        };
    }

    private static final class Bits128 extends PanamaVectorSupport {
        @Override
        VectorSpecies<Double> doubles() {
            return PanamaConstants.DOUBLE_128;
        }

        @Override
        VectorSpecies<Float> floats() {
            return PanamaConstants.FLOAT_128;
        }
    }

    private static final class Bits256 extends PanamaVectorSupport {
        @Override
        VectorSpecies<Double> doubles() {
            return PanamaConstants.DOUBLE_256;
        }

        @Override
        VectorSpecies<Float> floats() {
            return PanamaConstants.FLOAT_256;
        }

        @Override
        public void transpose(double[] src, int srcOffset, int srcStride, int rows, int cols, double[] dst,
                int dstOffset, int dstStride) {
            BlockTransposes.doubles4(src, srcOffset, srcStride, rows, cols, dst, dstOffset, dstStride);
        }

        @Override
        public void transpose(float[] src, int srcOffset, int srcStride, int rows, int cols, float[] dst,
                int dstOffset, int dstStride) {
            BlockTransposes.floats8(src, srcOffset, srcStride, rows, cols, dst, dstOffset, dstStride);
        }
    }

    private static final class Bits512 extends PanamaVectorSupport {
        @Override
        VectorSpecies<Double> doubles() {
            return PanamaConstants.DOUBLE_512;
        }

        @Override
        VectorSpecies<Float> floats() {
            return PanamaConstants.FLOAT_512;
        }

        @Override
        public void transpose(double[] src, int srcOffset, int srcStride, int rows, int cols, double[] dst,
                int dstOffset, int dstStride) {
            BlockTransposes.doubles8(src, srcOffset, srcStride, rows, cols, dst, dstOffset, dstStride);
        }

        @Override
        public void transpose(float[] src, int srcOffset, int srcStride, int rows, int cols, float[] dst,
                int dstOffset, int dstStride) {
            BlockTransposes.floats16(src, srcOffset, srcStride, rows, cols, dst, dstOffset, dstStride);
        }
    }
}
