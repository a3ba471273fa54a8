package org.parax4j.cli.demo;

import java.util.Arrays;
import java.util.Objects;

/**
 * Per-output statistics of Monte Carlo samples: mean, standard deviation (with the {@code n − 1}
 * divisor) and the 5 %, 50 % and 95 % percentiles. Immutable: arrays are copied in and out;
 * equality compares arrays by content.
 *
 * @param samples number of samples summarised, ≥ 2
 * @param mean mean per output
 * @param std standard deviation per output
 * @param p5 5 % percentile per output
 * @param p50 median per output
 * @param p95 95 % percentile per output
 */
public record Summary(int samples, double[] mean, double[] std, double[] p5, double[] p50, double[] p95) {

    /**
     * Checks and copies.
     *
     * @throws IllegalArgumentException when samples is below 2 or the arrays differ in length
     */
    public Summary {
        if (samples < 2) {
            throw new IllegalArgumentException("samples must be >= 2, got " + samples);
        }
        int n = Objects.requireNonNull(mean, "mean").length;
        for (double[] a : new double[][] {std, p5, p50, p95}) {
            if (Objects.requireNonNull(a, "statistic").length != n) {
                throw new IllegalArgumentException("every statistic must have " + n + " values (as mean), got "
                        + a.length);
            }
        }
        mean = mean.clone();
        std = std.clone();
        p5 = p5.clone();
        p50 = p50.clone();
        p95 = p95.clone();
    }

    /** Number of outputs. */
    public int size() {
        return mean.length;
    }

    /** Mean per output. New array. */
    @Override
    public double[] mean() {
        return mean.clone();
    }

    /** Standard deviation per output. New array. */
    @Override
    public double[] std() {
        return std.clone();
    }

    /** 5 % percentile per output. New array. */
    @Override
    public double[] p5() {
        return p5.clone();
    }

    /** Median per output. New array. */
    @Override
    public double[] p50() {
        return p50.clone();
    }

    /** 95 % percentile per output. New array. */
    @Override
    public double[] p95() {
        return p95.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Summary s && samples == s.samples && Arrays.equals(mean, s.mean)
                && Arrays.equals(std, s.std) && Arrays.equals(p5, s.p5) && Arrays.equals(p50, s.p50)
                && Arrays.equals(p95, s.p95);
    }

    @Override
    public int hashCode() {
        return Objects.hash(samples, Arrays.hashCode(mean), Arrays.hashCode(std), Arrays.hashCode(p5),
                Arrays.hashCode(p50), Arrays.hashCode(p95));
    }

    @Override
    public String toString() {
        return "Summary[" + samples + " samples, " + mean.length + " outputs]";
    }
}
