package org.parax4j.engine.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.parax4j.module.Meta;
import org.parax4j.module.Module;
import org.parax4j.param.Parameter;

/**
 * Sums and differences of two single-use products or squares are differentiated in one pass from
 * the factors' tangents (the products' own tangents skipped): Jacobians equal the analytic ones
 * with all four factor tangents present, with some absent (a factor that is a constant or depends
 * on other directions), in one chunk and direction by direction.
 */
class ProductSumDerivativesTest {

    record Two(Parameter a, Parameter b, Meta meta) implements Module<Two> {}

    @ParameterizedTest
    @ValueSource(longs = {1_000_000, 8})
    void jacobianIsAnalytic(long tangentBytes) {
        double[] a = {0.3, -1.1, 2.4};
        double[] b = {1.7, 0.4, -0.6};
        double[] k = {2, 3, 5};
        ModelFunction<Two> f = ModelFunction.record(new Two(Parameter.of(a), Parameter.of(b), Meta.NONE), (m, g) -> {
            Var x = g.param(m.a());
            Var y = g.param(m.b());
            Var c = g.constant(k);
            Var all = x.mul(y).sub(x.square());           // a∘b − a²: every factor tangent present
            Var partial = x.mul(c).add(y.mul(y.exp()));    // k∘a + b∘e^b: a constant factor
            Var split = x.square().sub(y.mul(c));          // a² − k∘b: each product on its own parameter
            return Var.concat(all, partial, split);
        });
        double[] jac = new double[6 * 9];
        f.jacobian(f.flatValues(), Wrt.LATENT, f.newWorkspace(tangentBytes), null, jac);
        for (int j = 0; j < 3; j++) {
            for (int e = 0; e < 3; e++) {
                double same = j == e ? 1 : 0;
                double[] byA = {same * (b[e] - 2 * a[e]), same * k[e], same * 2 * a[e]};
                double[] byB = {same * a[e], same * (1 + b[e]) * Math.exp(b[e]), -same * k[e]};
                for (int row = 0; row < 3; row++) {
                    assertEquals(byA[row], jac[j * 9 + row * 3 + e], 1e-14 * Math.max(1, Math.abs(byA[row])),
                            "row " + row + " d/da" + j + " at " + e);
                    assertEquals(byB[row], jac[(3 + j) * 9 + row * 3 + e], 1e-14 * Math.max(1, Math.abs(byB[row])),
                            "row " + row + " d/db" + j + " at " + e);
                }
            }
        }
    }
}
