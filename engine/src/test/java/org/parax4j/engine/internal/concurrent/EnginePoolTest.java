package org.parax4j.engine.internal.concurrent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * The engine's own pool runs every task it is given, on its named workers, whether a worker is
 * polling or parked when the task comes (no lost wake-up), and survives a task that throws.
 */
class EnginePoolTest {

    @Test
    void everyTaskRunsOnANamedWorkerWhateverTheGapsBetweenSubmissions() throws InterruptedException {
        int submitters = 3;
        int perSubmitter = 3_000;
        CountDownLatch done = new CountDownLatch(submitters * perSubmitter);
        AtomicInteger ran = new AtomicInteger();
        Set<String> names = ConcurrentHashMap.newKeySet();
        Thread[] threads = new Thread[submitters];
        for (int s = 0; s < submitters; s++) {
            long seed = s;
            threads[s] = new Thread(() -> {
                SplittableRandom random = new SplittableRandom(seed);
                for (int i = 0; i < perSubmitter; i++) {
                    EnginePool.EXECUTOR.execute(() -> {
                        names.add(Thread.currentThread().getName());
                        ran.incrementAndGet();
                        done.countDown();
                    });
                    // Gaps around the polling time: some tasks find a polling worker, some a parked one.
                    if (random.nextInt(4) == 0) {
                        LockSupport.parkNanos(random.nextLong(2 * EnginePool.SPIN_NANOS));
                    }
                }
            });
            threads[s].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        assertTrue(done.await(60, TimeUnit.SECONDS),
                "a submitted task did not run: " + done.getCount() + " of " + submitters * perSubmitter + " left");
        assertEquals(submitters * perSubmitter, ran.get());
        for (String name : names) {
            assertTrue(name.startsWith(EnginePool.THREAD_PREFIX), name);
        }
    }

    @Test
    void aTaskAfterAParkedSpellStillRuns() throws InterruptedException {
        for (int round = 0; round < 5; round++) {
            // Longer than the polling time: every worker has parked.
            Thread.sleep(2);
            CountDownLatch done = new CountDownLatch(1);
            EnginePool.EXECUTOR.execute(done::countDown);
            assertTrue(done.await(30, TimeUnit.SECONDS), "a task submitted to a parked pool did not run");
        }
    }

    @Test
    void aThrowingTaskDoesNotStopTheWorkers() throws InterruptedException {
        int workers = Runtime.getRuntime().availableProcessors();
        for (int i = 0; i < workers + 1; i++) {
            EnginePool.EXECUTOR.execute(() -> {
                throw new IllegalStateException("expected by EnginePoolTest");
            });
        }
        CountDownLatch done = new CountDownLatch(4 * workers);
        for (int i = 0; i < 4 * workers; i++) {
            EnginePool.EXECUTOR.execute(done::countDown);
        }
        assertTrue(done.await(30, TimeUnit.SECONDS), "tasks after throwing ones did not run");
    }

    @Test
    void anInterruptLeftByATaskDoesNotReachTheNextTask() throws InterruptedException {
        int tasks = 8 * Runtime.getRuntime().availableProcessors();
        AtomicInteger interruptedOnEntry = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(tasks);
        for (int i = 0; i < tasks; i++) {
            EnginePool.EXECUTOR.execute(() -> {
                if (Thread.currentThread().isInterrupted()) {
                    interruptedOnEntry.incrementAndGet();
                }
                Thread.currentThread().interrupt();
                done.countDown();
            });
        }
        assertTrue(done.await(30, TimeUnit.SECONDS), "tasks after interrupting ones did not run");
        assertEquals(0, interruptedOnEntry.get(), "tasks that started with the interrupt flag set");
    }

    @Test
    void pingPongAroundThePollingTimeNeverStrandsATask() throws InterruptedException {
        // One task at a time, each awaited before the next, after gaps on both sides of the polling
        // time: a lost wake-up would leave the task queued with every worker parked.
        SplittableRandom random = new SplittableRandom(7);
        for (int round = 0; round < 2_000; round++) {
            LockSupport.parkNanos(random.nextLong(2 * EnginePool.SPIN_NANOS));
            CountDownLatch done = new CountDownLatch(1);
            EnginePool.EXECUTOR.execute(done::countDown);
            assertTrue(done.await(30, TimeUnit.SECONDS), "round " + round + ": the task did not run");
        }
    }
}
