package org.parax4j.cli.demo;

/**
 * Receives the progress of a long computation. Called from the computing thread, a bounded number of
 * times (not per sample), the last time with {@code done == total}.
 */
@FunctionalInterface
public interface ProgressListener {

    /** A listener that ignores every update. */
    ProgressListener NONE = (done, total) -> { };

    /**
     * Reports that {@code done} of {@code total} units are finished.
     *
     * @param done units finished, {@code 0 ≤ done ≤ total}
     * @param total units in all, ≥ 1
     */
    void update(long done, long total);
}
