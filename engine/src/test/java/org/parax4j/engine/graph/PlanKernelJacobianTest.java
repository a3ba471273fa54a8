package org.parax4j.engine.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.parax4j.bijector.Bijector;
import org.parax4j.bijector.Exp;
import org.parax4j.engine.kernel.Kernel;
import org.parax4j.engine.kernel.KernelMatrices;
import org.parax4j.engine.kernel.ModuleKernels;
import org.parax4j.kernel.PeriodicKernel;
import org.parax4j.kernel.RBFKernel;
import org.parax4j.kernel.RationalQuadraticKernel;
import org.parax4j.kernel.ScaleKernel;
import org.parax4j.module.Meta;
import org.parax4j.param.Parameter;

/**
 * Kernel nodes of the rational quadratic and periodic kernels (evaluated by the kernel plan's tiles):
 * values equal {@link KernelMatrices}, and ModelFunction Jacobians (hyperparameters through their
 * transforms, and inputs that depend on a parameter) equal Richardson central differences of the
 * plain evaluation to 1e-8 relative to the largest entry.
 */
class PlanKernelJacobianTest {

    record Model(org.parax4j.kernel.Kernel<?> kernel, Parameter shift, Meta meta) implements org.parax4j.module.Module<Model> {}

    static Parameter positive(double v) {
        return Parameter.builder().value(v).transform(Bijector.positive()).build();
    }

    static Stream<org.parax4j.kernel.Kernel<?>> kernels() {
        var rq = new RationalQuadraticKernel(positive(0.8), positive(1.7), Meta.NONE);
        var periodic = new PeriodicKernel(positive(0.9), positive(2.3), Meta.NONE);
        var variance = Parameter.builder().value(1.4).transform(new Exp()).build();
        return Stream.of(rq, periodic, new ScaleKernel(rq, variance, Meta.NONE),
                new ScaleKernel(periodic, variance, Meta.NONE),
                periodic.times(new RBFKernel(positive(1.3), Meta.NONE)).plus(rq));
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void jacobianEqualsRichardsonDifferences(org.parax4j.kernel.Kernel<?> kernel) {
        int n = 6;
        int m = 5;
        int d = 2;
        double[] a = new java.util.SplittableRandom(4).doubles(n * d, -2, 2).toArray();
        double[] b = new java.util.SplittableRandom(5).doubles(m * d, -2, 2).toArray();
        Model model = new Model(kernel, Parameter.of(0.3), Meta.NONE);
        ModelFunction<Model> f = ModelFunction.record(model, (md, g) -> {
            Var x1 = g.constant(a, n, d).add(g.param(md.shift()));
            Var x2 = g.constant(b, m, d);
            return g.kernelMatrix(md.kernel(), x1, x2);
        });
        double[] theta = f.flatValues();
        Workspace ws = f.newWorkspace();
        double[] value = new double[n * m];
        double[] jac = new double[theta.length * n * m];
        f.jacobian(theta, Wrt.LATENT, ws, value, jac);
        double[] shifted = a.clone();
        for (int e = 0; e < shifted.length; e++) {
            shifted[e] += 0.3;
        }
        Kernel engine = ModuleKernels.of(kernel);
        assertArrayEquals(KernelMatrices.matrix(engine, shifted, n, b, m, d), value, 1e-14, "value");
        double[] plain = new double[n * m];
        f.evaluate(theta, ws, plain);
        assertArrayEquals(plain, value, 0, "dual value equals plain value");
        for (int q = 0; q < theta.length; q++) {
            double[] fd = new double[n * m];
            double h = 1e-3;
            double[] big = central(f, ws, theta, q, h);
            double[] small = central(f, ws, theta, q, h / 2);
            double max = 0;
            double err = 0;
            for (int e = 0; e < fd.length; e++) {
                fd[e] = (4 * small[e] - big[e]) / 3;
                max = Math.max(max, Math.abs(fd[e]));
                err = Math.max(err, Math.abs(fd[e] - jac[q * n * m + e]));
            }
            assertTrue(max > 0, "parameter " + q + " moves the matrix");
            assertTrue(err <= 1e-8 * max, kernel.getClass().getSimpleName() + " parameter " + q + ": error " + err
                    + " against " + max);
        }
    }

    private static double[] central(ModelFunction<Model> f, Workspace ws, double[] theta, int q, double h) {
        double[] plus = theta.clone();
        double[] minus = theta.clone();
        plus[q] += h;
        minus[q] -= h;
        double[] yp = new double[f.outputShape()[0] * f.outputShape()[1]];
        double[] ym = yp.clone();
        f.evaluate(plus, ws, yp);
        f.evaluate(minus, ws, ym);
        double[] out = new double[yp.length];
        for (int e = 0; e < out.length; e++) {
            out[e] = (yp[e] - ym[e]) / (2 * h);
        }
        return out;
    }

}
