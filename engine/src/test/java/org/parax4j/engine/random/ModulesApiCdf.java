package org.parax4j.engine.random;

import org.hipparchus.distribution.continuous.AbstractRealDistribution;
import org.parax4j.distribution.UnivariateDistribution;

/** A modules-api distribution seen as a Hipparchus {@code RealDistribution}, for the KS test. */
final class ModulesApiCdf extends AbstractRealDistribution {

    private static final long serialVersionUID = 1L;
    private final transient UnivariateDistribution d;

    ModulesApiCdf(UnivariateDistribution d) {
        this.d = d;
    }

    @Override
    public double density(double x) {
        return d.prob(x);
    }

    @Override
    public double cumulativeProbability(double x) {
        return d.cdf(x);
    }

    @Override
    public double getNumericalMean() {
        return d.mean();
    }

    @Override
    public double getNumericalVariance() {
        return d.variance();
    }

    @Override
    public double getSupportLowerBound() {
        return d.icdf(0);
    }

    @Override
    public double getSupportUpperBound() {
        return d.icdf(1);
    }

    @Override
    public boolean isSupportConnected() {
        return true;
    }
}
