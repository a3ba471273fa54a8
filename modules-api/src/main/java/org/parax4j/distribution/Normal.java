package org.parax4j.distribution;

import java.util.random.RandomGenerator;

/**
 * The normal distribution with the given mean and standard deviation.
 *
 * <p>CDF, log-CDF, survival and quantile use Cody's erfc and Wichura's AS 241 (see the
 * package-private {@code NormalFunctions}), accurate to about 1e-15 relative, with log-CDF and
 * log-survival finite far into the tails. Draws use {@link RandomGenerator#nextGaussian()}
 * (McFarland's modified ziggurat in the JDK). Immutable and thread-safe; no method allocates
 * except {@link #sample}.
 *
 * @param mean the mean, finite
 * @param std the standard deviation, finite and {@code > 0}
 */
public record Normal(double mean, double std) implements UnivariateDistribution {

    /**
     * Validates the parameters.
     *
     * @throws IllegalArgumentException when {@code mean} is not finite or {@code std} is not finite
     *     and positive; the message names the argument and its value
     */
    public Normal {
        Checks.finite("mean", mean);
        Checks.positive("std", std);
    }

    private double z(double x) {
        return (x - mean) / std;
    }

    /** {@code mean + std·N} with N from {@code rng.nextGaussian()}. */
    @Override
    public double sampleOne(RandomGenerator rng) {
        return mean + std * rng.nextGaussian();
    }

    /** {@code −z²/2 − log(std) − log√(2π)} with {@code z = (x − mean)/std}. */
    @Override
    public double logProb(double x) {
        return NormalFunctions.logPdf(z(x)) - Math.log(std);
    }

    /** Φ(z). */
    @Override
    public double cdf(double x) {
        return NormalFunctions.cdf(z(x));
    }

    /** log Φ(z), accurate far into the lower tail. */
    @Override
    public double logCdf(double x) {
        return NormalFunctions.logCdf(z(x));
    }

    /** {@code mean + std·Φ⁻¹(p)}; ±∞ at p = 0, 1. */
    @Override
    public double icdf(double p) {
        Checks.probability(p);
        return mean + std * NormalFunctions.icdf(p);
    }

    /** Φ(−z), accurate in the upper tail. */
    @Override
    public double survival(double x) {
        return NormalFunctions.survival(z(x));
    }

    /** log Φ(−z), accurate far into the upper tail. */
    @Override
    public double logSurvival(double x) {
        return NormalFunctions.logSurvival(z(x));
    }

    /** The mean. */
    @Override
    public double median() {
        return mean;
    }

    /** The mean. */
    @Override
    public double mode() {
        return mean;
    }

    /** {@code std²}. */
    @Override
    public double variance() {
        return std * std;
    }

    /** {@code std}, exactly. */
    @Override
    public double stddev() {
        return std;
    }

    /** {@code ½·log(2πe) + log(std)}. */
    @Override
    public double entropy() {
        return 0.5 + NormalFunctions.LOG_SQRT_2PI + Math.log(std);
    }

    /**
     * {@code log(σ₂/σ₁) + (σ₁² + (μ₁ − μ₂)²)/(2σ₂²) − ½} against another Normal.
     *
     * @throws UnsupportedOperationException for any other distribution type
     */
    @Override
    public double klDivergence(Distribution other) {
        if (other instanceof Normal q) {
            return normalKl(mean, std, q.mean, q.std);
        }
        throw Checks.noKl(this, other);
    }

    /** KL between two normals given by their parameters; shared with {@link LogNormal}. */
    static double normalKl(double m1, double s1, double m2, double s2) {
        double r = s1 / s2;
        double d = (m1 - m2) / s2;
        return 0.5 * (r * r + d * d - 1) - Math.log(r);
    }
}
