package org.parax4j.param;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.parax4j.distribution.Independent;
import org.parax4j.distribution.Normal;
import org.parax4j.distribution.Uniform;
import org.parax4j.distribution.UnivariateDistribution;

/**
 * Factories for common parameters (SPEC §3: {@code Uniform}, {@code RelativeUniform},
 * {@code CenteredUniform}, {@code Normal}, {@code RelativeNormal}, {@code Fixed}, {@code Free}).
 *
 * <p>They live here rather than on {@link Parameter} so that the value type stays small. Each
 * scalar factory returns a free scalar parameter (shape {@code []}) carrying the named physical
 * distribution, no transform, no bounds and no name; each {@code double[]} overload returns a
 * vector parameter (shape {@code [n]}) whose distribution is the {@link Independent} of one
 * component per element. Use the {@code with*} methods of {@link Parameter} to add a name,
 * transform or bounds. Every factory allocates its result; all are thread-safe.
 *
 * <p>Errors are {@link IllegalArgumentException}s naming the argument and its value (for arrays,
 * also the element index), e.g. {@code std must be finite and > 0, got -1.0}.
 */
public final class Parameters {

    private Parameters() {}

    // ---------------------------------------------------------------- uniform

    /**
     * Free parameter with prior {@code Uniform(low, high)} and value the midpoint.
     *
     * @throws IllegalArgumentException unless {@code low < high}, both finite
     */
    public static Parameter uniform(double low, double high) {
        return uniform(low, high, midpoint(low, high));
    }

    /**
     * Free parameter with prior {@code Uniform(low, high)} and physical value {@code value}.
     *
     * @throws IllegalArgumentException unless {@code low < high}, both finite, and
     *     {@code value} lies in {@code [low, high]}
     */
    public static Parameter uniform(double low, double high, double value) {
        Uniform u = new Uniform(low, high);
        checkInside("value", value, low, high);
        return Parameter.builder().value(value).distribution(u).build();
    }

    /**
     * Vector form of {@link #uniform(double, double)}: element {@code i} has prior
     * {@code Uniform(low[i], high[i])} and value its midpoint.
     *
     * @throws IllegalArgumentException on arrays of different or zero length, or an invalid pair
     */
    public static Parameter uniform(double[] low, double[] high) {
        int n = sameLength("low", low, "high", high);
        double[] value = new double[n];
        for (int i = 0; i < n; i++) {
            value[i] = midpoint(low[i], high[i]);
        }
        return uniform(low, high, value);
    }

    /**
     * Vector form of {@link #uniform(double, double, double)}.
     *
     * @throws IllegalArgumentException on arrays of different or zero length, an invalid pair or
     *     a value outside its interval
     */
    public static Parameter uniform(double[] low, double[] high, double[] value) {
        int n = sameLength("low", low, "high", high);
        sameLength("low", low, "value", value);
        Independent dist = independent(n, i -> {
            Uniform u = new Uniform(low[i], high[i]);
            checkInside("value[" + i + "]", value[i], low[i], high[i]);
            return u;
        });
        return Parameter.builder().value(value).distribution(dist).build();
    }

    /**
     * Free parameter with value {@code mean} and prior uniform on {@code mean·(1 ± fraction)},
     * ordered so that the lower end comes first for a negative mean.
     *
     * @throws IllegalArgumentException unless {@code mean} is finite and non-zero and
     *     {@code fraction} is finite and {@code > 0}
     */
    public static Parameter relativeUniform(double mean, double fraction) {
        return Parameter.builder().value(mean).distribution(relativeUniformOf("mean", mean, fraction)).build();
    }

    /**
     * Vector form of {@link #relativeUniform(double, double)} with one fraction for every element.
     *
     * @throws IllegalArgumentException on an empty array or an invalid element
     */
    public static Parameter relativeUniform(double[] mean, double fraction) {
        int n = nonEmpty("mean", mean);
        Independent dist = independent(n, i -> relativeUniformOf("mean[" + i + "]", mean[i], fraction));
        return Parameter.builder().value(mean).distribution(dist).build();
    }

    /**
     * Free parameter with value {@code mean} and prior {@code Uniform(mean − halfWidth, mean + halfWidth)}.
     *
     * @throws IllegalArgumentException unless {@code mean} is finite and {@code halfWidth} finite and {@code > 0}
     */
    public static Parameter centeredUniform(double mean, double halfWidth) {
        return Parameter.builder().value(mean).distribution(centeredUniformOf("mean", mean, halfWidth)).build();
    }

    /**
     * Vector form of {@link #centeredUniform(double, double)} with one half-width for every element.
     *
     * @throws IllegalArgumentException on an empty array or an invalid element
     */
    public static Parameter centeredUniform(double[] mean, double halfWidth) {
        int n = nonEmpty("mean", mean);
        Independent dist = independent(n, i -> centeredUniformOf("mean[" + i + "]", mean[i], halfWidth));
        return Parameter.builder().value(mean).distribution(dist).build();
    }

    // ---------------------------------------------------------------- normal

    /**
     * Free parameter with prior {@code Normal(mean, std)} and value {@code mean}.
     *
     * @throws IllegalArgumentException unless {@code mean} is finite and {@code std} finite and {@code > 0}
     */
    public static Parameter normal(double mean, double std) {
        return normal(mean, std, mean);
    }

    /**
     * Free parameter with prior {@code Normal(mean, std)} and physical value {@code value}.
     *
     * @throws IllegalArgumentException unless {@code mean} is finite, {@code std} finite and
     *     {@code > 0}, and {@code value} finite
     */
    public static Parameter normal(double mean, double std, double value) {
        return Parameter.builder().value(value).distribution(new Normal(mean, std)).build();
    }

