package org.parax4j.distribution;

import org.parax4j.bijector.Bijector;
import java.util.random.RandomGenerator;

/**
 * The distribution of {@code Y = bijector.forward(X)} with {@code X ~ base}.
 *
 * <p>The density carries the change-of-variables term:
 * {@code logProb(y) = base.logProb(inverse(y)) + inverseLogDetJacobian(y)}. CDF, survival and
 * quantiles go through the monotone map; for a decreasing map the tails swap
 * ({@code cdf(y) = base.survival(inverse(y))}). Outside the range of the map (where
 * {@code inverse} gives NaN or ±∞) the density is 0 and the CDF is 0 or 1 according to the side.
 * The median is {@code forward(base.median())}. Mean, variance, mode and entropy have no closed
 * form for a general bijector and throw {@link UnsupportedOperationException}.
 *
 * <p>Immutable and thread-safe when the base and the bijector are; no method allocates except
 * {@link #sample}.
 *
 * @param base the distribution of the latent value
 * @param bijector the strictly monotone map from latent to physical values
 */
public record Transformed(UnivariateDistribution base, Bijector bijector) implements UnivariateDistribution {

    /**
     * Validates the arguments.
     *
     * @throws IllegalArgumentException when either is null
     */
    public Transformed {
        if (base == null) {
            throw new IllegalArgumentException("base must not be null");
        }
        if (bijector == null) {
            throw new IllegalArgumentException("bijector must not be null");
        }
    }

    /** Direction of the map, from its value at the base's quartiles (robust where the derivative underflows). */
    private boolean increasing() {
        double d = bijector.forwardDerivative(base.median());
        if (d != 0 && !Double.isNaN(d)) {
            return d > 0;
        }
        return bijector.forward(base.icdf(0.75)) >= bijector.forward(base.icdf(0.25));
    }

    /** The latent value of y, or ±∞ on the correct side when y lies outside the range of the map. */
    private double latent(double y, boolean increasing) {
        double x = bijector.inverse(y);
        if (!Double.isNaN(x)) {
            return x;
        }
        double lowEnd = bijector.forward(base.icdf(0));
        double highEnd = bijector.forward(base.icdf(1));
        boolean belowRange = y <= Math.min(lowEnd, highEnd);
        return belowRange == increasing ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }

    /** {@code forward(base.sampleOne(rng))}. */
    @Override
    public double sampleOne(RandomGenerator rng) {
        return bijector.forward(base.sampleOne(rng));
    }

    /** {@code base.logProb(inverse(y)) + inverseLogDetJacobian(y)}; {@code −∞} outside the range. */
    @Override
    public double logProb(double y) {
        if (Double.isNaN(y)) {
            return Double.NaN;
        }
        double x = bijector.inverse(y);
        if (!(Math.abs(x) < Double.POSITIVE_INFINITY)) {
            return Double.NEGATIVE_INFINITY;
        }
        double lp = base.logProb(x);
        return lp == Double.NEGATIVE_INFINITY ? lp : lp + bijector.inverseLogDetJacobian(y);
    }

    /** {@code base.cdf(inverse(y))}, or {@code base.survival(inverse(y))} for a decreasing map. */
    @Override
    public double cdf(double y) {
        if (Double.isNaN(y)) {
            return Double.NaN;
        }
        boolean inc = increasing();
        double x = latent(y, inc);
        return inc ? base.cdf(x) : base.survival(x);
    }

    /** {@code base.logCdf(inverse(y))}, or {@code base.logSurvival(inverse(y))} for a decreasing map. */
    @Override
    public double logCdf(double y) {
        if (Double.isNaN(y)) {
            return Double.NaN;
        }
        boolean inc = increasing();
        double x = latent(y, inc);
        return inc ? base.logCdf(x) : base.logSurvival(x);
    }

    /** {@code base.survival(inverse(y))}, or {@code base.cdf(inverse(y))} for a decreasing map. */
    @Override
    public double survival(double y) {
        if (Double.isNaN(y)) {
            return Double.NaN;
        }
        boolean inc = increasing();
        double x = latent(y, inc);
        return inc ? base.survival(x) : base.cdf(x);
    }

    /** {@code base.logSurvival(inverse(y))}, or {@code base.logCdf(inverse(y))} for a decreasing map. */
    @Override
    public double logSurvival(double y) {
        if (Double.isNaN(y)) {
            return Double.NaN;
        }
        boolean inc = increasing();
        double x = latent(y, inc);
        return inc ? base.logSurvival(x) : base.logCdf(x);
    }

    /** {@code forward(base.icdf(p))}, or {@code forward(base.icdf(1 − p))} for a decreasing map. */
    @Override
    public double icdf(double p) {
        Checks.probability(p);
        return bijector.forward(base.icdf(increasing() ? p : 1 - p));
    }

    /** {@code forward(base.median())}: monotone maps preserve the median. */
    @Override
    public double median() {
        return bijector.forward(base.median());
    }

    /**
     * Always throws: E[forward(X)] has no closed form for a general bijector.
     *
     * @throws UnsupportedOperationException always
     */
    @Override
    public double mean() {
        throw unsupported("mean");
    }

    /**
     * Always throws: the mode of the transformed density is not forward(mode) and has no closed form.
     *
     * @throws UnsupportedOperationException always
     */
    @Override
    public double mode() {
        throw unsupported("mode");
    }

    /**
     * Always throws: Var[forward(X)] has no closed form for a general bijector.
     *
     * @throws UnsupportedOperationException always
     */
    @Override
    public double variance() {
        throw unsupported("variance");
    }

    /**
     * Always throws: H(Y) = H(X) + E[log|J|] needs an expectation with no closed form.
     *
     * @throws UnsupportedOperationException always
     */
    @Override
    public double entropy() {
        throw unsupported("entropy");
    }

    /**
     * Against another Transformed with an equal bijector: the base KL divergence (KL is invariant
     * under a shared bijection).
     *
     * @throws UnsupportedOperationException for other types, or a different bijector
     */
    @Override
    public double klDivergence(Distribution other) {
        if (other instanceof Transformed q && bijector.equals(q.bijector)) {
            return base.klDivergence(q.base);
        }
        throw Checks.noKl(this, other);
    }

    private UnsupportedOperationException unsupported(String what) {
        return new UnsupportedOperationException("Transformed distribution has no closed-form " + what
                + " (base " + base.getClass().getSimpleName() + ", bijector " + bijector.getClass().getSimpleName()
                + "); estimate it from samples");
    }
}
