package org.parax4j.module.spi;

import java.util.Map;
import org.parax4j.module.Module;

/**
 * A source of seeded draws from a module's joint parameter distribution, found with
 * {@link java.util.ServiceLoader}: {@link org.parax4j.module.Module#sampled(long)} and
 * {@link org.parax4j.module.ModuleDistribution#sample(long)} use the available provider with the
 * highest {@link #priority()}. modules-api itself brings a scalar provider of priority 0; the
 * engine registers a vectorised, counter-based one, so with the engine on the class or module path
 * a seed gives the engine's draws (the same as its batched Monte Carlo path at sample index 0).
 * Implementations are stateless and thread-safe.
 */
public interface ParameterSamplerProvider {

    /** Higher wins; the scalar provider of modules-api has 0. */
    int priority();

    /** A short name for logs. */
    String name();

    /**
     * One draw of the free flat parameters of {@code module} (physical values by flat name, in flat
     * order), a pure function of the module and {@code seed}. Parameters without a distribution
     * keep their values.
     */
    Map<String, Double> sample(Module<?> module, long seed);
}
