package org.parax4j.module;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.random.RandomGeneratorFactory;
import org.junit.jupiter.api.Test;
import org.parax4j.module.spi.SamplerProviders;
import org.parax4j.module.spi.ScalarSamplerProvider;

/** Without the engine, seeded sampling is the scalar provider's: L64X128MixRandom seeded with the seed. */
class SeededSamplingTest {

    @Test
    void seededDrawsComeFromTheScalarProviderAndRepeat() {
        assertInstanceOf(ScalarSamplerProvider.class, SamplerProviders.get());
        ReferenceModelTest.Root m = ReferenceModelTest.model();
        ReferenceModelTest.Root a = m.sampled(7L);
        assertEquals(a, m.sampled(7L));
        assertNotEquals(a, m.sampled(8L));
        assertEquals(m.withParams(m.distribution().sample(RandomGeneratorFactory.of("L64X128MixRandom").create(7))), a);
        assertEquals(m.distribution().sample(7L), a.namedFlatParamValues(false));
    }
}
