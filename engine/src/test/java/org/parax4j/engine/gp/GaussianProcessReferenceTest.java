package org.parax4j.engine.gp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.parax4j.engine.kernel.Kernel;
import org.parax4j.engine.kernel.LengthScales;

/**
 * Log marginal likelihood, its gradient with respect to log-hyperparameters, and predictions
 * (mean, std, covariance) equal scikit-learn 1.2.1's {@code GaussianProcessRegressor} on fixed
 * problems ({@code gp_reference.py}) to {@code 1e-9} relative; the gradient also equals central
 * differences of the likelihood, and the input gradients of the predictive mean and standard
 * deviation equal central differences of the predictions.
 */
class GaussianProcessReferenceTest {

    static final int N = 40;
    static final int M = 7;

    static Stream<Arguments> cases() {
        Kernel white05 = new Kernel.WhiteNoise(0.05);
        return Stream.of(
                Arguments.of("rbfArdWhite", 3, Kernel.rbfArd(0.8, 1.5, 2.5).plus(white05), false),
                Arguments.of("scaledMatern32White", 3,
                        Kernel.matern(Kernel.Nu.THREE_HALVES, 1.1).scaled(1.7).plus(new Kernel.WhiteNoise(0.02)),
                        false),
                Arguments.of("matern12", 2, new Kernel.Matern(Kernel.Nu.HALF, LengthScales.ard(0.9, 1.4)), false),
                Arguments.of("matern52Normalized", 3,
                        Kernel.matern(Kernel.Nu.FIVE_HALVES, 1.3).scaled(0.8).plus(new Kernel.WhiteNoise(0.01)), true),
                Arguments.of("rationalQuadratic", 2,
                        new Kernel.RationalQuadratic(1.2, 0.7).plus(new Kernel.WhiteNoise(0.03)), false),
                Arguments.of("periodic", 1, new Kernel.Periodic(0.9, 2.3).plus(white05), false),
                Arguments.of("productSum", 1, Kernel.rbf(3.0).times(new Kernel.Periodic(1.1, 1.9))
                        .plus(new Kernel.Constant(0.4)).plus(new Kernel.WhiteNoise(0.02)), false));
    }

    private static GaussianProcess process(Kernel kernel, boolean normalize) {
        return GaussianProcess.of(kernel).withNormalizeY(normalize);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void logMarginalLikelihoodAndGradientEqualScikitLearn(String name, int d, Kernel kernel, boolean normalize) {
        double[] x = GpReference.inputs(N, d, 0.0);
        double[] y = GpReference.targets(x, N, d);
        GaussianProcess gp = process(kernel, normalize);
        double[] theta = GpReference.get(name + ".theta");
        assertArrayEquals(theta, gp.logTheta(), 1e-15, "hyperparameter order");
        LogMarginalLikelihood lml = gp.logMarginalLikelihood(x, N, d, y);
        assertEquals(0, lml.jitter());
        assertClose(GpReference.get(name + ".lml"), new double[] {lml.value()}, 1e-9, name + " lml");
        assertClose(GpReference.get(name + ".gradient"), lml.gradient(), 1e-9, name + " gradient");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void gradientEqualsCentralDifferences(String name, int d, Kernel kernel, boolean normalize) {
        double[] x = GpReference.inputs(N, d, 0.0);
        double[] y = GpReference.targets(x, N, d);
        GaussianProcess gp = process(kernel, normalize);
        double[] theta = gp.logTheta();
        double[] gradient = gp.logMarginalLikelihood(x, N, d, y).gradient();
        double h = 1e-5;
        double[] numeric = new double[theta.length];
        for (int p = 0; p < theta.length; p++) {
            double[] plus = theta.clone();
            double[] minus = theta.clone();
            plus[p] += h;
            minus[p] -= h;
            numeric[p] = (gp.logMarginalLikelihood(plus, x, N, d, y).value()
                    - gp.logMarginalLikelihood(minus, x, N, d, y).value()) / (2 * h);
        }
        assertClose(numeric, gradient, 1e-6, name + " gradient vs central differences");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void predictionEqualsScikitLearn(String name, int d, Kernel kernel, boolean normalize) {
        double[] x = GpReference.inputs(N, d, 0.0);
        double[] y = GpReference.targets(x, N, d);
        double[] xs = GpReference.inputs(M, d, 0.37);
        GpPosterior posterior = process(kernel, normalize).condition(x, N, d, y);
        GpPosterior.Prediction p = posterior.predict(xs, M);
        assertClose(GpReference.get(name + ".mean"), p.mean(), 1e-9, name + " mean");
        assertClose(GpReference.get(name + ".std"), p.std(), 1e-9, name + " std");
        assertClose(GpReference.get(name + ".cov"), posterior.covariance(xs, M), 1e-9, name + " covariance");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void inputGradientsEqualCentralDifferences(String name, int d, Kernel kernel, boolean normalize) {
        double[] x = GpReference.inputs(N, d, 0.0);
        double[] y = GpReference.targets(x, N, d);
        double[] xs = GpReference.inputs(M, d, 0.37);
        GpPosterior posterior = process(kernel, normalize).condition(x, N, d, y);
        double[][] analytic = posterior.inputGradients(xs, M);
        double h = 1e-6;
        double[] meanFd = new double[M * d];
        double[] stdFd = new double[M * d];
        for (int q = 0; q < M; q++) {
            for (int k = 0; k < d; k++) {
                double[] plus = xs.clone();
                double[] minus = xs.clone();
                plus[q * d + k] += h;
                minus[q * d + k] -= h;
                GpPosterior.Prediction p = posterior.predict(plus, M);
                GpPosterior.Prediction m = posterior.predict(minus, M);
                meanFd[q * d + k] = (p.mean()[q] - m.mean()[q]) / (2 * h);
                stdFd[q * d + k] = (p.std()[q] - m.std()[q]) / (2 * h);
            }
        }
        assertClose(meanFd, analytic[0], 1e-5, name + " ∂mean/∂x*");
        assertClose(stdFd, analytic[1], 1e-5, name + " ∂std/∂x*");
    }

    /**
     * {@code |actual − expected| ≤ tol·max(|expected_i|, 1e-3·max_j |expected_j|)} per element: relative,
     * with a floor at a thousandth of the largest entry for entries near zero.
     */
    static void assertClose(double[] expected, double[] actual, double tol, String what) {
        assertEquals(expected.length, actual.length, what + ": length");
        double scale = 0;
        for (double e : expected) {
            scale = Math.max(scale, Math.abs(e));
        }
        double worst = 0;
        for (int i = 0; i < expected.length; i++) {
            double err = Math.abs(actual[i] - expected[i]) / Math.max(Math.abs(expected[i]), 1e-3 * scale);
            worst = Math.max(worst, err);
            assertTrue(err <= tol, what + "[" + i + "]: expected " + expected[i] + ", got " + actual[i]
                    + " (relative error " + err + ")");
        }
        System.out.println(what + ": worst relative error " + worst);
    }
}
