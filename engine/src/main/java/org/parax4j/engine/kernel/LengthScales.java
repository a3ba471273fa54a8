package org.parax4j.engine.kernel;

import java.util.Arrays;

/**
 * Length scales of a stationary kernel: one value for every dimension (isotropic), or one value
 * per dimension (ARD, automatic relevance determination). Immutable; the array is copied in and
 * out and compared by content.
 *
 * @param values one value, or one per input dimension; each finite and {@code > 0}
 */
public record LengthScales(double[] values) {

    /**
     * @throws IllegalArgumentException if {@code values} is null or empty or holds a value that is
     *     not finite and positive; the message names the entry ({@code lengthScale} or
     *     {@code lengthScales[k]}) and its value
     */
    public LengthScales {
        if (values == null || values.length == 0) {
            throw new IllegalArgumentException("lengthScales must hold at least one value, got "
                    + (values == null ? "null" : "an empty array"));
        }
        values = values.clone();
        for (int k = 0; k < values.length; k++) {
            if (!(values[k] > 0 && values[k] < Double.POSITIVE_INFINITY)) {
                String name = values.length == 1 ? "lengthScale" : "lengthScales[" + k + "]";
                throw new IllegalArgumentException(name + " must be finite and > 0, got " + values[k]);
            }
        }
    }

    /** One length scale for every dimension. Throws as the constructor does. */
    public static LengthScales of(double lengthScale) {
        return new LengthScales(new double[] {lengthScale});
    }

    /** One length scale per dimension (copied). Throws as the constructor does. */
    public static LengthScales ard(double... lengthScales) {
        return new LengthScales(lengthScales);
    }

    /** A copy of the values. */
    @Override
    public double[] values() {
        return values.clone();
    }

    /** Whether one value serves every dimension. */
    public boolean isotropic() {
        return values.length == 1;
    }

    /**
     * The reciprocal length scale of each of {@code d} dimensions (a new array).
     *
     * @throws IllegalArgumentException if these are ARD scales for another dimension
     */
    double[] inverse(int d) {
        if (!isotropic() && values.length != d) {
            throw new IllegalArgumentException("lengthScales holds " + values.length
                    + " values but the inputs have d = " + d + " dimensions");
        }
        double[] inverse = new double[d];
        for (int k = 0; k < d; k++) {
            inverse[k] = 1 / values[isotropic() ? 0 : k];
        }
        return inverse;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LengthScales that && Arrays.equals(values, that.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return isotropic() ? Double.toString(values[0]) : Arrays.toString(values);
    }
}
