package org.parax4j.engine.stats;

/**
 * Accumulates summaries of sample rows (one row of {@link #dimension()} outputs per Monte Carlo
 * sample) without storing them: count, mean, variance and the standard error of the mean, and the
 * chosen percentiles with their estimation error.
 *
 * <p>Algorithms: mean and variance by Welford's update (Welford 1962, Technometrics 4:419–420),
 * combined across accumulators by the pairwise formula of Chan, Golub and LeVeque (1979);
 * percentiles by the P² algorithm (Jain and Chlamtac 1985), five markers per output and
 * percentile, whose error is the asymptotic {@code √(p(1−p)/n)/f(x_p)} with the density taken from
 * the three middle markers (a rough estimate: within about 10% for smooth densities in tests). Memory is O(dimension × percentiles), independent of the number of rows. Mean and
 * variance agree with the two-pass results on the stored samples to rounding; P² percentiles are
 * estimates (exact up to five rows), typically within their standard error of the sample
 * percentile.
 *
 * <p>Mutable and not thread-safe: use one accumulator per thread and {@link #merge} them (moments
 * only; see there). No method allocates except {@link #summary}.
 */
public final class StreamingSummary {

    private final int dimension;
    private final double[] probabilities;
    private long count;
    private final double[] mean;
    private final double[] m2;
    /** quantiles[k * dimension + j]: probability k, output j. */
    private final P2Quantile[] quantiles;

    /**
     * An empty accumulator.
     *
     * @param dimension outputs per row, {@code ≥ 1}
     * @param probabilities the percentiles to track as probabilities in (0, 1), e.g. 0.05, 0.5,
     *     0.95; copied; may be empty
     * @throws IllegalArgumentException when {@code dimension < 1} or a probability is not in (0, 1)
     *     (NaN included); the message names the index and the value
     */
    public StreamingSummary(int dimension, double... probabilities) {
        if (dimension < 1) {
            throw new IllegalArgumentException("dimension must be >= 1, got " + dimension);
        }
        if (probabilities == null) {
            throw new IllegalArgumentException("probabilities must not be null");
        }
        for (int k = 0; k < probabilities.length; k++) {
            if (!(probabilities[k] > 0 && probabilities[k] < 1)) {
                throw new IllegalArgumentException("probabilities[" + k + "] must be in (0, 1), got " + probabilities[k]);
            }
        }
        this.dimension = dimension;
        this.probabilities = probabilities.clone();
        this.mean = new double[dimension];
        this.m2 = new double[dimension];
        this.quantiles = new P2Quantile[probabilities.length * dimension];
        for (int k = 0; k < probabilities.length; k++) {
            for (int j = 0; j < dimension; j++) {
                quantiles[k * dimension + j] = new P2Quantile(probabilities[k]);
            }
        }
    }

    /** Outputs per row. */
    public int dimension() {
        return dimension;
    }

    /** Rows added so far. */
    public long count() {
        return count;
    }

    /**
     * Adds one row, {@code row[from … from + dimension)}. Does not allocate.
     *
     * @param row the values; not modified
     * @throws IllegalArgumentException when the range does not fit in {@code row} or a value is not
     *     finite (the message names its index); nothing is added then
     */
    public void add(double[] row, int from) {
        addRows(row, from, 1);
    }

    /**
     * Adds {@code rows} consecutive rows stored row-major from {@code data[from]}: value j of row r
     * is {@code data[from + r·dimension + j]}. Does not allocate.
     *
     * @param data the values; not modified
     * @throws IllegalArgumentException when {@code rows < 0}, the range does not fit in
     *     {@code data}, or a value is not finite (the message names its index); nothing is added then
     */
    public void addRows(double[] data, int from, int rows) {
        if (data == null) {
            throw new IllegalArgumentException("data must not be null");
        }
        if (rows < 0 || from < 0) {
            throw new IllegalArgumentException("from and rows must be >= 0, got from=" + from + ", rows=" + rows);
        }
        long end = from + (long) rows * dimension;
        if (end > data.length) {
            throw new IllegalArgumentException("data is too short: from + rows*dimension = " + end
                    + " > data.length = " + data.length);
        }
        for (int i = from; i < end; i++) {
            if (!Double.isFinite(data[i])) {
                throw new IllegalArgumentException("data[" + i + "] must be finite, got " + data[i]);
            }
        }
        for (int r = 0; r < rows; r++) {
            count++;
            int base = from + r * dimension;
            for (int j = 0; j < dimension; j++) {
                double x = data[base + j];
                double delta = x - mean[j];
                mean[j] += delta / count;
                m2[j] += delta * (x - mean[j]);
            }
            for (int q = 0; q < quantiles.length; q++) {
                quantiles[q].add(data[base + q % dimension]);
            }
        }
    }

    /**
     * Adds the rows of {@code other} to this accumulator's moments (Chan et al.'s pairwise update);
     * {@code other} is not modified.
     *
     * @throws IllegalArgumentException when {@code other} is null or has another dimension
     * @throws UnsupportedOperationException when percentiles are tracked: P² markers cannot be
     *     combined exactly, so accumulators with percentiles must see every row themselves
     */
    public void merge(StreamingSummary other) {
        if (other == null) {
            throw new IllegalArgumentException("other must not be null");
        }
        if (other.dimension != dimension) {
            throw new IllegalArgumentException("other must have dimension " + dimension + ", got " + other.dimension);
        }
        if (quantiles.length > 0 || other.quantiles.length > 0) {
            throw new UnsupportedOperationException("accumulators that track percentiles cannot be merged (P² markers"
                    + " are not combinable); feed every row to one accumulator");
        }
        if (other.count == 0) {
            return;
        }
        count = Moments.chan(count, mean, m2, other.count, other.mean, other.m2);
    }

    /**
     * Count, means and sums of squared deviations so far, for merging in a fixed order (see
     * {@link MomentTree}). Allocates the result.
     */
    public Moments moments() {
        return new Moments(count, mean, m2);
    }

    /**
     * A snapshot of the summaries so far. Allocates the result.
     *
     * @return means, unbiased variances (NaN below two rows), standard errors of the means, and per
     *     probability and output the percentile estimate and its standard error
     */
    public Summary summary() {
        double[] variance = new double[dimension];
        double[] meanError = new double[dimension];
        for (int j = 0; j < dimension; j++) {
            variance[j] = count > 1 ? m2[j] / (count - 1) : Double.NaN;
            meanError[j] = Math.sqrt(variance[j] / count);
        }
        double[][] percentiles = new double[probabilities.length][dimension];
        double[][] errors = new double[probabilities.length][dimension];
        for (int k = 0; k < probabilities.length; k++) {
            for (int j = 0; j < dimension; j++) {
                percentiles[k][j] = quantiles[k * dimension + j].estimate();
                errors[k][j] = quantiles[k * dimension + j].standardError();
            }
        }
        return new Summary(count, count == 0 ? nans() : mean.clone(), variance, meanError, probabilities.clone(),
                percentiles, errors);
    }

    private double[] nans() {
        double[] v = new double[dimension];
        java.util.Arrays.fill(v, Double.NaN);
        return v;
    }
}
