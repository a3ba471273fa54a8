package org.parax4j.distribution;

import java.util.Collections;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Elementwise-independent vector distribution: element i follows {@code components.get(i)}.
 *
 * <p>The log density is the sum of the elements' log densities; entropy and KL divergence sum
 * likewise. Immutable and thread-safe (the list is copied); array results are allocated.
 *
 * @param components the element distributions, at least one, none null
 */
public record Independent(List<UnivariateDistribution> components) implements Distribution {

    /**
     * Copies and validates the components.
     *
     * @throws IllegalArgumentException when the list is null, empty or contains null
     */
    public Independent {
        if (components == null || components.isEmpty()) {
            throw new IllegalArgumentException("components must hold at least one distribution, got "
                    + (components == null ? "null" : "an empty list"));
        }
        for (int i = 0; i < components.size(); i++) {
            if (components.get(i) == null) {
                throw new IllegalArgumentException("components[" + i + "] must not be null");
            }
        }
        components = List.copyOf(components);
    }

    /**
     * {@code n} independent copies of {@code dist}.
     *
     * @throws IllegalArgumentException when {@code dist} is null or {@code n < 1}
     */
    public static Independent iid(UnivariateDistribution dist, int n) {
        if (dist == null) {
            throw new IllegalArgumentException("dist must not be null");
        }
        if (n < 1) {
            throw new IllegalArgumentException("n must be >= 1, got " + n);
        }
        return new Independent(Collections.nCopies(n, dist));
    }

    /** The number of components. */
    @Override
    public int dimension() {
        return components.size();
    }

    /** One draw per component, in order. Allocates. */
    @Override
    public double[] sample(RandomGenerator rng) {
        double[] x = new double[components.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = components.get(i).sampleOne(rng);
        }
        return x;
    }

    /** Sum of the components' log densities. */
    @Override
    public double logProb(double[] x) {
        Checks.length(x, components.size());
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += components.get(i).logProb(x[i]);
        }
        return s;
    }

    /** The components' means. Allocates; throws as a component's {@code mean()} does. */
    @Override
    public double[] meanVector() {
        double[] m = new double[components.size()];
        for (int i = 0; i < m.length; i++) {
            m[i] = components.get(i).mean();
        }
        return m;
    }

    /** The components' variances. Allocates; throws as a component's {@code variance()} does. */
    @Override
    public double[] varianceVector() {
        double[] v = new double[components.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = components.get(i).variance();
        }
        return v;
    }

    /** Sum of the components' entropies. */
    @Override
    public double entropy() {
        double s = 0;
        for (UnivariateDistribution c : components) {
            s += c.entropy();
        }
        return s;
    }

    /** Component i. */
    @Override
    public UnivariateDistribution marginal(int i) {
        Checks.index(i, components.size());
        return components.get(i);
    }

    /**
     * Against another Independent of the same dimension: the sum of the componentwise KL
     * divergences.
     *
     * @throws IllegalArgumentException when the dimensions differ
     * @throws UnsupportedOperationException when {@code other} is not Independent, or a component
     *     pair has no closed form
     */
    @Override
    public double klDivergence(Distribution other) {
        if (!(other instanceof Independent q)) {
            throw Checks.noKl(this, other);
        }
        Checks.sameDimension(this, q);
        double s = 0;
        for (int i = 0; i < components.size(); i++) {
            s += components.get(i).klDivergence(q.components.get(i));
        }
        return s;
    }
}
