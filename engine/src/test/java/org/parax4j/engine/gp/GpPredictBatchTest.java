package org.parax4j.engine.gp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.parax4j.engine.kernel.Kernel;

/**
 * The batched prediction (full chunks of 144 test points: the engine's kernel matrices and one
 * matrix triangular solve per chunk) equals the pair-by-pair formulas: the mean {@code Σ_i k(x*, x_i)
 * a_i} with the compiled kernel and the variance from the diagonal of {@link GpPosterior#covariance},
 * on every reference kernel, with test points that coincide with training points (white noise must
 * not enter the cross covariance); and the parallel prediction has the sequential one's bits.
 */
class GpPredictBatchTest {

    private static final int N = 150;
    private static final int M = 300; // two full chunks and a partial one

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.parax4j.engine.gp.GaussianProcessReferenceTest#cases")
    void batchedPredictionEqualsPairByPairFormulas(String name, int d, Kernel kernel, boolean normalize) {
        double[] x = GpReference.inputs(N, d, 0.0);
        double[] y = GpReference.targets(x, N, d);
        GpPosterior posterior = GaussianProcess.of(kernel).withNormalizeY(normalize).condition(x, N, d, y);
        double[] xs = GpReference.inputs(M, d, 0.37);
        System.arraycopy(x, 0, xs, 5 * d, 10 * d); // test points 5 … 14 are training points 0 … 9
        GpPosterior.Prediction p = posterior.predict(xs, M);
        double[] cov = posterior.covariance(xs, M);
        GpPosterior.Prediction single = posterior.predict(xs, 1);
        for (int q = 0; q < M; q++) {
            double expected = Math.sqrt(Math.max(cov[q * M + q], 0));
            assertEquals(expected, p.std()[q], 1e-11 * (1 + expected), name + " std at " + q);
        }
        // The mean against one-point predictions of every 7th point (pair by pair, a partial chunk).
        for (int q = 0; q < M; q += 7) {
            double[] one = java.util.Arrays.copyOfRange(xs, q * d, q * d + d);
            double mean = posterior.predict(one, 1).mean()[0];
            assertEquals(mean, p.mean()[q], 1e-11 * (1 + Math.abs(mean)), name + " mean at " + q);
        }
        assertEquals(single.mean()[0], p.mean()[0], 1e-11 * (1 + Math.abs(single.mean()[0])));
        double[] mean = new double[M];
        double[] std = new double[M];
        posterior.predict(xs, M, mean, std, posterior.newWorkspace(false));
        assertArrayEquals(p.mean(), mean, 0.0, "parallel and sequential means");
        assertArrayEquals(p.std(), std, 0.0, "parallel and sequential standard deviations");
    }
}
