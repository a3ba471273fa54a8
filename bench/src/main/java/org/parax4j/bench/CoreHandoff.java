package org.parax4j.bench;

import java.util.concurrent.atomic.AtomicLong;

/**
 * How long one cache line takes to move between two threads' cores: the calling thread and a new
 * one hand a counter back and forth, each waiting (spinning) for the other's increment. Two-thread
 * benchmarks print it before each iteration ({@code # hand-off: N ns} in the run's log), because on
 * a virtual machine it is not a constant: session 12 measured 24–56 ns in some periods and
 * 180–280 ns in others on the same 2-vCPU VM, and every two-thread job that shares lines between
 * its threads (a crew's hand-off, boundary lines of a shared output, mirrored values) slowed in the
 * slow periods while one-thread and pure-arithmetic figures did not
 * ({@code bench/results/session12-2026-12-06.txt}). A run's log then tells which periods its forks
 * met. Not a benchmark of parax4j: a reading of the machine.
 */
public final class CoreHandoff {

    private CoreHandoff() {}

    /**
     * The mean time of one hand-off over {@code rounds} round trips (two hand-offs each).
     *
     * @param rounds round trips, ≥ 1 (100 000 take about 5–60 ms)
     * @return nanoseconds per hand-off
     * @throws IllegalArgumentException when {@code rounds < 1}
     */
    public static double nanos(int rounds) {
        if (rounds < 1) {
            throw new IllegalArgumentException("rounds must be >= 1, got " + rounds);
        }
        AtomicLong ball = new AtomicLong();
        long last = 2L * rounds;
        Thread partner = new Thread(() -> {
            for (long i = 1; i < last; i += 2) {
                while (ball.get() != i) {
                    Thread.onSpinWait();
                }
                ball.set(i + 1);
            }
        }, "parax4j-bench-handoff");
        partner.setDaemon(true);
        partner.start();
        long start = System.nanoTime();
        for (long i = 0; i < last; i += 2) {
            while (ball.get() != i) {
                Thread.onSpinWait();
            }
            ball.set(i + 1);
        }
        while (ball.get() != last) {
            Thread.onSpinWait();
        }
        long end = System.nanoTime();
        try {
            partner.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the hand-off partner finished", e);
        }
        return (end - start) / (double) last;
    }

    /** Prints {@code # hand-off: N ns} (100 000 round trips) for a run's log. */
    public static void print() {
        System.out.printf("# hand-off: %.0f ns%n", nanos(100_000));
    }
}
