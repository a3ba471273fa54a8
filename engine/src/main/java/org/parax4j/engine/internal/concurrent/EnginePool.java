package org.parax4j.engine.internal.concurrent;

import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;

/**
 * The engine's own executor, the default of {@link org.parax4j.engine.EngineOptions}: a fork/join
 * pool of one daemon worker per available processor, named {@code parax4j-worker-<index>}, created
 * on first use (a service that passes its own executor never starts it). The common pool is not used:
 * it is shared with every parallel stream of the application, and on small machines it has fewer
 * workers than cores. Thread-safe.
 */
public final class EnginePool {

    /** The executor; submitting to it creates the pool if needed. */
    public static final Executor EXECUTOR = task -> Holder.POOL.execute(task);

    /** The prefix of the pool's thread names. */
    public static final String THREAD_PREFIX = "parax4j-worker-";

    private EnginePool() {}

    private static final class Holder {
        static final ForkJoinPool POOL = new ForkJoinPool(Runtime.getRuntime().availableProcessors(), pool -> {
            ForkJoinWorkerThread thread = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
            thread.setName(THREAD_PREFIX + thread.getPoolIndex());
            thread.setDaemon(true);
            return thread;
        }, null, false);
    }
}
