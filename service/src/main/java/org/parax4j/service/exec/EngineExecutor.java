package org.parax4j.service.exec;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.parax4j.engine.EngineOptions;
import org.parax4j.engine.montecarlo.CancellationToken;
import org.parax4j.engine.montecarlo.SamplingCancelledException;
import org.parax4j.service.api.ApiException;

/**
 * The bounded executor that runs all engine work: a fixed number of platform threads
 * ({@code parax4j-engine-N}) and a bounded queue. HTTP handlers (virtual threads) hand tasks over
 * and wait at most the request's time budget, so heavy requests cannot starve the server: when the
 * queue is full a request is refused at once (503, field {@code server}); when its budget runs out it
 * is cancelled (its {@link CancellationToken} set, its thread interrupted, a queued task skipped) and
 * answered 503 (field {@code timeBudgetMs}). Thread-safe.
 */
public final class EngineExecutor {

    /**
     * Engine work of one request.
     *
     * @param <T> the result type
     */
    @FunctionalInterface
    public interface Task<T> {
        /**
         * Runs on an engine thread.
         *
         * @param token set when the request's budget ran out; long tasks check it
         * @param deadline {@link System#nanoTime()} after which the task should stop
         * @return the result
         * @throws Exception any failure; {@link ApiException} and {@link IllegalArgumentException} reach the client
         */
        T run(CancellationToken token, long deadline) throws Exception;
    }

    private final ThreadPoolExecutor pool;
    private final EngineOptions engineOptions;
    private final int queueCapacity;
    private final AtomicInteger rejected = new AtomicInteger();
    private final AtomicInteger timedOut = new AtomicInteger();

    /**
     * Starts the threads lazily (one per submitted task until {@code threads} exist).
     *
     * @throws IllegalArgumentException when {@code threads} or {@code queueCapacity} is < 1
     */
    public EngineExecutor(int threads, int queueCapacity) {
        if (threads < 1 || queueCapacity < 1) {
            throw new IllegalArgumentException("threads and queueCapacity must be >= 1, got " + threads + " and "
                    + queueCapacity);
        }
        AtomicInteger n = new AtomicInteger();
        this.queueCapacity = queueCapacity;
        this.pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(queueCapacity), r -> {
                    Thread t = new Thread(r, "parax4j-engine-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                }, new ThreadPoolExecutor.AbortPolicy());
        this.engineOptions = EngineOptions.of(idleHelpers(), threads);
    }

    /**
     * The options under which the engine may parallelise work of this service (GP fits and
     * factorisations at load time): helper tasks run on this executor's own threads, and only on idle
     * ones, so they never take a request's queue slot or a thread a request is waiting for; when every
     * thread is busy the engine does the work on the calling thread alone (same bits either way).
     *
     * @return the options (shared instance)
     */
    public EngineOptions engineOptions() {
        return engineOptions;
    }

    /** An executor that hands a task to the pool only while a thread is idle and nothing is queued. */
    private Executor idleHelpers() {
        return task -> {
            if (pool.isShutdown() || !pool.getQueue().isEmpty()
                    || pool.getActiveCount() >= pool.getMaximumPoolSize()) {
                throw new RejectedExecutionException("no idle engine thread");
            }
            pool.execute(task);
        };
    }

    /**
     * Runs {@code task} on an engine thread and waits for it until {@code deadline}.
     *
     * @param deadline {@link System#nanoTime()} by which the answer is due
     * @param budgetField the request field that set the budget, for the 503 message
     * @return the task's result
     * @throws ApiException 503 when the queue is full, the executor stopped or the budget ran out; the
     *     task's own ApiException; 400 for its IllegalArgumentException
     */
    public <T> T call(Task<T> task, long deadline, String budgetField) {
        CancellationToken token = new CancellationToken();
        Future<T> future;
        try {
            future = pool.submit(() -> {
                if (System.nanoTime() - deadline >= 0) {
                    throw new TimeoutException("budget spent in the queue");
                }
                return task.run(token, deadline);
            });
        } catch (RejectedExecutionException e) {
            rejected.incrementAndGet();
            throw new ApiException(503, "server", pool.isShutdown() ? "the service is shutting down"
                    : "the engine is busy (" + pool.getActiveCount() + " tasks running, " + queueCapacity
                            + " queued, the most allowed); retry later");
        }
        try {
            return future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw overBudget(token, future, budgetField);
        } catch (InterruptedException e) {
            token.cancel();
            cancel(future);
            Thread.currentThread().interrupt();
            throw new ApiException(503, "server", "the request was interrupted (client gone or server stopping)");
        } catch (CancellationException e) {
            throw overBudget(token, future, budgetField);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof TimeoutException || cause instanceof SamplingCancelledException) {
                throw overBudget(token, future, budgetField);
            }
            if (cause instanceof ApiException api) {
                throw api;
            }
            if (cause instanceof IllegalArgumentException iae) {
                throw ApiException.badRequest("body", iae.getMessage());
            }
            throw new IllegalStateException("engine task failed: " + cause, cause);
        }
    }

    /**
     * Cancels {@code future} and takes it out of the queue if it has not started: a cancelled task
     * would otherwise hold its queue slot until a worker dequeued it, and under overload the queue
     * would fill with dead tasks while live requests got 503.
     */
    private void cancel(Future<?> future) {
        future.cancel(true);
        if (future instanceof Runnable task) {
            pool.remove(task);
        }
    }

    private ApiException overBudget(CancellationToken token, Future<?> future, String budgetField) {
        token.cancel();
        cancel(future);
        timedOut.incrementAndGet();
        return new ApiException(503, budgetField, "the request did not finish within its time budget; ask for less "
                + "work or a larger " + budgetField);
    }

    /** Tasks running now. */
    public int active() {
        return pool.getActiveCount();
    }

    /** Tasks waiting for a thread now. */
    public int queued() {
        return pool.getQueue().size();
    }

    /** Threads the executor has now. */
    public int threads() {
        return pool.getPoolSize();
    }

    /** Most threads. */
    public int maxThreads() {
        return pool.getMaximumPoolSize();
    }

    /** Tasks refused because the queue was full or the executor stopped. */
    public int rejected() {
        return rejected.get();
    }

    /** Tasks cancelled because their budget ran out. */
    public int timedOut() {
        return timedOut.get();
    }

    /**
     * Stops taking tasks, lets running and queued ones finish for up to {@code grace}, then interrupts
     * the rest.
     *
     * @return whether every task finished within the grace period
     */
    public boolean shutdown(Duration grace) {
        pool.shutdown();
        try {
            if (pool.awaitTermination(grace.toNanos(), TimeUnit.NANOSECONDS)) {
                return true;
            }
            pool.shutdownNow();
            pool.awaitTermination(1, TimeUnit.SECONDS);
            return false;
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Whether every thread has ended after {@link #shutdown}. */
    public boolean isTerminated() {
        return pool.isTerminated();
    }
}
