package org.parax4j.engine.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.parax4j.bijector.Exp;
import org.parax4j.kernel.RBFKernel;
import org.parax4j.module.Meta;
import org.parax4j.param.Parameter;

/**
 * Issue 15, bug 9: {@link ModelFunction#evaluate(double[], Workspace, double[])} and
 * {@link ModelFunction#jacobian} apply the latent-value rule of {@code withParams}: a latent value
 * whose image is not finite, lies on an end of the transform's open range, or is outside the
 * bounds is rejected with the parameter's name, not evaluated.
 */
class LatentRulesTest {

    private static final double[] X = {0.0, 0.5};

    private static ModelFunction<RBFKernel> function(Parameter lengthScale) {
        RBFKernel kernel = new RBFKernel(lengthScale, Meta.NONE);
        return ModelFunction.record(kernel, (m, g) -> g.kernelMatrix(m, X, 2, X, 2, 1));
    }

    @Test
    void latentValuesThatWithParamsRejectsAreRejectedByEvaluateAndJacobian() {
        ModelFunction<RBFKernel> f = function(Parameter.builder().value(1.0).transform(Exp.INSTANCE).build());
        Workspace ws = f.newWorkspace();
        double[] out = new double[4];
        double[] jacobian = new double[4];
        for (double latent : new double[] {1000, -800}) {
            var e = assertThrows(IllegalArgumentException.class, () -> f.evaluate(new double[] {latent}, ws, out));
            assertTrue(e.getMessage().contains("parameter 'lengthScale' element 0: latentValue " + latent)
                    && e.getMessage().contains("open range (0.0, Infinity)"), e.getMessage());
            var j = assertThrows(IllegalArgumentException.class,
                    () -> f.jacobian(new double[] {latent}, Wrt.LATENT, ws, null, jacobian));
            assertEquals(e.getMessage(), j.getMessage());
            assertThrows(IllegalArgumentException.class, () -> f.model().withParams(new double[] {latent}));
        }
        f.evaluate(new double[] {0.0}, ws, out);
        assertEquals(Math.exp(-0.125), out[1], 1e-15);
    }

    @Test
    void valuesOutsideTheBoundsAreRejected() {
        ModelFunction<RBFKernel> f = function(Parameter.builder().value(1.0).bounds(0.5, 2).build());
        Workspace ws = f.newWorkspace();
        var e = assertThrows(IllegalArgumentException.class, () -> f.evaluate(new double[] {3.0}, ws, new double[4]));
        assertTrue(e.getMessage().contains("outside bounds [0.5, 2.0]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> f.model().withParams(new double[] {3.0}));
    }
}
