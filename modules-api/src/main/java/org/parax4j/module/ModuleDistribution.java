package org.parax4j.module;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.random.RandomGenerator;
import org.parax4j.distribution.Distribution;

/**
 * The joint distribution of a module's free parameters: independent across its
 * {@link Module#paramGroups() parameter groups}, joint within each group. Values are physical and
 * keyed by flat name, in flat order.
 *
 * <p>A group that touches a free parameter is sampled whole; its fixed members keep their values in
 * the module and are read from the module when a log density needs them. A free parameter without
 * a distribution is <em>held at its value</em>: draws return its current value, and it adds nothing
 * to log densities, entropy or divergences (its variance is 0). Immutable and thread-safe (the
 * random generator passed in is the caller's).
 */
public final class ModuleDistribution {

    private final Module<?> module;
    private final List<ParameterGroup> groups;
    private final List<String> freeNames;
    private final Map<String, Double> currentValues;

    /**
     * The distribution of {@code module}'s free parameters.
     *
     * @throws IllegalArgumentException as {@link Module#validateParams()}: when names collide or an
     *     explicit group names an unknown parameter (with the closest names), so that no group
     *     member is silently dropped; the engine's sampler rejects the same modules
     */
    ModuleDistribution(Module<?> module) {
        module.validateParams();
        this.module = module;
        this.groups = module.paramGroups(false, false);
        this.freeNames = module.flatParamNames();
        this.currentValues = module.namedFlatParamValues(Select.all().includeFixed(true), false);
    }

    /** The groups, in order. */
    public List<ParameterGroup> groups() {
        return groups;
    }

    /** One draw: physical value per free flat name, in flat order. */
    public Map<String, Double> sample(RandomGenerator rng) {
        return sampleAndLogProb(rng).sample();
    }

    /**
     * One seeded draw (physical value per free flat name, in flat order), a pure function of the
     * module and {@code seed}, by the highest-priority
     * {@link org.parax4j.module.spi.ParameterSamplerProvider} (the engine's when present).
     */
    public Map<String, Double> sample(long seed) {
        return org.parax4j.module.spi.SamplerProviders.get().sample(module, seed);
    }

    /**
     * A draw and its log density.
     *
     * @param sample physical value per free flat name
     * @param logProb joint log density of the draw
     */
    public record Draw(Map<String, Double> sample, double logProb) {}

    /** One draw and its joint log density. */
    public Draw sampleAndLogProb(RandomGenerator rng) {
        Objects.requireNonNull(rng, "rng");
        Map<String, Double> values = new LinkedHashMap<>();
        double logProb = 0;
        for (ParameterGroup g : groups) {
            if (g.distribution() == null) {
                g.names().forEach(n -> values.put(n, currentValues.get(n)));
                continue;
            }
            double[] x = g.distribution().sample(rng);
            logProb += g.distribution().logProb(x);
            for (int i = 0; i < x.length; i++) {
                values.put(g.names().get(i), x[i]);
            }
        }
        return new Draw(ordered(values), logProb);
    }

    /** The module with one draw applied, as {@link Module#sampled} returns it. */
    Module<?> sampledModule(RandomGenerator rng) {
        return module.withParams(sample(rng));
    }

    /** Joint log density of the free parameter values of {@code other} (a module of the same structure). */
    public double logProb(Module<?> other) {
        Objects.requireNonNull(other, "other");
        return logProb(other.namedFlatParamValues(Select.all().includeFixed(true), false));
    }

    /**
     * Joint log density of physical values by flat name. Every free flat name must be present; a
     * group's fixed members default to their values in the module.
     */
    public double logProb(Map<String, Double> values) {
        Objects.requireNonNull(values, "values");
        for (String name : freeNames) {
            if (!values.containsKey(name)) {
                throw new IllegalArgumentException("logProb: missing a value for free parameter '" + name + "'");
            }
        }
        double sum = 0;
        for (ParameterGroup g : groups) {
            if (g.distribution() == null) {
                continue;
            }
            double[] x = new double[g.names().size()];
            for (int i = 0; i < x.length; i++) {
                String name = g.names().get(i);
                Double v = values.containsKey(name) ? values.get(name) : currentValues.get(name);
                x[i] = v;
            }
            sum += g.distribution().logProb(x);
        }
        return sum;
    }

    /** Mean per free flat name. */
    public Map<String, Double> mean() {
        return perName(Distribution::meanVector, true);
    }

    /** Variance per free flat name. */
    public Map<String, Double> variance() {
        return perName(Distribution::varianceVector, false);
    }

    /** Joint differential entropy: the sum over the independent groups. */
    public double entropy() {
        return groups.stream().filter(g -> g.distribution() != null).mapToDouble(g -> g.distribution().entropy()).sum();
    }

    /**
     * {@code KL(this ‖ other)}: the sum of the groups' divergences. Both must have the same groups
     * (same names in the same order).
     */
    public double klDivergence(ModuleDistribution other) {
        Objects.requireNonNull(other, "other");
        List<List<String>> mine = groups.stream().map(ParameterGroup::names).toList();
        List<List<String>> theirs = other.groups.stream().map(ParameterGroup::names).toList();
        if (!mine.equals(theirs)) {
            throw new IllegalArgumentException("klDivergence needs the same parameter groups on both sides, got "
                    + mine + " and " + theirs);
        }
        double sum = 0;
        for (int g = 0; g < groups.size(); g++) {
            Distribution p = groups.get(g).distribution();
            Distribution q = other.groups.get(g).distribution();
            if ((p == null) != (q == null)) {
                throw new IllegalArgumentException("klDivergence: group " + groups.get(g).names()
                        + " has a distribution on one side only");
            }
            if (p != null) {
                sum += p.klDivergence(q);
            }
        }
        return sum;
    }

    /** A moment per name; held parameters give their value ({@code heldValue}) or 0. */
    private Map<String, Double> perName(java.util.function.Function<Distribution, double[]> moment, boolean heldValue) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (ParameterGroup g : groups) {
            if (g.distribution() == null) {
                g.names().forEach(n -> out.put(n, heldValue ? currentValues.get(n) : 0.0));
                continue;
            }
            double[] m = moment.apply(g.distribution());
            for (int i = 0; i < m.length; i++) {
                out.put(g.names().get(i), m[i]);
            }
        }
        return ordered(out);
    }

    /** Restricts to free flat names, in flat order. */
    private Map<String, Double> ordered(Map<String, Double> values) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (String name : freeNames) {
            Double v = values.get(name);
            if (v != null) {
                out.put(name, v);
            }
        }
        return Collections.unmodifiableMap(out);
    }

    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        groups.forEach(g -> parts.add(g.names() + " ~ " + g.distribution()));
        return "ModuleDistribution" + parts;
    }
}
