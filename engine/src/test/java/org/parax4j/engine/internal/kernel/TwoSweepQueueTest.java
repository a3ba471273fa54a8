package org.parax4j.engine.internal.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.Test;
import org.parax4j.engine.EngineOptions;
import org.parax4j.engine.internal.vector.VectorSupport;
import org.parax4j.engine.internal.vector.VectorizationProvider;
import org.parax4j.engine.kernel.Kernel;
import org.parax4j.engine.kernel.KernelTangents;

/**
 * The ARD Gram's two-sweep queue ({@link TangentJob}) deals its blocks to participants, who take their
 * own first and the rest after: the value and the planes are the one-thread bits whether every helper
 * joins (two, three and four participants), none can (an executor that rejects them), or they start
 * only after the caller has finished (an executor that runs them late); nothing hangs.
 */
class TwoSweepQueueTest {

    private static final int N = 150;
    private static final int D = 5;

    @Test
    void everyWayTheHelpersJoinGivesTheOneThreadBits() throws Exception {
        double[] x = new SplittableRandom(9).doubles((long) N * D, -2, 2).toArray();
        Kernel k = Kernel.rbfArd(0.7, 1.1, 0.9, 1.4, 0.8).scaled(1.3);
        KernelPlan plan = KernelCompiler.compile(k, D);
        VectorSupport support = VectorizationProvider.support();
        int planes = KernelTangents.count(k) * N * N;
        double[] value = new double[N * N];
        double[] tangents = new double[planes];
        new TangentJob(EngineOptions.singleThreaded()).planes(support, plan, true, x, N, null, N, value, tangents);
        Executor rejecting = task -> {
            throw new RejectedExecutionException("no helpers");
        };
        ExecutorService pool = Executors.newFixedThreadPool(3);
        ExecutorService lateThread = Executors.newSingleThreadExecutor();
        Executor late = task -> lateThread.execute(() -> {
            try {
                Thread.sleep(20); // the caller has done every block by then
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            task.run();
        });
        try {
            Object[][] cases = {{"pool", pool, 2}, {"pool", pool, 3}, {"pool", pool, 4}, {"rejecting", rejecting, 2},
                {"late", late, 2}};
            for (Object[] c : cases) {
                TangentJob job = new TangentJob(EngineOptions.of((Executor) c[1], (Integer) c[2]));
                for (int repeat = 0; repeat < 5; repeat++) {
                    double[] v = new double[N * N];
                    double[] t = new double[planes];
                    assertTimeoutPreemptively(Duration.ofSeconds(20),
                            () -> job.planes(support, plan, true, x, N, null, N, v, t));
                    String name = c[0] + ", parallelism " + c[2] + ", call " + repeat;
                    assertArrayEquals(value, v, name + ": value");
                    assertArrayEquals(tangents, t, name + ": planes");
                }
            }
        } finally {
            pool.shutdownNow();
            lateThread.shutdownNow();
        }
    }
}
