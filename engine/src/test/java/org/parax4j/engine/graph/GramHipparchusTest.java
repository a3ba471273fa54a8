package org.parax4j.engine.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.SplittableRandom;
import org.hipparchus.analysis.differentiation.Gradient;
import org.junit.jupiter.api.Test;
import org.parax4j.bijector.Bijector;
import org.parax4j.bijector.Exp;
import org.parax4j.kernel.RBFKernel;
import org.parax4j.kernel.ScaleKernel;
import org.parax4j.module.Meta;
import org.parax4j.param.Parameter;

/** The RBF Gram matrix with ARD length scales and an output variance against Hipparchus {@link Gradient}. */
class GramHipparchusTest {

    static final int N = 13;
    static final int D = 3;

    static Fixtures.Gram gram(double[] ls, double variance) {
        RBFKernel rbf = new RBFKernel(Parameter.builder().value(ls).transform(Bijector.positive()).build(), Meta.NONE);
        return new Fixtures.Gram(new ScaleKernel(rbf, Parameter.builder().value(variance).transform(new Exp()).build(),
                Meta.NONE), Meta.NONE);
    }

    @Test
    void latentJacobianEqualsHipparchusGradientTo1e12() {
        SplittableRandom rng = new SplittableRandom(5);
        double[] x = rng.doubles(N * D, -2, 2).toArray();
        Fixtures.Gram model = gram(new double[] {0.7, 1.3, 2.1}, 1.7);
        ModelFunction<Fixtures.Gram> f = ModelFunction.record(model, (m, g) -> g.kernelMatrix(m.kernel(), x, N, x, N, D));
        Map<String, double[]> jac = f.funcJacobian();
        double[] theta = f.flatValues();
        int p = theta.length;
        assertEquals(4, p);
        Gradient[] ls = new Gradient[D];
        for (int e = 0; e < D; e++) {
            ls[e] = Gradient.variable(p, e, theta[e]).exp().log1p();   // softplus
        }
        Gradient variance = Gradient.variable(p, 3, theta[3]).exp();
        double[] value = f.evaluate();
        double worst = 0;
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < N; j++) {
                Gradient r2 = Gradient.constant(p, 0);
                for (int e = 0; e < D; e++) {
                    Gradient z = ls[e].reciprocal().multiply(x[i * D + e] - x[j * D + e]);
                    r2 = r2.add(z.multiply(z));
                }
                Gradient k = variance.multiply(r2.multiply(-0.5).exp());
                int idx = i * N + j;
                assertEquals(k.getValue(), value[idx], 1e-12 * Math.max(1, Math.abs(k.getValue())));
                int q = 0;
                for (double[] column : jac.values()) {
                    double expected = k.getPartialDerivative(q++);
                    double err = Math.abs(column[idx] - expected) / Math.max(1, Math.abs(expected));
                    worst = Math.max(worst, err);
                }
            }
        }
        assertTrue(worst <= 1e-12, "max relative difference from Hipparchus " + worst);
    }
}
