package org.parax4j.engine.concurrency;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.parax4j.engine.compile.CompiledModel;
import org.parax4j.engine.examples.ReferenceModel;
import org.parax4j.engine.graph.ModelFunction;
import org.parax4j.engine.graph.Workspace;
import org.parax4j.engine.graph.Wrt;
import org.parax4j.engine.kernel.Kernel;
import org.parax4j.engine.kernel.KernelMatrices;
import org.parax4j.engine.kernel.KernelWorkspace;
import org.parax4j.engine.kernel.ModuleKernels;
import org.parax4j.engine.montecarlo.MonteCarlo;
import org.parax4j.engine.stats.Summary;
import org.parax4j.kernel.MaternKernel;
import org.parax4j.kernel.RBFKernel;

/**
 * Issue 15, concurrency net: {@value #THREADS} threads share one {@link ModelFunction}, one
 * {@link MonteCarlo}, one compiled {@link Kernel} and one {@link CompiledModel}, each thread with
 * its own workspaces, and every result is bit-identical to the same call on one thread; then the
 * threads share one workspace and every call either gives the single-thread bits or throws
 * {@link IllegalStateException}, within a time limit (never a hang).
 */
class ConcurrencyStressTest {

    private static final int THREADS = 6;
    private static final int TASKS = 6;
    private static final int ROUNDS = 1;
    private static final long SEED = 20261205L;
    private static final Duration LIMIT = Duration.ofSeconds(60);

    private final ReferenceModel model = ReferenceModel.create();
    private final ModelFunction<ReferenceModel> function = ReferenceModel.function(model);
    private final MonteCarlo<ReferenceModel> monteCarlo = MonteCarlo.of(function, 16, 2);
    private final CompiledModel<ReferenceModel> compiled = CompiledModel.compile(model);
    private final Kernel kernel = ModuleKernels.of(new RBFKernel(0.3).plus(new MaternKernel(0.7,
            MaternKernel.Smoothness.FIVE_HALVES))).times(new Kernel.RationalQuadratic(0.9, 1.5)
            .plus(new Kernel.Periodic(0.8, 1.3)));

    /** Task {@code t}'s flat vector: the nominal one moved by a task-dependent amount. */
    private double[] flat(int t) {
        double[] flat = function.flatValues();
        for (int k = 0; k < flat.length; k++) {
            flat[k] += 0.003 * (t + 1) * (k % 3 - 1);
        }
        return flat;
    }

    /** The results of task {@code t}, using the given workspaces. */
    private List<double[]> run(int t, Workspace ws, KernelWorkspace kws) {
        List<double[]> results = new ArrayList<>();
        double[] flat = flat(t);
        double[] y = new double[function.outputSize()];
        function.evaluate(flat, ws, y);
        results.add(y);
        double[] jac = new double[function.numFree() * function.outputSize()];
        function.jacobian(flat, t % 2 == 0 ? Wrt.LATENT : Wrt.PHYSICAL, ws, null, jac);
        results.add(jac);
        double[] samples = new double[40 * function.outputSize()];
        monteCarlo.funcSamples(SEED, 40L * t, 40, samples, 0);
        results.add(samples);
        if (t % 3 == 0) {
            Summary s = monteCarlo.summarize(SEED + t, 200, new double[] {0.1, 0.9}, null, null);
            results.add(s.mean());
            results.add(s.percentiles()[1]);
        }
        int n = 20 + 9 * t;
        double[] x = SharedWorkspaceTest.points(n, 2, t);
        double[] gram = new double[n * n];
        KernelMatrices.gram(kernel, x, n, 2, gram, kws);
        results.add(gram);
        CompiledModel<ReferenceModel> moved = compiled.withFlatValues(flat);
        double[] physical = new double[moved.layout().size()];
        moved.physicalInto(physical);
        results.add(physical);
        results.add(moved.toModule().flatParamValues());
        return results;
    }

    private List<List<double[]>> singleThreaded() {
        Workspace ws = function.newWorkspace();
        KernelWorkspace kws = KernelWorkspace.singleThreaded();
        List<List<double[]>> want = new ArrayList<>();
        for (int t = 0; t < TASKS; t++) {
            want.add(run(t, ws, kws));
        }
        return want;
    }

    private static void assertSame(List<double[]> want, List<double[]> got, String where) {
        assertEquals(want.size(), got.size(), where);
        for (int r = 0; r < want.size(); r++) {
            assertArrayEquals(want.get(r), got.get(r), where + ", result " + r);
        }
    }

    @Test
    void sharedObjectsWithOwnWorkspacesGiveTheSingleThreadBits() {
        List<List<double[]>> want = singleThreaded();
        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        assertTimeoutPreemptively(LIMIT, () -> {
            CountDownLatch start = new CountDownLatch(1);
            List<Thread> threads = new ArrayList<>();
            for (int w = 0; w < THREADS; w++) {
                int id = w;
                Thread thread = new Thread(() -> {
                    Workspace ws = function.newWorkspace();
                    KernelWorkspace kws = id % 2 == 0 ? KernelWorkspace.parallel() : KernelWorkspace.singleThreaded();
                    try {
                        start.await();
                        for (int round = 0; round < ROUNDS; round++) {
                            for (int i = 0; i < TASKS; i++) {
                                int t = (i + id + round) % TASKS;
                                assertSame(want.get(t), run(t, ws, kws), "thread " + id + ", task " + t);
                            }
                        }
                    } catch (Throwable e) {
                        failures.add(e);
                    }
                }, "stress-" + w);
                thread.setDaemon(true);
                threads.add(thread);
                thread.start();
            }
            start.countDown();
            for (Thread thread : threads) {
                thread.join();
            }
        }, "threads with their own workspaces must finish");
        assertTrue(failures.isEmpty(), () -> failures.size() + " failures, first: " + failures.getFirst());
    }

    @Test
    void aWorkspaceSharedByManyThreadsGivesTheRightBitsOrIllegalState() {
        List<List<double[]>> want = singleThreaded();
        Workspace ws = function.newWorkspace();
        KernelWorkspace kws = KernelWorkspace.parallel();
        String[] names = new String[THREADS];
        Runnable[] calls = new Runnable[THREADS];
        for (int w = 0; w < THREADS; w++) {
            names[w] = "shared-" + w;
            int t = w % TASKS;
            calls[w] = () -> assertSame(want.get(t), run(t, ws, kws), "task " + t);
        }
        Race.Outcome outcome = assertTimeoutPreemptively(LIMIT, () -> Race.run(3000, names, calls),
                "a shared workspace must fail fast, never hang");
        assertEquals(List.of(), outcome.hung(), "threads still running: a hang");
        assertTrue(outcome.failures().isEmpty(), () -> "failures " + outcome.failures());
        assertTrue(!outcome.busy().isEmpty(), "concurrent use detected");
        for (IllegalStateException e : outcome.busy()) {
            assertTrue(e.getMessage().matches("(?s)(Kernel)?Workspace@\\p{XDigit}+ is already in use by thread "
                    + "'shared-\\d' ; thread 'shared-\\d' tried.*".replace(" ;", ";")), e.getMessage());
        }
    }
}
