package org.parax4j.engine.gp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.parax4j.engine.EngineOptions;
import org.parax4j.engine.kernel.Kernel;
import org.parax4j.engine.linalg.Cholesky;
import org.parax4j.engine.linalg.TriangularSolve;

/**
 * The log marginal likelihood, its gradient, the factor and the inverse are the same bits on 1 and
 * 3 threads at a size where every parallel path runs (n = 600: the panel solve and trailing update
 * from m ≥ 256, the inverse's column blocks, the tangent tiles).
 */
class GpThreadBitsTest {

    private static final int N = 600;
    private static final int D = 3;

    @Test
    void sameBitsOnOneAndThreeThreads() {
        double[] x = GpReference.inputs(N, D, 0.3);
        double[] y = GpReference.targets(x, N, D);
        GaussianProcess gp = GaussianProcess.of(Kernel.rbfArd(0.7, 1.1, 0.4).scaled(1.3).plus(new Kernel.WhiteNoise(0.05)));
        double[] theta = gp.logTheta();
        double[] g1 = new double[theta.length];
        double[] g3 = new double[theta.length];
        double v1 = gp.newWorkspace(x, N, D, y, EngineOptions.ofParallelism(1)).logMarginalLikelihood(theta, g1);
        double v3 = gp.newWorkspace(x, N, D, y, EngineOptions.ofParallelism(3)).logMarginalLikelihood(theta, g3);
        assertEquals(v1, v3, 0.0);
        assertArrayEquals(g1, g3, 0.0);

        double[] k = new double[N * N];
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < N; j++) {
                double s = 0;
                for (int c = 0; c < D; c++) {
                    double diff = x[i * D + c] - x[j * D + c];
                    s += diff * diff;
                }
                k[i * N + j] = Math.exp(-0.5 * s / 0.09) + (i == j ? 1e-2 : 0);
            }
        }
        double[] l1 = k.clone();
        double[] l3 = k.clone();
        Cholesky.factor(l1, N, new double[Cholesky.panelLength(N)], EngineOptions.ofParallelism(1));
        Cholesky.factor(l3, N, new double[Cholesky.panelLength(N)], EngineOptions.ofParallelism(3));
        assertArrayEquals(l1, l3, 0.0, "factor");
        double[] i1 = new double[N * N];
        double[] i3 = new double[N * N];
        TriangularSolve.inverse(l1, N, i1, EngineOptions.ofParallelism(1));
        TriangularSolve.inverse(l1, N, i3, EngineOptions.ofParallelism(3));
        assertArrayEquals(i1, i3, 0.0, "inverse");
        // and it is the inverse: row 0 of K·K⁻¹
        for (int j = 0; j < N; j += 37) {
            double s = 0;
            for (int q = 0; q < N; q++) {
                s += k[q] * i1[q * N + j];
            }
            assertEquals(j == 0 ? 1 : 0, s, 1e-6, "(K·K⁻¹)[0][" + j + "]");
        }
    }
}
