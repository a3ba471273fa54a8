package org.parax4j.engine.internal.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.parax4j.bijector.Exp;
import org.parax4j.engine.graph.ModelBody;
import org.parax4j.engine.graph.ModelFunction;
import org.parax4j.engine.graph.Var;
import org.parax4j.engine.graph.Workspace;
import org.parax4j.engine.graph.Wrt;
import org.parax4j.module.FiniteDifferences;
import org.parax4j.module.Meta;
import org.parax4j.module.Module;
import org.parax4j.param.Parameter;

/**
 * The matrix-times-broadcast-vector fusion ({@link Op#MATVEC}): where it applies, values and
 * Jacobians against a hand computation and central differences, over short rows (scalar loop)
 * and long ones ({@link GraphOps#dot}), and that a product with another use stays unfused. The
 * scalar and Vector API twins of the fused node are compared in {@link FusionTwinTest}.
 */
class FusionTest {

    record Mv(Parameter a, Parameter w, Meta meta) implements Module<Mv> {}

    static Mv model(int cols, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] a = rng.doubles(cols, 0.5, 1.5).toArray();
        double[] w = rng.doubles(cols, -1, 1).toArray();
        return new Mv(Parameter.builder().value(a).transform(new Exp()).build(), Parameter.of(w), Meta.NONE);
    }

    static double[] points(int rows, int cols) {
        return new SplittableRandom(rows * 31L + cols).doubles((long) rows * cols, -2, 2).toArray();
    }

    /** {@code Σ_c sin(x[r, c]·a[c])·w[c]}, optionally with the product also used elsewhere. */
    static ModelBody<Mv> body(int rows, int cols, boolean productReused) {
        double[] x = points(rows, cols);
        return (m, g) -> {
            Var matrix = g.constant(x, rows, cols).mul(g.param(m.a())).sin();
            Var product = matrix.mul(g.param(m.w()));
            Var rowSums = product.sum(1);
            return productReused ? rowSums.add(product.sum()) : rowSums;
        };
    }

    static double[] byHand(Mv m, int rows, int cols) {
        double[] x = points(rows, cols);
        double[] a = m.a().scaledValue();
        double[] w = m.w().scaledValue();
        double[] out = new double[rows];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                out[r] += Math.sin(x[r * cols + c] * a[c]) * w[c];
            }
        }
        return out;
    }

    static long count(GraphDef g, Op op) {
        long n = 0;
        for (int i = 0; i < g.size(); i++) {
            n += g.node(i).op() == op ? 1 : 0;
        }
        return n;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 15, 16, 37})
    void fusedValuesAndJacobianEqualHandAndCentralDifferences(int cols) throws Exception {
        int rows = 7;
        Mv model = model(cols, cols);
        ModelFunction<Mv> f = ModelFunction.record(model, body(rows, cols, false));
        GraphDef g = ExecutorTwinTest.graphOf(f);
        assertEquals(1, count(g, Op.MATVEC), g.toString());
        assertEquals(1, count(g, Op.MUL), "only the inner product x·a remains a MUL:\n" + g);
        double[] value = f.evaluate();
        double[] hand = byHand(model, rows, cols);
        for (int r = 0; r < rows; r++) {
            assertEquals(hand[r], value[r], 1e-13 * cols, "row " + r);
        }
        double[] flat = f.flatValues();
        double[] jac = new double[f.numFree() * rows];
        f.jacobian(flat, Wrt.LATENT, f.newWorkspace(), null, jac);
        Workspace ws = f.newWorkspace();
        double[][] fd = FiniteDifferences.centralJacobian(theta -> {
            double[] y = new double[f.outputSize()];
            f.evaluate(theta, ws, y);
            return y;
        }, flat);
        for (int k = 0; k < jac.length; k++) {
            double want = fd[k / rows][k % rows];
            assertEquals(want, jac[k], 1e-7 * Math.max(1, Math.abs(want)), "entry " + k);
        }
        assertTrue(Arrays.stream(jac).filter(v -> v != 0).count() >= 2L * cols, "a and w both have derivatives");
    }

    @Test
    void aProductWithAnotherUseIsNotFused() throws Exception {
        Mv model = model(4, 5);
        ModelFunction<Mv> fused = ModelFunction.record(model, body(6, 4, false));
        ModelFunction<Mv> reused = ModelFunction.record(model, body(6, 4, true));
        GraphDef g = ExecutorTwinTest.graphOf(reused);
        assertEquals(0, count(g, Op.MATVEC), g.toString());
        assertEquals(2, count(g, Op.MUL));
        double[] a = fused.evaluate();
        double[] b = reused.evaluate();
        double total = 0;
        for (double v : a) {
            total += v;
        }
        for (int r = 0; r < a.length; r++) {
            assertEquals(a[r] + total, b[r], 1e-12);
        }
    }
}
