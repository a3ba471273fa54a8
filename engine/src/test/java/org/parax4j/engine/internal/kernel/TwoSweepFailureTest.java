package org.parax4j.engine.internal.kernel;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.parax4j.engine.EngineOptions;
import org.parax4j.engine.internal.vector.VectorSupport;
import org.parax4j.engine.internal.vector.VectorizationProvider;
import org.parax4j.engine.kernel.Kernel;
import org.parax4j.engine.kernel.KernelTangents;

/**
 * A failing first sweep of the ARD Gram's two-sweep queue ({@link TangentJob}): participants waiting
 * for it stop, nothing hangs, and the job rethrows the failure itself, not a waiter's, on every
 * thread count. The failure is provoked by a value buffer one element short (the public facade
 * refuses that; this internal entry point does not check), which the last row block's first sweep
 * writes past.
 */
class TwoSweepFailureTest {

    @Test
    void aFailedFirstSweepIsRethrownAndReleasesTheWaiters() {
        int n = 120;
        int d = 4;
        double[] x = new SplittableRandom(5).doubles((long) n * d, -2, 2).toArray();
        Kernel k = Kernel.rbfArd(0.7, 1.1, 0.9, 1.4).scaled(1.3);
        KernelPlan plan = KernelCompiler.compile(k, d);
        VectorSupport support = VectorizationProvider.support();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            for (int parallelism : new int[] {1, 2, 4}) {
                TangentJob job = new TangentJob(EngineOptions.of(pool, parallelism));
                double[] tangents = new double[KernelTangents.count(k) * n * n];
                double[] shortValue = new double[n * n - 1];
                for (int repeat = 0; repeat < 20; repeat++) {
                    assertTimeoutPreemptively(Duration.ofSeconds(20), () -> assertThrows(
                            IndexOutOfBoundsException.class,
                            () -> job.planes(support, plan, true, x, n, null, n, shortValue, tangents),
                            "parallelism " + parallelism));
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
