package org.parax4j.engine.internal.vector;

/**
 * Directions in input space along which tangent tiles differentiate a kernel matrix
 * {@code K(X1, X2)}: direction {@code q} moves point {@code i} of {@code X1} by
 * {@code a[q][i·d + k]} and point {@code j} of {@code X2} by {@code b[q][j·d + k]} (either may be
 * absent, meaning 0), or, for {@link #units}, direction {@code k} moves coordinate {@code k} of every
 * point of {@code X1} by 1 (so its tile is {@code ∂K/∂x1_k}). A mutable holder that one job owns;
 * not thread-safe to change while a job runs.
 */
public final class InputDirections {

    private int count;
    private boolean unit;
    private double[] a = new double[0];
    private double[] b = new double[0];
    private int[] aOffset = new int[0];
    private int[] bOffset = new int[0];

    /** The {@code d} unit directions of the first input's coordinates. */
    public InputDirections units(int d) {
        this.count = d;
        this.unit = true;
        return this;
    }

    /**
     * {@code count} general directions: direction {@code q} reads {@code a[aOffset[q] + i·d + k]}
     * (skipped when {@code aOffset[q] < 0}) and {@code b[bOffset[q] + j·d + k]} (likewise). The
     * arrays are referenced, not copied.
     */
    public InputDirections general(int count, double[] a, int[] aOffset, double[] b, int[] bOffset) {
        this.count = count;
        this.unit = false;
        this.a = a;
        this.b = b;
        this.aOffset = aOffset;
        this.bOffset = bOffset;
        return this;
    }

    /** Number of directions. */
    public int count() {
        return count;
    }

    /** The movement of the pair's difference {@code x1_ik − x2_jk} along direction {@code q}. */
    double difference(int q, int i, int j, int k, int d) {
        if (unit) {
            return q == k ? 1 : 0;
        }
        double u = aOffset[q] < 0 ? 0 : a[aOffset[q] + i * d + k];
        double v = bOffset[q] < 0 ? 0 : b[bOffset[q] + j * d + k];
        return u - v;
    }
}
