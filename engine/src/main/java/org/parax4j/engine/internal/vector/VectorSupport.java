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

    // ------------------------------------------------------------ tangent tiles
    // Tiles below are addressed as {@code v[r·stride + c]}, {@code r < rows}, {@code c < cols}, all
    // of one stride from offset 0 (the scratch tiles of a tangent job).

    /**
     * The distance statistic {@code s} of {@code leaf} ({@link LeafCode#SQUARED}, {@link LeafCode#PERIODIC}
     * or {@link LeafCode#EQUAL}), written like {@link #kernelTile}: the first pass of that method.
     */
    void distanceTile(LeafCode leaf, double[] x1, int d, int i0, int i1, double[] x2t, int ld, int j0, int j1,
            double[] dest, int destOffset, int destStride);

    /** {@code v ← leaf.apply(v)} in place (the distance statistic to the kernel value): the second pass of {@link #kernelTile}. */
    void functionTile(LeafCode leaf, double[] v, int offset, int stride, int rows, int cols);

    /**
     * The slope {@code g = −2·df/ds} of a {@link LeafCode#SQUARED} leaf from its distance tile
     * {@code s} and its unscaled value tile {@code b = f(s)} (see {@link TangentMath#slope}).
     */
    void slopeTile(LeafCode leaf, double[] s, double[] b, double[] g, int stride, int rows, int cols);

    /**
     * {@code t = ((g·scale)·coef)·u²} with {@code u = (x1[i·d + k] − x2t[k·ld + j])·w}: the tangent of a
     * squared-distance kernel with respect to the log of the length scale of dimension {@code k}
     * ({@code coef} the parameter's multiplier). For the RBF {@code g·scale} is the value {@code v}, which
     * lets the ARD planes be formed from the values ({@link #rbfPlanesFromValues}).
     */
    void squaredTangentTile(double[] x1, int d, int i0, int i1, double[] x2t, int ld, int j0, int j1, int k,
            double w, double scale, double coef, double[] g, double[] t, int stride);

    /**
     * The value and every tangent plane of a lone {@link LeafCode#SQUARED} leaf, RBF or rational
     * quadratic, in one pass from registers straight into the caller's planes (no scratch tile): for
     * {@code i0 ≤ i < i1}, {@code j0 ≤ j < j1}, element {@code e = i·stride + j}, with the distance
     * {@code s} of {@link #distanceTile}, the unscaled value {@code b = f(s)} and {@code v = b·scale},
     * writes {@code value[e] = v} (unless {@code value} is null) and {@code out[offsets[p] + e]} for the
     * leaf's {@code own} planes, then {@code v·coefs[p]} for the {@code copies} planes after them. RBF:
     * plane {@code p} is {@code v·coefs[p]·u_p²}, {@code u_p = (x1_ip − x2_jp)·w_p}, or
     * {@code b·coefs[0]·s} when {@code own == 1}. Rational quadratic ({@code own == 2}): α's
     * plane, as {@link #rationalQuadraticAlphaTile} with {@code coef = coefs[0]}, then the length's
     * {@code g·coefs[1]·s} with the slope {@code g} of {@link #slopeTile}. The operations, in order, of
     * the tile program, so the same bits; one log1p serves the value and α's plane. The formulas are
     * {@link TangentMath#squaredPlanes}'. {@code scratch} (at least {@code j1 − j0} doubles) is the
     * implementation's to overwrite.
     */
    void squaredPlanes(LeafCode leaf, double[] x1, int d, int i0, int i1, double[] x2t, int ld, int j0, int j1,
            double[] value, double[] out, int[] offsets, double[] coefs, int own, int copies, int stride,
            double[] scratch);

    /**
     * The planes of a lone RBF leaf with {@code own > 1} length planes from its values
     * {@code v = b·scale}, already in {@code value} (element {@code i·stride + j}, left as they are):
     * writes the planes as {@link #squaredPlanes} does; the same bits. The second sweep of an ARD RBF
     * Gram: its first sweep computes {@code v} once per pair, and the second mirrors a block's values
     * before calling this on its rows.
     */
    void rbfPlanesFromValues(LeafCode leaf, double[] x1, int d, int i0, int i1, double[] x2t, int ld, int j0,
            int j1, double[] value, double[] out, int[] offsets, double[] coefs, int own, int copies, int stride);

    /** {@code t = a·coef·b} elementwise. */
    void productTile(double coef, double[] a, double[] b, double[] t, int stride, int rows, int cols);

    /** {@code t = a·coef} elementwise. */
    void scaledCopyTile(double coef, double[] a, double[] t, int stride, int rows, int cols);

    /** {@code Σ a·b} over the tile (summation order is the implementation's: twins agree to rounding). */
    double dotTile(double[] a, double[] b, int stride, int rows, int cols);

    /**
     * The rational quadratic's α tangent {@code t = v·α·coef·(z/(1+z) − log1p(z))}, {@code z = s·(0.5/α)},
     * from its distance tile {@code s} and value tile {@code v}. Plain Java shared by the twins.
     */
    default void rationalQuadraticAlphaTile(double alpha, double coef, double[] s, double[] v, double[] t,
            int stride, int rows, int cols) {
        TangentMath.rationalQuadraticAlpha(alpha, coef, s, v, t, stride, rows, cols);
    }

    /**
     * The periodic kernel's period tangent {@code t = v·coef·Σ_k (π·δ_k·w)·sin(2π·δ_k·w)}, {@code w = 1/p},
     * {@code δ_k = x1_ik − x2_jk}. Plain Java shared by the twins.
     */
    default void periodicPeriodTile(double[] x1, int d, int i0, int i1, double[] x2t, int ld, int j0, int j1,
            double w, double coef, double[] v, double[] t, int stride) {
        TangentMath.periodicPeriod(x1, d, i0, i1, x2t, ld, j0, j1, w, coef, v, t, stride);
    }

    /**
     * Adds a leaf's input tangents to direction tiles: {@code dir[q][r][c] += Σ_k h_k·(a_qk − b_qk)}
     * with {@code h_k = ∂k/∂x1_k} of the leaf (see {@link TangentMath#inputDirections}). Plain Java
     * shared by the twins.
     */
    default void inputDirectionTiles(LeafCode leaf, double[] x1, int d, int i0, int i1, double[] x2t, int ld,
            int j0, int j1, double[] g, double[] v, InputDirections directions, double[][] dir, int stride) {
        TangentMath.inputDirections(leaf, x1, d, i0, i1, x2t, ld, j0, j1, g, v, directions, dir, stride);
    }
}