    /**
     * Vector form of {@link #normal(double, double)}.
     *
     * @throws IllegalArgumentException on arrays of different or zero length or an invalid element
     */
    public static Parameter normal(double[] mean, double[] std) {
        return normal(mean, std, mean);
    }

    /**
     * Vector form of {@link #normal(double, double, double)}.
     *
     * @throws IllegalArgumentException on arrays of different or zero length or an invalid element
     */
    public static Parameter normal(double[] mean, double[] std, double[] value) {
        int n = sameLength("mean", mean, "std", std);
        sameLength("mean", mean, "value", value);
        Independent dist = independent(n, i -> new Normal(mean[i], std[i]));
        return Parameter.builder().value(value).distribution(dist).build();
    }

    /**
     * Free parameter with value {@code mean} and prior {@code Normal(mean, |mean|·fraction)}.
     *
     * @throws IllegalArgumentException unless {@code mean} is finite and non-zero and
     *     {@code fraction} is finite and {@code > 0}
     */
    public static Parameter relativeNormal(double mean, double fraction) {
        return Parameter.builder().value(mean).distribution(relativeNormalOf("mean", mean, fraction)).build();
    }

    /**
     * Vector form of {@link #relativeNormal(double, double)} with one fraction for every element.
     *
     * @throws IllegalArgumentException on an empty array or an invalid element
     */
    public static Parameter relativeNormal(double[] mean, double fraction) {
        int n = nonEmpty("mean", mean);
        Independent dist = independent(n, i -> relativeNormalOf("mean[" + i + "]", mean[i], fraction));
        return Parameter.builder().value(mean).distribution(dist).build();
    }

    // ---------------------------------------------------------------- fixed / free

    /**
     * Fixed scalar parameter with physical value {@code value} and no metadata.
     *
     * @throws IllegalArgumentException if {@code value} is not finite
     */
    public static Parameter fixed(double value) {
        return Parameter.builder().value(value).fixed(true).build();
    }

    /**
     * Fixed vector parameter (shape {@code [values.length]}); the array is copied.
     *
     * @throws IllegalArgumentException if {@code values} is empty or holds a non-finite value
     */
    public static Parameter fixed(double[] values) {
        nonEmpty("values", values);
        return Parameter.builder().value(values).fixed(true).build();
    }

    /**
     * Free scalar parameter with physical value {@code value} and no metadata; same as
     * {@link Parameter#of(double)}.
     *
     * @throws IllegalArgumentException if {@code value} is not finite
     */
    public static Parameter free(double value) {
        return Parameter.builder().value(value).build();
    }

    /**
     * Free vector parameter (shape {@code [values.length]}); the array is copied.
     *
     * @throws IllegalArgumentException if {@code values} is empty or holds a non-finite value
     */
    public static Parameter free(double[] values) {
        nonEmpty("values", values);
        return Parameter.builder().value(values).build();
    }

    // ---------------------------------------------------------------- helpers

    private static Uniform relativeUniformOf(String what, double mean, double fraction) {
        checkRelative(what, mean, fraction);
        double a = mean * (1 - fraction);
        double b = mean * (1 + fraction);
        return new Uniform(Math.min(a, b), Math.max(a, b));
    }

    private static Uniform centeredUniformOf(String what, double mean, double halfWidth) {
        if (!Double.isFinite(mean)) {
            throw new IllegalArgumentException(what + " must be finite, got " + mean);
        }
        if (!(halfWidth > 0 && halfWidth < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("halfWidth must be finite and > 0, got " + halfWidth);
        }
        return new Uniform(mean - halfWidth, mean + halfWidth);
    }

    private static Normal relativeNormalOf(String what, double mean, double fraction) {
        checkRelative(what, mean, fraction);
        return new Normal(mean, Math.abs(mean) * fraction);
    }

    private static void checkRelative(String what, double mean, double fraction) {
        if (!(Double.isFinite(mean) && mean != 0)) {
            throw new IllegalArgumentException(what + " must be finite and != 0 for a relative prior, got " + mean);
        }
        if (!(fraction > 0 && fraction < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("fraction must be finite and > 0, got " + fraction);
        }
    }

    private static double midpoint(double low, double high) {
        return 0.5 * low + 0.5 * high;
    }

    private static void checkInside(String what, double value, double low, double high) {
        if (!(value >= low && value <= high)) {
            throw new IllegalArgumentException(what + " must lie in [low, high] = [" + low + ", " + high + "], got "
                    + value);
        }
    }

    private static Independent independent(int n, IntFunction<UnivariateDistribution> component) {
        List<UnivariateDistribution> parts = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            try {
                parts.add(component.apply(i));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("element " + i + ": " + e.getMessage(), e);
            }
        }
        return new Independent(parts);
    }

    private static int nonEmpty(String what, double[] a) {
        if (a == null || a.length == 0) {
            throw new IllegalArgumentException(what + " must be a non-empty array, got "
                    + (a == null ? "null" : "length 0"));
        }
        return a.length;
    }

    private static int sameLength(String whatA, double[] a, String whatB, double[] b) {
        int n = nonEmpty(whatA, a);
        int m = nonEmpty(whatB, b);
        if (n != m) {
            throw new IllegalArgumentException(whatA + " and " + whatB + " must have the same length, got " + n
                    + " and " + m);
        }
        return n;
    }
}
