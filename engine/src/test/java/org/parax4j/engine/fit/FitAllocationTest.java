package org.parax4j.engine.fit;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.management.ThreadMXBean;
import java.lang.management.ManagementFactory;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.parax4j.engine.examples.ReferenceModel;
import org.parax4j.module.Select;

/**
 * A repeated least-squares optimisation with a reused workspace allocates only its result, once the
 * JIT has compiled it (the warm-up rounds repeat until it has, at most 20 times). Runs in a JVM of
 * its own (tag {@code own-jvm}): in the shared test JVM other tests leave the graph executors' and
 * vector kernels' call sites polymorphic and C2 then boxes values (about 200 KB per optimisation was
 * seen there), which says nothing about an application's steady state.
 */
@Tag("own-jvm")
class FitAllocationTest {

    @Test
    void levenbergMarquardtWithAReusedWorkspaceAllocatesOnlyItsResult() {
        ReferenceModel truth = ReferenceModel.create();
        double[] y = ReferenceModel.function(truth).evaluate();
        ReferenceModel start = truth.withFreeParamsOnly(Select.names("resonator_gain", "resonator_f0", "resonator_q"))
                .withParams(Map.of("resonator_gain", 1.03, "resonator_f0", 2.41));
        LeastSquares<ReferenceModel> problem = LeastSquares.of(ReferenceModel.function(start), y);
        LeastSquares.Workspace ws = problem.newWorkspace();
        double[] x0 = problem.function().flatValues();
        LevenbergMarquardt lm = LevenbergMarquardt.defaults();
        ThreadMXBean mx = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().threadId();
        long perCall = Long.MAX_VALUE;
        for (int attempt = 0; attempt < 20 && perCall > 256; attempt++) {
            for (int warm = 0; warm < 100; warm++) {
                lm.minimize(ws.residuals, x0, null, null, ws.lm);
            }
            long before = mx.getThreadAllocatedBytes(thread);
            for (int i = 0; i < 10; i++) {
                lm.minimize(ws.residuals, x0, null, null, ws.lm);
            }
            perCall = (mx.getThreadAllocatedBytes(thread) - before) / 10;
        }
        System.out.println("least-squares optimisation, steady state: " + perCall + " bytes per call");
        // the result: a record, the point and the gradient (3 doubles each) — about 120 bytes
        assertTrue(perCall <= 256, "bytes per optimisation: " + perCall);
    }
}
