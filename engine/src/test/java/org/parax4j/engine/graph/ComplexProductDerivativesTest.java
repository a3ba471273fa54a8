package org.parax4j.engine.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.parax4j.module.Meta;
import org.parax4j.module.Module;
import org.parax4j.param.Parameter;

/**
 * A complex product's two parts are differentiated together in one pass (the internal
 * {@code ComplexProducts}), a complex reciprocal as one complex step ({@code ComplexReciprocals})
 * and sums of two squares by two terms: Jacobians equal the analytic
 * ones with every factor tangent present, with a constant factor (no tangent in any slot) and a
 * factor on another direction (no tangent in some slots), in one chunk and direction by direction.
 */
class ComplexProductDerivativesTest {

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
            ComplexVar u = ComplexVar.of(x, x.mul(y));          // a + j·ab
            ComplexVar v = ComplexVar.of(y.exp(), g.constant(k)); // e^b + j·k
            ComplexVar z = u.mul(v);                            // (a·e^b − ab·k) + j(a·k + ab·e^b)
            Var squares = x.square().sub(y.square());           // a² − b²
            Var abs2 = u.abs2();                                // a² + a²b²
            return Var.concat(z.re(), z.im(), squares, abs2);
        });
        int n = 12;
        double[] jac = new double[6 * n];
        f.jacobian(f.flatValues(), Wrt.LATENT, f.newWorkspace(tangentBytes), null, jac);
        for (int j = 0; j < 3; j++) {
            for (int e = 0; e < 3; e++) {
                double same = j == e ? 1 : 0;
                double eb = Math.exp(b[e]);
                double[] byA = {same * (eb - b[e] * k[e]), same * (k[e] + b[e] * eb), same * 2 * a[e],
                    same * 2 * a[e] * (1 + b[e] * b[e])};
                double[] byB = {same * (a[e] * eb - a[e] * k[e]), same * (a[e] * eb + a[e] * b[e] * eb),
                    -same * 2 * b[e], same * 2 * a[e] * a[e] * b[e]};
                for (int row = 0; row < 4; row++) {
                    assertEquals(byA[row], jac[j * n + row * 3 + e], 1e-14 * Math.max(1, Math.abs(byA[row])),
                            "row " + row + " d/da" + j + " at " + e);
                    assertEquals(byB[row], jac[(3 + j) * n + row * 3 + e], 1e-14 * Math.max(1, Math.abs(byB[row])),
                            "row " + row + " d/db" + j + " at " + e);
                }
            }
        }
    }

    /** {@code 1/z} for {@code z = a + jb} (all four tangents) and {@code z = a + jk} (no tangent for the imaginary part). */
    @ParameterizedTest
    @ValueSource(longs = {1_000_000, 8})
    void reciprocalJacobianIsAnalytic(long tangentBytes) {
        double[] a = {0.3, -1.1, 2.4};
        double[] b = {1.7, 0.4, -0.6};
        double[] k = {2, -3, 0.5};
        ModelFunction<Two> f = ModelFunction.record(new Two(Parameter.of(a), Parameter.of(b), Meta.NONE), (m, g) -> {
            ComplexVar w = ComplexVar.of(g.param(m.a()), g.param(m.b())).reciprocal();
            ComplexVar v = ComplexVar.of(g.param(m.a()), g.constant(k)).reciprocal();
            return Var.concat(w.re(), w.im(), v.re(), v.im());
        });
        int n = 12;
        double[] jac = new double[6 * n];
        f.jacobian(f.flatValues(), Wrt.LATENT, f.newWorkspace(tangentBytes), null, jac);
        for (int j = 0; j < 3; j++) {
            for (int e = 0; e < 3; e++) {
                double same = j == e ? 1 : 0;
                double m2 = Math.pow(a[e] * a[e] + b[e] * b[e], 2);
                double k2 = Math.pow(a[e] * a[e] + k[e] * k[e], 2);
                double[] byA = {same * (b[e] * b[e] - a[e] * a[e]) / m2, same * 2 * a[e] * b[e] / m2,
                    same * (k[e] * k[e] - a[e] * a[e]) / k2, same * 2 * a[e] * k[e] / k2};
                double[] byB = {-same * 2 * a[e] * b[e] / m2, same * (b[e] * b[e] - a[e] * a[e]) / m2, 0, 0};
                for (int row = 0; row < 4; row++) {
                    assertEquals(byA[row], jac[j * n + row * 3 + e], 1e-14 * Math.max(1, Math.abs(byA[row])),
                            "row " + row + " d/da" + j + " at " + e);
                    assertEquals(byB[row], jac[(3 + j) * n + row * 3 + e], 1e-14 * Math.max(1, Math.abs(byB[row])),
                            "row " + row + " d/db" + j + " at " + e);
                }
            }
        }
    }
}
