package org.parax4j.bijector;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A composition of bijectors listed in <em>application order</em>: {@code Chain([a, b, c])}
 * maps {@code x} to {@code c(b(a(x)))}, i.e. it is {@code c ∘ b ∘ a}. {@code a.andThen(b)} builds
 * {@code Chain([a, b])}. Immutable (the list is copied) and thread-safe; {@code forward},
 * {@code inverse}, the log-dets and the derivative are allocation-free.
 *
 * <p>Log-dets add along the chain (chain rule): {@code log|dy/dx| = Σ log|b_i'(x_i)|} with
 * {@code x_{i+1} = b_i(x_i)}; the derivative is the corresponding product.
 *
 * @param bijectors the non-empty list, first applied first
 */
public record Chain(@JsonProperty(required = true) List<Bijector> bijectors) implements Bijector {

    /**
     * Validates and copies the list.
     *
     * @throws IllegalArgumentException when the list is null or empty, holds a null element, or
     *     its members compose to an empty domain (e.g. {@code [Exp, Scale(-1), Log]})
     */
    public Chain {
        if (bijectors == null || bijectors.isEmpty()) {
            throw new IllegalArgumentException("bijectors must be a non-empty list (use Identity for none), got "
                    + bijectors);
        }
        for (int i = 0; i < bijectors.size(); i++) {
            if (bijectors.get(i) == null) {
                throw new IllegalArgumentException("bijectors[" + i + "] must not be null");
            }
        }
        bijectors = List.copyOf(bijectors);
        double[] domain = domainOf(bijectors);
        if (!(domain[0] < domain[1])) {
            throw new IllegalArgumentException("bijectors compose to an empty domain: range of each member must meet"
                    + " the domain of the next, got " + nameOf(bijectors));
        }
    }

    /** Convenience for {@code new Chain(List.of(bijectors))}. */
    public static Chain of(Bijector... bijectors) {
        if (bijectors == null) {
            throw new IllegalArgumentException("bijectors must not be null");
        }
        return new Chain(java.util.Arrays.asList(bijectors));
    }

    /** Applies each member in order. */
    @Override
    public double forward(double x) {
        for (int i = 0; i < bijectors.size(); i++) {
            x = bijectors.get(i).forward(x);
        }
        return x;
    }

    /** Applies each member's inverse in reverse order. */
    @Override
    public double inverse(double y) {
        for (int i = bijectors.size() - 1; i >= 0; i--) {
            y = bijectors.get(i).inverse(y);
        }
        return y;
    }

    /** Sum of the members' forward log-dets along the forward pass. */
    @Override
    public double forwardLogDetJacobian(double x) {
        double sum = 0;
        for (int i = 0; i < bijectors.size(); i++) {
            Bijector b = bijectors.get(i);
            sum += b.forwardLogDetJacobian(x);
            x = b.forward(x);
        }
        return sum;
    }

    /** Sum of the members' inverse log-dets along the inverse pass. */
    @Override
    public double inverseLogDetJacobian(double y) {
        double sum = 0;
        for (int i = bijectors.size() - 1; i >= 0; i--) {
            Bijector b = bijectors.get(i);
            sum += b.inverseLogDetJacobian(y);
            y = b.inverse(y);
        }
        return sum;
    }

    /** Product of the members' derivatives along the forward pass (may underflow where the log-det does not). */
    @Override
    public double forwardDerivative(double x) {
        double product = 1;
        for (int i = 0; i < bijectors.size(); i++) {
            Bijector b = bijectors.get(i);
            product *= b.forwardDerivative(x);
            x = b.forward(x);
        }
        return product;
    }

    /** {@code true} when an even number of members are decreasing. */
    @Override
    public boolean isIncreasing() {
        boolean increasing = true;
        for (int i = 0; i < bijectors.size(); i++) {
            increasing ^= !bijectors.get(i).isIncreasing();
        }
        return increasing;
    }

    /** Lower end of the set of {@code x} for which every member sees a value in its domain. Allocates. */
    @Override
    public double domainLower() {
        return domainOf(bijectors)[0];
    }

    /** Upper end of the set of {@code x} for which every member sees a value in its domain. Allocates. */
    @Override
    public double domainUpper() {
        return domainOf(bijectors)[1];
    }

    /** Lower end of the range: ℝ pushed forward member by member. Allocates. */
    @Override
    public double rangeLower() {
        return mapInterval(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY)[0];
    }

    /** Upper end of the range: ℝ pushed forward member by member. Allocates. */
    @Override
    public double rangeUpper() {
        return mapInterval(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY)[1];
    }

    /**
     * Maps {@code [lo, hi]} through each member's {@link Bijector#mapInterval} in turn, so each
     * step is clipped to that member's domain. Allocates.
     *
     * @throws IllegalArgumentException when {@code lo} or {@code hi} is NaN, {@code lo > hi}, or
     *     the interval does not meet the chain's domain
     */
    @Override
    public double[] mapInterval(double lo, double hi) {
        if (!(lo <= hi)) {
            throw new IllegalArgumentException("interval must have lo <= hi (neither NaN), got lo = " + lo
                    + ", hi = " + hi);
        }
        double[] domain = domainOf(bijectors);
        if (!(Math.max(lo, domain[0]) <= Math.min(hi, domain[1]))) {
            throw new IllegalArgumentException("interval [" + lo + ", " + hi + "] does not meet the domain ["
                    + domain[0] + ", " + domain[1] + "] of " + name());
        }
        double[] interval = {lo, hi};
        for (int i = 0; i < bijectors.size(); i++) {
            interval = bijectors.get(i).mapInterval(interval[0], interval[1]);
        }
        return interval;
    }

    /** Returns {@code "Chain(<member>, ...)"} in application order. */
    @Override
    public String name() {
        return nameOf(bijectors);
    }

    /** Adds {@code b} to {@code out}, or its members when it is a chain. */
    static void flattenInto(Bijector b, List<Bijector> out) {
        if (b instanceof Chain c) {
            out.addAll(c.bijectors);
        } else {
            out.add(b);
        }
    }

    /**
     * Pulls ℝ back through the chain from the last member to the first: at each step the
     * interval is clipped to the member's range, mapped through its inverse and clipped to its
     * domain. Returns {@code {lo, hi}}; {@code lo >= hi} means the domain is empty.
     */
    private static double[] domainOf(List<Bijector> bijectors) {
        double lo = Double.NEGATIVE_INFINITY;
        double hi = Double.POSITIVE_INFINITY;
        for (int i = bijectors.size() - 1; i >= 0; i--) {
            Bijector b = bijectors.get(i);
            double rangeLo = b.rangeLower();
            double rangeHi = b.rangeUpper();
            double a = Math.max(lo, rangeLo);
            double c = Math.min(hi, rangeHi);
            if (!(a < c)) {
                return new double[] {a, c};
            }
            // range ends pull back to domain ends directly, so rounding at an open end cannot give NaN
            boolean up = b.isIncreasing();
            double ia = a == rangeLo ? (up ? b.domainLower() : b.domainUpper()) : b.inverse(a);
            double ic = c == rangeHi ? (up ? b.domainUpper() : b.domainLower()) : b.inverse(c);
            lo = Math.max(up ? ia : ic, b.domainLower());
            hi = Math.min(up ? ic : ia, b.domainUpper());
        }
        return new double[] {lo, hi};
    }

    private static String nameOf(List<Bijector> bijectors) {
        StringBuilder s = new StringBuilder("Chain(");
        for (int i = 0; i < bijectors.size(); i++) {
            s.append(i == 0 ? "" : ", ").append(bijectors.get(i).name());
        }
        return s.append(')').toString();
    }
}
