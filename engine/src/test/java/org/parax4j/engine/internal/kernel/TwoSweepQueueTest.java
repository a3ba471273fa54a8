package org.parax4j.engine.internal.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.parax4j.engine.EngineOptions;
import org.parax4j.engine.internal.vector.VectorSupport;
import org.parax4j.engine.internal.vector.VectorizationProvider;
import org.parax4j.engine.kernel.Kernel;
import org.parax4j.engine.kernel.KernelTangents;
import org.parax4j.engine.kernel.LengthScales;

/**
 * {@code K(X, X)} with planes runs {@link TangentJob}'s two-sweep queue, which deals its blocks to
 * participants, who take their own first and the rest after. For the ARD RBF Gram (values, then planes
 * from them), the rational quadratic's one-pass sweep and the tile program (periodic, Matérn, sums,
 * products), at an even and an odd size: the value and the planes are the one-thread bits whether
 * every helper joins (two, three and four participants), none can (an executor that rejects them), or
 * they start only after the caller has finished (an executor that runs them late); nothing hangs; the
 * planes without a value output are the same; and the mirrored Gram equals the cross matrix
 * {@code K(X, X')} with {@code X' = X}, which mirrors nothing.
 */
class TwoSweepQueueTest {

    private static final int D = 5;
    private static final ExecutorService POOL = Executors.newFixedThreadPool(3);
    private static final ExecutorService LATE_THREAD = Executors.newSingleThreadExecutor();

    @AfterAll
    static void stopThreads() {
        POOL.shutdownNow();
        LATE_THREAD.shutdownNow();
    }

    static Stream<Arguments> kernels() {
        double[] ard = {0.7, 1.1, 0.9, 1.4, 0.8};
        Kernel[] kernels = {Kernel.rbfArd(ard).scaled(1.3), new Kernel.RationalQuadratic(1.1, 0.7).scaled(1.5),
            new Kernel.Periodic(0.9, 1.7), new Kernel.Matern(Kernel.Nu.THREE_HALVES, LengthScales.ard(ard)),
            Kernel.rbf(2.0).times(new Kernel.Periodic(1.0, 2.5)).scaled(1.5),
            Kernel.rbf(0.7).plus(new Kernel.WhiteNoise(0.1))};
        return Stream.of(kernels).flatMap(k -> Stream.of(Arguments.of(k, 150), Arguments.of(k, 151)));
    }

    @ParameterizedTest(name = "{0}, n = {1}")
    @MethodSource("kernels")
    void everyWayTheHelpersJoinGivesTheOneThreadBits(Kernel k, int n) {
        double[] x = new SplittableRandom(9).doubles((long) n * D, -2, 2).toArray();
        KernelPlan plan = KernelCompiler.compile(k, D);
        VectorSupport support = VectorizationProvider.support();
        int planes = KernelTangents.count(k) * n * n;
        double[] value = new double[n * n];
        double[] tangents = new double[planes];
        TangentJob one = new TangentJob(EngineOptions.singleThreaded());
        one.planes(support, plan, true, x, n, null, n, value, tangents);
        double[] crossValue = new double[n * n];
        double[] cross = new double[planes];
        one.planes(support, plan, true, x, n, x.clone(), n, crossValue, cross);
        assertArrayEquals(crossValue, value, "the mirrored value against the cross matrix");
        assertArrayEquals(cross, tangents, "the mirrored planes against the cross matrix's");
        Executor rejecting = task -> {
            throw new RejectedExecutionException("no helpers");
        };
        Executor late = task -> LATE_THREAD.execute(() -> {
            try {
                Thread.sleep(20); // the caller has done every block by then
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            task.run();
        });
        Object[][] cases = {{"pool", POOL, 2}, {"pool", POOL, 3}, {"pool", POOL, 4}, {"rejecting", rejecting, 2},
            {"late", late, 2}};
        for (Object[] c : cases) {
            TangentJob job = new TangentJob(EngineOptions.of((Executor) c[1], (Integer) c[2]));
            for (int repeat = 0; repeat < 3; repeat++) {
                double[] v = new double[n * n];
                double[] t = new double[planes];
                double[] alone = new double[planes];
                assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
                    job.planes(support, plan, true, x, n, null, n, v, t);
                    job.planes(support, plan, true, x, n, null, n, null, alone);
                });
                String name = c[0] + ", parallelism " + c[2] + ", call " + repeat;
                assertArrayEquals(value, v, name + ": value");
                assertArrayEquals(tangents, t, name + ": planes");
                assertArrayEquals(tangents, alone, name + ": planes without the value");
            }
        }
    }
}
