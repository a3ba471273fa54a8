package org.parax4j.engine.gp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.parax4j.engine.examples.ReferenceModel;
import org.parax4j.engine.fit.OptimizationResult;
import org.parax4j.engine.graph.ModelFunction;
import org.parax4j.engine.kernel.Kernel;
import org.parax4j.module.Select;

/**
 * A GP discrepancy around the reference model as a parametric mean: the gradient with respect to
 * kernel hyperparameters and the model's parameters (through its dual Jacobian) equals central
 * differences, and the joint fit raises the likelihood and moves the model towards the truth.
 */
class GpParametricMeanTest {

    private static final int N = ReferenceModel.POINTS;

    private static double[] measured(ReferenceModel truth) {
        double[] f = ReferenceModel.frequencies();
        double[] y = ReferenceModel.response(truth, f);
        SplittableRandom rng = new SplittableRandom(5);
        for (int i = 0; i < N; i++) {
            y[i] += 0.3 * Math.sin(6 * f[i]) + 0.02 * rng.nextGaussian(); // a smooth discrepancy + noise
        }
        return y;
    }

    private static ModelFunction<ReferenceModel> start() {
        return ReferenceModel.function(ReferenceModel.create()
                .withFreeParamsOnly(Select.names("resonator_gain", "resonator_f0", "resonator_q"))
                .withParams(Map.of("resonator_gain", 1.03, "resonator_f0", 2.41)));
    }

    private static GaussianProcess process() {
        return GaussianProcess.of(Kernel.rbf(0.5).scaled(0.1).plus(new Kernel.WhiteNoise(0.01)));
    }

    @Test
    void gradientEqualsCentralDifferences() {
        double[] f = ReferenceModel.frequencies();
        double[] y = measured(ReferenceModel.create());
        GpParametricMean joint = new GpParametricMean(process(), start(), f, N, 1, y);
        double[] point = joint.start();
        assertEquals(3 + 3, point.length);
        double[] gradient = new double[point.length];
        joint.logMarginalLikelihood(point, gradient);
        double[] scratch = new double[point.length];
        for (int k = 0; k < point.length; k++) {
            double h = 1e-5;
            double[] plus = point.clone();
            double[] minus = point.clone();
            plus[k] += h;
            minus[k] -= h;
            double numeric = (joint.logMarginalLikelihood(plus, scratch) - joint.logMarginalLikelihood(minus, scratch))
                    / (2 * h);
            assertEquals(numeric, gradient[k], 1e-6 * (1 + Math.abs(numeric)), "d LML / d point[" + k + "]");
        }
    }

    @Test
    void jointFitRaisesTheLikelihoodAndFindsTheModel() {
        double[] f = ReferenceModel.frequencies();
        ReferenceModel truth = ReferenceModel.create();
        double[] y = measured(truth);
        GpParametricMean joint = new GpParametricMean(process(), start(), f, N, 1, y);
        double[] gradient = new double[joint.dimension()];
        double before = joint.logMarginalLikelihood(joint.start(), gradient);
        OptimizationResult r = joint.fit();
        double after = -r.value();
        System.out.println("joint fit: LML " + before + " -> " + after + ", point " + java.util.Arrays.toString(r.x())
                + ", " + r.evaluations() + " evaluations, " + r.status());
        assertTrue(after > before + 10, "LML " + before + " -> " + after);
        // gain and f0 (latent = physical for these) back near the truth (1.0, 2.4) despite the discrepancy
        assertEquals(1.0, r.x()[3], 0.05, "gain");
        assertEquals(2.4, r.x()[4], 0.01, "f0");
    }

    @Test
    void aMeanFunctionOfTheWrongSizeOrANormalisedProcessIsRefused() {
        double[] f = ReferenceModel.frequencies();
        double[] y = measured(ReferenceModel.create());
        assertThrows(IllegalArgumentException.class,
                () -> new GpParametricMean(process().withNormalizeY(true), start(), f, N, 1, y));
        assertThrows(IllegalArgumentException.class, () -> new GpParametricMean(process(), start(),
                java.util.Arrays.copyOf(f, 100), 100, 1, java.util.Arrays.copyOf(y, 100)));
    }
}
