package org.parax4j.engine.internal.concurrent;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * Runs one job on the calling thread and up to {@code participants − 1} helper tasks handed to a
 * caller-chosen {@link Executor}: the only way the engine uses more than one thread.
 *
 * <p><b>Caller runs, helpers join if they can.</b> The caller is participant 0 and always works;
 * each helper is a plain {@link Runnable} that, when the executor gets round to it, joins the job
 * only if the caller has not finished it yet, else returns at once. The caller waits only for
 * helpers that joined (they are running, so they finish), never for a task still queued. So a job
 * cannot deadlock on a saturated or bounded executor, or when it is started from one of that
 * executor's own threads (nested jobs), and an executor that rejects a helper
 * ({@link RejectedExecutionException}, e.g. after shutdown) only means fewer helpers. Participants
 * must therefore share the work dynamically (claim items from a counter, as {@link #forEach} does):
 * any participant may end up doing all of it.
 *
 * <p><b>Same bits.</b> Which participant does which item must not change a result: every caller
 * computes each item by the same instructions whoever runs it, so results do not depend on the
 * executor or on the parallelism.
 *
 * <p>Every participant that joined has returned before {@link #run} returns or throws, so no
 * helper is still writing into the caller's arrays afterwards; the first failure (in time) is then
 * rethrown. A job with helpers allocates its state and one small task per helper (and whatever the
 * executor allocates to queue it); a job of one participant allocates nothing. Thread-safe.
 */
public final class Crew {

    /** Test hook: told the thread of every participant of every job (see {@link #watch}). */
    private static volatile Consumer<Thread> watcher;

    private Crew() {}

    /**
     * Tests only: has {@code w} told, on each participant's own thread, of every participant of every
     * job (the caller included, also for a job of one participant), until called again with
     * {@code null}. Allocates nothing; costs one volatile read per participant when unset.
     *
     * @param w the watcher, or {@code null} to stop watching
     */
    public static void watch(Consumer<Thread> w) {
        watcher = w;
    }

    /**
     * Runs {@code participant.accept(p)} for participant {@code p = 0} on the calling thread and for
     * {@code p = 1 … participants − 1} on {@code executor} when it runs them in time (see the class
     * comment); each participant index runs at most once.
     *
     * @param executor where helpers run; {@code null} runs participant 0 alone
     * @param participants the most participants, caller included; below 2 the caller runs alone
     * @param participant the work of one participant; must claim its items dynamically
     * @throws RuntimeException or {@link Error}: the first failure of a participant, after all joined
     *     participants returned
     */
    public static void run(Executor executor, int participants, IntConsumer participant) {
        if (participants < 2 || executor == null) {
            observe();
            participant.accept(0);
            return;
        }
        Job job = new Job(participant);
        start(executor, participants, job);
        finish(job);
    }

    /** Hands {@code participants − 1} helper tasks of {@code job} to {@code executor}; how many it accepted. */
    private static int start(Executor executor, int participants, Job job) {
        int accepted = 0;
        for (int p = 1; p < participants; p++) {
            int index = p;
            try {
                executor.execute(() -> job.help(index));
                accepted++;
            } catch (RejectedExecutionException e) {
                break; // fewer helpers; the caller does their share
            }
        }
        return accepted;
    }

    /** Runs the caller's part of a started job, waits for the helpers that joined, rethrows the first failure. */
    private static void finish(Job job) {
        try {
            observe();
            job.participant.accept(0);
        } catch (RuntimeException | Error e) {
            job.fail(e);
        }
        job.close();
        job.rethrow();
    }

    /**
     * Runs {@code item.accept(i)} for every {@code i < count}, each exactly once, claimed in
     * increasing order by up to {@code min(parallelism, count)} participants ({@link #run}). After a
     * failure no participant claims a further item; the failure of the lowest failing item is
     * rethrown, so the error, too, does not depend on the executor (every lower item was claimed
     * earlier and ran to its end).
     *
     * @param executor where helpers run; {@code null} for the calling thread only
     * @param parallelism the most threads, caller included
     * @param count how many items, {@code ≥ 0}
     * @param item the work of item {@code i}
     * @throws RuntimeException or {@link Error} thrown by the lowest failing item
     */
    public static void forEach(Executor executor, int parallelism, int count, IntConsumer item) {
        if (participants(parallelism, count) < 2 || executor == null) {
            if (count > 0) {
                observe();
            }
            for (int i = 0; i < count; i++) { // on the caller alone: no adapter object
                item.accept(i);
            }
            return;
        }
        forEach(executor, parallelism, count, (participant, i) -> item.accept(i));
    }

    /**
     * {@link #forEach(Executor, int, int, IntConsumer)}, telling each item which participant runs it:
     * an index below {@link #participants(int, int)}, held by one thread at a time, so items may use
     * per-participant scratch (which participant runs an item must still not change its result).
     */
    public static void forEach(Executor executor, int parallelism, int count, ParticipantItem item) {
        int participants = participants(parallelism, count);
        if (participants < 2 || executor == null) {
            if (count > 0) {
                observe();
            }
            for (int i = 0; i < count; i++) {
                item.accept(0, i);
            }
            return;
        }
        AtomicInteger next = new AtomicInteger();
        LowestFailure failure = new LowestFailure();
        run(executor, participants, claimer(next, failure, count, item));
        failure.rethrow();
    }

    /** The most participants {@link #forEach} runs {@code count} items with: {@code max(1, min(parallelism, count))}. */
    public static int participants(int parallelism, int count) {
        return Math.max(1, Math.min(parallelism, count));
    }

    /** An item of {@link #forEach(Executor, int, int, ParticipantItem)}. */
    @FunctionalInterface
    public interface ParticipantItem {
        /** Runs item {@code item} on participant {@code participant}'s thread. */
        void accept(int participant, int item);
    }

    /**
     * {@link #forEach}, except that when the executor accepts no helper task (it rejects them all, as
     * an executor that lends only idle threads does when none is idle) the calling thread runs
     * {@code alone} instead of the items: for work whose split form costs more on one thread than its
     * whole form (the split's items and {@code alone} must compute the same results). Single-threaded
     * calls ({@code parallelism < 2}, fewer than 2 items, no executor) run {@code alone} too.
     *
     * @param alone the whole work on the calling thread
     * @throws RuntimeException or {@link Error} thrown by the lowest failing item, or by {@code alone}
     */
    public static void forEachOrAlone(Executor executor, int parallelism, int count, IntConsumer item,
            Runnable alone) {
        int participants = Math.min(parallelism, count);
        if (participants < 2 || executor == null) {
            observe();
            alone.run();
            return;
        }
        AtomicInteger next = new AtomicInteger();
        LowestFailure failure = new LowestFailure();
        Job job = new Job(claimer(next, failure, count, (participant, i) -> item.accept(i)));
        if (start(executor, participants, job) == 0) {
            job.close(); // no helper can enter
            observe();
            alone.run();
            return;
        }
        finish(job);
        failure.rethrow();
    }

    /** A participant that claims items in increasing order until none is left or one has failed. */
    private static IntConsumer claimer(AtomicInteger next, LowestFailure failure, int count, ParticipantItem item) {
        return p -> {
            for (int i; !failure.seen() && (i = next.getAndIncrement()) < count; ) {
                try {
                    item.accept(p, i);
                } catch (RuntimeException | Error e) {
                    failure.record(i, e);
                }
            }
        };
    }

    private static void observe() {
        Consumer<Thread> w = watcher;
        if (w != null) {
            w.accept(Thread.currentThread());
        }
    }

    static void rethrow(Throwable error) {
        if (error instanceof RuntimeException r) {
            throw r;
        }
        if (error instanceof Error e) {
            throw e;
        }
    }

    /**
     * One job's state: the count of helpers inside it and a closed bit. A helper enters only while
     * the bit is clear; the caller sets it when its own part is done and waits until the count is 0.
     */
    private static final class Job {
        private static final int CLOSED = 1 << 30;

        final IntConsumer participant;
        private final Thread owner = Thread.currentThread();
        private final AtomicInteger state = new AtomicInteger();
        private Throwable failure;

        Job(IntConsumer participant) {
            this.participant = participant;
        }

        void help(int index) {
            if (!enter()) {
                return;
            }
            try {
                observe();
                participant.accept(index);
            } catch (RuntimeException | Error e) {
                fail(e);
            } finally {
                if (state.decrementAndGet() == CLOSED) {
                    LockSupport.unpark(owner);
                }
            }
        }

        private boolean enter() {
            for (int s = state.get(); ; s = state.get()) {
                if ((s & CLOSED) != 0) {
                    return false;
                }
                if (state.compareAndSet(s, s + 1)) {
                    return true;
                }
            }
        }

        /**
         * Lets no further helper in and waits for those inside (they are running, so they finish).
         * An interrupt does not end the wait (a helper may still be writing); it is kept for the caller.
         */
        void close() {
            if (state.getAndAdd(CLOSED) == 0) {
                return;
            }
            // Helpers claim items dynamically, so they usually finish within microseconds of the
            // caller: poll briefly before parking (a parked caller's wake-up costs 20 µs and more on
            // a virtual machine, see EnginePool).
            long start = System.nanoTime();
            for (int i = 0; state.get() != CLOSED; i++) {
                if ((i & 63) == 63 && System.nanoTime() - start > EnginePool.SPIN_NANOS) {
                    break;
                }
                Thread.onSpinWait();
            }
            boolean interrupted = false;
            while (state.get() != CLOSED) {
                LockSupport.park(this);
                interrupted |= Thread.interrupted();
            }
            if (interrupted) {
                owner.interrupt();
            }
        }

        synchronized void fail(Throwable e) {
            if (failure == null) {
                failure = e;
            }
        }

        synchronized void rethrow() {
            Crew.rethrow(failure);
        }
    }
}
