package org.parax4j.engine.stats;

/**
 * Count, means and sums of squared deviations ({@code M2}) of rows of {@code dimension()} outputs:
 * the mergeable part of a {@link StreamingSummary}. Two moments of disjoint row sets combine by
 * the pairwise formula of Chan, Golub and LeVeque (1979) in {@link #merge}; combining many in a
 * fixed order (see {@link MomentTree}) gives the same bits wherever the parts were computed.
 *
 * <p>Immutable: arrays are copied in and out. Thread-safe.
 */
public final class Moments {

    private final long count;
    private final double[] mean;
    private final double[] m2;

    /**
     * Copies the arrays.
     *
     * @param count rows summarised, {@code ≥ 0}
     * @param mean mean of each output (ignored values when {@code count == 0})
     * @param m2 sum of squared deviations from the mean of each output
     * @throws IllegalArgumentException when an array is null, {@code count < 0} or the lengths differ
     */
    public Moments(long count, double[] mean, double[] m2) {
        if (mean == null || m2 == null) {
            throw new IllegalArgumentException("mean and m2 must not be null");
        }
        if (count < 0) {
            throw new IllegalArgumentException("count must be >= 0, got " + count);
        }
        if (mean.length != m2.length) {
            throw new IllegalArgumentException("mean and m2 must have the same length, got " + mean.length + " and "
                    + m2.length);
        }
        this.count = count;
        this.mean = mean.clone();
        this.m2 = m2.clone();
    }

    /** Outputs per row. */
    public int dimension() {
        return mean.length;
    }

    /** Rows summarised. */
    public long count() {
        return count;
    }

    /** Means; a copy. */
    public double[] mean() {
        return mean.clone();
    }

    /** Sums of squared deviations; a copy. */
    public double[] m2() {
        return m2.clone();
    }

    /** Unbiased variances {@code M2/(count − 1)} (NaN below two rows). New array. */
    public double[] variance() {
        double[] v = new double[mean.length];
        for (int j = 0; j < v.length; j++) {
            v[j] = count > 1 ? m2[j] / (count - 1) : Double.NaN;
        }
        return v;
    }

    /** Standard errors of the means, {@code √(variance/count)}. New array. */
    public double[] meanError() {
        double[] v = variance();
        for (int j = 0; j < v.length; j++) {
            v[j] = Math.sqrt(v[j] / count);
        }
        return v;
    }

    /**
     * The moments of this row set followed by {@code right}'s (Chan et al.'s pairwise update). When
     * either side is empty the other is returned unchanged (bit for bit). Allocates the result.
     *
     * @throws IllegalArgumentException when {@code right} is null or has another dimension
     */
    public Moments merge(Moments right) {
        if (right == null) {
            throw new IllegalArgumentException("right must not be null");
        }
        if (right.dimension() != dimension()) {
            throw new IllegalArgumentException("right must have dimension " + dimension() + ", got "
                    + right.dimension());
        }
        if (right.count == 0) {
            return this;
        }
        if (count == 0) {
            return right;
        }
        double[] mu = mean.clone();
        double[] s = m2.clone();
        long n = chan(count, mu, s, right.count, right.mean, right.m2);
        return new Moments(n, mu, s);
    }

    /**
     * Chan et al.'s update in place: {@code (count, mean, m2)} becomes the moments of both row sets.
     * Shared with {@link StreamingSummary#merge}. Allocates nothing.
     *
     * @return the combined count
     */
    static long chan(long count, double[] mean, double[] m2, long otherCount, double[] otherMean, double[] otherM2) {
        long n = count + otherCount;
        for (int j = 0; j < mean.length; j++) {
            double delta = otherMean[j] - mean[j];
            mean[j] += delta * otherCount / n;
            m2[j] += otherM2[j] + delta * delta * ((double) count * otherCount / n);
        }
        return n;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Moments m && m.count == count && java.util.Arrays.equals(m.mean, mean)
                && java.util.Arrays.equals(m.m2, m2);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(count) * 31 + java.util.Arrays.hashCode(mean) * 17 + java.util.Arrays.hashCode(m2);
    }

    @Override
    public String toString() {
        return "Moments(count " + count + ", dimension " + mean.length + ")";
    }
}
