package org.parax4j.engine.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.parax4j.kernel.ConstantKernel;
import org.parax4j.kernel.MaternKernel;
import org.parax4j.kernel.PeriodicKernel;
import org.parax4j.kernel.RBFKernel;
import org.parax4j.kernel.RationalQuadraticKernel;
import org.parax4j.kernel.ScaleKernel;
import org.parax4j.kernel.WhiteNoiseKernel;
import org.parax4j.module.Meta;
import org.parax4j.module.Modules;
import org.parax4j.param.Parameter;

/** Every kernel module, compiled for the engine, gives the module's own scalar matrix. */
class ModuleKernelsTest {

    static List<org.parax4j.kernel.Kernel<?>> modules() {
        RBFKernel ard = new RBFKernel(Parameter.of(0.5, 1.5, 2.0), Meta.NONE);
        RBFKernel scaledLength = new RBFKernel(Parameter.builder().value(0.4).scale(2).build(), Meta.NONE);
        return List.of(
                new RBFKernel(0.7), ard, scaledLength,
                new MaternKernel(0.8, MaternKernel.Smoothness.HALF),
                new MaternKernel(0.8, MaternKernel.Smoothness.THREE_HALVES),
                new MaternKernel(Parameter.of(0.6, 1.1, 0.9), MaternKernel.Smoothness.FIVE_HALVES, Meta.NONE),
                Modules.create(RationalQuadraticKernel.class, Map.of("lengthScale", 0.9, "alpha", 2.5)),
                Modules.create(PeriodicKernel.class, Map.of("lengthScale", 1.3, "period", 0.7)),
                Modules.create(ConstantKernel.class, Map.of("constant", 0.3)),
                Modules.create(WhiteNoiseKernel.class, Map.of("variance", 0.2)),
                new ScaleKernel(ard, Parameter.of(1.7), Meta.NONE),
                new RBFKernel(0.7).plus(Modules.create(WhiteNoiseKernel.class)).times(new MaternKernel(1.2,
                        MaternKernel.Smoothness.THREE_HALVES)));
    }

    @Test
    void engineMatricesEqualTheModulesScalarMatrices() {
        SplittableRandom random = new SplittableRandom(11);
        int n = 37;
        int m = 23;
        int d = 3;
        double[] x1 = random.doubles((long) n * d, -2, 2).toArray();
        double[] x2 = random.doubles((long) m * d, -2, 2).toArray();
        System.arraycopy(x1, 0, x2, 0, 2 * d); // shared points exercise the white-noise rule
        for (org.parax4j.kernel.Kernel<?> module : modules()) {
            double[] expected = module.matrix(x1, n, x2, m, d);
            double[] actual = KernelMatrices.matrix(ModuleKernels.of(module), x1, n, x2, m, d);
            for (int k = 0; k < expected.length; k++) {
                assertEquals(expected[k], actual[k], 1e-13 + 1e-12 * Math.abs(expected[k]),
                        module.getClass().getSimpleName() + " entry " + k);
            }
        }
    }

    @Test
    void zeroValuedConstantWhiteNoiseAndScaleModulesCompile() {
        var module = new ScaleKernel(new RBFKernel(0.7), Parameter.of(0.0), Meta.NONE)
                .plus(Modules.create(ConstantKernel.class, Map.of("constant", 0.0)))
                .plus(Modules.create(WhiteNoiseKernel.class, Map.of("variance", 0.0)));
        double[] x = {0, 1, 2};
        double[] expected = module.matrix(x, 3, x, 3, 1);
        double[] actual = KernelMatrices.gram(ModuleKernels.of(module), x, 3, 1);
        for (int k = 0; k < 9; k++) {
            assertEquals(0.0, expected[k]);
            assertEquals(expected[k], actual[k], "entry " + k);
        }
    }

    @Test
    void perDimensionLengthScaleWhereTheEngineTakesOneIsNamed() {
        var rq = Modules.create(RationalQuadraticKernel.class, Map.of("lengthScale", new double[] {1, 2}));
        var e = assertThrows(IllegalArgumentException.class, () -> ModuleKernels.of(rq));
        assertTrue(e.getMessage().contains("RationalQuadraticKernel.lengthScale has 2 elements"), e.getMessage());
    }
}
