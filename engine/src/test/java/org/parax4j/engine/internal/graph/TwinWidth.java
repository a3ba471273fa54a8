package org.parax4j.engine.internal.graph;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.parax4j.engine.internal.vector.VectorizationProvider;

/**
 * The width at which the graph, batch and dual-number twins run. Their Vector API twins take this
 * JVM's width, so the engine's build runs them once per width, 128, 256 and 512 bits, each in a JVM
 * capped by {@code -Dparax4j.simd.maxBits} (see the surefire executions in {@code engine/pom.xml}).
 */
final class TwinWidth {

    private TwinWidth() {}

    /**
     * Skips the calling test (reported as skipped, not passed) unless the Vector API is in use at
     * exactly the requested width: with the Vector API off there is no second twin to compare, and
     * a JVM asked for more bits than this CPU has would repeat a narrower width's run.
     */
    static void assumeVectorTwinAtRequestedWidth() {
        VectorizationProvider.Choice choice = VectorizationProvider.choice();
        assumeTrue(choice.simd(), "the Vector API is not in use in this JVM: " + choice.reason());
        int requested = Integer.getInteger(VectorizationProvider.MAX_BITS_PROPERTY, 0);
        assumeTrue(requested <= 0 || choice.vectorBits() == requested, "this CPU has no " + requested
                + "-bit vectors (widest " + choice.vectorBits() + " bits)");
    }
}
