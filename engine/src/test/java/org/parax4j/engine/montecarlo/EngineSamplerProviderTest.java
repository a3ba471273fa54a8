package org.parax4j.engine.montecarlo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import org.junit.jupiter.api.Test;
import org.parax4j.engine.examples.ReferenceModel;
import org.parax4j.module.spi.SamplerProviders;

/** With the engine present, Module.sampled(seed) is the engine's draw 0 (found through ServiceLoader). */
class EngineSamplerProviderTest {

    @Test
    void moduleSampledBySeedUsesTheEngine() {
        assertInstanceOf(EngineSamplerProvider.class, SamplerProviders.get());
        ReferenceModel model = ReferenceModel.create();
        assertEquals(ModuleSampling.sampled(model, 11), model.sampled(11L));
        assertEquals(ModuleSampling.sample(model, 11), model.distribution().sample(11L));
    }
}
