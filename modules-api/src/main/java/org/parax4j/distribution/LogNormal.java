package org.parax4j.distribution;

import java.util.random.RandomGenerator;

/**
 * The log-normal distribution: {@code X = exp(Y)} with {@code Y ~ Normal(mu, sigma)}.
 *
 * <p>Note that {@code mu} and {@code sigma} are the mean and standard deviation of the
 * <em>underlying normal</em> {@code log X}, not of {@code X}: the mean of {@code X} is
 * {@code exp(mu + sigma²/2)}. CDF, survival and quantile go through the normal functions of
 * {@link Normal}, so tails keep their accuracy. Immutable and thread-safe; no method allocates
 * except {@link #sample}.
 *
 * @param mu mean of {@code log X}, finite
 * @param sigma standard deviation of {@code log X}, finite and {@code > 0}
 */
public record LogNormal(double mu, double sigma) implements UnivariateDistribution {

    /**
     * Validates the parameters.
     *
     * @throws IllegalArgumentException when {@code mu} is not finite or {@code sigma} is not finite
     *     and positive; the message names the argument and its value
     */
    public LogNormal {
        Checks.finite("mu", mu);
        Checks.positive("sigma", sigma);
    }

    private double z(double x) {
        return (Math.log(x) - mu) / sigma;
    }

    /** {@code exp(mu + sigma·N)} with N from {@code rng.nextGaussian()}. */
    @Override
    public double sampleOne(RandomGenerator rng) {
        return Math.exp(mu + sigma * rng.nextGaussian());
    }

    /** {@code −log x − log sigma − log√(2π) − z²/2} for {@code x > 0}, {@code −∞} for {@code x ≤ 0}. */
    @Override
    public double logProb(double x) {
        if (!(x > 0)) {
            return Double.isNaN(x) ? Double.NaN : Double.NEGATIVE_INFINITY;
        }
        return NormalFunctions.logPdf(z(x)) - Math.log(x) - Math.log(sigma);
    }

    /** Φ((log x − mu)/sigma); 0 for {@code x ≤ 0}. */
    @Override
    public double cdf(double x) {
        return x <= 0 ? 0 : NormalFunctions.cdf(z(x));
    }

    /** log Φ((log x − mu)/sigma); {@code −∞} for {@code x ≤ 0}. */
    @Override
    public double logCdf(double x) {
        return x <= 0 ? Double.NEGATIVE_INFINITY : NormalFunctions.logCdf(z(x));
    }

    /** {@code exp(mu + sigma·Φ⁻¹(p))}; 0 at p = 0 and ∞ at p = 1. */
    @Override
    public double icdf(double p) {
        Checks.probability(p);
        return Math.exp(mu + sigma * NormalFunctions.icdf(p));
    }

    /** Φ(−(log x − mu)/sigma); 1 for {@code x ≤ 0}. */
    @Override
    public double survival(double x) {
        return x <= 0 ? 1 : NormalFunctions.survival(z(x));
    }

    /** log Φ(−(log x − mu)/sigma); 0 for {@code x ≤ 0}. */
    @Override
    public double logSurvival(double x) {
        return x <= 0 ? 0 : NormalFunctions.logSurvival(z(x));
    }

    /** {@code exp(mu + sigma²/2)}. */
    @Override
    public double mean() {
        return Math.exp(mu + 0.5 * sigma * sigma);
    }

    /** {@code exp(mu)}. */
    @Override
    public double median() {
        return Math.exp(mu);
    }

    /** {@code exp(mu − sigma²)}. */
    @Override
    public double mode() {
        return Math.exp(mu - sigma * sigma);
    }

    /** {@code (exp(sigma²) − 1)·exp(2mu + sigma²)}, with {@code expm1} for small sigma. */
    @Override
    public double variance() {
        double s2 = sigma * sigma;
        return Math.expm1(s2) * Math.exp(2 * mu + s2);
    }

    /** {@code mu + ½ + log(sigma√(2π))}. */
    @Override
    public double entropy() {
        return mu + 0.5 + NormalFunctions.LOG_SQRT_2PI + Math.log(sigma);
    }

    /**
     * Against another LogNormal: the KL divergence of the underlying normals (KL is invariant
     * under the shared map exp).
     *
     * @throws UnsupportedOperationException for any other distribution type
     */
    @Override
    public double klDivergence(Distribution other) {
        if (other instanceof LogNormal q) {
            return Normal.normalKl(mu, sigma, q.mu, q.sigma);
        }
        throw Checks.noKl(this, other);
    }
}
