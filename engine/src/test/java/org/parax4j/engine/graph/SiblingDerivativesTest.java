package org.parax4j.engine.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.parax4j.module.Meta;
import org.parax4j.module.Module;
import org.parax4j.param.Parameter;

/**
 * The dual executor takes the derivative of {@code sin}/{@code cos} and {@code sinh}/{@code cosh}
 * from the sibling node on the same input (computing a later sibling early): Jacobians equal the
 * analytic ones for both recording orders, in one chunk and direction by direction.
 */
class SiblingDerivativesTest {

    record Vec(Parameter x, Meta meta) implements Module<Vec> {}

    @ParameterizedTest
    @CsvSource({"true, 1000000", "false, 1000000", "true, 8", "false, 8"})
    void jacobianIsAnalyticInEitherOrderAndChunking(boolean cosFirst, long tangentBytes) {
        double[] x = {0.3, -1.1, 2.4};
        ModelFunction<Vec> f = ModelFunction.record(new Vec(Parameter.of(x), Meta.NONE), (m, g) -> {
            Var v = g.param(m.x());
            Var c = cosFirst ? v.cos() : null;
            Var s = v.sin();
            c = cosFirst ? c : v.cos();
            Var ch = cosFirst ? v.cosh() : null;
            Var sh = v.sinh();
            ch = cosFirst ? ch : v.cosh();
            return c.mul(s).add(sh.mul(ch)).mul(v.sum());
        });
        double[] jac = new double[9];
        f.jacobian(f.flatValues(), Wrt.LATENT, f.newWorkspace(tangentBytes), null, jac);
        double sum = x[0] + x[1] + x[2];
        for (int j = 0; j < 3; j++) {
            for (int k = 0; k < 3; k++) {
                double want = 0.5 * Math.sin(2 * x[k]) + 0.5 * Math.sinh(2 * x[k])
                        + (j == k ? (Math.cos(2 * x[k]) + Math.cosh(2 * x[k])) * sum : 0);
                assertEquals(want, jac[j * 3 + k], 1e-14 * Math.max(1, Math.abs(want)), "d out" + k + "/d x" + j);
            }
        }
    }
}
