package org.parax4j.engine.internal.kernel;

import org.parax4j.engine.internal.size.ArraySizes;

/**
 * A feature-major, row-padded copy of an input matrix, the layout in which the kernel tiles read
 * their second input: {@code x[j·d + k]} goes to {@code data()[k·stride + j]} with
 * {@code stride = roundUp(rows, PAD) + PAD}, so that a tile's vector loads along {@code j} never
 * leave the array. The array grows to the largest call and is then reused (no allocation for a
 * call of the same or a smaller size). Not thread-safe: owned by one {@link Workspace} or
 * {@link TangentJob}.
 */
final class FeatureMajor {

    /** Row padding: a multiple of every vector length in doubles and of the tile width. */
    static final int PAD = 16;

    private double[] data = new double[0];

    /**
     * Copies {@code x} ({@code rows × d}, row-major) feature-major.
     *
     * @return the row stride of the copy
     * @throws IllegalArgumentException when the padded copy would not fit in a Java array
     */
    int copy(double[] x, int rows, int d) {
        int stride = (rows + PAD - 1) / PAD * PAD + PAD;
        if (data.length < (long) stride * d) {
            data = new double[ArraySizes.product("feature-major copy of x2 (padded rows · d)", stride, d)];
        }
        for (int j = 0; j < rows; j++) {
            for (int k = 0; k < d; k++) {
                data[k * stride + j] = x[j * d + k];
            }
        }
        return stride;
    }

    /** The copy made by the last {@link #copy}. */
    double[] data() {
        return data;
    }
}
