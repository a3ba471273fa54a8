package org.parax4j.bijector;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The affine map {@code y = shift + scale * x} on ℝ; decreasing when {@code scale < 0}.
 * Immutable and thread-safe; all methods allocation-free except {@link #name()}.
 *
 * @param shift the finite offset
 * @param scale the finite, non-zero factor
 */
public record Affine(@JsonProperty(required = true) double shift, @JsonProperty(required = true) double scale)
        implements Bijector {

    /**
     * Validates the coefficients.
     *
     * @throws IllegalArgumentException when {@code shift} is not finite, or {@code scale} is zero,
     *     NaN or infinite
     */
    public Affine {
        if (!Double.isFinite(shift)) {
            throw new IllegalArgumentException("shift must be finite, got " + shift);
        }
        if (!(Double.isFinite(scale) && scale != 0)) {
            throw new IllegalArgumentException("scale must be finite and != 0, got " + scale);
        }
    }

    /** Returns {@code shift + scale * x}. */
    @Override
    public double forward(double x) {
        return shift + scale * x;
    }

    /** Returns {@code (y - shift) / scale}. */
    @Override
    public double inverse(double y) {
        return (y - shift) / scale;
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

    /** Returns {@code "Affine(<shift>, <scale>)"}. */
    @Override
    public String name() {
        return "Affine(" + shift + ", " + scale + ")";
    }
}
