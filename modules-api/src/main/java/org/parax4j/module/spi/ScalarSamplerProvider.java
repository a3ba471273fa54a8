package org.parax4j.module.spi;

import java.util.Map;
import java.util.random.RandomGeneratorFactory;
import org.parax4j.module.Module;

/**
 * The provider modules-api always has: one draw through the distributions' own scalar samplers,
 * from an {@code L64X128MixRandom} generator seeded with the seed. Priority 0.
 */
public final class ScalarSamplerProvider implements ParameterSamplerProvider {

    /** The instance {@link java.util.ServiceLoader} creates; holds no state. */
    public ScalarSamplerProvider() {}

    @Override
    public int priority() {
        return 0;
    }

    @Override
    public String name() {
        return "scalar (L64X128MixRandom)";
    }

    @Override
    public Map<String, Double> sample(Module<?> module, long seed) {
        return module.distribution().sample(RandomGeneratorFactory.of("L64X128MixRandom").create(seed));
    }
}
