package org.parax4j.engine.graph;

import org.parax4j.engine.internal.graph.Scratch;

/**
 * Scratch for running one {@link ModelFunction}: a value buffer and a tangent buffer per graph node
 * and a few temporaries, allocated once by {@link ModelFunction#newWorkspace}. Reusing it makes
 * evaluations and Jacobians allocation-free.
 *
 * <p>Not thread-safe: a thread owns a workspace (or takes one from a pool the caller keeps) for
 * the duration of a call. Nothing is kept in thread-locals.
 */
public final class Workspace {

    private final ModelFunction<?> owner;
    private final Scratch scratch;

    Workspace(ModelFunction<?> owner, Scratch scratch) {
        this.owner = owner;
        this.scratch = scratch;
    }

    Scratch scratch(ModelFunction<?> caller) {
        if (caller != owner) {
            throw new IllegalArgumentException("this workspace belongs to another ModelFunction; create one with "
                    + "newWorkspace() of the function you call");
        }
        return scratch;
    }

    /** Tangent directions processed per pass (the chunk size chosen under the memory cap). */
    public int chunkSize() {
        return scratch.plan().chunkSize();
    }

    /** Doubles held by the workspace's value and tangent buffers. */
    public long footprintDoubles() {
        return scratch.footprintDoubles();
    }
}
