package org.parax4j.engine.concurrency;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.parax4j.bijector.Bijector;
import org.parax4j.bijector.Exp;
import org.parax4j.engine.EngineOptions;
import org.parax4j.engine.graph.ModelFunction;
import org.parax4j.engine.graph.Var;
import org.parax4j.engine.graph.Workspace;
import org.parax4j.engine.graph.Wrt;
import org.parax4j.kernel.Kernel;
import org.parax4j.kernel.MaternKernel;
import org.parax4j.kernel.RBFKernel;
import org.parax4j.kernel.RationalQuadraticKernel;
import org.parax4j.kernel.ScaleKernel;
import org.parax4j.module.Meta;
import org.parax4j.module.Module;
import org.parax4j.param.Parameter;

/**
 * Issue 16 acceptance: ModelFunction values and Jacobians of kernel nodes use the workspace's
 * executor, with the same bits as on the calling thread alone, for executors of 1, 2 and 3 threads
 * (caller included: 2, 3 and 4 participants), and no thread but the caller and the executor's own
 * ({@code svc-N}) does engine work. Nodes: a scaled ARD RBF Gram matrix over constant points
 * (hyperparameter tangents, row kernels), a Matérn 5/2 Gram matrix over parameter points (input
 * tangents too) and a scaled rational quadratic (kernel-plan tiles), each large enough to be split.
 */
class KernelJacobianExecutorTest {

    record Gp(Kernel<?> kernel, Parameter x, Meta meta) implements Module<Gp> {}

    private final List<ExecutorService> pools = new ArrayList<>();

    @AfterEach
    void stop() {
        pools.forEach(ExecutorService::shutdownNow);
    }

    private static Parameter positive(double... v) {
        return Parameter.builder().value(v).transform(Bijector.positive()).build();
    }

    private static ModelFunction<Gp> function(Kernel<?> kernel, int n, int d, boolean overParameter) {
        double[] x = CallerExecutorTest.points(n, d, 11);
        Gp model = new Gp(kernel, Parameter.of(x), Meta.NONE);
        return ModelFunction.record(model, (m, g) -> {
            if (!overParameter) {
                return g.kernelMatrix(m.kernel(), x, n, x, n, d);
            }
            Var pts = g.param(m.x()).reshape(n, d);
            return g.kernelMatrix(m.kernel(), pts, pts);
        });
    }

    /** The value and the Jacobian of {@code f} on a workspace with {@code options}, one array. */
    private static double[] valueAndJacobian(ModelFunction<Gp> f, EngineOptions options) {
        Workspace ws = f.newWorkspace(options);
        double[] flat = f.flatValues();
        double[] out = new double[f.outputSize() * (1 + f.numFree())];
        double[] value = new double[f.outputSize()];
        double[] jac = new double[f.numFree() * f.outputSize()];
        f.jacobian(flat, Wrt.LATENT, ws, value, jac);
        System.arraycopy(value, 0, out, 0, value.length);
        System.arraycopy(jac, 0, out, value.length, jac.length);
        double[] plain = new double[f.outputSize()];
        f.evaluate(flat, ws, plain);
        assertArrayEquals(value, plain, "plain and dual values");
        return out;
    }

    @Test
    void kernelJacobiansGiveTheSameBitsOnAnyExecutorAndUseItsThreads() {
        Parameter variance = Parameter.builder().value(1.5).transform(new Exp()).build();
        List<ModelFunction<Gp>> functions = List.of(
                function(new ScaleKernel(new RBFKernel(positive(0.8, 0.9, 1.1), Meta.NONE), variance, Meta.NONE),
                        150, 3, false),
                function(new MaternKernel(positive(0.9), MaternKernel.Smoothness.FIVE_HALVES, Meta.NONE), 128, 2, true),
                function(new ScaleKernel(new RationalQuadraticKernel(positive(0.8), positive(1.7), Meta.NONE), variance,
                        Meta.NONE), 150, 3, false));
        for (ModelFunction<Gp> f : functions) {
            String what = f.model().kernel().getClass().getSimpleName() + " " + f.outputShape()[0] + "² rows";
            CallerExecutorTest.sameBitsAndAHelperJoins(pools, what, valueAndJacobian(f, EngineOptions.singleThreaded()),
                    options -> valueAndJacobian(f, options), 20);
        }
    }
}
