package org.parax4j.engine.internal.vector;

/**
 * The engine's inner loops over plain arrays, implemented twice: {@link ScalarVectorSupport} in
 * plain Java (the reference) and {@link PanamaVectorSupport} with the Vector API. Callers (the
 * public facades) validate sizes before calling; implementations do not re-check and never
 * allocate.
 *
 * <p>Kernel tiles read the first input row-major ({@code x1[i·d + k]}) and the second one
 * feature-major ({@code x2t[k·ld + j]}), so that columns {@code j … j+lanes−1} are the lanes of one
 * vector and {@code x1[i·d + k]} is a broadcast. The feature-major array must be readable up to
 * column {@code j1 + lanes − 1} of every feature row (padding, any finite values): the tail vector
 * is computed in full and stored under a mask.
 */
public interface VectorSupport {

    /**
     * {@code Σ_k (a[aOffset+k] − b[bOffset+k])²} for {@code k < length}, accumulated in double.
     * Differences are formed before squaring, never as {@code ‖a‖² + ‖b‖² − 2a·b}.
     */
    double squaredDistance(double[] a, int aOffset, double[] b, int bOffset, int length);

    /**
     * Writes {@code leaf(x1_i, x2_j)} to {@code dest[destOffset + (i−i0)·destStride + (j−j0)]} for
     * {@code i0 ≤ i < i1}, {@code j0 ≤ j < j1}.
     */
    void kernelTile(LeafCode leaf, double[] x1, int d, int i0, int i1, double[] x2t, int ld, int j0, int j1,
            double[] dest, int destOffset, int destStride);

    /**
     * Float32 RBF tile: {@code exp(−½ Σ_k ((x1_ik − x2_jk)·w_k)²)}, computed in float, written like
     * {@link #kernelTile}.
     */
    void rbfTileFloat(float[] weights, float[] x1, int d, int i0, int i1, float[] x2t, int ld, int j0, int j1,
            float[] dest, int destOffset, int destStride);

    /** {@code dst[r][c] += src[r][c]} over a {@code rows × cols} tile (offset/stride addressing). */
    void addTile(double[] dst, int dstOffset, int dstStride, double[] src, int srcOffset, int srcStride,
            int rows, int cols);

    /** {@code dst[r][c] *= src[r][c]} over a {@code rows × cols} tile (offset/stride addressing). */
    void multiplyTile(double[] dst, int dstOffset, int dstStride, double[] src, int srcOffset, int srcStride,
            int rows, int cols);

    /** {@code dst[r][c] *= factor} over a {@code rows × cols} tile. */
    void scaleTile(double[] dst, int dstOffset, int dstStride, int rows, int cols, double factor);

    /**
     * {@code dst[dstOffset + c·dstStride + r] = src[srcOffset + r·srcStride + c]} for
     * {@code r < rows}, {@code c < cols}: the transpose of a {@code rows × cols} tile. The two
     * regions must not overlap. By default element by element; vector implementations override it
     * with register blocks (copying is exact, so every implementation gives the same result).
     */
    default void transpose(double[] src, int srcOffset, int srcStride, int rows, int cols, double[] dst,
            int dstOffset, int dstStride) {
        BlockTransposes.scalar(src, srcOffset, srcStride, 0, rows, 0, cols, dst, dstOffset, dstStride);
    }

    /** {@link #transpose(double[], int, int, int, int, double[], int, int)} for floats. */
    default void transpose(float[] src, int srcOffset, int srcStride, int rows, int cols, float[] dst,
            int dstOffset, int dstStride) {
        BlockTransposes.scalar(src, srcOffset, srcStride, 0, rows, 0, cols, dst, dstOffset, dstStride);
    }
}
