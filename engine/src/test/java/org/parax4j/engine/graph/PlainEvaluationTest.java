package org.parax4j.engine.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.parax4j.kernel.ConstantKernel;
import org.parax4j.kernel.Kernel;
import org.parax4j.kernel.PeriodicKernel;
import org.parax4j.kernel.WhiteNoiseKernel;
import org.parax4j.module.Meta;
import org.parax4j.param.Parameter;
import org.parax4j.param.Parameters;

/** Plain graph evaluation against direct evaluation of the modules, and argument errors. */
class PlainEvaluationTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void kernelMatrixEqualsTheModulesMatrix(int seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        Fixtures.Toy toy = Fixtures.toy(rng);
        Kernel<?> kernel = toy.kernel().plus(new ConstantKernel(Parameter.of(0.3), Meta.NONE))
                .plus(new WhiteNoiseKernel(Parameter.of(0.2), Meta.NONE));
        Fixtures.Gram model = new Fixtures.Gram(kernel, Meta.NONE);
        int n = 17;
        int m = seed == 1 ? 5 : 9;   // 5 columns: computed transposed
        double[] x1 = rng.doubles(n * 3, -2, 2).toArray();
        double[] x2 = rng.doubles(m * 3, -2, 2).toArray();
        System.arraycopy(x1, 0, x2, 0, 3);   // one identical pair for the white noise
        ModelFunction<Fixtures.Gram> f = ModelFunction.record(model, (mm, g) -> g.kernelMatrix(mm.kernel(), x1, n, x2, m, 3));
        assertArrayEquals(new int[] {n, m}, f.outputShape());
        double[] expected = kernel.matrix(x1, n, x2, m, 3);
        double[] actual = f.evaluate();
        assertTrue(Fixtures.maxRelErr(actual, expected) < 1e-14, "max rel err " + Fixtures.maxRelErr(actual, expected));
        double[] jac = new double[f.numFree() * f.outputSize()];
        f.jacobian(f.flatValues(), Wrt.LATENT, f.newWorkspace(), null, jac);
        double err = Fixtures.maxRelErr(jac, Fixtures.finiteDifferences(f, f.flatValues()));
        assertTrue(err < 1e-6, "kernel Jacobian vs central differences: " + err);
    }

    @Test
    void referenceModelEqualsItsDirectEvaluation() {
        var model = org.parax4j.engine.examples.ReferenceModel.create();
        var f = org.parax4j.engine.examples.ReferenceModel.function(model);
        assertEquals(9, f.numFree());
        double[] direct = org.parax4j.engine.examples.ReferenceModel.response(model,
                org.parax4j.engine.examples.ReferenceModel.frequencies());
        assertTrue(Fixtures.maxRelErr(f.evaluate(), direct) < 1e-13);
        org.parax4j.engine.examples.ReferenceModel moved = model.withParams(java.util.Arrays.stream(model.flatParamValues()).map(v -> v * 1.01).toArray());
        double[] movedDirect = org.parax4j.engine.examples.ReferenceModel.response(moved,
                org.parax4j.engine.examples.ReferenceModel.frequencies());
        assertTrue(Fixtures.maxRelErr(f.evaluate(moved), movedDirect) < 1e-13);
    }

    @Test
    void broadcastingAndReductions() {
        Fixtures.Quadratic model = new Fixtures.Quadratic(Parameters.free(2), Parameters.free(new double[] {1, 2, 3}),
                Meta.NONE);
        ModelFunction<Fixtures.Quadratic> outer = ModelFunction.record(model,
                (m, g) -> g.param(m.x()).asColumn().mul(g.constant(1.0, 10.0)));
        assertArrayEquals(new double[] {1, 10, 2, 20, 3, 30}, outer.evaluate(), 0);
        ModelFunction<Fixtures.Quadratic> rows = ModelFunction.record(model,
                (m, g) -> g.param(m.x()).asColumn().mul(g.constant(1.0, 10.0)).sum(1).add(g.param(m.a())));
        assertArrayEquals(new double[] {13, 24, 35}, rows.evaluate(), 0);
        ModelFunction<Fixtures.Quadratic> cols = ModelFunction.record(model,
                (m, g) -> g.param(m.x()).asColumn().mul(g.constant(1.0, 10.0)).sum(0).div(g.param(m.x()).mean()));
        assertArrayEquals(new double[] {3, 30}, cols.evaluate(), 1e-15);
        ModelFunction<Fixtures.Quadratic> dot = ModelFunction.record(model,
                (m, g) -> g.param(m.x()).dot(g.param(m.x())));
        assertArrayEquals(new double[] {14}, dot.evaluate(), 0);
    }

    @Test
    void errorsNameWhatIsWrong() {
        Fixtures.Quadratic model = new Fixtures.Quadratic(Parameters.free(2), Parameters.free(new double[] {1, 2, 3}),
                Meta.NONE);
        var foreign = assertThrows(IllegalArgumentException.class,
                () -> ModelFunction.record(model, (m, g) -> g.param(Parameter.of(1.0))));
        assertTrue(foreign.getMessage().contains("not a parameter of the recorded tree")
                && foreign.getMessage().contains("[a, x]"), foreign.getMessage());
        var shapes = assertThrows(IllegalArgumentException.class,
                () -> ModelFunction.record(model, (m, g) -> g.param(m.x()).add(g.constant(1.0, 2.0))));
        assertTrue(shapes.getMessage().contains("[3] and [2] do not broadcast"), shapes.getMessage());
        Var[] leaked = new Var[1];
        ModelFunction<Fixtures.Quadratic> f = ModelFunction.record(model, (m, g) -> leaked[0] = g.param(m.a()));
        assertThrows(IllegalStateException.class, () -> leaked[0].exp());
        var length = assertThrows(IllegalArgumentException.class,
                () -> f.evaluate(new double[2], f.newWorkspace(), new double[1]));
        assertEquals("the flat vector must hold 4 latent values (one per free flat parameter), got 2", length.getMessage());
        var other = ModelFunction.record(model, (m, g) -> g.param(m.a()));
        assertThrows(IllegalArgumentException.class, () -> f.evaluate(f.flatValues(), other.newWorkspace(), new double[1]));
        var periodic = assertThrows(IllegalArgumentException.class, () -> ModelFunction.record(
                new Fixtures.Gram(new PeriodicKernel(Parameter.of(1.0, 2.0), Parameter.of(1.0), Meta.NONE), Meta.NONE),
                (m, g) -> g.kernelMatrix(m.kernel(), new double[] {1, 2}, 1, new double[] {1, 2}, 1, 2)));
        assertTrue(periodic.getMessage().contains("a per-dimension length scale is not supported"),
                periodic.getMessage());
    }
}
