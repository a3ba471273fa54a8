package org.parax4j.engine.internal.concurrent;

/**
 * The failure of the lowest-numbered item of a parallel job, so that the error a job throws does not
 * depend on which thread ran what: participants claim items in increasing order, stop claiming once
 * {@link #seen()}, and {@link #rethrow} throws the lowest failing item's error. Thread-safe.
 */
public final class LowestFailure {
    private volatile boolean seen;
    private int item = Integer.MAX_VALUE;
    private Throwable error;

    /** Whether any item failed; participants stop claiming new items once it is. */
    public boolean seen() {
        return seen;
    }

    /** Records the failure {@code e} of item {@code i}, keeping the lowest item's. */
    public synchronized void record(int i, Throwable e) {
        seen = true;
        if (i < item) {
            item = i;
            error = e;
        }
    }

    /** Throws the recorded error (a {@link RuntimeException} or {@link Error}); returns when none. */
    public synchronized void rethrow() {
        Crew.rethrow(error);
    }
}
