package org.parax4j.service.exec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.parax4j.engine.EngineOptions;
import org.parax4j.engine.kernel.Kernel;
import org.parax4j.engine.kernel.KernelMatrices;
import org.parax4j.engine.kernel.KernelWorkspace;

/**
 * The service hands the engine its own executor: helpers run on idle {@code parax4j-engine-N} threads
 * only, are refused (so the engine works on the caller alone) when every thread is busy, and the
 * engine's results do not depend on which.
 */
class EngineExecutorOptionsTest {

    @Test
    void helpersRunOnIdleServiceThreadsOnlyAndTheBitsDoNotDependOnThem() throws Exception {
        EngineExecutor executor = new EngineExecutor(2, 4);
        try {
            EngineOptions options = executor.engineOptions();
            assertEquals(2, options.parallelism());
            AtomicReference<String> ran = new AtomicReference<>();
            CountDownLatch done = new CountDownLatch(1);
            options.executor().execute(() -> {
                ran.set(Thread.currentThread().getName());
                done.countDown();
            });
            assertTrue(done.await(10, TimeUnit.SECONDS));
            assertTrue(ran.get().startsWith("parax4j-engine-"), ran.get());

            int n = 200;
            double[] x = new double[n * 2];
            for (int i = 0; i < x.length; i++) {
                x[i] = Math.sin(i * 0.37);
            }
            double[] alone = new double[n * n];
            double[] helped = new double[n * n];
            KernelMatrices.gram(Kernel.rbf(0.8), x, n, 2, alone, KernelWorkspace.singleThreaded());
            KernelMatrices.gram(Kernel.rbf(0.8), x, n, 2, helped, KernelWorkspace.parallel(options));
            assertArrayEquals(alone, helped);

            CountDownLatch release = new CountDownLatch(1);
            CountDownLatch busy = new CountDownLatch(2);
            for (int t = 0; t < 2; t++) {
                executor.engineOptions().executor().execute(() -> {
                    busy.countDown();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
                Thread.sleep(50); // let the thread pick it up, so the next one is not queued behind it
            }
            assertTrue(busy.await(10, TimeUnit.SECONDS));
            assertThrows(RejectedExecutionException.class, () -> options.executor().execute(() -> { }),
                    "every engine thread busy: a helper is refused, not queued");
            double[] busyRun = new double[n * n];
            KernelMatrices.gram(Kernel.rbf(0.8), x, n, 2, busyRun, KernelWorkspace.parallel(options));
            assertArrayEquals(alone, busyRun, "the caller alone when no helper is taken");
            assertEquals(0, executor.queued());
            release.countDown();
        } finally {
            executor.shutdown(Duration.ofSeconds(5));
        }
    }
}
