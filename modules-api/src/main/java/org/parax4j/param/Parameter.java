package org.parax4j.param;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.parax4j.bijector.Bijector;
import org.parax4j.distribution.Distribution;
import org.parax4j.json.Json;

/**
 * A model parameter: an array of doubles of any shape with a free/fixed flag and metadata
 * (SPEC §2–3).
 *
 * <p><b>Values.</b> A parameter stores its <em>latent</em> value (unconstrained; what optimisers
 * and the flat vector see) as a row-major {@code double[]} with a {@link #shape()} ({@code []} for
 * a scalar, which has size 1). Its <em>physical</em> value is {@code transform.forward(latent)}
 * elementwise (the latent value itself when there is no transform), and its <em>scaled</em> value
 * is {@code physical * scale}. Distributions and bounds live in physical space. Only the latent
 * value is stored; the physical value is always recomputed from it, so a parameter built from a
 * physical value {@code v} reports {@code forward(inverse(v))}, which may differ from {@code v}
 * by rounding when a non-trivial transform is present (it is exact without a transform).
 *
 * <p><b>Metadata.</b> An optional name; optional element names (one per element); an optional
 * distribution whose dimension is either 1 (applied to every element independently) or
 * {@link #size()}; an optional {@link Bijector} transform; optional bounds {@code [lo_i, hi_i]}
 * per element (±∞ when open; a parameter whose bounds are all open has {@link #hasBounds()}
 * false); a finite non-zero scale (default 1); and an unmodifiable info map of user data.
 *
 * <p><b>Invariants</b>, checked whenever a parameter is created (by the {@link ParameterBuilder}, by a
 * {@code with*} rewrite or by {@link #fromJson}): latent and physical values finite; physical
 * values strictly inside the open range of the transform (a latent value whose image rounds to an
 * end of the range, such as {@code Exp} at −800 giving 0 or {@code Sigmoid} at 40 giving 1.0, is
 * rejected, never clamped; {@link #checkLatentValue} applies the same rule to a single value);
 * physical values within their bounds; {@code lo ≤ hi}; at most {@link #MAX_SIZE} elements (the
 * shape's product is computed without overflow); names list of length {@link #size()}; scale
 * finite and non-zero; distribution dimension 1 or {@link #size()}. A violation throws
 * {@link IllegalArgumentException} naming the parameter ({@code '<unnamed>'} without a name), the
 * element index and the offending value.
 *
 * <p>Instances are immutable and thread-safe (provided the objects stored in {@link #info()} are);
 * every rewrite returns a new parameter and leaves the receiver unchanged. Arrays are copied in
 * and out. {@link #equals} is value-based: arrays by content, doubles by bit pattern, metadata by
 * its own {@code equals}. Factories for common priors are on {@link Parameters}.
 */
public final class Parameter {

    private static final double[] NO_BOUNDS = null;

    private final double[] latent;
    private final double[] physical;
    private final int[] shape;
    private final boolean fixed;
    private final String name;
    private final List<String> elementNames;
    private final Distribution distribution;
    private final Bijector transform;
    private final double[] lower;
    private final double[] upper;
    private final double scale;
    private final Map<String, Object> info;

