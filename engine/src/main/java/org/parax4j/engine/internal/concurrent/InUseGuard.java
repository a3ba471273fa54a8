package org.parax4j.engine.internal.concurrent;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Detects concurrent use of a caller-owned, single-threaded object (a workspace): a call takes the
 * guard with one compare-and-set of the owner thread ({@link #acquire}) and gives it back in a
 * {@code finally} ({@link #release}). A second call that arrives while the first is running,
 * from another thread or re-entrantly from the same one, fails at once with an
 * {@link IllegalStateException} naming the object and both threads, instead of corrupting the
 * shared scratch, failing later with an index error, or waiting forever on tasks the two calls
 * share.
 *
 * <p>Allocates nothing unless the check fails (the owner is the current {@link Thread} object); the
 * cost is one CAS and one release store per call. Thread-safe.
 */
public final class InUseGuard {

    private static final VarHandle OWNER;

    static {
        try {
            OWNER = MethodHandles.lookup().findVarHandle(InUseGuard.class, "owner", Thread.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final String kind;
    @SuppressWarnings("unused") // accessed through OWNER
    private volatile Thread owner;

    /**
     * @param kind what is guarded, as the message should name it (e.g. {@code "KernelWorkspace"});
     *     the message adds the object's identity hash
     */
    public InUseGuard(String kind) {
        this.kind = kind;
    }

    /**
     * Marks the guarded object in use by the current thread.
     *
     * @param guarded the guarded object, named in the message by the kind and its identity hash
     * @throws IllegalStateException when a call on the object is already running; names the object,
     *     the thread running that call and the current thread. Nothing is changed then.
     */
    public void acquire(Object guarded) {
        Thread current = Thread.currentThread();
        while (!OWNER.compareAndSet(this, (Thread) null, current)) {
            Thread holder = (Thread) OWNER.getVolatile(this);
            if (holder != null) {
                throw busy(guarded, holder, current);
            }
            // The other call ended between the failed CAS and the read: try again.
        }
    }

    /** Marks the guarded object free again; call in a {@code finally} after a successful {@link #acquire}. */
    public void release() {
        OWNER.setRelease(this, (Thread) null);
    }

    private IllegalStateException busy(Object guarded, Thread holder, Thread current) {
        String name = kind + "@" + Integer.toHexString(System.identityHashCode(guarded));
        String by = holder == current ? "an earlier call on this same thread '" + current.getName() + "' (re-entrant use)"
                : "thread '" + holder.getName() + "'";
        return new IllegalStateException(name + " is already in use by " + by + "; thread '" + current.getName()
                + "' tried to use it at the same time. A workspace serves one call at a time: give each thread "
                + "its own workspace");
    }
}
