package org.parax4j.engine.stats;

import java.util.Arrays;

/**
 * Summaries of {@code count} sample rows, one entry per output (see {@link StreamingSummary}).
 * Immutable: arrays are copied in and out; equality compares arrays by content.
 *
 * @param count number of rows summarised
 * @param mean mean of each output (NaN when empty)
 * @param variance unbiased variance of each output (NaN below two rows)
 * @param meanError standard error of each mean, {@code √(variance/count)}
 * @param probabilities the tracked percentiles as probabilities
 * @param percentiles {@code percentiles[k][j]}: estimate of quantile {@code probabilities[k]} of output j
 * @param percentileErrors asymptotic standard errors of {@code percentiles} (NaN below five rows)
 */
public record Summary(long count, double[] mean, double[] variance, double[] meanError, double[] probabilities,
        double[][] percentiles, double[][] percentileErrors) {

    /**
     * Copies the arrays.
     *
     * @throws IllegalArgumentException when an array is null or {@code count < 0}
     */
    public Summary {
        if (count < 0) {
            throw new IllegalArgumentException("count must be >= 0, got " + count);
        }
        if (mean == null || variance == null || meanError == null || probabilities == null || percentiles == null
                || percentileErrors == null) {
            throw new IllegalArgumentException("summary arrays must not be null");
        }
        mean = mean.clone();
        variance = variance.clone();
        meanError = meanError.clone();
        probabilities = probabilities.clone();
        percentiles = deepCopy(percentiles);
        percentileErrors = deepCopy(percentileErrors);
    }

    /** The {@code mean} component; a copy. */
    @Override
    public double[] mean() {
        return mean.clone();
    }

    /** The {@code variance} component; a copy. */
    @Override
    public double[] variance() {
        return variance.clone();
    }

    /** The {@code meanError} component; a copy. */
    @Override
    public double[] meanError() {
        return meanError.clone();
    }

    /** The {@code probabilities} component; a copy. */
    @Override
    public double[] probabilities() {
        return probabilities.clone();
    }

    /** The {@code percentiles} component; a copy. */
    @Override
    public double[][] percentiles() {
        return deepCopy(percentiles);
    }

    /** The {@code percentileErrors} component; a copy. */
    @Override
    public double[][] percentileErrors() {
        return deepCopy(percentileErrors);
    }

    private static double[][] deepCopy(double[][] m) {
        double[][] c = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            c[i] = m[i].clone();
        }
        return c;
    }

    /** Equal when the counts and every array are equal by content ({@link Double#equals} semantics). */
    @Override
    public boolean equals(Object o) {
        return o instanceof Summary s && count == s.count && Arrays.equals(mean, s.mean)
                && Arrays.equals(variance, s.variance) && Arrays.equals(meanError, s.meanError)
                && Arrays.equals(probabilities, s.probabilities) && Arrays.deepEquals(percentiles, s.percentiles)
                && Arrays.deepEquals(percentileErrors, s.percentileErrors);
    }

    /** Hash of the count, means and percentiles by content. */
    @Override
    public int hashCode() {
        return Long.hashCode(count) + 31 * Arrays.hashCode(mean) + 961 * Arrays.deepHashCode(percentiles);
    }

    /** Count, means, variances and percentiles. */
    @Override
    public String toString() {
        return "Summary[count=" + count + ", mean=" + Arrays.toString(mean) + ", variance=" + Arrays.toString(variance)
                + ", probabilities=" + Arrays.toString(probabilities) + ", percentiles="
                + Arrays.deepToString(percentiles) + "]";
    }
}
