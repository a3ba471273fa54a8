package org.parax4j.bijector;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The scaling {@code y = scale * x} on ℝ; decreasing when {@code scale < 0}. Immutable and
 * thread-safe; all methods allocation-free except {@link #name()}.
 *
 * @param scale the finite, non-zero factor
 */
public record Scale(@JsonProperty(required = true) double scale) implements Bijector {

    /**
     * Validates the factor.
     *
     * @throws IllegalArgumentException when {@code scale} is zero, NaN or infinite
     */
    public Scale {
        if (!(Double.isFinite(scale) && scale != 0)) {
            throw new IllegalArgumentException("scale must be finite and != 0, got " + scale);
        }
    }

    /** Returns {@code scale * x}. */
    @Override
    public double forward(double x) {
        return scale * x;
    }

    /** Returns {@code y / scale}. */
    @Override
    public double inverse(double y) {
        return y / scale;
    }

    /** Returns {@code log|scale|}. */
    @Override
    public double forwardLogDetJacobian(double x) {
        return Math.log(Math.abs(scale));
    }

    /** Returns {@code -log|scale|}. */
    @Override
    public double inverseLogDetJacobian(double y) {
        return -Math.log(Math.abs(scale));
    }

    /** Returns {@code scale}. */
    @Override
    public double forwardDerivative(double x) {
        return scale;
    }

    /** Returns {@code scale > 0}. */
    @Override
    public boolean isIncreasing() {
        return scale > 0;
    }

    /** Returns {@code "Scale(<scale>)"}. */
    @Override
    public String name() {
        return "Scale(" + scale + ")";
    }
}
