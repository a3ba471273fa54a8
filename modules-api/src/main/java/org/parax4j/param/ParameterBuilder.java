package org.parax4j.param;

import org.jspecify.annotations.Nullable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.parax4j.bijector.Bijector;
import org.parax4j.distribution.Distribution;

/**
 * Mutable builder of a {@link Parameter}; obtain one with {@link Parameter#builder()}.
 *
 * <p>Give exactly one of a physical value ({@code value(...)}) or a latent value
 * ({@code latentValue(...)}); everything else is optional. Setters replace earlier calls of the
 * same setter and return this builder; {@code null} clears an optional item. Nothing is checked
 * until {@link #build()}, which may be called repeatedly and never changes the builder. A builder
 * is not thread-safe; the parameters it builds are.
 *
 * <p>Vectorisation (SPEC §2): {@link #n(int)} repeats a single value into a vector of length
 * {@code n}, repeats a single bounds pair, and turns a single {@link #name(String)} (when no
 * {@link #names(List)} are given) into element names {@code name_0 … name_{n-1}} while keeping
 * the parameter's own name; {@link #shape(int...)} broadcasts a single value to a shape (or
 * reshapes a value with as many elements). {@code n} and {@code shape} are mutually exclusive.
 */
public final class ParameterBuilder {

    private double[] values;
    private int[] valueShape;
    private boolean latent;
    private boolean physicalGiven;
    private boolean latentGiven;
    private boolean fixed;
    private String name;
    private List<String> names;
    private Distribution distribution;
    private Bijector transform;
    private double[] lower;
    private double[] upper;
    private double scale = 1;
    private Map<String, Object> info;
    private Integer n;
    private int[] shape;

    ParameterBuilder() {}

    /** Physical scalar value (shape {@code []}). */
    public ParameterBuilder value(double value) {
        return set(new double[] {value}, new int[0], false);
    }

    /** Physical vector value (shape {@code [values.length]}); the array is copied. */
    public ParameterBuilder value(double[] values) {
        Objects.requireNonNull(values, "values");
        return set(values.clone(), new int[] {values.length}, false);
    }

    /** Physical values in row-major order with the given shape; arrays are copied. */
    public ParameterBuilder value(double[] values, int... shape) {
        Objects.requireNonNull(values, "values");
        Objects.requireNonNull(shape, "shape");
        return set(values.clone(), shape.clone(), false);
    }

    /** Latent scalar value (shape {@code []}). */
    public ParameterBuilder latentValue(double value) {
        return set(new double[] {value}, new int[0], true);
    }

    /** Latent vector value (shape {@code [values.length]}); the array is copied. */
    public ParameterBuilder latentValue(double[] values) {
        Objects.requireNonNull(values, "values");
        return set(values.clone(), new int[] {values.length}, true);
    }

    /** Latent values in row-major order with the given shape; arrays are copied. */
    public ParameterBuilder latentValue(double[] values, int... shape) {
        Objects.requireNonNull(values, "values");
        Objects.requireNonNull(shape, "shape");
        return set(values.clone(), shape.clone(), true);
    }

    private ParameterBuilder set(double[] v, int[] s, boolean isLatent) {
        if (isLatent) {
            latentGiven = true;
        } else {
            physicalGiven = true;
        }
        values = v;
        valueShape = s;
        latent = isLatent;
        return this;
    }

    /** Whether the parameter is fixed (default {@code false}). */
    public ParameterBuilder fixed(boolean fixed) {
        this.fixed = fixed;
        return this;
    }

    /** The parameter's own name. */
    public ParameterBuilder name(@Nullable String name) {
        this.name = name;
        return this;
    }

    /** Element names, one per element in row-major order (copied). */
    public ParameterBuilder names(@Nullable List<String> names) {
        this.names = names == null ? null : new ArrayList<>(names);
        return this;
    }

    /** Physical-space distribution of dimension 1 (applied to every element) or {@code size()}. */
    public ParameterBuilder distribution(@Nullable Distribution distribution) {
        this.distribution = distribution;
        return this;
    }

    /** Latent-to-physical transform. */
    public ParameterBuilder transform(@Nullable Bijector transform) {
        this.transform = transform;
        return this;
    }

    /** The same bounds {@code [lo, hi]} for every element (±∞ for an open end). */
    public ParameterBuilder bounds(double lo, double hi) {
        this.lower = new double[] {lo};
        this.upper = new double[] {hi};
        return this;
    }

