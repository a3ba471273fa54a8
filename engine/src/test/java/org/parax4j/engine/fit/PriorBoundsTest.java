package org.parax4j.engine.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.parax4j.engine.examples.ReferenceModel;
import org.parax4j.engine.fit.LeastSquaresTest.Quadratic;
import org.parax4j.engine.graph.ModelFunction;
import org.parax4j.module.Meta;
import org.parax4j.param.Parameters;

/** Bounds from the priors' 1 % and 99 % quantiles. */
class PriorBoundsTest {

    @Test
    void referenceModelBoundsComeFromUnivariateAndJointPriors() {
        ModelFunction<ReferenceModel> f = ReferenceModel.function(ReferenceModel.create());
        int n = f.numFree();
        double[] lo = new double[n];
        double[] hi = new double[n];
        LeastSquares.latentBounds(f.layout(), lo, hi);
        PriorBounds.apply(f, lo, hi);
        var names = f.freeNames();
        int gain = names.indexOf("resonator_gain");
        assertEquals(1 - PriorBounds.Z99 * 0.05, lo[gain], 1e-12);
        assertEquals(1 + PriorBounds.Z99 * 0.05, hi[gain], 1e-12);
        int f0 = names.indexOf("resonator_f0");
        assertEquals(2.4 - PriorBounds.Z99 * 0.02, lo[f0], 1e-12);
        int q = names.indexOf("resonator_q");
        assertEquals(Math.log(35 + PriorBounds.Z99 * 3), hi[q], 1e-12, "latent bound of the Exp-transformed q");
        int offset = names.indexOf("resonator_offsetDb");
        assertEquals(-0.5 + 0.01, lo[offset], 1e-12);
        int w0 = names.indexOf("discrepancy_weights_0");
        assertEquals(PriorBounds.Z99 * 0.1, hi[w0], 1e-12);
        int ls = names.indexOf("discrepancy_kernel_lengthScale");
        assertEquals(Double.NEGATIVE_INFINITY, lo[ls], "no prior, no bound: " + Arrays.toString(lo));
    }

    @Test
    void aFitThatPushesAgainstAPriorQuantileEndsOnItAndSaysSo() {
        double[] y = LeastSquaresTest.quadratic(1, -2, 2).evaluate();
        Quadratic q = new Quadratic(Parameters.normal(0, 5), Parameters.normal(0, 5), Parameters.normal(0, 0.5), Meta.NONE);
        ModelFunction<Quadratic> f = FitUncertaintyTest.record(q);
        FitResult<Quadratic> free = LeastSquares.of(f, y).fit();
        assertEquals(2, free.parameter("c").value(), 1e-9);
        FitResult<Quadratic> bounded = LeastSquares.of(f, y).withPriorBounds().fit();
        assertEquals(PriorBounds.Z99 * 0.5, bounded.parameter("c").value(), 1e-12);
        assertTrue(bounded.parameter("c").atBound());
        assertTrue(bounded.warnings().stream().anyMatch(w -> w.startsWith("c is at a bound")), bounded.warnings().toString());
        FitResult<Quadratic> ml = LikelihoodFit.gaussian(f, y, LikelihoodFitTest.sigmas()).withPriorBounds().fit();
        assertEquals(PriorBounds.Z99 * 0.5, ml.parameter("c").value(), 1e-9);
    }
}
