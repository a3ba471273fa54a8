package org.parax4j.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.parax4j.module.Meta;
import org.parax4j.module.ModuleJson;
import org.parax4j.param.Parameter;

/** Matrices and diagonals against pairwise evaluation, PSD of the periodic kernel, JSON round trip. */
class KernelMatrixTest {

    static List<Kernel<?>> kernels() {
        Kernel<?> rbf = new RBFKernel(Parameter.of(new double[] {0.7, 1.3, 2.0}), Meta.NONE);
        return List.of(rbf, new MaternKernel(1.1, MaternKernel.Smoothness.HALF),
                new MaternKernel(0.9, MaternKernel.Smoothness.THREE_HALVES), new MaternKernel(1.5, null),
                new RationalQuadraticKernel(Parameter.of(1.2), Parameter.of(0.8), Meta.named("rq")),
                new PeriodicKernel(Parameter.of(new double[] {0.5, 1, 2}), Parameter.of(1.7), Meta.NONE),
                new ConstantKernel(Parameter.of(0.3), Meta.NONE), new WhiteNoiseKernel(Parameter.of(0.2), Meta.NONE),
                new ScaleKernel(rbf, Parameter.of(2.0), Meta.NONE),
                rbf.plus(new WhiteNoiseKernel(Parameter.of(0.1), Meta.NONE)).times(new RBFKernel(3)));
    }

    static double[] points(int n, int d, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] x = new double[n * d];
        for (int k = 0; k < x.length; k++) {
            x[k] = rng.nextDouble(-3, 3);
        }
        return x;
    }

    @Test
    void matrixAndDiagonalAgreeWithEvaluate() {
        int d = 3;
        double[] x1 = points(5, d, 1);
        double[] x2 = points(4, d, 2);
        System.arraycopy(x1, 0, x2, d, d); // a shared point, for the white-noise rule
        for (Kernel<?> k : kernels()) {
            double[] m = k.matrix(x1, 5, x2, 4, d);
            double[] diag = k.diagonal(x1, 5, d);
            for (int i = 0; i < 5; i++) {
                double[] a = java.util.Arrays.copyOfRange(x1, i * d, i * d + d);
                assertEquals(k.evaluate(a, a), diag[i], 0, k.toString());
                for (int j = 0; j < 4; j++) {
                    double[] b = java.util.Arrays.copyOfRange(x2, j * d, j * d + d);
                    assertEquals(k.evaluate(a, b), m[i * 4 + j], 0, k.toString());
                }
            }
        }
        double[] white = new WhiteNoiseKernel(Parameter.of(0.2), Meta.NONE).matrix(x1, 5, x2, 4, d);
        assertEquals(0.2, white[1]);
        assertEquals(0.2, java.util.Arrays.stream(white).sum(), 0, "only the shared point");
    }

    @Test
    void matrixInputsAreChecked() {
        Kernel<?> k = new RBFKernel(1);
        var e = assertThrows(IllegalArgumentException.class, () -> k.matrix(new double[5], 2, new double[4], 2, 2));
        assertTrue(e.getMessage().contains("x1 must hold rows*d = 4 values, has 5"), e.getMessage());
        var nan = assertThrows(IllegalArgumentException.class,
                () -> k.diagonal(new double[] {0, Double.NaN}, 1, 2));
        assertTrue(nan.getMessage().contains("x[0][1] must be finite, got NaN"), nan.getMessage());
    }

    @Test
    void periodicIsPositiveSemiDefiniteInThreeDimensions() {
        int n = 40;
        int d = 3;
        PeriodicKernel k = new PeriodicKernel(Parameter.of(new double[] {0.6, 1.0, 1.4}), Parameter.of(1.3), Meta.NONE);
        for (long seed = 1; seed <= 5; seed++) {
            double[] x = points(n, d, seed);
            double[] kk = k.matrix(x, n, x, n, d);
            for (int i = 0; i < n; i++) {
                kk[i * n + i] += 1e-10;
            }
            assertTrue(cholesky(kk, n), "Cholesky of K + 1e-10 I failed for seed " + seed);
        }
    }

    /** In-place lower Cholesky; false when a pivot is not positive. */
    static boolean cholesky(double[] a, int n) {
        for (int j = 0; j < n; j++) {
            double s = a[j * n + j];
            for (int k = 0; k < j; k++) {
                s -= a[j * n + k] * a[j * n + k];
            }
            if (!(s > 0)) {
                return false;
            }
            double l = Math.sqrt(s);
            a[j * n + j] = l;
            for (int i = j + 1; i < n; i++) {
                double t = a[i * n + j];
                for (int k = 0; k < j; k++) {
                    t -= a[i * n + k] * a[j * n + k];
                }
                a[i * n + j] = t / l;
            }
        }
        return true;
    }

    @Test
    void kernelsRoundTripThroughJson() {
        for (Kernel<?> k : kernels()) {
            assertEquals(k, ModuleJson.load(k.toJson()), k.toString());
        }
        Kernel<?> sum = new RBFKernel(2).plus(new ConstantKernel(Parameter.of(1.0), Meta.NONE));
        assertEquals(sum, ModuleJson.load(ModuleJson.save(sum), SumKernel.class));
    }
}
