package org.parax4j.engine.random;

import java.util.concurrent.Executor;
import org.parax4j.engine.internal.concurrent.Crew;
import org.parax4j.engine.internal.random.SplitMix;

/**
 * Splits a range of samples into contiguous parts run on the caller's thread and helpers on a
 * caller-chosen executor ({@link Crew}). Parts start at multiples of {@link SplitMix#NORMAL_BLOCK} so no Box–Muller block is
 * shared; results never depend on the split, because every sample is a pure function of its index.
 */
final class Parallel {

    /** Requests below this many samples per extra thread stay on the caller's thread. */
    static final int MIN_PART = 1 << 14;

    /** Work on samples {@code [start, start + length)} of a request. */
    @FunctionalInterface
    interface Range {
        void run(int start, int length);
    }

    private Parallel() {}

    /** Runs {@code body} over {@code [0, length)} in at most {@code threads} parts ({@link Crew#forEach}). */
    static void run(int length, Executor executor, int threads, Range body) {
        int parts = Math.min(threads, Math.max(1, length / MIN_PART));
        long per = ((long) length / parts + SplitMix.NORMAL_BLOCK - 1) & -SplitMix.NORMAL_BLOCK;
        Crew.forEach(executor, threads, parts, p -> {
            int start = (int) Math.min(length, p * per);
            int end = p == parts - 1 ? length : (int) Math.min(length, (p + 1) * per);
            body.run(start, end - start);
        });
    }
}
