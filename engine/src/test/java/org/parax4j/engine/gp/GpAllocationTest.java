package org.parax4j.engine.gp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.management.ThreadMXBean;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.parax4j.engine.kernel.Kernel;

/**
 * A repeated log marginal likelihood + gradient with a reused {@link GpWorkspace}, and a repeated
 * prediction with a reused {@link GpPosterior.Workspace}, allocate nothing once the JIT has compiled
 * them (warm-up rounds repeat until it has, at most 20 times). Own JVM (tag {@code own-jvm}), like
 * the other allocation tests: in the shared test JVM other tests leave call sites polymorphic.
 */
@Tag("own-jvm")
class GpAllocationTest {

    private static final int N = 300;
    private static final int D = 3;

    private interface Call {
        void run();
    }

    /**
     * Bytes per call once the JIT has compiled the path: until C2 has compiled the Vector API loops,
     * C1 code allocates vector objects, and on a busy 2-core machine that compilation can take
     * longer than a fixed number of calls (a clean-clone CI run once saw 12 kB per LML call and
     * 1.4 MB per prediction that way). So attempts continue for up to 30 s of wall time; an
     * allocation in the code itself persists through all of them and fails the test.
     */
    private static long steadyBytes(Call call) {
        ThreadMXBean mx = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().threadId();
        long perCall = Long.MAX_VALUE;
        long deadline = System.nanoTime() + 30_000_000_000L;
        for (int attempt = 0; perCall > 0 && (attempt < 20 || System.nanoTime() < deadline); attempt++) {
            for (int warm = 0; warm < 20; warm++) {
                call.run();
            }
            long before = mx.getThreadAllocatedBytes(thread);
            for (int i = 0; i < 5; i++) {
                call.run();
            }
            perCall = (mx.getThreadAllocatedBytes(thread) - before) / 5;
        }
        return perCall;
    }

    private static GaussianProcess process() {
        return GaussianProcess.of(Kernel.rbfArd(1.0, 0.7, 1.3).scaled(2.0).plus(new Kernel.WhiteNoise(0.1)))
                .withNormalizeY(true);
    }

    @Test
    void repeatedLikelihoodAndGradientWithAWorkspaceAllocateNothing() {
        double[] x = GpReference.inputs(N, D, 0.3);
        double[] y = GpReference.targets(x, N, D);
        GaussianProcess gp = process();
        GpWorkspace ws = gp.newWorkspace(x, N, D, y, false);
        double[] theta = gp.logTheta();
        double[] gradient = new double[ws.hyperparameterCount()];
        double[] value = new double[1];
        long bytes = steadyBytes(() -> value[0] = ws.logMarginalLikelihood(theta, gradient));
        System.out.println("LML + gradient, n = " + N + ", reused workspace: " + bytes + " bytes per call");
        assertEquals(0, bytes, "bytes per LML + gradient");
        LogMarginalLikelihood fresh = gp.logMarginalLikelihood(x, N, D, y);
        assertEquals(fresh.value(), value[0], 0.0, "the workspace computes the same bits");
        assertArrayEquals(fresh.gradient(), gradient, 0.0);
    }

    @Test
    void repeatedPredictionWithAWorkspaceAllocatesNothing() {
        double[] x = GpReference.inputs(N, D, 0.3);
        double[] y = GpReference.targets(x, N, D);
        GpPosterior posterior = process().condition(x, N, D, y);
        int m = 500;
        double[] xs = GpReference.inputs(m, D, 1.1);
        double[] mean = new double[m];
        double[] std = new double[m];
        GpPosterior.Workspace ws = posterior.newWorkspace();
        long bytes = steadyBytes(() -> posterior.predict(xs, m, mean, std, ws));
        System.out.println("predict mean + std, n = " + N + ", m = " + m + ", reused workspace: " + bytes
                + " bytes per call");
        assertEquals(0, bytes, "bytes per prediction");
        GpPosterior.Prediction fresh = posterior.predict(xs, m);
        assertArrayEquals(fresh.mean(), mean, 0.0);
        assertArrayEquals(fresh.std(), std, 0.0);
        assertTrue(std[0] > 0);
    }
}
