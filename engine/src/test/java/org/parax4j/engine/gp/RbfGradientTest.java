package org.parax4j.engine.gp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.parax4j.engine.EngineOptions;
import org.parax4j.engine.kernel.Kernel;
import org.parax4j.engine.linalg.Cholesky;
import org.parax4j.engine.linalg.TriangularSolve;

/**
 * The squared-exponential shapes' gradient ({@link RbfGradient}, which {@link GpWorkspace} takes for
 * them) equals the kernel tangent tiles' contraction {@code Σ_ij W_ij ∂K_ij/∂log θ} (the general
 * path, on a covariance built here pair by pair) to 1e-9 relative, for every recognised shape, at
 * n = 300 on two threads (three full column blocks and a ragged one, parallel tasks), with the same
 * bits on one thread.
 */
class RbfGradientTest {

    private static final int N = 300;
    private static final int D = 3;

    static Stream<Arguments> shapes() {
        Kernel.WhiteNoise white = new Kernel.WhiteNoise(0.05);
        Kernel ard = Kernel.rbfArd(0.7, 1.1, 0.4);
        return Stream.of(
                Arguments.of("isotropic", Kernel.rbf(1.3)),
                Arguments.of("ard", ard),
                Arguments.of("scaledArdPlusWhite", ard.scaled(1.3).plus(white)),
                Arguments.of("whitePlusScaledIsotropic", white.plus(Kernel.rbf(0.9).scaled(2.0))),
                Arguments.of("constantTimesArdPlusWhite", new Kernel.Constant(1.7).times(ard).plus(white)),
                Arguments.of("ardTimesConstantPlusWhite", ard.times(new Kernel.Constant(0.6)).plus(white)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void equalsTheTangentTiles(String name, Kernel kernel) {
        double[] x = GpReference.inputs(N, D, 0.3);
        double[] y = GpReference.targets(x, N, D);
        GaussianProcess gp = GaussianProcess.of(kernel).withAlpha(0.01); // well conditioned without white noise too
        RbfGradient path = RbfGradient.of(kernel, Training.of(x, N, D, y, gp), EngineOptions.singleThreaded());
        assertNotNull(path, name);
        path.bind(kernel);
        assertTrue(path.usable(), name + ": the block sums are taken");
        double[] theta = gp.logTheta();
        double[] fast = new double[theta.length];
        double lml = gp.newWorkspace(x, N, D, y, EngineOptions.ofParallelism(2)).logMarginalLikelihood(theta, fast);
        double[] oneThread = new double[theta.length];
        double lmlOne = gp.newWorkspace(x, N, D, y, EngineOptions.singleThreaded())
                .logMarginalLikelihood(theta, oneThread);
        assertEquals(lmlOne, lml, 0.0, name + ": LML on one thread and two");
        assertArrayEquals(oneThread, fast, name + ": the same gradient bits on one thread and two");
        assertGradientIsTheTiles(kernel, gp, x, y, fast, name);
    }

    /**
     * An input far from the others (10⁴ length scales from their mean): the block sums take differences
     * of inputs, never their expansion, so nothing cancels and they still equal the tiles.
     */
    @Test
    void aFarOutlierCancelsNothing() {
        double[] x = GpReference.inputs(N, D, 0.3);
        x[0] = 1e4;
        double[] y = GpReference.targets(x, N, D);
        Kernel kernel = Kernel.rbfArd(0.7, 1.1, 0.4).scaled(1.3).plus(new Kernel.WhiteNoise(0.05));
        GaussianProcess gp = GaussianProcess.of(kernel).withAlpha(0.01);
        assertTrue(boundPath(kernel, gp, x, y).usable(), "a far input uses the block sums");
        double[] gradient = twoThreadGradient(gp, x, y);
        assertGradientIsTheTiles(kernel, gp, x, y, gradient, "outlier");
    }

    /**
     * A length scale whose {@code 1/ℓ²} overflows (the kernel an equality indicator in that dimension):
     * the tiles evaluate it. Its own gradient entry is then not a number in the tiles themselves; every
     * other entry equals them (the block sums would give infinities and NaNs there).
     */
    @Test
    void aVanishingLengthScaleFallsBackToTheTiles() {
        double[] x = GpReference.inputs(N, D, 0.3);
        double[] y = GpReference.targets(x, N, D);
        Kernel kernel = Kernel.rbfArd(0.7, 1e-200, 0.4).scaled(1.3).plus(new Kernel.WhiteNoise(0.05));
        GaussianProcess gp = GaussianProcess.of(kernel).withAlpha(0.01);
        assertFalse(boundPath(kernel, gp, x, y).usable(), "1/ℓ² is not finite");
        double[] gradient = twoThreadGradient(gp, x, y);
        double[] tiles = tilesGradient(kernel, gp, x, y);
        double[] finiteTiles = new double[tiles.length - 1];
        double[] finiteFast = new double[tiles.length - 1];
        for (int q = 0, f = 0; q < tiles.length; q++) {
            if (q == 2) { // the vanishing length scale (after the scale and the first length)
                assertTrue(Double.isNaN(tiles[q]) && Double.isNaN(gradient[q]), "the vanishing length's own entry");
            } else {
                finiteTiles[f] = tiles[q];
                finiteFast[f++] = gradient[q];
            }
        }
        GaussianProcessReferenceTest.assertClose(finiteTiles, finiteFast, 1e-9, "vanishing length scale gradient");
    }

    /** The squared-exponential path of {@code kernel} (asserted present), bound to its hyperparameters. */
    private static RbfGradient boundPath(Kernel kernel, GaussianProcess gp, double[] x, double[] y) {
        RbfGradient path = RbfGradient.of(kernel, Training.of(x, N, D, y, gp), EngineOptions.singleThreaded());
        assertNotNull(path);
        path.bind(kernel);
        return path;
    }

    /** The LML gradient at {@code gp}'s hyperparameters from a two-thread workspace. */
    private static double[] twoThreadGradient(GaussianProcess gp, double[] x, double[] y) {
        double[] gradient = new double[gp.logTheta().length];
        gp.newWorkspace(x, N, D, y, EngineOptions.ofParallelism(2)).logMarginalLikelihood(gp.logTheta(), gradient);
        return gradient;
    }

    private static void assertGradientIsTheTiles(Kernel kernel, GaussianProcess gp, double[] x, double[] y,
            double[] fast, String name) {
        GaussianProcessReferenceTest.assertClose(tilesGradient(kernel, gp, x, y), fast, 1e-9, name + " gradient");
    }

    /** The tangent tiles' contraction on a covariance built here pair by pair. */
    private static double[] tilesGradient(Kernel kernel, GaussianProcess gp, double[] x, double[] y) {
        KernelGradients.Compiled compiled = KernelGradients.compile(kernel, D);
        double[] k = new double[N * N];
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < N; j++) {
                k[i * N + j] = compiled.value(x, i, x, j, i == j, null) + (i == j ? gp.alpha() : 0);
            }
        }
        Cholesky.factor(k, N, new double[Cholesky.panelLength(N)], false);
        double[] alpha = y.clone();
        TriangularSolve.solve(k, N, alpha);
        double[] w = new double[N * N];
        TriangularSolve.inverse(k, N, w);
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < N; j++) {
                w[i * N + j] = 0.5 * (alpha[i] * alpha[j] - w[i * N + j]);
            }
        }
        double[] tiles = new double[gp.logTheta().length];
        compiled.contract(x, N, w, tiles, false);
        return tiles;
    }

    @Test
    void otherKernelsKeepTheTiles() {
        double[] x = GpReference.inputs(N, D, 0.3);
        double[] y = GpReference.targets(x, N, D);
        Kernel ard = Kernel.rbfArd(0.7, 1.1, 0.4);
        for (Kernel kernel : new Kernel[] {Kernel.matern(Kernel.Nu.FIVE_HALVES, 1.2),
                ard.plus(new Kernel.Constant(0.3)), ard.times(Kernel.rbf(2.0)), ard.scaled(2.0).scaled(0.5)}) {
            GaussianProcess gp = GaussianProcess.of(kernel);
            assertNull(RbfGradient.of(kernel, Training.of(x, N, D, y, gp), EngineOptions.singleThreaded()),
                    kernel.toString());
        }
        assertEquals(4, KernelGradients.count(ard.scaled(2.0)));
    }
}
