package org.parax4j.engine.internal.graph;

import java.util.Objects;
import org.parax4j.engine.graph.ModelFunction;

/**
 * A bridge through which engine packages reach the recorded graph and latent vector of a
 * {@link ModelFunction} without widening its public API: {@code ModelFunction} installs the accessor
 * in its static initialiser (the pattern of the JDK's {@code SharedSecrets}). Thread-safe.
 */
public final class GraphAccess {

    /** What {@code ModelFunction} exposes to the engine. */
    public interface Accessor {
        /** The recorded graph of {@code f}. */
        GraphDef graph(ModelFunction<?> f);

        /** The latent values of all layout elements of the recorded model (fixed included). New array. */
        double[] latent(ModelFunction<?> f);
    }

    private static volatile Accessor accessor;

    private GraphAccess() {}

    /** Installs the accessor; called once by {@code ModelFunction}. */
    public static void install(Accessor a) {
        accessor = Objects.requireNonNull(a, "accessor");
    }

    /** The graph of {@code f}. */
    public static GraphDef graph(ModelFunction<?> f) {
        return accessor.graph(f);
    }

    /** The recorded latent values of {@code f}'s layout elements. New array. */
    public static double[] latent(ModelFunction<?> f) {
        return accessor.latent(f);
    }
}
