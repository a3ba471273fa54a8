package org.parax4j.engine.fit;

/**
 * One fitted parameter element, in physical space (the parameter's own units, before its scale).
 *
 * @param name the flat name
 * @param value the fitted physical value
 * @param standardError its standard error (delta method through the transform from the latent
 *     covariance), NaN when the normal matrix is singular
 * @param initialValue the physical value at the start
 * @param latentValue the fitted latent value (what the optimiser moved)
 * @param atBound whether the value sits on one of the bounds the fit used (its own, or its prior's
 *     quantiles with {@code withPriorBounds}), compared in latent space within 1e-9 relative
 */
public record FitParameter(String name, double value, double standardError, double initialValue, double latentValue,
        boolean atBound) {

    /** {@code |standardError / value|}; NaN when the value is 0 or the error unknown. */
    public double relativeError() {
        return value == 0 ? Double.NaN : Math.abs(standardError / value);
    }
}
