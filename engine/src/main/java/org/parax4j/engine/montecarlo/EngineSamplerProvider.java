package org.parax4j.engine.montecarlo;

import java.util.Map;
import org.parax4j.module.Module;
import org.parax4j.module.spi.ParameterSamplerProvider;

/**
 * Registers the engine's seeded sampler ({@link ModuleSampling#sample(Module, long)}: counter-based,
 * vectorised, the same draw as Monte Carlo sample 0) as the provider behind
 * {@code Module.sampled(long)} and {@code ModuleDistribution.sample(long)}. Priority 100.
 */
public final class EngineSamplerProvider implements ParameterSamplerProvider {

    /** The instance {@link java.util.ServiceLoader} creates; holds no state. */
    public EngineSamplerProvider() {}

    @Override
    public int priority() {
        return 100;
    }

    @Override
    public String name() {
        return "engine (CounterRandom, VectorSampler)";
    }

    @Override
    public Map<String, Double> sample(Module<?> module, long seed) {
        return ModuleSampling.sample(module, seed);
    }
}
