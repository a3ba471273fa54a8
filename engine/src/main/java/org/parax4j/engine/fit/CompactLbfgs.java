package org.parax4j.engine.fit;

import org.parax4j.engine.linalg.Lu;

/**
 * The limited-memory BFGS matrix in compact form (Byrd, Nocedal and Schnabel 1994):
 * {@code B = θ·I − W·M·Wᵀ} with {@code W = [Y, θ·S]} (n × 2k, oldest pair first) and
 * {@code M = [[−D, Lᵀ], [L, θ·SᵀS]]⁻¹}, where {@code D = diag(sᵢᵀyᵢ)} and {@code L} is the strictly
 * lower triangle of {@code SᵀY}. Holds at most {@code m} correction pairs in a ring.
 *
 * <p>Not thread-safe; one instance per optimisation. Allocates only at construction.
 */
final class CompactLbfgs {

    private final int n;
    private final int m;
    private final double[][] s;
    private final double[][] y;
    private final double[] k2;
    private final double[] mInv;
    private final int[] pivots;
    private final double[] wv;
    private final double[] mwv;
    private int head;
    private int count;
    private double theta = 1;

    CompactLbfgs(int n, int m) {
        this.n = n;
        this.m = m;
        this.s = new double[m][n];
        this.y = new double[m][n];
        this.k2 = new double[4 * m * m];
        this.mInv = new double[4 * m * m];
        this.pivots = new int[2 * m];
        this.wv = new double[2 * m];
        this.mwv = new double[2 * m];
    }

    /** Forgets every pair; B becomes the identity. */
    void reset() {
        head = 0;
        count = 0;
        theta = 1;
    }

    /** Number of stored pairs k; W has 2k columns. */
    int size() {
        return count;
    }

    double theta() {
        return theta;
    }

    /**
     * Adds the pair (s, y) when {@code sᵀy > eps·yᵀy} (the curvature condition that keeps B
     * positive definite), dropping the oldest pair when full, and rebuilds M.
     *
     * @return whether the pair was accepted
     */
    boolean update(double[] sNew, double[] yNew) {
        double sy = SmallDense.dot(sNew, 0, yNew, 0, n);
        double yy = SmallDense.dot(yNew, 0, yNew, 0, n);
        if (!(sy > 2.220446049250313e-16 * yy) || !Double.isFinite(sy)) {
            return false;
        }
        int slot;
        if (count < m) {
            slot = (head + count) % m;
            count++;
        } else {
            slot = head;
            head = (head + 1) % m;
        }
        System.arraycopy(sNew, 0, s[slot], 0, n);
        System.arraycopy(yNew, 0, y[slot], 0, n);
        theta = yy / sy;
        if (!rebuild()) {
            reset();
            return false;
        }
        return true;
    }

    private double[] sAt(int i) {
        return s[(head + i) % m];
    }

    private double[] yAt(int i) {
        return y[(head + i) % m];
    }

    private boolean rebuild() {
        int k = count;
        int w = 2 * k;
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                double sty = SmallDense.dot(sAt(i), 0, yAt(j), 0, n);
                // top-left −D, bottom-left L (i > j), top-right Lᵀ
                k2[i * w + j] = i == j ? -sty : 0;
                k2[(k + i) * w + j] = i > j ? sty : 0;
                k2[j * w + k + i] = i > j ? sty : 0;
                k2[(k + i) * w + k + j] = theta * SmallDense.dot(sAt(i), 0, sAt(j), 0, n);
            }
        }
        if (Lu.factor(k2, w, pivots) >= 0) {
            return false;
        }
        Lu.inverse(k2, w, pivots, mInv);
        return true;
    }

    /** Row i of W (2k entries) into {@code out}. */
    void wRow(int i, double[] out) {
        int k = count;
        for (int j = 0; j < k; j++) {
            out[j] = yAt(j)[i];
            out[k + j] = theta * sAt(j)[i];
        }
    }

    /** {@code out = Wᵀ·v} (2k entries). */
    void wTransposeTimes(double[] v, double[] out) {
        int k = count;
        for (int j = 0; j < k; j++) {
            out[j] = SmallDense.dot(yAt(j), 0, v, 0, n);
            out[k + j] = theta * SmallDense.dot(sAt(j), 0, v, 0, n);
        }
    }

    /** {@code out = M·v} for 2k-vectors; out must not alias v. */
    void mTimes(double[] v, double[] out) {
        int w = 2 * count;
        for (int i = 0; i < w; i++) {
            out[i] = SmallDense.dot(mInv, i * w, v, 0, w);
        }
    }

    /** {@code vᵀ·B·v = θ·vᵀv − (Wᵀv)ᵀ·M·(Wᵀv)} (no allocation). */
    double curvature(double[] v) {
        wTransposeTimes(v, wv);
        mTimes(wv, mwv);
        return theta * SmallDense.dot(v, 0, v, 0, n) - SmallDense.dot(wv, 0, mwv, 0, 2 * count);
    }

    /** {@code M[i][j]} for 2k indices. */
    double m(int i, int j) {
        return mInv[i * 2 * count + j];
    }
}
