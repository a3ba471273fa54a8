package org.parax4j.engine.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.parax4j.engine.fit.LeastSquaresTest.Quadratic;
import org.parax4j.engine.fit.LeastSquaresTest.Ringdown;
import org.parax4j.engine.graph.ModelFunction;
import org.parax4j.engine.linalg.Lu;

/** Least squares with a full data covariance: the σ-per-point fit, generalised least squares, bad input. */
class LeastSquaresCovarianceTest {

    static final double[] T = LeastSquaresTest.T;

    @Test
    void diagonalCovarianceIsTheSigmaPerPointFit() {
        int m = T.length;
        double[] sigma = new double[m];
        double[] cov = new double[m * m];
        double[] y = LeastSquaresTest.ringdown(new double[] {1, 0.8, 6, 0.1}, T).evaluate();
        Random rnd = new Random(5);
        for (int i = 0; i < m; i++) {
            sigma[i] = 0.02 + 0.08 * i / m;
            cov[i * m + i] = sigma[i] * sigma[i];
            y[i] += sigma[i] * rnd.nextGaussian();
        }
        ModelFunction<Ringdown> f = LeastSquaresTest.ringdown(new double[] {0.9, 0.7, 6.1, 0}, T);
        FitResult<Ringdown> bySigma = LeastSquares.of(f, y).withSigma(sigma).fit();
        FitResult<Ringdown> byCov = LeastSquares.of(f, y).withCovariance(cov).fit();
        assertTrue(byCov.converged(), byCov.report());
        assertEquals(bySigma.chiSquare(), byCov.chiSquare(), 1e-10 * bySigma.chiSquare());
        assertEquals(bySigma.rSquared(), byCov.rSquared(), 1e-12);
        for (int j = 0; j < 4; j++) {
            FitParameter a = bySigma.parameters().get(j);
            FitParameter b = byCov.parameters().get(j);
            assertEquals(a.value(), b.value(), 1e-10 * Math.max(1, Math.abs(a.value())), "value " + j);
            assertEquals(a.standardError(), b.standardError(), 1e-8 * a.standardError(), "error " + j);
        }
    }

    @Test
    void correlatedCovarianceIsGeneralisedLeastSquares() {
        int m = T.length;
        double s = 0.1;
        double rho = 0.7;
        double[] cov = new double[m * m];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                cov[i * m + j] = s * s * Math.pow(rho, Math.abs(i - j)); // AR(1) noise
            }
        }
        double[] y = LeastSquaresTest.quadratic(1, -2, 0.5).evaluate();
        Random rnd = new Random(11);
        double e = 0;
        for (int i = 0; i < m; i++) {
            e = rho * e + s * Math.sqrt(1 - rho * rho) * rnd.nextGaussian();
            y[i] += i == 0 ? s * rnd.nextGaussian() : e;
        }
        FitResult<Quadratic> fit = LeastSquares.of(LeastSquaresTest.quadratic(0, 0, 0), y).withCovariance(cov).fit();
        assertTrue(fit.converged(), fit.report());
        // closed form: β = (XᵀC⁻¹X)⁻¹XᵀC⁻¹y, Cov β = (XᵀC⁻¹X)⁻¹
        double[] lu = cov.clone();
        int[] piv = new int[m];
        assertEquals(-1, Lu.factor(lu, m, piv));
        double[] cInvX = new double[m * 3];
        for (int i = 0; i < m; i++) {
            cInvX[i * 3] = 1;
            cInvX[i * 3 + 1] = T[i];
            cInvX[i * 3 + 2] = T[i] * T[i];
        }
        double[] x = cInvX.clone();
        Lu.solve(lu, m, piv, cInvX, 0, 3);
        double[] normal = new double[9];
        double[] rhs = new double[3];
        for (int i = 0; i < m; i++) {
            for (int a = 0; a < 3; a++) {
                rhs[a] += cInvX[i * 3 + a] * y[i];
                for (int b = 0; b < 3; b++) {
                    normal[a * 3 + b] += x[i * 3 + a] * cInvX[i * 3 + b];
                }
            }
        }
        int[] p3 = new int[3];
        double[] inv = new double[9];
        Lu.factor(normal, 3, p3);
        Lu.inverse(normal, 3, p3, inv);
        double chi2 = 0;
        for (int a = 0; a < 3; a++) {
            double beta = inv[a * 3] * rhs[0] + inv[a * 3 + 1] * rhs[1] + inv[a * 3 + 2] * rhs[2];
            assertEquals(beta, fit.parameters().get(a).value(), 1e-8, "beta " + a);
            assertEquals(Math.sqrt(inv[a * 3 + a]), fit.parameters().get(a).standardError(),
                    1e-8 * Math.sqrt(inv[a * 3 + a]), "standard error " + a);
        }
        // and it differs from ignoring the correlation (the test can tell the two apart)
        double[] sigma = new double[m];
        java.util.Arrays.fill(sigma, s);
        FitResult<Quadratic> diag = LeastSquares.of(LeastSquaresTest.quadratic(0, 0, 0), y).withSigma(sigma).fit();
        assertTrue(Math.abs(diag.parameters().get(2).standardError() - fit.parameters().get(2).standardError())
                > 0.1 * fit.parameters().get(2).standardError());
    }

    @Test
    void invalidCovariancesAreNamed() {
        int m = T.length;
        LeastSquares<Quadratic> ls = LeastSquares.of(LeastSquaresTest.quadratic(0, 0, 0), new double[m]);
        IllegalArgumentException shape = assertThrows(IllegalArgumentException.class,
                () -> ls.withCovariance(new double[m * m - 1]));
        assertTrue(shape.getMessage().contains("50 × 50"), shape.getMessage());
        double[] asym = identity(m);
        asym[3 * m + 1] = 0.1;
        IllegalArgumentException sym = assertThrows(IllegalArgumentException.class, () -> ls.withCovariance(asym));
        assertTrue(sym.getMessage().contains("symmetric") && sym.getMessage().contains("cov[3][1]"), sym.getMessage());
        double[] indefinite = identity(m);
        indefinite[7 * m + 7] = -1;
        IllegalArgumentException pd = assertThrows(IllegalArgumentException.class,
                () -> ls.withCovariance(indefinite));
        assertTrue(pd.getMessage().contains("positive definite") && pd.getMessage().contains("pivot 7"),
                pd.getMessage());
        double[] nan = identity(m);
        nan[2] = Double.NaN;
        assertThrows(IllegalArgumentException.class, () -> ls.withCovariance(nan));
    }

    private static double[] identity(int m) {
        double[] c = new double[m * m];
        for (int i = 0; i < m; i++) {
            c[i * m + i] = 1;
        }
        return c;
    }
}
