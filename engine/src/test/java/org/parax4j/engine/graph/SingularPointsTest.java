package org.parax4j.engine.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.parax4j.kernel.Kernel;
import org.parax4j.kernel.MaternKernel;
import org.parax4j.kernel.RBFKernel;
import org.parax4j.module.Meta;
import org.parax4j.param.Parameter;
import org.parax4j.param.Parameters;
import org.junit.jupiter.api.Test;

/** Derivatives at points where a naive chain rule gives 0·∞ = NaN: distance 0, sqrt(0), |0|, Matérn at r = 0. */
class SingularPointsTest {

    record Points(Kernel<?> kernel, Parameter x, Parameter y, Meta meta) implements org.parax4j.module.Module<Points> {}

    enum Kind { RBF, HALF, THREE_HALVES, FIVE_HALVES }

    static Kernel<?> kernel(Kind kind) {
        return switch (kind) {
            case RBF -> new RBFKernel(Parameter.of(0.8, 1.4), Meta.NONE);
            case HALF -> new MaternKernel(Parameter.of(0.8, 1.4), MaternKernel.Smoothness.HALF, Meta.NONE);
            case THREE_HALVES -> new MaternKernel(Parameter.of(0.8, 1.4), MaternKernel.Smoothness.THREE_HALVES, Meta.NONE);
            case FIVE_HALVES -> new MaternKernel(Parameter.of(0.8, 1.4), MaternKernel.Smoothness.FIVE_HALVES, Meta.NONE);
        };
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void identicalInputsGiveFiniteDerivatives(Kind kind) {
        Points model = new Points(kernel(kind), Parameters.free(new double[] {0.3, -0.2}), Parameters.free(0.5), Meta.NONE);
        double[] pts = {0.3, -0.2, 0.3, -0.2, 1.0, 0.5};
        ModelFunction<Points> f = ModelFunction.record(model, (m, g) -> {
            Var x1 = g.param(m.x()).reshape(1, 2);
            Var x2 = g.constant(pts, 3, 2);
            return g.kernelMatrix(m.kernel(), x1, x2);   // points 0 and 1 coincide with x1
        });
        Map<String, double[]> jac = f.funcJacobian();
        for (Map.Entry<String, double[]> e : jac.entrySet()) {
            for (double d : e.getValue()) {
                assertTrue(Double.isFinite(d), kind + " " + e.getKey() + " " + java.util.Arrays.toString(e.getValue()));
            }
        }
        // At r = 0 the kernel is 1 for every length scale: its derivative there is 0.
        assertEquals(0, jac.get("kernel_lengthScale_0")[0], 0);
        assertEquals(0, jac.get("kernel_lengthScale_1")[1], 0);
        if (kind != Kind.HALF) {
            // differentiable in x at r = 0, with gradient 0 (a maximum)
            assertEquals(0, jac.get("x_0")[0], 0);
        }
    }

    @Test
    void distanceSqrtAndAbsAtZero() {
        Points model = new Points(kernel(Kind.RBF), Parameters.free(new double[] {0.0, 0.0}), Parameters.free(0.0),
                Meta.NONE);
        ModelFunction<Points> f = ModelFunction.record(model, (m, g) -> {
            Var x = g.param(m.x());
            Var distance = x.sub(g.constant(0.0, 0.0)).square().sum().sqrt();
            Var y = g.param(m.y());
            return distance.add(y.abs()).add(y.square().sqrt()).add(y.pow(2.0).pow(0.5));
        });
        double[] value = f.evaluate();
        assertEquals(0, value[0], 0);
        for (double[] column : f.funcJacobian().values()) {
            assertEquals(0, column[0], 0);
        }
    }
}
