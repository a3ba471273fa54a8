package org.parax4j.engine.internal.concurrent;

import java.util.concurrent.ForkJoinTask;
import java.util.function.IntConsumer;

/**
 * Runs numbered parts of one job: part 0 on the calling thread, the others on the fork/join common
 * pool. Every part is joined before the call returns, even when one fails, so no part is still
 * writing into the caller's arrays afterwards; the first failure is then rethrown.
 */
public final class ForkJoinParts {

    private ForkJoinParts() {}

    /** Runs {@code body(p)} for {@code p < parts}; allocates one task per part after the first. */
    public static void run(int parts, IntConsumer body) {
        if (parts <= 1) {
            body.accept(0);
            return;
        }
        ForkJoinTask<?>[] tasks = new ForkJoinTask<?>[parts - 1];
        for (int p = 1; p < parts; p++) {
            int part = p;
            tasks[p - 1] = ForkJoinTask.adapt(() -> body.accept(part)).fork();
        }
        RuntimeException failure = null;
        try {
            body.accept(0);
        } catch (RuntimeException e) {
            failure = e;
        }
        for (ForkJoinTask<?> task : tasks) {
            try {
                task.join();
            } catch (RuntimeException e) {
                failure = failure == null ? e : failure;
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
