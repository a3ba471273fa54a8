package org.parax4j.service.models;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.parax4j.engine.graph.ModelFunction;
import org.parax4j.engine.graph.Workspace;

/**
 * A pool of {@link Workspace}s of one {@link ModelFunction}: a request borrows one for the duration
 * of its engine call and gives it back, so steady-state requests allocate no engine scratch. The
 * pool creates a workspace when none is idle and keeps at most {@code capacity} idle ones (the
 * engine executor's thread count bounds how many are in use at once). Thread-safe.
 */
public final class WorkspacePool {

    private final ModelFunction<?> function;
    private final ArrayBlockingQueue<Workspace> idle;
    private final Set<Workspace> owned = Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));
    private final Set<Workspace> lent = Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));
    private final AtomicInteger created = new AtomicInteger();

    /**
     * An empty pool.
     *
     * @param function the function whose workspaces it holds
     * @param capacity most idle workspaces kept, {@code ≥ 1}
     * @throws IllegalArgumentException when {@code capacity < 1}
     */
    public WorkspacePool(ModelFunction<?> function, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1, got " + capacity);
        }
        this.function = java.util.Objects.requireNonNull(function, "function");
        this.idle = new ArrayBlockingQueue<>(capacity);
    }

    /** An idle workspace, or a new one when none is idle (allocates then). The caller owns it until {@link #release}. */
    public Workspace acquire() {
        Workspace ws = idle.poll();
        if (ws == null) {
            ws = function.newWorkspace();
            owned.add(ws);
            created.incrementAndGet();
        }
        lent.add(ws);
        return ws;
    }

    /**
     * Gives a workspace back.
     *
     * @throws IllegalArgumentException when {@code ws} was not lent by this pool or was released already
     */
    public void release(Workspace ws) {
        if (!lent.remove(ws)) {
            throw new IllegalArgumentException(owned.contains(ws) ? "workspace released twice"
                    : "workspace does not belong to this pool");
        }
        if (!idle.offer(ws)) {
            owned.remove(ws);
        }
    }

    /** Workspaces created so far. */
    public int created() {
        return created.get();
    }

    /** Workspaces lent out now. */
    public int inUse() {
        return lent.size();
    }

    /** Idle workspaces now. */
    public int idle() {
        return idle.size();
    }
}
