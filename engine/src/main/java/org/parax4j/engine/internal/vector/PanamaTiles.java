package org.parax4j.engine.internal.vector;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The base of the Vector API twins ({@link PanamaVectorSupport}): the species of one vector width
 * and the elementwise tile routines (copies, sums, products, scalings and dot products of tiles)
 * that the value tiles ({@link PanamaValueTiles}) and tangent tiles ({@link PanamaTangentTiles})
 * build on. Each loop runs columns one vector at a time with the tail under a mask; each lane
 * performs {@link ScalarVectorSupport}'s operations in the same order. Stateless and thread-safe.
 */
abstract sealed class PanamaTiles implements VectorSupport permits PanamaValueTiles {

    /** The double species of this width: a constant of {@link PanamaConstants} in each final subclass. */
    abstract VectorSpecies<Double> doubles();

    /** The float species of this width. */
    abstract VectorSpecies<Float> floats();

    @Override
    public double squaredDistance(double[] a, int aOffset, double[] b, int bOffset, int length) {
        VectorSpecies<Double> doubles = doubles();
        int lanes = doubles.length();
        int k = 0;
        double sum = 0;
        if (length >= 2 * lanes) {
            // Two accumulators hide the latency of the dependent FMA chain.
            DoubleVector acc0 = DoubleVector.zero(doubles);
            DoubleVector acc1 = DoubleVector.zero(doubles);
            int bound = length - 2 * lanes;
            for (; k <= bound; k += 2 * lanes) {
                DoubleVector d0 = DoubleVector.fromArray(doubles, a, aOffset + k)
                        .sub(DoubleVector.fromArray(doubles, b, bOffset + k));
                DoubleVector d1 = DoubleVector.fromArray(doubles, a, aOffset + k + lanes)
                        .sub(DoubleVector.fromArray(doubles, b, bOffset + k + lanes));
                acc0 = d0.fma(d0, acc0);
                acc1 = d1.fma(d1, acc1);
            }
            sum = acc0.add(acc1).reduceLanes(VectorOperators.ADD);
        }
        for (; k < length; k++) {
            double diff = a[aOffset + k] - b[bOffset + k];
            sum += diff * diff;
        }
        return sum;
    }

    @Override
    public void productTile(double coef, double[] a, double[] b, double[] t, int stride, int rows, int cols) {
        VectorSpecies<Double> doubles = doubles();
        for (int row = 0; row < rows; row++) {
            int o = row * stride;
            for (int col = 0; col < cols; col += doubles.length()) {
                VectorMask<Double> mask = doubles.indexInRange(col, cols);
                DoubleVector.fromArray(doubles, a, o + col, mask).mul(coef)
                        .mul(DoubleVector.fromArray(doubles, b, o + col, mask)).intoArray(t, o + col, mask);
            }
        }
    }

    @Override
    public void scaledCopyTile(double coef, double[] a, double[] t, int stride, int rows, int cols) {
        VectorSpecies<Double> doubles = doubles();
        for (int row = 0; row < rows; row++) {
            int o = row * stride;
            for (int col = 0; col < cols; col += doubles.length()) {
                VectorMask<Double> mask = doubles.indexInRange(col, cols);
                DoubleVector.fromArray(doubles, a, o + col, mask).mul(coef).intoArray(t, o + col, mask);
            }
        }
    }

    /**
     * Lane-wise fused multiply-adds over the tile, then the lanes added in index order ({@code reduceLanes}
     * may add them in another order when compiled than when interpreted, which would make the result
     * depend on the JIT tier of the thread).
     */
    @Override
    public double dotTile(double[] a, double[] b, int stride, int rows, int cols) {
        VectorSpecies<Double> doubles = doubles();
        DoubleVector acc = DoubleVector.zero(doubles);
        for (int row = 0; row < rows; row++) {
            int o = row * stride;
            for (int col = 0; col < cols; col += doubles.length()) {
                VectorMask<Double> mask = doubles.indexInRange(col, cols);
                acc = DoubleVector.fromArray(doubles, a, o + col, mask)
                        .fma(DoubleVector.fromArray(doubles, b, o + col, mask), acc);
            }
        }
        double sum = 0;
        for (int lane = 0; lane < doubles.length(); lane++) {
            sum += acc.lane(lane);
        }
        return sum;
    }

    @Override
    public void addTile(double[] dst, int dstOffset, int dstStride, double[] src, int srcOffset, int srcStride,
            int rows, int cols) {
        VectorSpecies<Double> doubles = doubles();
        for (int r = 0; r < rows; r++) {
            int o = dstOffset + r * dstStride;
            int p = srcOffset + r * srcStride;
            for (int c = 0; c < cols; c += doubles.length()) {
                VectorMask<Double> mask = doubles.indexInRange(c, cols);
                DoubleVector.fromArray(doubles, dst, o + c, mask).add(DoubleVector.fromArray(doubles, src, p + c, mask))
                        .intoArray(dst, o + c, mask);
            }
        }
    }

    @Override
    public void multiplyTile(double[] dst, int dstOffset, int dstStride, double[] src, int srcOffset, int srcStride,
            int rows, int cols) {
        VectorSpecies<Double> doubles = doubles();
        for (int r = 0; r < rows; r++) {
            int o = dstOffset + r * dstStride;
            int p = srcOffset + r * srcStride;
            for (int c = 0; c < cols; c += doubles.length()) {
                VectorMask<Double> mask = doubles.indexInRange(c, cols);
                DoubleVector.fromArray(doubles, dst, o + c, mask).mul(DoubleVector.fromArray(doubles, src, p + c, mask))
                        .intoArray(dst, o + c, mask);
            }
        }
    }

    @Override
    public void scaleTile(double[] dst, int dstOffset, int dstStride, int rows, int cols, double factor) {
        VectorSpecies<Double> doubles = doubles();
        for (int r = 0; r < rows; r++) {
            int o = dstOffset + r * dstStride;
            for (int c = 0; c < cols; c += doubles.length()) {
                VectorMask<Double> mask = doubles.indexInRange(c, cols);
                DoubleVector.fromArray(doubles, dst, o + c, mask).mul(factor).intoArray(dst, o + c, mask);
            }
        }
    }

    /** Sets a {@code rows × cols} tile to {@code value}. */
    final void fill(double[] v, int offset, int stride, int rows, int cols, double value) {
        for (int r = 0; r < rows; r++) {
            java.util.Arrays.fill(v, offset + r * stride, offset + r * stride + cols, value);
        }
    }
}
