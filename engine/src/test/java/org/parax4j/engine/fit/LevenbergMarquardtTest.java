package org.parax4j.engine.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Levenberg–Marquardt on Moré–Garbow–Hillstrom residual problems with published minima, bounds and bad input. */
class LevenbergMarquardtTest {

    /** A residual problem from a function that fills residuals and the row-major m×n Jacobian. */
    static ResidualFunction problem(int m, int n, LbfgsbProblems.ResidualFn fn) {
        double[] jac = new double[m * n];
        return new ResidualFunction() {
            @Override
            public int size() {
                return m;
            }

            @Override
            public void residuals(double[] x, double[] r) {
                fn.eval(x, r, jac);
            }

            @Override
            public void jacobian(double[] x, double[] r, double[] jt) {
                fn.eval(x, r, jac);
                for (int i = 0; i < m; i++) {
                    for (int j = 0; j < n; j++) {
                        jt[j * m + i] = jac[i * n + j];
                    }
                }
            }
        };
    }

    private static OptimizationResult run(int m, double[] x0, LbfgsbProblems.ResidualFn fn) {
        return LevenbergMarquardt.defaults().minimize(problem(m, x0.length, fn), x0, null, null,
                new LevenbergMarquardt.Workspace(x0.length, m));
    }

    @Test
    void reachesPublishedZeroResidualMinima() {
        assertMinimum(run(3, new double[] {1, 1}, LbfgsbProblems::beale), new double[] {3, 0.5}, 1e-8);
        assertMinimum(run(3, new double[] {-1, 0, 0}, LbfgsbProblems::helicalValley), new double[] {1, 0, 0}, 1e-8);
        assertMinimum(run(6, new double[] {-3, -1, -3, -1}, LbfgsbProblems::wood), new double[] {1, 1, 1, 1}, 1e-8);
        assertMinimum(run(10, new double[] {0, 10, 20}, LbfgsbProblems::box3d), new double[] {1, 10, 1}, 1e-6);
        OptimizationResult brown = run(3, new double[] {1, 1}, LbfgsbProblems::brownBadlyScaled);
        assertEquals(1e6, brown.x()[0], 1e-3);
        assertEquals(2e-6, brown.x()[1], 1e-12);
    }

    @Test
    void reachesTheFreudensteinRothLocalMinimum() {
        OptimizationResult r = run(2, new double[] {0.5, -2}, LbfgsbProblems::freudensteinRoth);
        // published: f = Σr² = 48.9842... at (11.41..., −0.8968...); value() is ½Σr²
        assertEquals(48.98425367924, 2 * r.value(), 1e-9);
        assertEquals(11.412779, r.x()[0], 1e-5);
    }

    private static void assertMinimum(OptimizationResult r, double[] expected, double tol) {
        assertTrue(r.converged(), r.toString());
        assertTrue(r.value() < 1e-16, "½‖r‖² = " + r.value());
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], r.x()[i], tol, "x[" + i + "]");
        }
    }

    @Test
    void boundsAreRespectedAndActive() {
        // Wood with x[0] ≤ 0.9 and x[3] ≥ 1.5: the optimum puts x[3] on its bound
        double[] lo = {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, 1.5};
        double[] hi = {0.9, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
        OptimizationResult r = LevenbergMarquardt.defaults().minimize(problem(6, 4, LbfgsbProblems::wood),
                new double[] {-3, -1, -3, -1}, lo, hi, new LevenbergMarquardt.Workspace(4, 6));
        for (int i = 0; i < 4; i++) {
            assertTrue(r.x()[i] >= lo[i] && r.x()[i] <= hi[i], "x[" + i + "] = " + r.x()[i]);
        }
        assertEquals(1.5, r.x()[3], 1e-12);
        assertTrue(2 * r.value() < 10, "Σr² = " + 2 * r.value());
    }

    @Test
    void linearProblemIsSolvedExactly() {
        Random rnd = new Random(7);
        int m = 30;
        double[] t = new double[m];
        double[] y = new double[m];
        for (int i = 0; i < m; i++) {
            t[i] = i / 10.0;
            y[i] = 2 - 0.5 * t[i] + 0.1 * rnd.nextGaussian();
        }
        OptimizationResult r = run(m, new double[] {0, 0}, (x, res, jac) -> {
            for (int i = 0; i < m; i++) {
                res[i] = x[0] + x[1] * t[i] - y[i];
                jac[2 * i] = 1;
                jac[2 * i + 1] = t[i];
            }
        });
        double st = 0;
        double sy = 0;
        double stt = 0;
        double sty = 0;
        for (int i = 0; i < m; i++) {
            st += t[i];
            sy += y[i];
            stt += t[i] * t[i];
            sty += t[i] * y[i];
        }
        double slope = (m * sty - st * sy) / (m * stt - st * st);
        double intercept = (sy - slope * st) / m;
        assertEquals(intercept, r.x()[0], 1e-10);
        assertEquals(slope, r.x()[1], 1e-10);
    }

    @Test
    void badInputIsNamed() {
        LevenbergMarquardt lm = LevenbergMarquardt.defaults();
        ResidualFunction beale = problem(3, 2, LbfgsbProblems::beale);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> lm.minimize(beale, new double[] {1, 1}, null, null, new LevenbergMarquardt.Workspace(3, 3)));
        assertTrue(e.getMessage().contains("workspace is sized for n = 3, m = 3, the problem has n = 2, m = 3"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> lm.minimize(beale, new double[] {1, Double.POSITIVE_INFINITY}, null, null, new LevenbergMarquardt.Workspace(2, 3)));
        assertTrue(e.getMessage().contains("x0[1] must be finite"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> lm.withMaxIterations(0));
        assertThrows(IllegalArgumentException.class, () -> lm.withTolerances(0, -1, 0));
        assertThrows(IllegalArgumentException.class, () -> new LevenbergMarquardt.Workspace(0, 3));
    }

    @Test
    void symmetricEigenDecomposes() {
        Random rnd = new Random(3);
        int n = 6;
        double[] b = new double[n * n];
        for (int i = 0; i < b.length; i++) {
            b[i] = rnd.nextGaussian();
        }
        double[] a = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                for (int k = 0; k < n; k++) {
                    a[i * n + j] += b[i * n + k] * b[j * n + k];
                }
            }
        }
        SymmetricEigen e = SymmetricEigen.of(a, n);
        for (int r = 0; r < n; r++) {
            if (r > 0) {
                assertTrue(e.values[r] >= e.values[r - 1]);
            }
            for (int i = 0; i < n; i++) {
                double av = 0;
                for (int j = 0; j < n; j++) {
                    av += a[i * n + j] * e.vectors[r][j];
                }
                assertEquals(e.values[r] * e.vectors[r][i], av, 1e-10, "A·v = λ·v, pair " + r);
            }
        }
    }
}
