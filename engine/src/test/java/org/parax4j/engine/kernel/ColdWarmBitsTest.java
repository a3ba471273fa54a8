package org.parax4j.engine.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.parax4j.engine.examples.ReferenceModel;
import org.parax4j.engine.graph.ModelFunction;
import org.parax4j.engine.graph.Wrt;
import org.parax4j.engine.internal.vector.ScalarVectorSupport;
import org.parax4j.engine.internal.vector.VectorSupport;
import org.parax4j.engine.internal.vector.VectorizationProvider;
import org.parax4j.engine.montecarlo.MonteCarlo;

/**
 * "Same bits in every JIT tier": kernel matrices (every kernel, the scalar twin and the Vector API
 * at every width) and recorded functions (values, Jacobian and batched samples of the reference
 * model) computed by the first calls in a fresh JVM, while the code runs interpreted, equal the
 * results after thousands of calls, once C1 and C2 have compiled the callers. (The Vector API's own
 * transcendental lanes would fail this: compiled, they call SVML; interpreted, {@link Math}.)
 *
 * <p>Tagged {@code own-jvm}: the engine's build runs each such class in a JVM of its own, so no
 * other test has compiled these paths before the cold calls. Every cold result is taken before any
 * warm-up, since warming one width compiles the code that the others share.
 */
@Tag("own-jvm")
class ColdWarmBitsTest {

    /** Warm-up calls per computation: several times C2's default invocation threshold (10 000 with back edges). */
    private static final int WARM_CALLS = 2000;

    private record Matrices(String name, VectorSupport support, Kernel kernel, double[] out) {}

    private static final int N = 9;
    private static final int M = 7;
    private static final int D = 3;

    @Test
    void kernelMatricesAndRecordedFunctionsKeepTheirBitsOnceCompiled() {
        long compileStart = compileMillis();
        SplittableRandom random = new SplittableRandom(7);
        double[] x1 = KernelFixtures.points(random, N, D);
        double[] x2 = KernelFixtures.sharing(x1, N, KernelFixtures.points(random, M, D), M, D);
        List<VectorSupport> supports = new ArrayList<>();
        supports.add(new ScalarVectorSupport());
        for (int bits = 128; bits <= VectorizationProvider.preferredBits(); bits *= 2) {
            supports.add(VectorizationProvider.panama(bits));
        }
        KernelWorkspace workspace = KernelWorkspace.singleThreaded();

        // Cold: the first call of everything.
        List<Matrices> cold = new ArrayList<>();
        for (VectorSupport support : supports) {
            for (KernelFixtures.Named named : KernelFixtures.all(D)) {
                cold.add(new Matrices(named + " with " + support, support, named.kernel(),
                        matrices(support, named.kernel(), x1, x2, workspace)));
            }
        }
        ModelFunction<ReferenceModel> f = ReferenceModel.function(ReferenceModel.create());
        double[] coldValue = f.evaluate();
        Map<String, double[]> coldJacobian = f.funcJacobian();
        double[] coldSamples = MonteCarlo.of(f, 16, 1).funcSamples(11, 48);

        // Warm: the same calls, many times over.
        for (int call = 0; call < WARM_CALLS; call++) {
            Matrices c = cold.get(call % cold.size());
            matrices(c.support(), c.kernel(), x1, x2, workspace);
        }
        for (Matrices c : cold) {
            for (int call = 0; call < 2; call++) {
                assertArrayEquals(c.out(), matrices(c.support(), c.kernel(), x1, x2, workspace), c.name());
            }
        }
        MonteCarlo<ReferenceModel> mc = MonteCarlo.of(f, 16, 1);
        for (int call = 0; call < 60; call++) {
            f.evaluate();
            f.funcJacobian();
            mc.funcSamples(11, 48);
        }
        assertArrayEquals(coldValue, f.evaluate(), "values");
        Map<String, double[]> warmJacobian = f.funcJacobian();
        for (Map.Entry<String, double[]> e : coldJacobian.entrySet()) {
            assertArrayEquals(e.getValue(), warmJacobian.get(e.getKey()), "Jacobian " + e.getKey());
        }
        assertArrayEquals(coldSamples, mc.funcSamples(11, 48), "batched samples");
        assertTrue(compileMillis() > compileStart || compileMillis() < 0, "the JIT compiled something meanwhile");
    }

    /** The cross matrix, the Gram matrix and the diagonal of {@code kernel}, concatenated. */
    private static double[] matrices(VectorSupport support, Kernel kernel, double[] x1, double[] x2,
            KernelWorkspace workspace) {
        double[] out = new double[N * M + N * N + N];
        double[] cross = new double[N * M];
        double[] gram = new double[N * N];
        KernelMatrices.matrix(support, kernel, x1, N, x2, M, D, cross, workspace);
        KernelMatrices.gram(support, kernel, x1, N, D, gram, workspace);
        double[] diagonal = KernelMatrices.diagonal(kernel, x1, N, D);
        System.arraycopy(cross, 0, out, 0, cross.length);
        System.arraycopy(gram, 0, out, cross.length, gram.length);
        System.arraycopy(diagonal, 0, out, cross.length + gram.length, diagonal.length);
        return out;
    }

    /** Milliseconds the JIT has spent compiling so far, or −1 when this JVM does not say. */
    private static long compileMillis() {
        var bean = ManagementFactory.getCompilationMXBean();
        return bean != null && bean.isCompilationTimeMonitoringSupported() ? bean.getTotalCompilationTime() : -1;
    }
}
