package org.parax4j.engine.concurrency;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.parax4j.engine.EngineOptions;
import org.parax4j.engine.examples.ReferenceModel;
import org.parax4j.engine.gp.GaussianProcess;
import org.parax4j.engine.gp.GpFit;
import org.parax4j.engine.graph.ModelFunction;
import org.parax4j.engine.internal.concurrent.Crew;
import org.parax4j.engine.kernel.Kernel;
import org.parax4j.engine.kernel.KernelMatrices;
import org.parax4j.engine.kernel.KernelTangents;
import org.parax4j.engine.kernel.KernelWorkspace;
import org.parax4j.engine.linalg.Cholesky;
import org.parax4j.engine.montecarlo.MonteCarlo;
import org.parax4j.engine.random.CounterRandom;
import org.parax4j.engine.random.VectorSampler;
import org.parax4j.engine.stats.Summary;
import org.parax4j.distribution.Normal;

/**
 * Issue 16 acceptance: a kernel matrix, a Monte Carlo run (samples and streaming summary), a
 * vectorised sampler, a Cholesky factor and a GP fit with restarts, each on a caller-supplied
 * executor of 1, 2 and 3 threads, give the same bits as on the calling thread alone, an executor
 * thread takes part, and no thread but the caller and the executor's own ({@code svc-N}) does engine
 * work: {@link Crew#watch} records the thread of every participant of every parallel job (the only
 * way the engine uses a thread besides the caller's; {@link NoHiddenPoolsTest} checks the sources
 * for any other).
 */
class CallerExecutorTest {

    private final List<ExecutorService> pools = new ArrayList<>();

    @AfterEach
    void stop() {
        Crew.watch(null);
        pools.forEach(ExecutorService::shutdownNow);
    }

    /**
     * Options on a fresh fixed pool of {@code threads} threads named {@code svc-<pool>-<n>}, caller + all of
     * them; the pool is added to {@code pools} (the caller shuts them down).
     */
    static EngineOptions service(List<ExecutorService> pools, int threads) {
        AtomicInteger count = new AtomicInteger();
        int id = pools.size();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "svc-" + id + "-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        pools.add(pool);
        return EngineOptions.of(pool, threads + 1);
    }

    /**
     * {@code work} on executors of 1, 2 and 3 threads gives {@code alone}'s bits; only the caller and the
     * executor's own threads do engine work (the caller always); and an executor thread joins at least
     * once. A helper joins only if it starts before the caller is done, so the 3-thread run repeats up to
     * {@code tries} times until one has. Watches {@link Crew} while it runs.
     *
     * @param pools where the executors go (the caller shuts them down)
     */
    static void sameBitsAndAHelperJoins(List<ExecutorService> pools, String what, double[] alone,
            Function<EngineOptions, double[]> work, int tries) {
        Set<Thread> workers = ConcurrentHashMap.newKeySet();
        Thread caller = Thread.currentThread();
        Crew.watch(workers::add);
        try {
            boolean helped = false;
            for (int threads = 1; threads <= 3; threads++) {
                EngineOptions options = service(pools, threads);
                for (int run = 0; run < (threads == 3 ? tries : 1) && (run == 0 || !helped); run++) {
                    workers.clear();
                    assertArrayEquals(alone, work.apply(options), what + " on " + threads + " executor threads");
                    for (Thread t : workers) {
                        boolean own = t.getName().startsWith("svc-" + (pools.size() - 1) + "-");
                        assertTrue(t == caller || own, what + ": engine work on foreign thread " + t.getName());
                        helped |= own;
                    }
                    assertTrue(workers.contains(caller), what + ": the caller works too");
                }
            }
            assertTrue(helped, what + ": no executor thread ever joined");
        } finally {
            Crew.watch(null);
        }
    }

    /**
     * Runs {@code work} alone, then on executors of 1, 2 and 3 threads: the same bits, engine work only on
     * the caller and the executor's threads, and an executor thread joins ({@link #sameBitsAndAHelperJoins}).
     */
    private void sameBitsAndOnlyTheGivenThreads(String what, Function<EngineOptions, double[]> work) {
        sameBitsAndAHelperJoins(pools, what, work.apply(EngineOptions.singleThreaded()), work, 20);
    }

    static double[] points(int n, int d, long seed) {
        double[] x = new double[n * d];
        java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
        for (int i = 0; i < x.length; i++) {
            x[i] = r.nextDouble(-2, 2);
        }
        return x;
    }

