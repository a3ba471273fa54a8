package org.parax4j.engine.internal.concurrent;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * The engine's own executor, the default of {@link org.parax4j.engine.EngineOptions}: one daemon
 * worker per available processor, named {@code parax4j-worker-<index>}, started on first use (a
 * service that passes its own executor never starts them). Thread-safe.
 *
 * <p><b>Why not a fork/join pool.</b> The engine's jobs are short (a 256² Gram takes 50–60 µs on two
 * cores) and come back to back (an optimiser's evaluations, a service's requests). JDK 25's
 * fork/join pool parks an idle worker almost at once; on a virtual machine its processor then
 * halts, and waking it for the next job took 20 µs at the median and 40 µs in slow stretches here
 * (2-core VM, from the job's start to the helper's first instruction), a third of the job. So, like
 * the runtimes of OpenMP and of the BLAS libraries, a worker that runs out of tasks keeps polling
 * for {@link #SPIN_NANOS} before it parks: back-to-back jobs find it awake (the hand-off then takes
 * 3 µs). Measured in JMH forks on the same machine and job: the 256² ARD Gram 56–77 µs before,
 * 54–65 after; its value and nine tangent planes 120–140 µs before and 105–117 after in their fast
 * forks (with either pool some forks run at 240–290 µs, not explained).
 *
 * <p>Tasks wait in one first-in first-out queue; at most one worker polls at any time (so at most
 * one core spins, for at most {@link #SPIN_NANOS} after its last task), and a submission wakes a
 * parked worker for each task beyond the polling one. The common pool is not used: it is shared
 * with every parallel stream of the application, and on small machines it has fewer workers than
 * cores.
 */
public final class EnginePool {

    /** How long a worker that ran out of tasks keeps polling before it parks, in nanoseconds. */
    public static final long SPIN_NANOS = 50_000;

    /**
     * The most workers polling at once. One catches the next job; without the limit, jobs that come
     * about every {@link #SPIN_NANOS} can keep two workers alive by turns beside the caller, and on
     * two cores the spare one takes a core from the work.
     */
    private static final int MAX_POLLERS = 1;

    /** The executor; submitting to it starts the workers if needed. */
    public static final Executor EXECUTOR = task -> Holder.POOL.submit(task);

    /** The prefix of the workers' thread names. */
    public static final String THREAD_PREFIX = "parax4j-worker-";

    private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final Worker[] workers;
    /** Workers polling the queue (running no task and not parked). */
    private final AtomicInteger polling = new AtomicInteger();
    /** Tasks submitted and not yet taken; counted before they are queued, so it may over-count briefly. */
    private final AtomicInteger pending = new AtomicInteger();

    private EnginePool(int size) {
        workers = new Worker[size];
        for (int i = 0; i < size; i++) {
            workers[i] = new Worker(i);
        }
        for (Worker w : workers) {
            w.thread.start();
        }
    }

    private static final Runnable NOTHING = () -> { };

    /**
     * Whether a worker is polling with no task spoken for, so that a task submitted now starts within
     * microseconds rather than after a parked worker's wake-up (20–40 µs on a virtual machine). A
     * hint: another submitter may take that worker first. Allocates nothing.
     */
    public static boolean hasPollingWorker() {
        EnginePool pool = Holder.POOL;
        return pool.polling.get() > pool.pending.get();
    }

    /**
     * Wakes a parked worker with an empty task, so that it polls for {@link #SPIN_NANOS} and work
     * handed over in that time starts at once (a worker already polling just takes the empty task);
     * does nothing while a task is waiting, since that wakes a worker already. Allocates one queue
     * node when it submits.
     */
    public static void wakeOne() {
        EnginePool pool = Holder.POOL;
        if (pool.pending.get() == 0) {
            pool.submit(NOTHING);
        }
    }

    private void submit(Runnable task) {
        if (task == null) {
            throw new NullPointerException("task");
        }
        // Counted before it is queued, so pending never under-counts (an over-count costs one
        // spare wake-up at most). A polling worker takes a queued task (it polls once more after
        // it stops counting as polling); wake a parked worker for each task beyond the pollers.
        int waiting = pending.incrementAndGet();
        tasks.offer(task);
        if (waiting <= polling.get()) {
            return;
        }
        for (Worker w : workers) {
            if (w.parked && w.wake()) {
                return;
            }
        }
    }

    /** The next queued task, or null; keeps {@link #pending} in step. */
    private Runnable take() {
        Runnable task = tasks.poll();
        if (task != null) {
            pending.decrementAndGet();
        }
        return task;
    }

    private final class Worker implements Runnable {
        final Thread thread;
        /** Set before the worker's last poll ahead of parking; a submitter clears it to wake it. */
        volatile boolean parked;
        private final AtomicInteger wakeClaim = new AtomicInteger();

        Worker(int index) {
            // Not the first caller's context: no inheritable thread-locals (a logging context, say),
            // and the system class loader, not a web application's, which would stay pinned.
            thread = Thread.ofPlatform().name(THREAD_PREFIX + index).daemon(true)
                    .inheritInheritableThreadLocals(false).unstarted(this);
            thread.setContextClassLoader(ClassLoader.getSystemClassLoader());
        }

        /** Claims this parked worker for one submission and unparks it; false if another did. */
        boolean wake() {
            if (!wakeClaim.compareAndSet(0, 1)) {
                return false;
            }
            parked = false;
            LockSupport.unpark(thread);
            return true;
        }

        @Override
        public void run() {
            while (true) {
                // One poller is enough to catch the next job; more would take cores from the work.
                Runnable task = claimPolling() ? pollBriefly() : take();
                if (task == null) {
                    wakeClaim.set(0);
                    parked = true;
                    task = take(); // a submitter that saw no poller may have missed this worker
                    if (task == null) {
                        while (parked) {
                            LockSupport.park(this);
                            Thread.interrupted(); // an interrupt from outside must not turn this into a spin
                        }
                        continue;
                    }
                    parked = false;
                }
                runQuietly(task);
            }
        }

        /** Counts this worker as polling if fewer than {@link #MAX_POLLERS} are; false if as many are. */
        private boolean claimPolling() {
            for (int p = polling.get(); p < MAX_POLLERS; p = polling.get()) {
                if (polling.compareAndSet(p, p + 1)) {
                    return true;
                }
            }
            return false;
        }

        /** After {@link #claimPolling}: the next task, polling for up to {@link #SPIN_NANOS}; null when none came. */
        private Runnable pollBriefly() {
            long start = System.nanoTime();
            Runnable task;
            for (int i = 0; (task = tasks.poll()) == null; i++) {
                if ((i & 63) == 63 && System.nanoTime() - start > SPIN_NANOS) {
                    polling.decrementAndGet();
                    return take(); // after leaving the count: a submitter now wakes a parked worker
                }
                Thread.onSpinWait();
            }
            // Leave the count before the task leaves pending: a submitter that still counts this
            // worker as polling also counts its task as pending, so it wakes another for a new task.
            polling.decrementAndGet();
            pending.decrementAndGet();
            return task;
        }

        /**
         * Runs a task; what it throws goes to the thread's uncaught-exception handler, and the worker
         * goes on. An interrupt a task leaves set is cleared, as a fork/join pool does between tasks: it
         * would reach the next task, and a worker whose flag is set could not park.
         */
        private void runQuietly(Runnable task) {
            try {
                task.run();
            } catch (Throwable t) {
                try {
                    thread.getUncaughtExceptionHandler().uncaughtException(thread, t);
                } catch (Throwable ignored) {
                    // a failing handler must not end the worker: the pool would shrink silently
                }
            } finally {
                Thread.interrupted();
            }
        }
    }

    private static final class Holder {
        static final EnginePool POOL = new EnginePool(Runtime.getRuntime().availableProcessors());
    }
}