    /**
     * Canonical constructor; takes ownership of the arrays and validates every invariant.
     * {@code lower}/{@code upper} are both null (no bounds) or both of length {@code latent.length}.
     */
    Parameter(double[] latent, int[] shape, boolean fixed, String name, List<String> elementNames,
            Distribution distribution, Bijector transform, double[] lower, double[] upper, double scale,
            Map<String, Object> info) {
        this.name = name;
        String label = label(name);
        Objects.requireNonNull(latent, "latentValue");
        Objects.requireNonNull(shape, "shape");
        int product = sizeOf(label, shape);
        if (product != latent.length) {
            throw new IllegalArgumentException(label + ": shape " + Arrays.toString(shape) + " holds " + product
                    + " elements but latentValue has " + latent.length);
        }
        double[] phys = new double[latent.length];
        double rangeLo = transform == null ? Double.NEGATIVE_INFINITY : transform.rangeLower();
        double rangeHi = transform == null ? Double.POSITIVE_INFINITY : transform.rangeUpper();
        for (int i = 0; i < latent.length; i++) {
            phys[i] = physicalOf(label, i, latent[i], transform, rangeLo, rangeHi);
        }
        List<String> names = copyNames(label, elementNames);
        if (!names.isEmpty() && names.size() != latent.length) {
            throw new IllegalArgumentException(label + ": names has " + names.size()
                    + " entries but the parameter has " + latent.length + " elements");
        }
        if (lower != null || upper != null) {
            checkBounds(label, lower, upper, phys);
            if (allOpen(lower, upper)) {
                lower = NO_BOUNDS;
                upper = NO_BOUNDS;
            }
        }
        if (!(Double.isFinite(scale) && scale != 0)) {
            throw new IllegalArgumentException(label + ": scale must be finite and != 0, got " + scale);
        }
        if (distribution != null && distribution.dimension() != 1 && distribution.dimension() != latent.length) {
            throw new IllegalArgumentException(label + ": distribution dimension must be 1 or the parameter size "
                    + latent.length + ", got " + distribution.dimension());
        }
        this.latent = latent;
        this.physical = phys;
        this.shape = shape;
        this.fixed = fixed;
        this.elementNames = names;
        this.distribution = distribution;
        this.transform = transform;
        this.lower = lower;
        this.upper = upper;
        this.scale = scale;
        this.info = info == null || info.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(info));
    }

    /**
     * The physical image of latent value {@code x} of element {@code i}: {@code x} itself without a
     * transform, else {@code transform.forward(x)}, which must be finite and lie strictly inside the
     * open range {@code (rangeLo, rangeHi)} of the transform. Rounding can reach an end of the
     * range ({@code Exp} and {@code Softplus} give 0 below about −745, {@code Sigmoid} gives 1.0
     * above about 36.7); such a value is rejected rather than clamped, since the physical value
     * would violate the transform's promise (a "positive" 0) and could not be mapped back.
     *
     * @throws IllegalArgumentException naming the parameter, the element, the latent value, its
     *     image and the open range
     */
    private static double physicalOf(String label, int i, double x, Bijector transform, double rangeLo,
            double rangeHi) {
        if (!Double.isFinite(x)) {
            throw new IllegalArgumentException(label + " element " + i + ": latentValue must be finite, got " + x);
        }
        if (transform == null) {
            return x;
        }
        double y = transform.forward(x);
        if (!(y > rangeLo && y < rangeHi && Double.isFinite(y))) {
            throw new IllegalArgumentException(label + " element " + i + ": latentValue " + x + " maps to " + y
                    + " through transform " + transform.name() + ", outside its open range (" + rangeLo + ", "
                    + rangeHi + ")");
        }
        return y;
    }

    /**
     * Whether {@link #checkLatentValue} would accept {@code x} for element {@code i}: the same rule,
     * answered without an exception (for samplers and line searches, which treat an inadmissible
     * point as having zero density). Allocates nothing.
     *
     * @throws IndexOutOfBoundsException if {@code i} is not in {@code [0, size())}
     */
    public boolean admitsLatentValue(int i, double x) {
        checkIndex(i);
        double lo = transform == null ? Double.NEGATIVE_INFINITY : transform.rangeLower();
        double hi = transform == null ? Double.POSITIVE_INFINITY : transform.rangeUpper();
        double image = transform == null ? x : transform.forward(x);
        return Double.isFinite(x) && Double.isFinite(image) && image > lo && image < hi
                && (lower == null || image >= lower[i] && image <= upper[i]);
    }

    /**
     * Checks a candidate latent value for element {@code i} against the rules every parameter
     * keeps, the same ones a {@code with*} rewrite applies: {@code x} finite; its physical image
     * finite and strictly inside the open range of the transform (so {@code Exp} at −800, which
     * rounds to 0, is rejected, not clamped); the physical value within the element's bounds.
     * For callers that evaluate a latent flat vector without building parameters (the engine's
     * {@code ModelFunction}). Allocates nothing when the value is admissible.
     *
     * @param i the element (row-major index)
     * @param x the candidate latent value
     * @param name the name to give in the message (the parameter's name in its tree, or a flat
     *     name); {@code null} for this parameter's own label
     * @throws IndexOutOfBoundsException if {@code i} is not in {@code [0, size())}
     * @throws IllegalArgumentException naming the parameter, the element, the latent value and the
     *     open range or the bounds it violates
     */
    public void checkLatentValue(int i, double x, String name) {
        if (admitsLatentValue(i, x)) {
            return;
        }
        double lo = transform == null ? Double.NEGATIVE_INFINITY : transform.rangeLower();
        double hi = transform == null ? Double.POSITIVE_INFINITY : transform.rangeUpper();
        String label = name == null ? label() : "parameter '" + name + "'";
        double y = physicalOf(label, i, x, transform, lo, hi);
        if (lower != null && !(y >= lower[i] && y <= upper[i])) {
            throw new IllegalArgumentException(label + " element " + i + ": latentValue " + x + " gives value " + y
                    + ", outside bounds [" + lower[i] + ", " + upper[i] + "]");
        }
    }

    /**
     * The largest number of elements a parameter may have: the largest Java array on common JVMs.
     * A parameter also needs its latent and physical arrays (16 bytes per element) to fit the heap.
     */
    public static final int MAX_SIZE = Integer.MAX_VALUE - 8;

    /**
     * The number of elements of {@code shape}: the product of its dimensions, computed without
     * overflow.
     *
     * @throws IllegalArgumentException naming the parameter and the shape when a dimension is
     *     below 1 or the product exceeds {@link #MAX_SIZE} or the heap (see {@link #checkSize})
     */
    static int sizeOf(String label, int[] shape) {
        long product = 1;
        for (int d : shape) {
            if (d < 1) {
                throw new IllegalArgumentException(label + ": shape dimensions must be >= 1, got shape "
                        + Arrays.toString(shape));
            }
            product *= d;
            if (product > MAX_SIZE) {
                // stop before the product can overflow: it is at most MAX_SIZE · Integer.MAX_VALUE here
                throw new IllegalArgumentException(label + ": shape " + Arrays.toString(shape) + " has more than "
                        + MAX_SIZE + " elements, the largest parameter size (a Java array)");
            }
        }
        return checkSize(label, "shape " + Arrays.toString(shape), product);
    }

    /**
     * Checks that a parameter of {@code count} elements can exist: at most {@link #MAX_SIZE}, and its
     * two value arrays (16 bytes per element) no larger than the maximum heap.
     *
     * @param what what asked for the size ({@code "n = 5"}, {@code "shape [2, 3]"}), for the message
     * @throws IllegalArgumentException naming the parameter, the size and the limit
     */
    static int checkSize(String label, String what, long count) {
        if (count > MAX_SIZE) {
            throw new IllegalArgumentException(label + ": " + what + " asks for " + count + " elements, more than "
                    + MAX_SIZE + ", the largest parameter size (a Java array)");
        }
        long bytes = 16 * count;
        long heap = Runtime.getRuntime().maxMemory();
        if (bytes > heap) {
            throw new IllegalArgumentException(label + ": " + what + " asks for " + count + " elements, whose latent "
                    + "and physical values need " + bytes + " bytes, more than the maximum heap of " + heap
                    + " bytes (-Xmx)");
        }
        return (int) count;
    }

    private static void checkBounds(String label, double[] lower, double[] upper, double[] phys) {
        if (lower == null || upper == null || lower.length != phys.length || upper.length != phys.length) {
            throw new IllegalArgumentException(label + ": bounds need one lower and one upper value per element ("
                    + phys.length + "), got " + (lower == null ? "none" : lower.length) + " lower and "
                    + (upper == null ? "none" : upper.length) + " upper");
        }
        for (int i = 0; i < phys.length; i++) {
            if (!(lower[i] <= upper[i])) {
                throw new IllegalArgumentException(label + " element " + i + ": bounds must satisfy lo <= hi, got ["
                        + lower[i] + ", " + upper[i] + "]");
            }
            if (!(phys[i] >= lower[i] && phys[i] <= upper[i])) {
                throw new IllegalArgumentException(label + " element " + i + ": value " + phys[i]
                        + " is outside bounds [" + lower[i] + ", " + upper[i] + "]");
            }
        }
    }

    private static List<String> copyNames(String label, List<String> names) {
        if (names == null || names.isEmpty()) {
            return List.of();
        }
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i) == null) {
                throw new IllegalArgumentException(label + ": names[" + i + "] must not be null");
            }
        }
        return List.copyOf(names);
    }

    private static boolean allOpen(double[] lower, double[] upper) {
        for (int i = 0; i < lower.length; i++) {
            if (lower[i] != Double.NEGATIVE_INFINITY || upper[i] != Double.POSITIVE_INFINITY) {
                return false;
            }
        }
        return true;
    }

    static String label(String name) {
        return name == null ? "parameter '<unnamed>'" : "parameter '" + name + "'";
    }

    private String label() {
        return label(name);
    }

    // ---------------------------------------------------------------- construction shortcuts

    /** A new, empty {@link ParameterBuilder}. */
    public static ParameterBuilder builder() {
        return new ParameterBuilder();
    }

    /** A free scalar parameter (shape {@code []}) with physical value {@code value} and no metadata. */
    public static Parameter of(double value) {
        return builder().value(value).build();
    }

    /**
     * A free vector parameter (shape {@code [values.length]}) with the given physical values and no
     * metadata. The array is copied.
     *
     * @throws IllegalArgumentException if {@code values} is empty or holds a non-finite value
     */
    public static Parameter of(double... values) {
        return builder().value(values).build();
    }

    // ---------------------------------------------------------------- accessors

    /** Physical values ({@code transform.forward(latent)}), row-major; a new array. */
    public double[] value() {
        return physical.clone();
    }

    /**
     * Physical value of element {@code i} (row-major index).
     *
     * @throws IndexOutOfBoundsException if {@code i} is not in {@code [0, size())}
     */
    public double value(int i) {
        return physical[checkIndex(i)];
    }

    /**
     * The physical value of a parameter of size 1.
     *
     * @throws IllegalStateException if {@link #size()} is not 1
     */
    public double scalarValue() {
        if (physical.length != 1) {
            throw new IllegalStateException("scalarValue() needs a parameter of size 1, but " + label() + " has shape "
                    + Arrays.toString(shape) + " (" + physical.length + " elements)");
        }
        return physical[0];
    }

    /** Latent (unconstrained) values, row-major; a new array. */
    public double[] latentValue() {
        return latent.clone();
    }

    /**
     * Latent value of element {@code i}.
     *
     * @throws IndexOutOfBoundsException if {@code i} is not in {@code [0, size())}
     */
    public double latentValue(int i) {
        return latent[checkIndex(i)];
    }

    /** Scaled values {@code physical * scale}, row-major; a new array. */
    public double[] scaledValue() {
        double[] out = new double[physical.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = physical[i] * scale;
        }
        return out;
    }

    /** The shape; {@code []} for a scalar. A new array. */
    public int[] shape() {
        return shape.clone();
    }

    /** Number of elements (the product of the shape; 1 for a scalar). */
    public int size() {
        return latent.length;
    }

    /** Whether the parameter is fixed (excluded from the free flat vector). */
    public boolean isFixed() {
        return fixed;
    }

    /** The parameter's own name, if it has one. */
    public Optional<String> name() {
        return Optional.ofNullable(name);
    }

    /** Element names, one per element in row-major order; empty if none were given. Unmodifiable. */
    public List<String> elementNames() {
        return elementNames;
    }

    /** The physical-space distribution (dimension 1, applied to every element, or {@link #size()}). */
    public Optional<Distribution> distribution() {
        return Optional.ofNullable(distribution);
    }

    /** The latent-to-physical transform, if any. */
    public Optional<Bijector> transform() {
        return Optional.ofNullable(transform);
    }

    /**
     * Lower bound of element {@code i}; {@code -∞} when unbounded.
     *
     * @throws IndexOutOfBoundsException if {@code i} is not in {@code [0, size())}
     */
    public double lowerBound(int i) {
        checkIndex(i);
        return lower == null ? Double.NEGATIVE_INFINITY : lower[i];
    }

    /**
     * Upper bound of element {@code i}; {@code +∞} when unbounded.
     *
     * @throws IndexOutOfBoundsException if {@code i} is not in {@code [0, size())}
     */
    public double upperBound(int i) {
        checkIndex(i);
        return upper == null ? Double.POSITIVE_INFINITY : upper[i];
    }

    /** Whether any element has a finite lower or upper bound. */
    public boolean hasBounds() {
        return lower != null;
    }

    /** The scale factor (finite, non-zero; default 1). */
    public double scale() {
        return scale;
    }

    /** User data; an unmodifiable map in insertion order (empty if none). */
    public Map<String, Object> info() {
        return info;
    }

    /**
     * The distribution of the latent value: the physical distribution pulled back through the
     * inverse transform (SPEC §3). Without a transform this is the physical distribution itself.
     * With a transform, a univariate distribution {@code d} becomes
     * {@code Transformed(d, Inverse(transform))} (still applied to every element), and an
     * {@code Independent} vector form becomes the {@code Independent} of its pulled-back
     * components. A correlated distribution (e.g. {@code MultivariateNormal}) cannot be pulled
     * back through an elementwise transform within the distribution types of this library.
     * Allocates the returned distribution.
     *
     * @return empty when the parameter has no distribution
     * @throws UnsupportedOperationException for a correlated distribution with a transform; the
     *     message names the parameter and the distribution type
     */
    public Optional<Distribution> latentDistribution() {
        if (distribution == null) {
            return Optional.empty();
        }
        if (transform == null) {
            return Optional.of(distribution);
        }
        return Optional.of(ElementwiseDistributions.pushForward(distribution, transform.inverted(), label()));
    }

    // ---------------------------------------------------------------- rewrites

    /** A copy with name {@code newName} ({@code null} removes the name). */
    public Parameter withName(String newName) {
        return new Parameter(latent, shape, fixed, newName, elementNames, distribution, transform, lower, upper, scale,
                info);
    }

    /**
     * A copy with element names {@code names} ({@code null} or empty removes them).
     *
     * @throws IllegalArgumentException if the list length is not {@link #size()} (both lengths
     *     are given) or an entry is null
     */
    public Parameter withNames(List<String> names) {
        return new Parameter(latent, shape, fixed, name, names, distribution, transform, lower, upper,
                scale, info);
    }

    /**
     * A copy with physical values {@code values} (row-major, length {@link #size()}), mapped to
     * latent space through the inverse transform and validated as in {@link ParameterBuilder#build()}.
     * Note that two arguments whose first is an {@code int} select {@link #withValue(int, double)}:
     * write {@code withValue(3.0, 4.0)} or pass an array to set a two-element value.
     *
     * @throws IllegalArgumentException on a length mismatch, a non-finite value, a value outside
     *     the transform's range or outside the bounds
     */
    public Parameter withValue(double... values) {
        Objects.requireNonNull(values, "values");
        checkLength("value", values.length);
        return withLatentArray(toLatent(values, transform, name));
    }

    /**
     * A copy with the physical value of element {@code i} replaced by {@code v}.
     *
     * @throws IndexOutOfBoundsException if {@code i} is not in {@code [0, size())}
     * @throws IllegalArgumentException as in {@link #withValue(double...)}
     */
    public Parameter withValue(int i, double v) {
        checkIndex(i);
        double[] next = latent.clone();
        next[i] = toLatent(i, v, transform, name);
        return withLatentArray(next);
    }

    /**
     * A copy with latent values {@code values} (row-major, length {@link #size()}). As for
     * {@link #withValue(double...)}, an {@code int} first argument of two selects the element form.
     *
     * @throws IllegalArgumentException on a length mismatch, a non-finite value, or a physical
     *     image outside the bounds
     */
    public Parameter withLatentValue(double... values) {
        Objects.requireNonNull(values, "values");
        checkLength("latentValue", values.length);
        return withLatentArray(values.clone());
    }

    /**
     * A copy with the latent value of element {@code i} replaced by {@code v}.
     *
     * @throws IndexOutOfBoundsException if {@code i} is not in {@code [0, size())}
     * @throws IllegalArgumentException as in {@link #withLatentValue(double...)}
     */
    public Parameter withLatentValue(int i, double v) {
        checkIndex(i);
        double[] next = latent.clone();
        next[i] = v;
        return withLatentArray(next);
    }

    private Parameter withLatentArray(double[] next) {
        return new Parameter(next, shape, fixed, name, elementNames, distribution, transform, lower, upper, scale,
                info);
    }

    /**
     * A copy with physical distribution {@code d} ({@code null} removes it).
     *
     * @throws IllegalArgumentException if the dimension is neither 1 nor {@link #size()}
     */
    public Parameter withDistribution(Distribution d) {
        return new Parameter(latent, shape, fixed, name, elementNames, d, transform, lower, upper, scale, info);
    }

    /**
     * A copy with transform {@code t} ({@code null} removes it) that keeps the <em>physical</em>
     * value: the latent value is recomputed as {@code t.inverse(value())}. Distribution and bounds
     * (physical space) are unchanged. Contrast {@link #transformed(Bijector)}, which keeps the
     * latent value.
     *
     * @throws IllegalArgumentException if a physical value is outside the range of {@code t}
     */
    public Parameter withTransform(Bijector t) {
        double[] next = toLatent(physical, t, name);
        return new Parameter(next, shape, fixed, name, elementNames, distribution, t, lower, upper, scale, info);
    }

    /**
     * A copy with the same bounds {@code [lo, hi]} for every element ({@code -∞, +∞} removes them).
     *
     * @throws IllegalArgumentException if a bound is NaN, {@code lo > hi}, or a value lies outside
     */
    public Parameter withBounds(double lo, double hi) {
        double[] l = new double[size()];
        double[] h = new double[size()];
        Arrays.fill(l, lo);
        Arrays.fill(h, hi);
        return new Parameter(latent, shape, fixed, name, elementNames, distribution, transform, l, h, scale, info);
    }

    /**
     * A copy with per-element bounds (arrays of length {@link #size()}; copied).
     *
     * @throws IllegalArgumentException on a length mismatch, a NaN bound, {@code lo > hi}, or a
     *     value outside its bounds
     */
    public Parameter withBounds(double[] lo, double[] hi) {
        Objects.requireNonNull(lo, "lo");
        Objects.requireNonNull(hi, "hi");
        return new Parameter(latent, shape, fixed, name, elementNames, distribution, transform, lo.clone(), hi.clone(),
                scale, info);
    }

    /**
     * A copy with scale {@code s}.
     *
     * @throws IllegalArgumentException unless {@code s} is finite and non-zero
     */
    public Parameter withScale(double s) {
        return new Parameter(latent, shape, fixed, name, elementNames, distribution, transform, lower, upper, s, info);
    }

    /** A copy whose info map is an unmodifiable copy of {@code newInfo} ({@code null} means empty). */
    public Parameter withInfo(Map<String, Object> newInfo) {
        return new Parameter(latent, shape, fixed, name, elementNames, distribution, transform, lower, upper, scale,
                newInfo);
    }

    /** A fixed copy (this parameter if already fixed). */
    public Parameter asFixed() {
        return fixed ? this : withFixed(true);
    }

    /** A free copy (this parameter if already free). */
    public Parameter asFree() {
        return fixed ? withFixed(false) : this;
    }

    private Parameter withFixed(boolean f) {
        return new Parameter(latent, shape, f, name, elementNames, distribution, transform, lower, upper, scale, info);
    }

    /**
     * Pushes the parameter forward through {@code b} (SPEC §3): the latent value is unchanged, the
     * transform becomes {@code b ∘ transform} (just {@code b} without a transform), so the new
     * physical value is {@code b.forward(value())}; the distribution becomes
     * {@code Transformed(d, b)} for a univariate {@code d} and the elementwise {@code Independent}
     * of {@code Transformed} components for an {@code Independent} one; bounds are mapped forward
     * through {@code b} (swapped when {@code b} is decreasing).
     *
     * @throws UnsupportedOperationException if the distribution is correlated (e.g.
     *     {@code MultivariateNormal}): an elementwise bijector does not map it to a distribution type
     *     of this library; remove or replace the distribution first
     * @throws IllegalArgumentException if a new physical value is not finite
     */
    public Parameter transformed(Bijector b) {
        Objects.requireNonNull(b, "b");
        Distribution d = distribution == null ? null : ElementwiseDistributions.pushForward(distribution, b, label());
        Bijector t = transform == null ? b : transform.andThen(b);
        double[] l = null;
        double[] h = null;
        if (lower != null) {
            l = new double[size()];
            h = new double[size()];
            for (int i = 0; i < l.length; i++) {
                double[] mapped;
                try {
                    mapped = b.mapInterval(lower[i], upper[i]);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(label() + " element " + i + ": cannot map bounds through "
                            + b.name() + ": " + e.getMessage(), e);
                }
                l[i] = mapped[0];
                h[i] = mapped[1];
            }
        }
        return new Parameter(latent, shape, fixed, name, elementNames, d, t, l, h, scale, info);
    }

    /**
     * One scalar parameter (shape {@code []}) per element in row-major order. Element {@code i}
     * carries its latent value, its bounds, its distribution ({@code marginal(i)} of a vector
     * distribution, which for a correlated one is the exact marginal without the correlation; a
     * dimension-1 distribution as is), and the fixed flag, transform, scale and info of this
     * parameter. Its name is the element's own name when element names exist, else
     * {@code name_i} for a non-scalar shape, the name itself for a scalar, and none when unnamed.
     * Allocates the list and its parameters.
     */
    public List<Parameter> flattened() {
        List<Parameter> out = new ArrayList<>(size());
        for (int i = 0; i < size(); i++) {
            String n = elementName(i);
            Distribution d = distribution == null || distribution.dimension() == 1 ? distribution
                    : distribution.marginal(i);
            double[] l = lower == null ? null : new double[] {lower[i]};
            double[] h = upper == null ? null : new double[] {upper[i]};
            out.add(new Parameter(new double[] {latent[i]}, new int[0], fixed, n, List.of(), d, transform, l, h, scale,
                    info));
        }
        return Collections.unmodifiableList(out);
    }

    private String elementName(int i) {
        if (!elementNames.isEmpty()) {
            return elementNames.get(i);
        }
        if (name == null) {
            return null;
        }
        return shape.length == 0 ? name : name + "_" + i;
    }

    // ---------------------------------------------------------------- JSON

    /**
     * This parameter as JSON via {@link Json}: latent values (bit-exact), shape, fixed flag,
     * names, type-tagged distribution and transform, bounds, scale and info; optional items are
     * omitted when absent. Info values are written by Jackson's default rules and read back as
     * JSON types (String, Integer/Long, Double, Boolean, List, Map), so only info made of those
     * types round-trips to an equal parameter. Parameters nested in other Jackson-serialised
     * values use the same form. Allocates the string.
     *
     * @throws IllegalArgumentException if an info value cannot be serialised
     */
    public String toJson() {
        return Json.write(this);
    }

    /**
     * Reads a parameter written by {@link #toJson()} and validates it like {@link ParameterBuilder#build()}.
     *
     * @throws Json.JsonFormatException for malformed JSON or invalid content; the message gives
     *     the line and column and names the offending field
     */
    public static Parameter fromJson(String json) {
        return Json.read(json, Parameter.class);
    }

    @JsonValue
    ParameterJson toJsonForm() {
        return new ParameterJson(latent.clone(), shape.clone(), fixed, name,
                elementNames.isEmpty() ? null : elementNames, distribution, transform,
                lower == null ? null : lower.clone(), upper == null ? null : upper.clone(), scale,
                info.isEmpty() ? null : info);
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static Parameter fromJsonForm(ParameterJson form) {
        return form.toParameter();
    }

    // ---------------------------------------------------------------- Object

    /** Value-based equality: arrays by content, doubles by bit pattern, metadata by {@code equals}. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Parameter p
                && fixed == p.fixed
                && Double.doubleToRawLongBits(scale) == Double.doubleToRawLongBits(p.scale)
                && Arrays.equals(shape, p.shape)
                && bitsEqual(latent, p.latent)
                && bitsEqual(lower, p.lower)
                && bitsEqual(upper, p.upper)
                && Objects.equals(name, p.name)
                && elementNames.equals(p.elementNames)
                && Objects.equals(distribution, p.distribution)
                && Objects.equals(transform, p.transform)
                && info.equals(p.info);
    }

    private static boolean bitsEqual(double[] a, double[] b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (a.length != b.length) {
            return false;
        }
        for (int i = 0; i < a.length; i++) {
            if (Double.doubleToRawLongBits(a[i]) != Double.doubleToRawLongBits(b[i])) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = Arrays.hashCode(latent);
        h = 31 * h + Arrays.hashCode(shape);
        h = 31 * h + Boolean.hashCode(fixed);
        h = 31 * h + Objects.hash(name, elementNames, distribution, transform, info);
        h = 31 * h + Arrays.hashCode(lower);
        h = 31 * h + Arrays.hashCode(upper);
        return 31 * h + Double.hashCode(scale);
    }

    /**
     * A readable summary, e.g. {@code Parameter[name=q, value=35.0, fixed=false, transform=Softplus]}
     * (a scalar's value is printed as a number, a vector's as an array with its shape; metadata only
     * when present).
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Parameter[");
        if (name != null) {
            sb.append("name=").append(name).append(", ");
        }
        if (shape.length == 0) {
            sb.append("value=").append(physical[0]);
        } else {
            sb.append("value=").append(Arrays.toString(physical)).append(", shape=").append(Arrays.toString(shape));
        }
        sb.append(", fixed=").append(fixed);
        if (!elementNames.isEmpty()) {
            sb.append(", names=").append(elementNames);
        }
        if (transform != null) {
            sb.append(", transform=").append(transform.name());
        }
        if (distribution != null) {
            sb.append(", distribution=").append(distribution);
        }
        if (lower != null) {
            sb.append(", bounds=");
            for (int i = 0; i < lower.length; i++) {
                sb.append(i == 0 ? "" : " ").append('[').append(lower[i]).append(", ").append(upper[i]).append(']');
            }
        }
        if (scale != 1) {
            sb.append(", scale=").append(scale);
        }
        if (!info.isEmpty()) {
            sb.append(", info=").append(info);
        }
        return sb.append(']').toString();
    }

    // ---------------------------------------------------------------- helpers

    private int checkIndex(int i) {
        if (i < 0 || i >= latent.length) {
            throw new IndexOutOfBoundsException("element index must be in [0, " + latent.length + ") for " + label()
                    + ", got " + i);
        }
        return i;
    }

    private void checkLength(String what, int length) {
        if (length != latent.length) {
            throw new IllegalArgumentException(label() + ": " + what + " needs " + latent.length
                    + " elements (shape " + Arrays.toString(shape) + "), got " + length);
        }
    }

    /** Maps physical values to latent values, failing with the parameter's name on bad input. */
    static double[] toLatent(double[] values, Bijector t, String name) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = toLatent(i, values[i], t, name);
        }
        return out;
    }

    static double toLatent(int i, double v, Bijector t, String name) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(label(name) + " element " + i + ": value must be finite, got " + v);
        }
        if (t == null) {
            return v;
        }
        double x = t.inverse(v);
        if (!Double.isFinite(x)) {
            throw new IllegalArgumentException(label(name) + " element " + i + ": value " + v
                    + " is outside the range of transform " + t.name() + " (its inverse gives " + x + ")");
        }
        return x;
    }
}
