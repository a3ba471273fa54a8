package org.parax4j.engine;

import org.jspecify.annotations.Nullable;

import java.util.concurrent.Executor;
import org.parax4j.engine.internal.concurrent.EnginePool;

/**
 * Where the engine may run work besides the calling thread: an {@link Executor} and a parallelism
 * cap. Kernel matrices ({@link org.parax4j.engine.kernel.KernelWorkspace#parallel(EngineOptions)}),
 * Monte Carlo ({@link org.parax4j.engine.montecarlo.MonteCarlo#of(org.parax4j.engine.graph.ModelFunction,
 * int, EngineOptions)}), the vectorised samplers, NUTS chains, Gaussian-process restarts, Cholesky
 * updates and multi-start fits take these options; the forms without them use {@link #defaults()}.
 * The engine starts no thread and uses no pool besides the executor given here (in particular not
 * the fork/join common pool), so a service that passes its own executor, or sets it as the
 * {@linkplain #setDefault process default}, controls every thread that does engine work.
 *
 * <p><b>How the executor is used.</b> A call runs on its calling thread and hands at most
 * {@code parallelism − 1} helper tasks to the executor; a helper that starts after the caller has
 * finished the work returns at once, and the caller waits only for helpers that are running. So a
 * bounded, saturated or single-threaded executor, or a call made from one of the executor's own
 * threads, cannot deadlock; a helper the executor rejects is simply not used. Work is cut into pieces
 * that depend only on the problem's sizes and each piece is computed by the same instructions on any
 * thread, so <b>results are the same bits for any executor and any parallelism</b>.
 *
 * <pre>{@code
 * ExecutorService engineThreads = Executors.newFixedThreadPool(4, myThreadFactory);
 * EngineOptions options = EngineOptions.of(engineThreads, 4);       // caller + up to 3 helpers
 * KernelWorkspace ws = KernelWorkspace.parallel(options);
 * MonteCarlo<Root> mc = MonteCarlo.of(function, MonteCarlo.DEFAULT_BATCH, options);
 * EngineOptions.setDefault(options);                                 // every other entry point too
 * }</pre>
 *
 * <p>Immutable and thread-safe (the process default is a volatile reference).
 */
public final class EngineOptions {

    private static final EngineOptions ENGINE_POOL =
            new EngineOptions(EnginePool.EXECUTOR, Runtime.getRuntime().availableProcessors());

    private static final EngineOptions SINGLE_THREADED = new EngineOptions(null, 1);

    private static volatile EngineOptions processDefault = ENGINE_POOL;

    private final @Nullable Executor executor;
    private final int parallelism;

    private EngineOptions(@Nullable Executor executor, int parallelism) {
        this.executor = executor;
        this.parallelism = parallelism;
    }

    /**
     * The process default: unless {@link #setDefault} replaced it, the engine's own pool (daemon
     * threads {@code parax4j-worker-N}, one per available processor, started on first use) with
     * parallelism {@link Runtime#availableProcessors()}. Allocates nothing.
     *
     * @return the options entry points without an options argument use
     */
    public static EngineOptions defaults() {
        return processDefault;
    }

    /**
     * Replaces the process default for everything created or called afterwards (workspaces and
     * runners already built keep their options). For a service: call once at start-up with its own
     * executor, so no engine work runs on a thread it does not own.
     *
     * @param options the new default
     * @throws IllegalArgumentException when {@code options} is null
     */
    public static void setDefault(EngineOptions options) {
        if (options == null) {
            throw new IllegalArgumentException("options must not be null (EngineOptions.engineDefault() restores the engine's own pool)");
        }
        processDefault = options;
    }

    /**
     * The engine's own pool with parallelism {@link Runtime#availableProcessors()}: the initial
     * {@link #defaults()}, to restore it after {@link #setDefault}.
     *
     * @return the engine pool options (shared instance)
     */
    public static EngineOptions engineDefault() {
        return ENGINE_POOL;
    }

