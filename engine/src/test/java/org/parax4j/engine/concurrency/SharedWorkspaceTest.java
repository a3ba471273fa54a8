package org.parax4j.engine.concurrency;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.parax4j.engine.examples.ReferenceModel;
import org.parax4j.engine.graph.ModelFunction;
import org.parax4j.engine.graph.Workspace;
import org.parax4j.engine.graph.Wrt;
import org.parax4j.engine.kernel.Kernel;
import org.parax4j.engine.kernel.KernelMatrices;
import org.parax4j.engine.kernel.KernelWorkspace;

/**
 * Issue 15, bug 1: a workspace used by two threads at once. Before the in-use guard, two threads
 * on one {@link KernelWorkspace#parallel()} froze in {@code ForkJoinTask.join}, and shared serial
 * kernel workspaces and graph {@link Workspace}s gave wrong results or index errors. Now the
 * second call throws {@link IllegalStateException} naming the workspace and both threads, calls
 * that succeed give exactly the single-thread result, and nothing ever hangs.
 */
class SharedWorkspaceTest {

    private static final long RACE_MILLIS = 3000;
    private static final Duration LIMIT = Duration.ofSeconds(20);
    private static final String[] NAMES = {"racer-A", "racer-B"};

    static double[] points(int n, int d, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] x = new double[n * d];
        for (int k = 0; k < x.length; k++) {
            x[k] = rng.nextDouble(-1, 1);
        }
        return x;
    }

    /** The reported race of bug 1: gram(rbf(0.4), 300 points) against gram(rbf(0.1), 257 points). */
    private static void kernelRace(KernelWorkspace ws) {
        double[] xa = points(300, 3, 1);
        double[] xb = points(257, 3, 2);
        Kernel ka = Kernel.rbf(0.4);
        Kernel kb = Kernel.rbf(0.1);
        double[] wantA = KernelMatrices.gram(ka, xa, 300, 3);
        double[] wantB = KernelMatrices.gram(kb, xb, 257, 3);
        double[] outA = new double[300 * 300];
        double[] outB = new double[257 * 257];
        expectBusy("KernelWorkspace@", () -> {
            KernelMatrices.gram(ka, xa, 300, 3, outA, ws);
            assertArrayEquals(wantA, outA, "thread A's result");
        }, () -> {
            KernelMatrices.gram(kb, xb, 257, 3, outB, ws);
            assertArrayEquals(wantB, outB, "thread B's result");
        });
        KernelMatrices.gram(ka, xa, 300, 3, outA, ws);
        assertArrayEquals(wantA, outA, "the workspace works again after the race");
    }

    @Test
    void parallelKernelWorkspaceSharedByTwoThreadsThrowsAndNeverHangs() {
        kernelRace(KernelWorkspace.parallel());
    }

    @Test
    void serialKernelWorkspaceSharedByTwoThreadsThrows() {
        kernelRace(KernelWorkspace.singleThreaded());
    }

    @Test
    void float32KernelWorkspaceSharedWithTheDoublePathThrows() {
        KernelWorkspace ws = KernelWorkspace.parallel();
        float[] xf = new float[200 * 2];
        double[] xd = points(200, 2, 3);
        for (int k = 0; k < xf.length; k++) {
            xf[k] = (float) xd[k];
        }
        Kernel.Rbf rbf = Kernel.rbf(0.3);
        float[] wantF = new float[200 * 200];
        KernelMatrices.gram(rbf, xf, 200, 2, wantF, KernelWorkspace.singleThreaded());
        double[] wantD = new double[200];
        KernelMatrices.diagonal(Kernel.matern(Kernel.Nu.HALF, 2).plus(rbf), xd, 200, 2, wantD,
                KernelWorkspace.singleThreaded());
        float[] outF = new float[200 * 200];
        double[] outD = new double[200];
        Kernel sum = Kernel.matern(Kernel.Nu.HALF, 2).plus(rbf);
        expectBusy("KernelWorkspace@", () -> {
            KernelMatrices.gram(rbf, xf, 200, 2, outF, ws);
            assertArrayEquals(wantF, outF, "float gram");
        }, () -> {
            KernelMatrices.diagonal(sum, xd, 200, 2, outD, ws);
            assertArrayEquals(wantD, outD, "diagonal");
        });
    }

    @Test
    void graphWorkspaceSharedByTwoThreadsThrows() {
        ModelFunction<ReferenceModel> f = ReferenceModel.function(ReferenceModel.create());
        double[] flatA = f.flatValues();
        double[] flatB = flatA.clone();
        for (int k = 0; k < flatB.length; k++) {
            flatB[k] += 0.01 * (k + 1);
        }
        Workspace own = f.newWorkspace();
        double[] wantA = new double[f.outputSize()];
        f.evaluate(flatA, own, wantA);
        double[] wantJ = new double[f.numFree() * f.outputSize()];
        f.jacobian(flatB, Wrt.LATENT, own, null, wantJ);
        Workspace ws = f.newWorkspace();
        double[] outA = new double[f.outputSize()];
        double[] outJ = new double[wantJ.length];
        expectBusy("Workspace@", () -> {
            f.evaluate(flatA, ws, outA);
            assertArrayEquals(wantA, outA, "evaluate");
        }, () -> {
            f.jacobian(flatB, Wrt.LATENT, ws, null, outJ);
            assertArrayEquals(wantJ, outJ, "jacobian");
        });
        f.evaluate(flatA, ws, outA);
        assertArrayEquals(wantA, outA, "the workspace works again after the race");
    }

    /**
     * Races the two calls on threads {@code racer-A} and {@code racer-B} and expects, within
     * {@link #LIMIT}, an {@link IllegalStateException} that names the workspace and both threads,
     * no other failure (a wrong result is one) and no thread left running.
     */
    private static void expectBusy(String workspace, Runnable a, Runnable b) {
        Race.Outcome outcome = assertTimeoutPreemptively(LIMIT, () -> Race.run(RACE_MILLIS, NAMES, a, b),
                "a shared workspace must fail fast, never hang");
        Supplier<String> report = () -> outcome.calls() + " calls, failures " + outcome.failures() + ", hung "
                + outcome.hung();
        assertEquals(java.util.List.of(), outcome.hung(), "threads still running: a hang");
        assertTrue(outcome.failures().isEmpty(), report);
        assertFalse(outcome.busy().isEmpty(), () -> "no concurrent use detected in " + report.get());
        String message = outcome.busy().getFirst().getMessage();
        assertTrue(message.contains(workspace), message);
        assertTrue(message.contains("'racer-A'") && message.contains("'racer-B'"), message);
    }
}
