package org.parax4j.bijector;

/**
 * The identity map {@code y = x} on ℝ. Immutable and thread-safe; all methods allocation-free.
 */
public record Identity() implements Bijector {

    /** Shared instance. */
    public static final Identity INSTANCE = new Identity();

    /** Returns {@code x}. */
    @Override
    public double forward(double x) {
        return x;
    }

    /** Returns {@code y}. */
    @Override
    public double inverse(double y) {
        return y;
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

    /** Returns {@code "Identity"}. */
    @Override
    public String name() {
        return "Identity";
    }
}