    /**
     * Options running on {@code executor} with at most {@code parallelism} threads per call, the
     * calling thread included (so {@code parallelism − 1} helper tasks at most).
     *
     * @param executor runs the helper tasks; not shut down by the engine
     * @param parallelism the most threads one call uses, {@code ≥ 1}
     * @return the options (allocates them)
     * @throws IllegalArgumentException when {@code executor} is null or {@code parallelism < 1}
     */
    public static EngineOptions of(Executor executor, int parallelism) {
        if (executor == null) {
            throw new IllegalArgumentException("executor must not be null (EngineOptions.singleThreaded() uses none)");
        }
        checkParallelism(parallelism);
        return new EngineOptions(executor, parallelism);
    }

    /**
     * The executor of {@link #defaults()} with another parallelism: what the entry points that take
     * a thread count use. With {@code threads == 1}, {@link #singleThreaded()}; when the default is
     * single-threaded and {@code threads > 1}, the engine's own pool.
     *
     * @param threads the most threads one call uses, the calling thread included, {@code ≥ 1}
     * @return the options (allocates them unless {@code threads == 1})
     * @throws IllegalArgumentException when {@code threads < 1}
     */
    public static EngineOptions ofParallelism(int threads) {
        checkParallelism(threads);
        if (threads == 1) {
            return singleThreaded();
        }
        Executor e = processDefault.executor;
        return new EngineOptions(e == null ? EnginePool.EXECUTOR : e, threads);
    }

    /**
     * Options that keep all work on the calling thread: no executor is ever used.
     *
     * @return the options (a shared instance; allocates nothing)
     */
    public static EngineOptions singleThreaded() {
        return SINGLE_THREADED;
    }

    /**
     * What the engine's {@code boolean parallel} overloads mean: {@link #defaults()} when
     * {@code parallel}, else {@link #singleThreaded()}.
     *
     * @return one of those two (allocates nothing)
     */
    public static EngineOptions defaultsIf(boolean parallel) {
        return parallel ? defaults() : SINGLE_THREADED;
    }

    /**
     * A copy running helpers on {@code other}, with the same parallelism (at least 2 when these
     * options were single-threaded, use {@link #withParallelism} to choose).
     *
     * @param other the executor; not shut down by the engine
     * @return the copy (allocates it)
     * @throws IllegalArgumentException when {@code other} is null
     */
    public EngineOptions withExecutor(Executor other) {
        return of(other, executor == null ? Math.max(2, parallelism) : parallelism);
    }

    /**
     * A copy with another cap on the threads one call uses, the calling thread included.
     *
     * @param threads {@code ≥ 1}; 1 keeps all work on the calling thread
     * @return the copy (allocates it)
     * @throws IllegalArgumentException when {@code threads < 1}, or when {@code threads > 1} and
     *     these options have no executor
     */
    public EngineOptions withParallelism(int threads) {
        checkParallelism(threads);
        if (threads > 1 && executor == null) {
            throw new IllegalArgumentException("parallelism " + threads + " needs an executor: these options are "
                    + "single-threaded; use withExecutor(executor) first");
        }
        return new EngineOptions(executor, threads);
    }

    private static void checkParallelism(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("parallelism must be >= 1, got " + threads);
        }
    }

    /**
     * The executor helper tasks go to.
     *
     * @return the executor, or {@code null} for {@link #singleThreaded()} options
     */
    public @Nullable Executor executor() {
        return executor;
    }

    /**
     * The most threads one call uses, the calling thread included.
     *
     * @return {@code ≥ 1}
     */
    public int parallelism() {
        return parallelism;
    }

    /**
     * Whether a call may use helper threads.
     *
     * @return {@code parallelism() > 1}
     */
    public boolean isParallel() {
        return parallelism > 1;
    }

    @Override
    public String toString() {
        return executor == null ? "EngineOptions[single-threaded]"
                : "EngineOptions[" + (executor == EnginePool.EXECUTOR ? "engine pool" : executor.toString())
                        + ", parallelism " + parallelism + "]";
    }
}
