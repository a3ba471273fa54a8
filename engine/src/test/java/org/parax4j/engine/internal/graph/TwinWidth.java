package org.parax4j.engine.internal.graph;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import org.parax4j.engine.internal.simd.Vectorization;

/**
 * The widths at which the graph, batch and dual-number twins run: every Vector API width this CPU
 * has (128, 256 and 512 bits up to its widest), each built in the same JVM by
 * {@link Vectorization#panama(int)}, so the default test run compares every width with the scalar twin.
 */
final class TwinWidth {

    private TwinWidth() {}

    /**
     * The facets at every width, skipping the calling test (reported as skipped, not passed) when the
     * Vector API module is not loaded (there is then no second twin to compare).
     */
    static List<Vectorization.Facets> widths() {
        List<Integer> bits = Vectorization.panamaWidths();
        assumeTrue(!bits.isEmpty(), "jdk.incubator.vector is not loaded: no Vector API twin to compare");
        return bits.stream().map(Vectorization::panama).toList();
    }

    /** The graph operations at every width ({@link #widths()}). */
    static List<GraphOps> graphOps() {
        return widths().stream().map(Vectorization.Facets::graph).toList();
    }
}
