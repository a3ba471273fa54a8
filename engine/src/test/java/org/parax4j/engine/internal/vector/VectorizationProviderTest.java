package org.parax4j.engine.internal.vector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The choice follows the system properties the build forwards to every test JVM. */
class VectorizationProviderTest {

    @Test
    void choiceFollowsTheKillSwitchAndWidthCap() {
        VectorizationProvider.Choice choice = VectorizationProvider.choice();
        boolean simdRequested = Boolean.parseBoolean(System.getProperty(VectorizationProvider.SIMD_PROPERTY, "true"));
        boolean moduleLoaded = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
        if (!simdRequested) {
            assertFalse(choice.simd(), choice.reason());
            assertInstanceOf(ScalarVectorSupport.class, choice.support());
            assertTrue(choice.reason().contains("parax4j.simd=false"), choice.reason());
        } else if (moduleLoaded) {
            assertTrue(choice.simd(), choice.reason());
            int maxBits = Integer.getInteger(VectorizationProvider.MAX_BITS_PROPERTY, 0);
            if (maxBits > 0) {
                assertTrue(choice.vectorBits() <= maxBits, "width " + choice.vectorBits() + " above cap " + maxBits);
            }
            assertEquals(choice.vectorBits() / 64, choice.doubleLanes());
            assertEquals(choice.vectorBits() / 32, choice.floatLanes());
        }
    }

    @Test
    void scalarChoiceHasOneLane() {
        VectorizationProvider.Choice choice = VectorizationProvider.choice();
        if (!choice.simd()) {
            assertEquals(1, choice.doubleLanes());
            assertEquals(0, choice.vectorBits());
        }
    }
}