    /** Per-element bounds (length {@code size()}, or 1 to repeat); the arrays are copied. */
    public ParameterBuilder bounds(double[] lo, double[] hi) {
        Objects.requireNonNull(lo, "lo");
        Objects.requireNonNull(hi, "hi");
        this.lower = lo.clone();
        this.upper = hi.clone();
        return this;
    }

    /** Scale factor, finite and non-zero (default 1). */
    public ParameterBuilder scale(double scale) {
        this.scale = scale;
        return this;
    }

    /** User data; the parameter keeps an unmodifiable copy. */
    public ParameterBuilder info(@Nullable Map<String, Object> info) {
        this.info = info;
        return this;
    }

    /**
     * Repeats a single value (and bounds, and name) into a vector of length {@code n >= 1}; checked
     * by {@link #build()}, which rejects {@code n < 1} and sizes beyond {@link Parameter#MAX_SIZE}
     * or the heap.
     */
    public ParameterBuilder n(int n) {
        this.n = n;
        return this;
    }

    /** Broadcasts a single value to {@code shape} (or reshapes a value of the same size); copied. */
    public ParameterBuilder shape(int... shape) {
        this.shape = shape == null ? null : shape.clone();
        return this;
    }

    /**
     * Validates everything and builds the parameter. Allocates the parameter and its arrays.
     *
     * @throws IllegalArgumentException naming the parameter ({@code '<unnamed>'} without a name)
     *     when both or neither of value and latent value were given; when {@code n}/{@code shape}
     *     are invalid (n below 1, a dimension below 1, a size above {@link Parameter#MAX_SIZE} or
     *     too large for the heap: the message gives the size and the limit) or do not fit the
     *     value; when the names list does not have one entry per
     *     element (both lengths are given); when a value is NaN or ±∞, is outside the range of the
     *     transform (its inverse gives NaN or ±∞) or outside its bounds (element index, bounds and
     *     value are given); when bounds are NaN or {@code lo > hi}; when the scale is not finite
     *     and non-zero; when the distribution dimension is neither 1 nor the size
     */
    public Parameter build() {
        String label = ParameterChecks.label(name);
        if (physicalGiven && latentGiven) {
            throw new IllegalArgumentException(label + ": give either value or latentValue, not both");
        }
        if (values == null) {
            throw new IllegalArgumentException(label + ": a value or latentValue is required");
        }
        double[] data = values;
        int[] dims = valueShape;
        if (n != null && shape != null) {
            throw new IllegalArgumentException(label + ": give either n or shape, not both (n = " + n + ", shape = "
                    + Arrays.toString(shape) + ")");
        }
        if (n != null) {
            if (n < 1) {
                throw new IllegalArgumentException(label + ": n must be >= 1, got " + n);
            }
            ParameterChecks.checkSize(label, "n = " + n, n);
            data = broadcast(label, data, n, "n = " + n);
            dims = new int[] {n};
        } else if (shape != null) {
            int count = ParameterChecks.sizeOf(label, shape);
            data = broadcast(label, data, count, "shape " + Arrays.toString(shape));
            dims = shape.clone();
        }
        int size = data.length;
        List<String> elementNames = names;
        if (elementNames != null && !elementNames.isEmpty() && elementNames.size() != size) {
            throw new IllegalArgumentException(label + ": names has " + elementNames.size()
                    + " entries but the parameter has " + size + " elements");
        }
        if ((elementNames == null || elementNames.isEmpty()) && n != null && name != null) {
            elementNames = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                elementNames.add(name + "_" + i);
            }
        }
        double[] lo = lower == null ? null : repeatBounds(label, lower, size, "lower");
        double[] hi = upper == null ? null : repeatBounds(label, upper, size, "upper");
        double[] latentValues = latent ? data : ParameterChecks.toLatent(data, transform, name);
        return new Parameter(latentValues, dims, fixed, name, elementNames, distribution, transform, lo, hi, scale,
                info);
    }

    private static double[] broadcast(String label, double[] data, int count, String what) {
        if (data.length == count) {
            return data.clone();
        }
        if (data.length != 1) {
            throw new IllegalArgumentException(label + ": " + what + " needs a single value to repeat or "
                    + count + " values, got " + data.length);
        }
        double[] out = new double[count];
        Arrays.fill(out, data[0]);
        return out;
    }

    private static double[] repeatBounds(String label, double[] b, int size, String which) {
        if (b.length == size) {
            return b.clone();
        }
        if (b.length == 1) {
            double[] out = new double[size];
            Arrays.fill(out, b[0]);
            return out;
        }
        throw new IllegalArgumentException(label + ": " + which + " bounds need 1 or " + size + " values, got "
                + b.length);
    }
}
