package org.parax4j.engine.readme;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parax4j.engine.graph.ModelFunction;
import org.parax4j.engine.kernel.KernelMatrices;
import org.parax4j.engine.kernel.ModuleKernels;
import org.parax4j.engine.random.CounterRandom;
import org.parax4j.engine.random.VectorSampler;
import org.parax4j.kernel.RBFKernel;
import org.parax4j.module.Meta;
import org.parax4j.module.Module;
import org.parax4j.module.SensitivityKind;
import org.parax4j.param.Parameter;
import org.parax4j.param.Parameters;

/** The README's engine example, kept compiling and true. */
class EngineReadmeExampleTest {

    public record Line(Parameter slope, Parameter offset, Meta meta) implements Module<Line> {}

    @Test
    void readmeEngineExample() {
        // --- README engine example starts
        Line line = new Line(Parameters.normal(2, 0.1), Parameters.normal(1, 0.5), Meta.NONE);
        double[] x = {0, 1, 2, 3};
        ModelFunction<Line> f = ModelFunction.record(line, (m, g) ->          // written once, run plain or dual
                g.constant(x).mul(g.param(m.slope())).add(g.param(m.offset())));
        double[] y = f.evaluate();                                            // [1, 3, 5, 7]
        Map<String, double[]> jacobian = f.funcJacobian();                    // {slope: x, offset: [1, 1, 1, 1]}
        double size = f.funcSensitivity(SensitivityKind.RELATIVE, 2);         // one number: the 2-norm
        double[] k = KernelMatrices.gram(ModuleKernels.of(new RBFKernel(0.5)), x, 4, 1);   // SIMD, all cores
        double[] z = new double[1000];
        VectorSampler.standardNormal().sample(CounterRandom.of(42), 0, z, 0, z.length);   // same bits on any machine
        // --- README engine example ends
        assertArrayEquals(new double[] {1, 3, 5, 7}, y, 1e-15);
        assertArrayEquals(x, jacobian.get("slope"), 1e-15);
        assertArrayEquals(new double[] {1, 1, 1, 1}, jacobian.get("offset"), 1e-15);
        double expected = 0;
        for (int i = 0; i < 4; i++) {
            double rs = x[i] * 2 / y[i];
            double ro = 1.0 / y[i];
            expected += rs * rs + ro * ro;
        }
        assertEquals(Math.sqrt(expected), size, 1e-12);
        assertEquals(Math.exp(-0.5 * 4), k[1], 1e-15);
        double[] again = new double[1000];
        VectorSampler.standardNormal().sample(CounterRandom.of(42), 0, again, 0, 1000);
        assertArrayEquals(z, again);
    }
}
