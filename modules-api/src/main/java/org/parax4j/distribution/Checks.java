package org.parax4j.distribution;

/**
 * Argument checks shared by the distributions. Every check catches NaN and names the argument,
 * the expectation and the actual value. Stateless and thread-safe.
 */
final class Checks {

    private Checks() {}

    /** Returns {@code value} when it is finite; otherwise throws naming {@code name}. */
    static double finite(String name, double value) {
        if (!(Math.abs(value) < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException(name + " must be finite, got " + value);
        }
        return value;
    }

    /** Returns {@code value} when it is finite and {@code > 0}; otherwise throws naming {@code name}. */
    static double positive(String name, double value) {
        if (!(value > 0 && value < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException(name + " must be finite and > 0, got " + value);
        }
        return value;
    }

    /** Returns {@code p} when it lies in [0, 1]; otherwise throws. */
    static double probability(double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("p must be in [0, 1], got " + p);
        }
        return p;
    }

    /** Checks that a block {@code x} has the distribution's dimension. */
    static void length(double[] x, int dimension) {
        if (x == null) {
            throw new IllegalArgumentException("x must not be null");
        }
        if (x.length != dimension) {
            throw new IllegalArgumentException("x must have length " + dimension + ", got " + x.length);
        }
    }

    /** Checks that an element index lies in [0, dimension). */
    static void index(int i, int dimension) {
        if (i < 0 || i >= dimension) {
            throw new IndexOutOfBoundsException("element index must be in [0, " + dimension + "), got " + i);
        }
    }

    /** The exception a {@code klDivergence} without a closed form for the pair throws; names both types. */
    static UnsupportedOperationException noKl(Distribution p, Distribution q) {
        if (q == null) {
            throw new IllegalArgumentException("other must not be null");
        }
        return new UnsupportedOperationException("no closed-form KL divergence from "
                + p.getClass().getSimpleName() + " to " + q.getClass().getSimpleName());
    }

    /** Checks that {@code q} has the same dimension as {@code p} before a KL divergence. */
    static void sameDimension(Distribution p, Distribution q) {
        if (p.dimension() != q.dimension()) {
            throw new IllegalArgumentException("other must have dimension " + p.dimension() + ", got "
                    + q.dimension());
        }
    }
}
