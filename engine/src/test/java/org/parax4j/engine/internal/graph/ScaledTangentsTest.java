package org.parax4j.engine.internal.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.parax4j.engine.examples.LineResonatorModel;
import org.parax4j.engine.graph.ModelFunction;
import org.parax4j.engine.graph.Var;
import org.parax4j.module.Meta;
import org.parax4j.param.Parameter;

/**
 * {@link ScaledTangents} folds products and quotients by a constant scalar into the sum,
 * difference or gather that uses them (four forms below: operands with disjoint directions, a
 * quotient, a gather, both operands on one tangent), the Jacobian staying exact, the same in both
 * twins at every width; and folds the RF example's port-impedance scalings and output factors.
 */
class ScaledTangentsTest {

    @Test
    void foldedScalingsKeepTheJacobian() {
        double[] a = {0.3, 1.2, -0.5};
        double[] b = {0.7, -0.2, 0.4};
        ModelFunction<ComplexProductsTest.Two> f = ModelFunction.record(new ComplexProductsTest.Two(Parameter.of(a),
                Parameter.of(b), Meta.NONE), (m, g) -> {
                    Var x = g.param(m.a());
                    Var y = g.param(m.b());
                    Var e = x.exp();
                    return Var.stack(x.add(y.mul(50)), x.sub(y.div(4)), x.mul(y).mul(10), e.add(e.mul(3)));
                });
        GraphDef g = GraphAccess.graph(f);
        int out = g.outputShape().size();
        double[] expected = new double[6 * out];
        for (int i = 0; i < 3; i++) {
            // row r, element i: d/dx_i at free position i, d/dy_i at 3 + i
            expected[i * out + i] = 1;
            expected[(3 + i) * out + i] = 50;
            expected[i * out + 3 + i] = 1;
            expected[(3 + i) * out + 3 + i] = -0.25;
            expected[i * out + 6 + i] = 10 * b[i];
            expected[(3 + i) * out + 6 + i] = 10 * a[i];
            expected[i * out + 9 + i] = 4 * Math.exp(a[i]);
        }
        double[] scalar = jacobian(g, f, GraphOps.scalar());
        int folded = 0;
        Scratch s = new Scratch(g, ChunkPlan.forCap(g, 1 << 20), GraphAccess.latent(f));
        for (int i = 0; i < g.size(); i++) {
            folded += s.folded[i] >= 0 ? 1 : 0;
            if (s.folded[i] >= 0) {
                assertEquals(0, s.tangents[i].length, "a folded node has no tangent buffer");
            }
        }
        assertEquals(4, folded, "y·50, y/4, 10·(x·y) and 3·e are folded");
        for (int k = 0; k < expected.length; k++) {
            assertEquals(expected[k], scalar[k], 1e-14 * Math.max(1, Math.abs(expected[k])), "Jacobian entry " + k);
        }
        for (GraphOps simd : TwinWidth.graphOps()) {
            assertArrayEquals(scalar, jacobian(g, f, simd), 0, simd + " Jacobian");
        }
    }

    @Test
    void theRfExampleFoldsItsScalings() {
        ModelFunction<LineResonatorModel> f = LineResonatorModel.response(LineResonatorModel.create());
        GraphDef g = GraphAccess.graph(f);
        Scratch s = new Scratch(g, ChunkPlan.forCap(g, 1 << 22), GraphAccess.latent(f));
        int folded = 0;
        for (int i = 0; i < g.size(); i++) {
            folded += s.folded[i] >= 0 ? 1 : 0;
        }
        assertEquals(16, folded, "12 port-impedance scalings and the pF scale of the susceptance in sums, 3 output "
                + "factors (dB, degrees) in the stack");
    }

    private static double[] jacobian(GraphDef g, ModelFunction<?> f, GraphOps ops) {
        Scratch s = new Scratch(g, ChunkPlan.forCap(g, 1 << 20), GraphAccess.latent(f));
        double[] jac = new double[6 * g.outputShape().size()];
        new DualExecutor(ops).run(s, true, jac);
        return jac;
    }
}
