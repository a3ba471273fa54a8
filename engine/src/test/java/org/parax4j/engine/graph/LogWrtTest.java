package org.parax4j.engine.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parax4j.bijector.Bijector;
import org.parax4j.bijector.Exp;
import org.parax4j.kernel.RBFKernel;
import org.parax4j.kernel.ScaleKernel;
import org.parax4j.module.Meta;
import org.parax4j.module.Module;
import org.parax4j.module.SensitivityKind;
import org.parax4j.param.Parameter;

/** {@link Wrt#LOG}: derivatives with respect to the log of each physical value, checked by central differences in log space. */
class LogWrtTest {

    /** A GP-like function: K(X, X) of a scaled ARD RBF kernel times a free factor, plus an offset. */
    record Gp(ScaleKernel kernel, Parameter factor, Parameter offset, Meta meta) implements Module<Gp> {}

    private static final double[] X = {0.1, 0.7, 0.4, -0.3, 1.2, 0.5};

    private static Gp model(double offset) {
        RBFKernel ard = new RBFKernel(Parameter.builder().value(new double[] {0.8, 1.7}).transform(Bijector.positive())
                .build(), Meta.NONE);
        ScaleKernel k = new ScaleKernel(ard, Parameter.builder().value(1.3).transform(new Exp()).scale(2).build(),
                Meta.NONE);
        return new Gp(k, Parameter.of(0.6), Parameter.of(offset), Meta.NONE);
    }

    private static ModelFunction<Gp> record(Gp gp) {
        return ModelFunction.record(gp, (m, g) -> g.kernelMatrix(m.kernel(), X, 3, X, 3, 2).mul(g.param(m.factor()))
                .add(g.param(m.offset())));
    }

    @Test
    void logDerivativesEqualCentralDifferencesInLogSpace() {
        Gp gp = model(0.25);
        ModelFunction<Gp> f = record(gp);
        Map<String, double[]> log = f.funcJacobian(Wrt.LOG);
        Map<String, double[]> physical = f.funcJacobian(Wrt.PHYSICAL);
        assertEquals(List.of("kernel_base_lengthScale_0", "kernel_base_lengthScale_1", "kernel_variance", "factor",
                "offset"), List.copyOf(log.keySet()));
        Map<String, Double> values = gp.namedFlatParamValues(false);
        double h = 1e-4;
        for (String name : log.keySet()) {
            double theta = values.get(name);
            // Richardson-extrapolated central difference in u = log θ: error O(h^4)
            double[] d1 = central(f, gp, name, theta, h);
            double[] d2 = central(f, gp, name, theta, h / 2);
            for (int k = 0; k < d1.length; k++) {
                double richardson = (4 * d2[k] - d1[k]) / 3;
                assertEquals(richardson, log.get(name)[k], 1e-8 * Math.max(1, Math.abs(richardson)), name + "[" + k + "]");
                assertEquals(theta * physical.get(name)[k], log.get(name)[k], 1e-15 * Math.max(1, Math.abs(richardson)),
                        name + " = θ · ∂f/∂θ");
            }
        }
    }

    private static double[] central(ModelFunction<Gp> f, Gp gp, String name, double theta, double h) {
        double[] up = f.evaluate(gp.withParams(Map.of(name, theta * Math.exp(h))));
        double[] down = f.evaluate(gp.withParams(Map.of(name, theta * Math.exp(-h))));
        double[] d = new double[up.length];
        for (int k = 0; k < d.length; k++) {
            d[k] = (up[k] - down[k]) / (2 * h);
        }
        return d;
    }

    @Test
    void semiRelativeSensitivityUsesTheLogValue() {
        Gp gp = model(0.25);
        ModelFunction<Gp> f = record(gp);
        Map<String, double[]> jac = f.funcJacobian(Wrt.LOG);
        Map<String, double[]> semi = f.funcSensitivity(gp, SensitivityKind.SEMI_RELATIVE, Wrt.LOG);
        double theta = gp.namedFlatParamValues(false).get("factor");
        double[] expected = jac.get("factor").clone();
        for (int k = 0; k < expected.length; k++) {
            expected[k] *= Math.log(theta);
        }
        assertArrayEquals(expected, semi.get("factor"), 0);
    }

    @Test
    void aNonPositiveValueIsRefusedAndNothingIsWritten() {
        Gp gp = model(-0.5);
        ModelFunction<Gp> f = record(gp);
        double[] jac = new double[f.numFree() * f.outputSize()];
        java.util.Arrays.fill(jac, 7);
        var e = assertThrows(IllegalArgumentException.class,
                () -> f.jacobian(f.flatValues(), Wrt.LOG, f.newWorkspace(), null, jac));
        assertTrue(e.getMessage().contains("'offset'") && e.getMessage().contains("-0.5")
                && e.getMessage().contains("Wrt.LOG"), e.getMessage());
        for (double v : jac) {
            assertEquals(7, v);
        }
    }
}
