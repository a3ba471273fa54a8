package org.parax4j.module;

/** The kinds of {@link Module#funcSensitivity}, as in the seed. */
public enum SensitivityKind {
    /** {@code (dy/dθ)·θ/y}: fractional change of the output per fractional change of θ; 0 where y = 0. */
    RELATIVE,
    /** {@code (dy/dθ)·θ}: change of the output per fractional change of θ; stable where y = 0. */
    SEMI_RELATIVE,
    /** {@code dy/dθ}: the raw derivative. */
    ABSOLUTE;

    /**
     * The sensitivity of one output element of this kind.
     *
     * @param derivative {@code dy/dθ}
     * @param theta the parameter value θ
     * @param y the output value
     */
    public double of(double derivative, double theta, double y) {
        return switch (this) {
            case ABSOLUTE -> derivative;
            case SEMI_RELATIVE -> derivative * theta;
            case RELATIVE -> y == 0 ? 0 : derivative * theta / y;
        };
    }

    /**
     * One number for a set of sensitivities: the 1-norm (sum of absolute values), 2-norm
     * (Euclidean) or ∞-norm (largest absolute value) over every element of every array.
     *
     * @throws IllegalArgumentException when {@code norm} is not 1, 2 or {@code Double.POSITIVE_INFINITY}
     */
    public static double norm(Iterable<double[]> sensitivities, double norm) {
        if (norm != 1 && norm != 2 && norm != Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("norm must be 1, 2 or Double.POSITIVE_INFINITY, got " + norm);
        }
        double acc = 0;
        for (double[] s : sensitivities) {
            for (double v : s) {
                double a = Math.abs(v);
                acc = norm == 1 ? acc + a : norm == 2 ? acc + a * a : Math.max(acc, a);
            }
        }
        return norm == 2 ? Math.sqrt(acc) : acc;
    }
}
