package org.parax4j.bijector;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The inverse of another bijector: {@code forward} is {@code bijector.inverse} and vice versa,
 * with log-dets swapped; domain and range swap too. Immutable and thread-safe; allocation-free
 * except {@link #name()} and whatever the wrapped bijector allocates.
 *
 * @param bijector the bijector to invert
 */
public record Inverse(@JsonProperty(required = true) Bijector bijector) implements Bijector {

    /**
     * Validates the wrapped bijector.
     *
     * @throws IllegalArgumentException when {@code bijector} is null
     */
    public Inverse {
        if (bijector == null) {
            throw new IllegalArgumentException("bijector must not be null");
        }
    }

    /** Returns {@code bijector.inverse(x)}. */
    @Override
    public double forward(double x) {
        return bijector.inverse(x);
    }

    /** Returns {@code bijector.forward(y)}. */
    @Override
    public double inverse(double y) {
        return bijector.forward(y);
    }

    /** Returns {@code bijector.inverseLogDetJacobian(x)}. */
    @Override
    public double forwardLogDetJacobian(double x) {
        return bijector.inverseLogDetJacobian(x);
    }

    /** Returns {@code bijector.forwardLogDetJacobian(y)}. */
    @Override
    public double inverseLogDetJacobian(double y) {
        return bijector.forwardLogDetJacobian(y);
    }

    /** Returns {@code 1 / bijector.forwardDerivative(bijector.inverse(x))} (inverse function rule). */
    @Override
    public double forwardDerivative(double x) {
        return 1 / bijector.forwardDerivative(bijector.inverse(x));
    }

    /** Same monotonicity as the wrapped bijector. */
    @Override
    public boolean isIncreasing() {
        return bijector.isIncreasing();
    }

    /** The wrapped bijector's {@code rangeLower()}. */
    @Override
    public double domainLower() {
        return bijector.rangeLower();
    }

    /** The wrapped bijector's {@code rangeUpper()}. */
    @Override
    public double domainUpper() {
        return bijector.rangeUpper();
    }

    /** The wrapped bijector's {@code domainLower()}. */
    @Override
    public double rangeLower() {
        return bijector.domainLower();
    }

    /** The wrapped bijector's {@code domainUpper()}. */
    @Override
    public double rangeUpper() {
        return bijector.domainUpper();
    }

    /** Inverting an {@code Inverse} returns the original bijector. */
    @Override
    public Bijector inverted() {
        return bijector;
    }

    /** Returns {@code "Inverse(<bijector>)"}. */
    @Override
    public String name() {
        return "Inverse(" + bijector.name() + ")";
    }
}
