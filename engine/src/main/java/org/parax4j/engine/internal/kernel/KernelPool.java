package org.parax4j.engine.internal.kernel;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;

/**
 * The engine's own fork/join pool, one worker per available processor, created on first use.
 * The common pool is not used because on small machines it has fewer workers than cores.
 */
final class KernelPool {

    private KernelPool() {}

    /** The pool; its daemon workers are named {@code parax4j-kernel-<index>}. */
    static ForkJoinPool get() {
        return Holder.POOL;
    }

    private static final class Holder {
        static final ForkJoinPool POOL = new ForkJoinPool(Runtime.getRuntime().availableProcessors(), pool -> {
            ForkJoinWorkerThread thread = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
            thread.setName("parax4j-kernel-" + thread.getPoolIndex());
            thread.setDaemon(true);
            return thread;
        }, null, false);
    }
}
