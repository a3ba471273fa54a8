package org.parax4j.spark;

/**
 * The result of {@link SparkMonteCarlo#summarize}. Mean, variance and standard error have the bits
 * of the local {@code MonteCarlo.summarize} for the same seed and sample count; percentiles come
 * from a merged Apache DataSketches KLL sketch per output: the normalised rank of each returned
 * value is within {@link #rankError()} of its probability with 99 % confidence (single quantile
 * queries), whatever the number of samples.
 *
 * <p>Immutable: arrays are copied in and out.
 *
 * @param count samples summarised
 * @param mean mean of each output (NaN when empty)
 * @param variance unbiased variance of each output (NaN below two samples)
 * @param meanError standard error of each mean
 * @param probabilities the percentiles' probabilities
 * @param percentiles {@code percentiles[k][j]}: KLL estimate of quantile {@code probabilities[k]} of output j
 *     (NaN for an output that was not sketched)
 * @param rankError the sketch's normalised rank error bound (99 % confidence), e.g. 0.0133 for k = 200
 * @param partitions the Spark partitions (tasks) used
 */
public record DistributedSummary(long count, double[] mean, double[] variance, double[] meanError,
        double[] probabilities, double[][] percentiles, double rankError, int partitions) {

    /** Copies the arrays. */
    public DistributedSummary {
        mean = mean.clone();
        variance = variance.clone();
        meanError = meanError.clone();
        probabilities = probabilities.clone();
        percentiles = copy(percentiles);
    }

    /** Means; a copy. */
    @Override
    public double[] mean() {
        return mean.clone();
    }

    /** Variances; a copy. */
    @Override
    public double[] variance() {
        return variance.clone();
    }

    /** Standard errors of the means; a copy. */
    @Override
    public double[] meanError() {
        return meanError.clone();
    }

    /** Probabilities; a copy. */
    @Override
    public double[] probabilities() {
        return probabilities.clone();
    }

    /** Percentile estimates; a copy. */
    @Override
    public double[][] percentiles() {
        return copy(percentiles);
    }

    private static double[][] copy(double[][] m) {
        double[][] c = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            c[i] = m[i].clone();
        }
        return c;
    }
}
