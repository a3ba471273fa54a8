package org.parax4j.bench;

import java.util.concurrent.atomic.AtomicLong;

/**
 * How long one cache line takes to move between two threads' cores: the calling thread and a new
 * one hand a counter back and forth, each waiting (spinning) for the other's increment. Two-thread
 * benchmarks print it before each iteration ({@code # hand-off: N ns} in the run's log), because on
 * a virtual machine it is not a constant: session 12 measured 23–134 ns in some periods and
 * 178–402 ns in others on the same 2-vCPU VM, and the two-thread RF Jacobian ran 17.9–21.1 µs in 41
 * of 41 iterations read at fast hand-offs against 24.2–27.6 µs in 33 of 34 read at slow ones
 * ({@code bench/results/session12-2026-12-06.txt}): a strong correlation, measured just before each
 * iteration, not during it. {@code bench/handoffs} splits a run's iterations by it. Not a benchmark of
 * parax4j: a reading of the machine.
 *
 * <p>Both threads spin, so on one processor (a CPU quota, {@code taskset}) each hand-off would wait
 * for a time slice: a reading gives up after {@link #DEADLINE_NANOS} and returns {@code NaN}.
 */
public final class CoreHandoff {

    private CoreHandoff() {}

    /** How long a reading may take before it gives up: 2 s. */
    public static final long DEADLINE_NANOS = 2_000_000_000L;

    /**
     * The mean time of one hand-off over {@code rounds} round trips (two hand-offs each).
     *
     * @param rounds round trips, ≥ 1 (100 000 take about 5–80 ms on two free cores)
     * @return nanoseconds per hand-off, or {@code NaN} when the reading took longer than
     *     {@link #DEADLINE_NANOS} (the two threads then stop)
     * @throws IllegalArgumentException when {@code rounds < 1}
     */
    public static double nanos(int rounds) {
        return nanos(rounds, DEADLINE_NANOS);
    }

    /** {@link #nanos(int)} with its deadline given (tests use 0 to take the give-up path). */
    static double nanos(int rounds, long deadlineNanos) {
        if (rounds < 1) {
            throw new IllegalArgumentException("rounds must be >= 1, got " + rounds);
        }
        AtomicLong ball = new AtomicLong();
        long last = 2L * rounds;
        Thread partner = new Thread(() -> {
            for (long i = 1; i < last; i += 2) {
                long seen;
                while ((seen = ball.get()) != i) {
                    if (seen < 0) {
                        return; // the caller gave up
                    }
                    Thread.onSpinWait();
                }
                if (!ball.compareAndSet(i, i + 1)) {
                    return; // the caller gave up between the read and this hand-off
                }
            }
        }, "parax4j-bench-handoff");
        partner.setDaemon(true);
        partner.start();
        long start = System.nanoTime();
        boolean late = false;
        for (long i = 0; i <= last && !late; i += 2) {
            // The clock is read every 1 024 round trips and every 1 024 spins of one wait.
            if ((i & 2047) == 2046 && System.nanoTime() - start > deadlineNanos) {
                late = true;
                ball.set(-1);
                break;
            }
            for (int spins = 0; ball.get() != i; spins++) {
                if ((spins & 1023) == 1023 && System.nanoTime() - start > deadlineNanos) {
                    late = true;
                    ball.set(-1);
                    break;
                }
                Thread.onSpinWait();
            }
            if (!late && i < last) {
                ball.set(i + 1);
            }
        }
        long end = System.nanoTime();
        try {
            partner.join(1_000); // it ends at once: it saw the last value or the caller's -1
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // keep the reading; the daemon partner ends on its own
        }
        return late ? Double.NaN : (end - start) / (double) last;
    }

    /** Prints {@code # hand-off: N ns} (100 000 round trips; {@code NaN} past the deadline) for a run's log. */
    public static void print() {
        System.out.printf("# hand-off: %.0f ns%n", nanos(100_000));
    }
}
