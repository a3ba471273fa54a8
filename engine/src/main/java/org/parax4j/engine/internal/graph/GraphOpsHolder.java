package org.parax4j.engine.internal.graph;

import org.parax4j.engine.internal.vector.VectorizationProvider;

/** Holds the implementation of {@link GraphOps} chosen once, following {@link VectorizationProvider}. */
final class GraphOpsHolder {

    static final GraphOps CHOSEN = VectorizationProvider.choice().simd() ? new PanamaGraphOps() : new ScalarGraphOps();

    private GraphOpsHolder() {}
}
