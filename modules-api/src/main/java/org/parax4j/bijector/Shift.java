package org.parax4j.bijector;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The translation {@code y = x + shift} on ℝ. Immutable and thread-safe; all methods
 * allocation-free except {@link #name()}.
 *
 * @param shift the finite offset added to the latent value
 */
public record Shift(@JsonProperty(required = true) double shift) implements Bijector {

    /**
     * Validates the offset.
     *
     * @throws IllegalArgumentException when {@code shift} is NaN or infinite
     */
    public Shift {
        if (!Double.isFinite(shift)) {
            throw new IllegalArgumentException("shift must be finite, got " + shift);
        }
    }

    /** Returns {@code x + shift}. */
    @Override
    public double forward(double x) {
        return x + shift;
    }

    /** Returns {@code y - shift}. */
    @Override
    public double inverse(double y) {
        return y - shift;
    }

    /** Returns 0. */
    @Override
    public double forwardLogDetJacobian(double x) {
        return 0;
    }

    /** Returns 0. */
    @Override
    public double inverseLogDetJacobian(double y) {
        return 0;
    }

    /** Returns 1. */
    @Override
    public double forwardDerivative(double x) {
        return 1;
    }

    /** Returns {@code true}. */
    @Override
    public boolean isIncreasing() {
        return true;
    }

    /** Returns {@code "Shift(<shift>)"}. */
    @Override
    public String name() {
        return "Shift(" + shift + ")";
    }
}
