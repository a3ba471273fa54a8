package org.parax4j.engine.montecarlo;

import java.util.concurrent.CancellationException;

/**
 * A Monte Carlo run stopped because its {@link CancellationToken} was cancelled; no partial result
 * is returned.
 */
public final class SamplingCancelledException extends CancellationException {

    private static final long serialVersionUID = 1L;

    private final long done;

    SamplingCancelledException(long done, long total) {
        super("Monte Carlo run cancelled after " + done + " of " + total + " samples");
        this.done = done;
    }

    /** Samples finished when the run stopped. */
    public long done() {
        return done;
    }
}
