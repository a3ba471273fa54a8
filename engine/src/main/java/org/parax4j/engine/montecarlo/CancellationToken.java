package org.parax4j.engine.montecarlo;

/**
 * A flag a caller sets from any thread to stop a long Monte Carlo run; the run checks it between
 * rounds of samples and then throws {@link SamplingCancelledException}. Once cancelled it stays
 * cancelled. Thread-safe.
 */
public final class CancellationToken {

    private volatile boolean cancelled;

    /** A new, not cancelled token. */
    public CancellationToken() {}

    /** A token that is never cancelled by anyone but its holder. */
    public static CancellationToken none() {
        return new CancellationToken();
    }

    /** Requests cancellation. */
    public void cancel() {
        cancelled = true;
    }

    /** Whether cancellation was requested. */
    public boolean isCancelled() {
        return cancelled;
    }
}
