package org.parax4j.distribution;

import java.util.random.RandomGenerator;

/**
 * The continuous uniform distribution on {@code [low, high]}.
 *
 * <p>Immutable and thread-safe; no method allocates except {@link #sample}.
 *
 * @param low lower end of the support, finite
 * @param high upper end of the support, finite, {@code > low}, with {@code high - low} finite
 */
public record Uniform(double low, double high) implements UnivariateDistribution {

    /**
     * Validates the support.
     *
     * @throws IllegalArgumentException when either end is NaN or infinite, {@code low ≥ high}, or
     *     the width overflows; the message names the argument and its value
     */
    public Uniform {
        Checks.finite("low", low);
        Checks.finite("high", high);
        if (!(low < high)) {
            throw new IllegalArgumentException("low must be < high, got low=" + low + ", high=" + high);
        }
        if (!(high - low < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("high - low must be finite, got low=" + low + ", high=" + high);
        }
    }

    private double width() {
        return high - low;
    }

    /** {@code low + (high − low)·U} with U uniform on [0, 1), kept inside [low, high]. */
    @Override
    public double sampleOne(RandomGenerator rng) {
        return Math.min(low + width() * rng.nextDouble(), high);
    }

    /** {@code −log(high − low)} on [low, high], {@code −∞} elsewhere; NaN for NaN. */
    @Override
    public double logProb(double x) {
        if (Double.isNaN(x)) {
            return Double.NaN;
        }
        return x >= low && x <= high ? -Math.log(width()) : Double.NEGATIVE_INFINITY;
    }

    /** {@code (x − low)/(high − low)} clamped to [0, 1]. */
    @Override
    public double cdf(double x) {
        if (Double.isNaN(x)) {
            return Double.NaN;
        }
        return x <= low ? 0 : x >= high ? 1 : (x - low) / width();
    }

    /** {@code log(cdf(x))}. */
    @Override
    public double logCdf(double x) {
        return Math.log(cdf(x));
    }

    /** {@code low + p·(high − low)}. */
    @Override
    public double icdf(double p) {
        Checks.probability(p);
        return p == 1 ? high : Math.min(low + p * width(), high);
    }

    /** {@code (high − x)/(high − low)} clamped to [0, 1]. */
    @Override
    public double survival(double x) {
        if (Double.isNaN(x)) {
            return Double.NaN;
        }
        return x <= low ? 1 : x >= high ? 0 : (high - x) / width();
    }

    /** The midpoint. */
    @Override
    public double mean() {
        return low + 0.5 * width();
    }

    /** The midpoint. */
    @Override
    public double median() {
        return mean();
    }

    /**
     * Always throws: every point of [low, high] maximises the density, so there is no unique mode.
     *
     * @throws UnsupportedOperationException always
     */
    @Override
    public double mode() {
        throw new UnsupportedOperationException("Uniform has no unique mode: every point of [" + low + ", "
                + high + "] maximises the density");
    }

    /** {@code (high − low)²/12}. */
    @Override
    public double variance() {
        double w = width();
        return w * w / 12;
    }

    /** {@code log(high − low)}. */
    @Override
    public double entropy() {
        return Math.log(width());
    }

    /**
     * {@code log((b₂ − a₂)/(b₁ − a₁))} against another Uniform whose support contains this one,
     * {@code +∞} otherwise.
     *
     * @throws UnsupportedOperationException for any other distribution type
     */
    @Override
    public double klDivergence(Distribution other) {
        if (other instanceof Uniform q) {
            if (low < q.low || high > q.high) {
                return Double.POSITIVE_INFINITY;
            }
            return Math.log(q.width() / width());
        }
        throw Checks.noKl(this, other);
    }
}
