package org.parax4j.param;

import org.jspecify.annotations.Nullable;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
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
        String label = ParameterChecks.label(name);
        Objects.requireNonNull(latent, "latentValue");
        Objects.requireNonNull(shape, "shape");
        double[] phys = ParameterChecks.physical(label, latent, shape, transform);
        List<String> names = ParameterChecks.names(label, elementNames, latent.length);
        if (lower != null || upper != null) {
            ParameterChecks.checkBounds(label, lower, upper, phys);
            if (ParameterChecks.allOpen(lower, upper)) {
                lower = null; // all open: stored as no bounds
                upper = null;
            }
        }
        ParameterChecks.checkScaleAndDistribution(label, scale, distribution, latent.length);
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
     * Whether {@link #checkLatentValue} would accept {@code x} for element {@code i}: the same rule,
     * answered without an exception (for samplers and line searches, which treat an inadmissible
     * point as having zero density). Allocates nothing.
     *
     * @throws IndexOutOfBoundsException if {@code i} is not in {@code [0, size())}
     */
    public boolean admitsLatentValue(int i, double x) {
        checkIndex(i);
        return ParameterChecks.admits(transform, lower, upper, i, x);
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
    public void checkLatentValue(int i, double x, @Nullable String name) {
        if (admitsLatentValue(i, x)) {
            return;
        }
        ParameterChecks.explainInadmissible(name == null ? label() : "parameter '" + name + "'", transform, lower,
                upper, i, x);
    }

    /**
     * The largest number of elements a parameter may have: the largest Java array on common JVMs.
     * A parameter also needs its latent and physical arrays (16 bytes per element) to fit the heap.
     */
    public static final int MAX_SIZE = Integer.MAX_VALUE - 8;

    private String label() {
        return ParameterChecks.label(name);
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
    public Parameter withName(@Nullable String newName) {
        return new Parameter(latent, shape, fixed, newName, elementNames, distribution, transform, lower, upper, scale,
                info);
    }

    /**
     * A copy with element names {@code names} ({@code null} or empty removes them).
     *
     * @throws IllegalArgumentException if the list length is not {@link #size()} (both lengths
     *     are given) or an entry is null
     */
    public Parameter withNames(@Nullable List<String> names) {
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
        return withLatentArray(ParameterChecks.toLatent(values, transform, name));
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
        next[i] = ParameterChecks.toLatent(i, v, transform, name);
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
    public Parameter withDistribution(@Nullable Distribution d) {
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
    public Parameter withTransform(@Nullable Bijector t) {
        double[] next = ParameterChecks.toLatent(physical, t, name);
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
    public Parameter withInfo(@Nullable Map<String, Object> newInfo) {
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
        double[][] bounds = lower == null ? new double[2][] : ParameterChecks.mapBounds(label(), lower, upper, b);
        return new Parameter(latent, shape, fixed, name, elementNames, d, t, bounds[0], bounds[1], scale, info);
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
        return ParameterChecks.flattened(this);
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
                && ParameterChecks.bitsEqual(latent, p.latent)
                && ParameterChecks.bitsEqual(lower, p.lower)
                && ParameterChecks.bitsEqual(upper, p.upper)
                && Objects.equals(name, p.name)
                && elementNames.equals(p.elementNames)
                && Objects.equals(distribution, p.distribution)
                && Objects.equals(transform, p.transform)
                && info.equals(p.info);
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
        return ParameterChecks.describe(this);
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

}
