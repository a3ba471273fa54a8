package org.parax4j.bijector;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.ArrayList;
import java.util.List;

/**
 * A smooth, strictly monotone, elementwise map {@code y = forward(x)} between an unconstrained
 * latent value {@code x} and a physical value {@code y}, with its inverse and Jacobian terms.
 *
 * <p>Parameters store latent values; their physical value is {@code forward(latent)} (SPEC §2).
 * Implementations are immutable, thread-safe and allocation-free (except {@link #mapInterval},
 * {@link #name()} and the composition methods, which say so); every method is applied to one
 * scalar element at a time.
 *
 * <p>Contract every implementation keeps, checked by the property suite:
 * <ul>
 *   <li>{@code inverse(forward(x)) == x} up to rounding for every {@code x} in the domain;</li>
 *   <li>{@code forwardLogDetJacobian(x) == log|forwardDerivative(x)|}, written in a numerically
 *       stable form (no {@code log(exp(..))} round trips in the tails);</li>
 *   <li>{@code inverseLogDetJacobian(y) == -forwardLogDetJacobian(inverse(y))};</li>
 *   <li>{@code inverse} returns NaN or ±∞ for a {@code y} outside the open range of
 *       {@code forward} (NaN strictly outside its closure, ±∞ at an open end such as
 *       {@code Exp.inverse(0)}). Bijectors do not throw there: callers such as a parameter turn
 *       a non-finite latent value into an error that names the parameter.</li>
 * </ul>
 *
 * <p>Composition: {@code a.andThen(b)} is {@code b ∘ a} (apply {@code a} first), and
 * {@code a.compose(b)} is {@code a ∘ b} (apply {@code b} first); both build a {@link Chain},
 * whose list is in application order.
 *
 * <p>JSON: every implementation in this package is type-tagged by its simple class name
 * ({@code {"type":"Shift","shift":1.5}}) and round-trips bit-exactly through
 * {@link org.parax4j.json.Json}; {@link Chain} and {@link Inverse} nest.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = Identity.class, name = "Identity"),
    @JsonSubTypes.Type(value = Shift.class, name = "Shift"),
    @JsonSubTypes.Type(value = Scale.class, name = "Scale"),
    @JsonSubTypes.Type(value = Affine.class, name = "Affine"),
    @JsonSubTypes.Type(value = Exp.class, name = "Exp"),
    @JsonSubTypes.Type(value = Log.class, name = "Log"),
    @JsonSubTypes.Type(value = Softplus.class, name = "Softplus"),
    @JsonSubTypes.Type(value = Sigmoid.class, name = "Sigmoid"),
    @JsonSubTypes.Type(value = Tanh.class, name = "Tanh"),
    @JsonSubTypes.Type(value = Chain.class, name = "Chain"),
    @JsonSubTypes.Type(value = Inverse.class, name = "Inverse"),
})
public interface Bijector {

    /** Maps a latent value to a physical value; NaN for an {@code x} outside the domain. */
    double forward(double x);

    /** Maps a physical value back to its latent value; NaN or ±∞ when {@code y} is outside the range. */
    double inverse(double y);

    /** {@code log|dy/dx|} at latent {@code x}. */
    double forwardLogDetJacobian(double x);

    /** {@code log|dx/dy|} at physical {@code y}; equals {@code -forwardLogDetJacobian(inverse(y))}. */
    double inverseLogDetJacobian(double y);

    /** First derivative {@code dy/dx} at latent {@code x}, as used by the dual-number engine. */
    double forwardDerivative(double x);

    /**
     * Whether {@code forward} is strictly increasing ({@code false}: strictly decreasing, as for a
     * negative {@link Scale}). Ignored by JSON.
     */
    @JsonIgnore
    boolean isIncreasing();

    /** Lower end of the (open or closed) domain of {@code forward}; {@code -∞} unless overridden. */
    default double domainLower() {
        return Double.NEGATIVE_INFINITY;
    }

    /** Upper end of the domain of {@code forward}; {@code +∞} unless overridden. */
    default double domainUpper() {
        return Double.POSITIVE_INFINITY;
    }

    /** Lower end of the range of {@code forward}: its value at the appropriate domain end. */
    default double rangeLower() {
        return isIncreasing() ? forward(domainLower()) : forward(domainUpper());
    }

    /** Upper end of the range of {@code forward}: its value at the appropriate domain end. */
    default double rangeUpper() {
        return isIncreasing() ? forward(domainUpper()) : forward(domainLower());
    }

    /**
     * Maps the interval {@code [lo, hi]} forward, as needed to carry a parameter's physical bounds
     * through a new transform. The interval is first clipped to the domain
     * {@code [domainLower(), domainUpper()]}; its ends are then mapped (a domain end maps to the
     * matching range end) and, for a decreasing map, swapped, so the result always satisfies {@code result[0] <= result[1]}. Infinite ends are
     * allowed ({@code (-∞, ∞)} maps to the range). Allocates the two-element result.
     *
     * @throws IllegalArgumentException when {@code lo} or {@code hi} is NaN, {@code lo > hi}, or the
     *     interval does not meet the domain; the message names the argument and the values
     */
    default double[] mapInterval(double lo, double hi) {
        if (!(lo <= hi)) {
            throw new IllegalArgumentException("interval must have lo <= hi (neither NaN), got lo = " + lo
                    + ", hi = " + hi);
        }
        double a = Math.max(lo, domainLower());
        double b = Math.min(hi, domainUpper());
        if (!(a <= b)) {
            throw new IllegalArgumentException("interval [" + lo + ", " + hi + "] does not meet the domain ["
                    + domainLower() + ", " + domainUpper() + "] of " + name());
        }
        boolean up = isIncreasing();
        // domain ends map to range ends directly, so rounding near an open end cannot give NaN
        double fa = a == domainLower() ? (up ? rangeLower() : rangeUpper()) : forward(a);
        double fb = b == domainUpper() ? (up ? rangeUpper() : rangeLower()) : forward(b);
        return up ? new double[] {fa, fb} : new double[] {fb, fa};
    }

    /**
     * A short human-readable description, e.g. {@code Softplus}, {@code Shift(1.5)} or
     * {@code Chain(Sigmoid, Affine(2.0, 3.0))}; the class's simple name unless overridden.
     * Allocates. Ignored by JSON.
     */
    @JsonIgnore
    default String name() {
        return getClass().getSimpleName();
    }

    /**
     * The composition {@code outer ∘ this}: apply this bijector, then {@code outer}. Chains are
     * flattened, so {@code a.andThen(b).andThen(c)} is {@code Chain([a, b, c])}. Allocates.
     *
     * @throws IllegalArgumentException when {@code outer} is null
     */
    default Chain andThen(Bijector outer) {
        if (outer == null) {
            throw new IllegalArgumentException("outer bijector must not be null");
        }
        List<Bijector> all = new ArrayList<>();
        Chain.flattenInto(this, all);
        Chain.flattenInto(outer, all);
        return new Chain(all);
    }

    /**
     * The composition {@code this ∘ inner}: apply {@code inner}, then this bijector; equal to
     * {@code inner.andThen(this)}. Allocates.
     *
     * @throws IllegalArgumentException when {@code inner} is null
     */
    default Chain compose(Bijector inner) {
        if (inner == null) {
            throw new IllegalArgumentException("inner bijector must not be null");
        }
        return inner.andThen(this);
    }

    /** The inverse bijector: {@code forward} and {@code inverse} swapped. Allocates. */
    default Bijector inverted() {
        return new Inverse(this);
    }

    /**
     * The default transform for a positive parameter: {@link Softplus}, mapping ℝ onto (0, ∞).
     * Softplus is chosen over {@link Exp} because it is linear for large latent values, so
     * gradients neither explode nor vanish far from zero (the GPflow default for positive
     * parameters). Returns a shared instance.
     */
    static Bijector positive() {
        return Softplus.INSTANCE;
    }

    /**
     * A map of ℝ onto the open interval {@code (lo, hi)}: {@code lo + (hi - lo) * sigmoid(x)},
     * built as {@code Chain([Sigmoid, Affine(lo, hi - lo)])}; {@code interval(2, 5).forward(0)}
     * is 3.5. Allocates.
     *
     * @throws IllegalArgumentException unless {@code lo} and {@code hi} are finite, {@code lo < hi}
     *     and {@code hi - lo} is finite
     */
    static Bijector interval(double lo, double hi) {
        if (!(Double.isFinite(lo) && Double.isFinite(hi) && lo < hi)) {
            throw new IllegalArgumentException("interval needs finite lo < hi, got lo = " + lo + ", hi = " + hi);
        }
        double width = hi - lo;
        if (!Double.isFinite(width)) {
            throw new IllegalArgumentException("interval width hi - lo must be finite, got lo = " + lo + ", hi = "
                    + hi);
        }
        return new Chain(List.of(Sigmoid.INSTANCE, new Affine(lo, width)));
    }
}
