package org.parax4j.engine.graph;

import org.parax4j.engine.internal.concurrent.InUseGuard;
import org.parax4j.engine.internal.graph.Scratch;

/**
 * Scratch for running one {@link ModelFunction}: a value buffer and a tangent buffer per graph node
 * and a few temporaries, allocated once by {@link ModelFunction#newWorkspace}, and the
 * {@link org.parax4j.engine.EngineOptions} its large kernel nodes run on. Reusing it makes
 * evaluations and Jacobians allocation-free on one thread (a kernel node split over helper threads
 * allocates the few small objects that hand them their tasks).
 *
 * <p>One call at a time: a thread owns a workspace (or takes one from a pool the caller keeps) for
 * the duration of a call. A call that finds the workspace in use by another call (another thread,
 * or a re-entrant call) throws {@link IllegalStateException} naming the workspace and both
 * threads, at once, before anything is written; it never waits. The check is one compare-and-set
 * per call and allocates nothing. Nothing is kept in thread-locals.
 */
public final class Workspace {

    private final ModelFunction<?> owner;
    private final Scratch scratch;
    private final InUseGuard guard = new InUseGuard("Workspace");

    Workspace(ModelFunction<?> owner, Scratch scratch) {
        this.owner = owner;
        this.scratch = scratch;
    }

    /**
     * The scratch for a call of {@code caller}, marking this workspace in use until {@link #release()}.
     *
     * @throws IllegalArgumentException when the workspace belongs to another function
     * @throws IllegalStateException when another call is using the workspace
     */
    Scratch acquire(ModelFunction<?> caller) {
        if (caller != owner) {
            throw new IllegalArgumentException("this workspace belongs to another ModelFunction; create one with "
                    + "newWorkspace() of the function you call");
        }
        guard.acquire(this);
        return scratch;
    }

    /** Ends the use begun by {@link #acquire}. */
    void release() {
        guard.release();
    }

    /** Tangent directions processed per pass (the chunk size chosen under the memory cap). */
    public int chunkSize() {
        return scratch.plan().chunkSize();
    }

    /**
     * Doubles held by the workspace's value and tangent buffers (with element strips, theirs and their
     * Jacobian blocks).
     */
    public long footprintDoubles() {
        return scratch.footprintDoubles();
    }
}
