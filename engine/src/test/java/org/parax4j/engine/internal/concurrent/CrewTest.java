package org.parax4j.engine.internal.concurrent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

/**
 * {@link Crew}: every item once whatever the executor does with the helpers (runs them, queues them
 * forever, rejects them, runs them late, runs them inline); no deadlock when a job is started from
 * the executor's only thread; the lowest failing item's error; helpers finished before return.
 */
class CrewTest {

    static void everyItemOnce(java.util.concurrent.Executor executor, int parallelism, int count) {
        AtomicIntegerArray seen = new AtomicIntegerArray(count);
        Crew.forEach(executor, parallelism, count, seen::incrementAndGet);
        for (int i = 0; i < count; i++) {
            assertEquals(1, seen.get(i), "item " + i);
        }
    }

    @Test
    void everyItemRunsOnceWhateverTheExecutorDoes() throws Exception {
        List<Runnable> parked = new ArrayList<>();
        everyItemOnce(parked::add, 4, 1000); // helpers queued and never run: the caller does it all
        assertEquals(3, parked.size());
        parked.forEach(Runnable::run); // they run after the job: they must do nothing
        everyItemOnce(r -> { throw new RejectedExecutionException("full"); }, 4, 1000);
        everyItemOnce(Runnable::run, 4, 1000); // inline executor
        everyItemOnce(null, 4, 10);
        everyItemOnce(parked::add, 8, 0);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            for (int rep = 0; rep < 50; rep++) {
                everyItemOnce(pool, 4, 1 + rep * 37);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void eachParticipantIndexIsHeldByOneThreadAtATime() {
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            for (int parallelism : new int[] {1, 2, 4, 9}) {
                for (int count : new int[] {0, 1, 3, 200}) {
                    int participants = Crew.participants(parallelism, count);
                    AtomicIntegerArray inUse = new AtomicIntegerArray(participants);
                    AtomicIntegerArray seen = new AtomicIntegerArray(Math.max(count, 1));
                    AtomicInteger clashes = new AtomicInteger();
                    Crew.forEach(pool, parallelism, count, (participant, item) -> {
                        // an index out of range throws here, and the job rethrows it
                        if (!inUse.compareAndSet(participant, 0, 1)) {
                            clashes.incrementAndGet();
                        }
                        seen.incrementAndGet(item);
                        Thread.onSpinWait();
                        inUse.set(participant, 0);
                    });
                    assertEquals(0, clashes.get(), "participant index shared, parallelism " + parallelism);
                    for (int i = 0; i < count; i++) {
                        assertEquals(1, seen.get(i), "item " + i);
                    }
                }
            }
            assertEquals(1, Crew.participants(4, 0));
            assertEquals(3, Crew.participants(3, 50));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aJobStartedOnTheExecutorsOnlyThreadDoesNotDeadlock() throws Exception {
        ExecutorService single = Executors.newSingleThreadExecutor();
        try {
            int[] sum = new int[1];
            single.submit(() -> {
                AtomicInteger total = new AtomicInteger();
                Crew.forEach(single, 4, 100, i -> {
                    // nested job on the same saturated executor
                    Crew.forEach(single, 4, 10, j -> total.incrementAndGet());
                });
                sum[0] = total.get();
            }).get(20, TimeUnit.SECONDS);
            assertEquals(1000, sum[0]);
        } finally {
            single.shutdownNow();
        }
    }

    @Test
    void theLowestFailingItemIsThrownAfterEveryHelperReturned() {
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            for (int rep = 0; rep < 20; rep++) {
                AtomicInteger running = new AtomicInteger();
                RuntimeException e = assertThrows(RuntimeException.class, () -> Crew.forEach(pool, 4, 500, i -> {
                    running.incrementAndGet();
                    try {
                        if (i == 123 || i == 300 || i == 301) {
                            throw new IllegalStateException("item " + i);
                        }
                    } finally {
                        running.decrementAndGet();
                    }
                }));
                assertEquals("item 123", e.getMessage());
                assertEquals(0, running.get(), "no item still running after the throw");
            }
            Error oom = new OutOfMemoryError("test");
            assertSame(oom, assertThrows(Error.class, () -> Crew.run(pool, 3, p -> {
                if (p == 0) {
                    throw oom;
                }
            })));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void participantsAreDistinctAndTheWatcherSeesEachThread() {
        ExecutorService pool = Executors.newFixedThreadPool(2, r -> new Thread(r, "crew-test"));
        List<Thread> seen = java.util.Collections.synchronizedList(new ArrayList<>());
        Crew.watch(seen::add);
        try {
            AtomicIntegerArray count = new AtomicIntegerArray(3);
            Crew.run(pool, 3, count::incrementAndGet);
            assertTrue(count.get(0) == 1 && count.get(1) <= 1 && count.get(2) <= 1, count.toString());
            assertEquals(1, seen.stream().filter(t -> t == Thread.currentThread()).count(), seen.toString());
            assertTrue(seen.stream().allMatch(t -> t == Thread.currentThread() || t.getName().equals("crew-test")),
                    seen.toString());
            assertEquals(1 + count.get(1) + count.get(2), seen.size());
            seen.clear();
            Crew.forEach(pool, 1, 5, i -> { });
            assertArrayEquals(new Thread[] {Thread.currentThread()}, seen.toArray());
        } finally {
            Crew.watch(null);
            pool.shutdownNow();
        }
    }

    @Test
    void forEachOrAloneRunsTheWholeWorkWhenNoHelperIsAccepted() throws Exception {
        java.util.concurrent.Executor rejecting = task -> {
            throw new RejectedExecutionException("no idle thread");
        };
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            // (executor, parallelism) -> whether the items run (else alone)
            record Case(java.util.concurrent.Executor executor, int parallelism, boolean split) {}
            AtomicInteger offered = new AtomicInteger();
            java.util.concurrent.Executor firstOnly = task -> { // accepts one helper per job, rejects the next
                if (offered.getAndIncrement() % 2 == 1) {
                    throw new RejectedExecutionException("busy");
                }
                pool.execute(task);
            };
            for (Case c : List.of(new Case(rejecting, 3, false), new Case(null, 3, false), new Case(pool, 1, false),
                    new Case(pool, 3, true), new Case(firstOnly, 3, true))) {
                AtomicIntegerArray runs = new AtomicIntegerArray(40);
                AtomicInteger alone = new AtomicInteger();
                Crew.forEachOrAlone(c.executor(), c.parallelism(), 40, runs::incrementAndGet, alone::incrementAndGet);
                for (int i = 0; i < 40; i++) {
                    assertEquals(c.split() ? 1 : 0, runs.get(i), c + ": item " + i);
                }
                assertEquals(c.split() ? 0 : 1, alone.get(), c + ": the whole work");
            }
            RuntimeException boom = new IllegalStateException("alone failed");
            assertSame(boom, assertThrows(IllegalStateException.class,
                    () -> Crew.forEachOrAlone(rejecting, 2, 4, i -> { }, () -> {
                        throw boom;
                    })));
        } finally {
            pool.shutdownNow();
            assertTrue(pool.awaitTermination(5, TimeUnit.SECONDS));
        }
    }
}