    @Test
    void kernelMatricesGiveTheSameBitsOnAnyExecutor() {
        int n = 160; // n·n·(d + 4) above Workspace.SERIAL_WORK: the tiles are spread
        int d = 3;
        double[] x1 = points(n, d, 1);
        double[] x2 = points(n - 7, d, 2);
        Kernel k = Kernel.rbf(0.7).plus(Kernel.matern(Kernel.Nu.THREE_HALVES, 1.3).scaled(0.5));
        sameBitsAndOnlyTheGivenThreads("kernel matrices", options -> {
            KernelWorkspace ws = KernelWorkspace.parallel(options);
            assertEquals(options.isParallel(), ws.isParallel());
            double[] gram = new double[n * n];
            double[] cross = new double[n * (n - 7)];
            KernelMatrices.gram(k, x1, n, d, gram, ws);
            KernelMatrices.matrix(k, x1, n, x2, n - 7, d, cross, ws);
            double[] both = Arrays.copyOf(gram, gram.length + cross.length);
            System.arraycopy(cross, 0, both, gram.length, cross.length);
            return both;
        });
    }

    /**
     * An ARD RBF Gram's value and planes: its two sweeps share one queue, the planes of a row block
     * waiting for the first sweeps of the blocks above it; any executor, the same bits.
     */
    @Test
    void ardGramPlanesGiveTheSameBitsOnAnyExecutor() {
        int n = 120; // above TangentJob.SERIAL_WORK: the row blocks are spread
        int d = 4;
        double[] x = points(n, d, 3);
        Kernel k = Kernel.rbfArd(new double[] {0.7, 1.1, 0.9, 1.4}).scaled(1.3);
        int p = KernelTangents.count(k);
        sameBitsAndOnlyTheGivenThreads("ARD Gram planes", options -> {
            double[] out = new double[(p + 1) * n * n];
            double[] value = new double[n * n];
            KernelTangents.gram(k, KernelTangents.Wrt.LOG, x, n, d, value, out, KernelWorkspace.parallel(options));
            System.arraycopy(value, 0, out, p * n * n, value.length);
            return out;
        });
    }

    @Test
    void monteCarloGivesTheSameBitsOnAnyExecutor() {
        ModelFunction<ReferenceModel> f = ReferenceModel.function(ReferenceModel.create());
        sameBitsAndOnlyTheGivenThreads("Monte Carlo", options -> {
            MonteCarlo<ReferenceModel> mc = MonteCarlo.of(f, 32, options);
            assertEquals(options.parallelism(), mc.threads());
            double[] samples = mc.funcSamples(7, 4000);
            Summary s = mc.summarize(7, 4000, new double[] {0.1, 0.5}, null, null);
            double[] both = Arrays.copyOf(samples, samples.length + 3 * s.mean().length);
            System.arraycopy(s.mean(), 0, both, samples.length, s.mean().length);
            System.arraycopy(s.variance(), 0, both, samples.length + s.mean().length, s.mean().length);
            System.arraycopy(s.percentiles()[1], 0, both, samples.length + 2 * s.mean().length, s.mean().length);
            return both;
        });
    }

    @Test
    void samplersCholeskyAndGaussianProcessRestartsGiveTheSameBitsOnAnyExecutor() {
        VectorSampler normal = VectorSampler.of(new Normal(1.5, 2.0));
        sameBitsAndOnlyTheGivenThreads("vectorised sampler", options -> {
            double[] out = new double[70_000];
            normal.sample(CounterRandom.of(3), 10, out, 0, out.length, options);
            return out;
        });
        int n = 400; // the first panel's 328 rows below are split (from 256 rows on)
        double[] x = points(n, 2, 5);
        double[] a = new double[n * n];
        KernelMatrices.gram(Kernel.rbf(1.0), x, n, 2, a, KernelWorkspace.singleThreaded());
        for (int i = 0; i < n; i++) {
            a[i * n + i] += 1e-3;
        }
        sameBitsAndOnlyTheGivenThreads("Cholesky", options -> {
            double[] l = a.clone();
            assertEquals(-1, Cholesky.factor(l, n, new double[Cholesky.panelLength(n)], options));
            return l;
        });
        double[] xs = points(16, 1, 9);
        double[] ys = new double[16];
        for (int i = 0; i < ys.length; i++) {
            ys[i] = Math.sin(2 * xs[i]);
        }
        GaussianProcess gp = GaussianProcess.of(Kernel.rbf(1.0).scaled(1.0)).withAlpha(1e-4);
        sameBitsAndOnlyTheGivenThreads("GP restarts", options -> {
            GpFit fit = gp.fit(xs, 16, 1, ys, 2, 17, options);
            double[] out = Arrays.copyOf(fit.process().logTheta(), fit.process().logTheta().length + 1);
            out[out.length - 1] = fit.logMarginalLikelihood();
            return out;
        });
    }
}
