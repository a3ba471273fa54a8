package org.parax4j.engine.concurrency;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs one call per thread in loops on named daemon threads until one call throws or a time limit
 * passes, and records what happened: successful calls, {@link IllegalStateException}s and any
 * other failure (including a wrong result, which the call reports by throwing
 * {@link AssertionError}) and the threads still running when it gave up waiting. Daemon threads, so that a call that hangs (the bug this guards against)
 * cannot keep the test JVM alive; the caller wraps {@link #run} in a preemptive timeout.
 */
final class Race {

    /** The outcome of a race. */
    record Outcome(int calls, List<IllegalStateException> busy, List<Throwable> failures, List<String> hung) {}

    private Race() {}

    /**
     * Runs {@code calls[t]} on thread {@code names[t]} in a loop until a call fails or
     * {@code millis} pass, then joins every thread (for at most {@code millis} more).
     */
    static Outcome run(long millis, String[] names, Runnable... calls) throws InterruptedException {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger count = new AtomicInteger();
        List<IllegalStateException> busy = Collections.synchronizedList(new ArrayList<>());
        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        Thread[] threads = new Thread[calls.length];
        for (int t = 0; t < calls.length; t++) {
            Runnable call = calls[t];
            threads[t] = new Thread(() -> {
                while (!stop.get() && System.nanoTime() < deadline) {
                    try {
                        call.run();
                        count.incrementAndGet();
                    } catch (IllegalStateException e) {
                        busy.add(e);
                        stop.set(true);
                    } catch (Throwable e) {
                        failures.add(e);
                        stop.set(true);
                    }
                }
            }, names[t]);
            threads[t].setDaemon(true);
        }
        for (Thread thread : threads) {
            thread.start();
        }
        List<String> hung = new ArrayList<>();
        for (Thread thread : threads) {
            thread.join(millis);
            if (thread.isAlive()) {
                hung.add(thread.getName());
            }
        }
        return new Outcome(count.get(), List.copyOf(busy), List.copyOf(failures), hung);
    }
}
