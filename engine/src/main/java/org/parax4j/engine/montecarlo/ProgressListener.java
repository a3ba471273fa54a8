package org.parax4j.engine.montecarlo;

/**
 * Receives progress of a long Monte Carlo run, on the calling thread, after each round of samples.
 * An exception thrown here aborts the run and propagates.
 */
@FunctionalInterface
public interface ProgressListener {

    /** A listener that ignores progress. */
    ProgressListener NONE = (done, total) -> { };

    /**
     * @param done samples finished so far
     * @param total samples requested
     */
    void progress(long done, long total);
}
