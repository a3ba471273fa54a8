package org.parax4j.engine.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parax4j.kernel.MaternKernel;
import org.parax4j.kernel.RBFKernel;
import org.parax4j.module.Meta;
import org.parax4j.param.Parameter;

/** Kernel nodes form differences before scaling: points 1e6 from the origin keep full precision. */
class FarFromOriginTest {

    @Test
    void rbfValueAndLengthScaleDerivativeAtOneMillion() {
        double[] x1 = {1e6, 1e6 + 2e-3};
        double[] x2 = {1e6 + 1e-3};
        double l = 1e-3;
        RBFKernel kernel = new RBFKernel(Parameter.of(l), Meta.NONE);
        ModelFunction<RBFKernel> f = ModelFunction.record(kernel, (m, g) -> g.kernelMatrix(m, x1, 2, x2, 1, 1));
        double[] k = f.evaluate();
        Map<String, double[]> jac = f.funcJacobian();
        for (int i = 0; i < 2; i++) {
            double r = (x1[i] - x2[0]) / l;
            double expected = Math.exp(-0.5 * r * r);
            assertEquals(expected, k[i], 1e-12, "value " + i);
            // d/dℓ exp(-r²/2) = exp(-r²/2)·r²/ℓ
            assertEquals(expected * r * r / l, jac.get("lengthScale")[i], 1e-9 * (1 + Math.abs(expected * r * r / l)),
                    "derivative " + i);
        }
    }

    @Test
    void maternHalfAtOneMillionMatchesTheModule() {
        double[] x1 = {1e6 + 0.1207783149};
        double[] x2 = {1e6 - 0.0813};
        MaternKernel kernel = new MaternKernel(Parameter.of(0.2), MaternKernel.Smoothness.HALF, Meta.NONE);
        ModelFunction<MaternKernel> f = ModelFunction.record(kernel, (m, g) -> g.kernelMatrix(m, x1, 1, x2, 1, 1));
        assertEquals(kernel.matrix(x1, 1, x2, 1, 1)[0], f.evaluate()[0], 1e-15);
    }
}
