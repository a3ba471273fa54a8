package org.parax4j.engine.fit;

import java.util.Map;

/**
 * The L-BFGS-B test problems of {@code lbfgsb_reference.py}, defined identically: objective and
 * analytic gradient. Moré–Garbow–Hillstrom problems (ACM TOMS 7(1), 1981) are written as sums of
 * squared residuals {@code f = Σ rᵢ²}, {@code ∇f = 2·Jᵀr}.
 */
final class LbfgsbProblems {

    private LbfgsbProblems() {}

    static final Map<String, ScalarObjective> BY_NAME = Map.ofEntries(
            Map.entry("rosenbrock2", LbfgsbProblems::rosenbrock),
            Map.entry("rosenbrock5", LbfgsbProblems::rosenbrock),
            Map.entry("rosenbrock10", LbfgsbProblems::rosenbrock),
            Map.entry("rosenbrock10_bounded", LbfgsbProblems::rosenbrock),
            Map.entry("rosenbrock4_upper_active", LbfgsbProblems::rosenbrock),
            Map.entry("quad_diag_mixed", LbfgsbProblems::quadDiag),
            Map.entry("quad_diag_inactive", LbfgsbProblems::quadDiag),
            Map.entry("quad_coupled_active", LbfgsbProblems::quadCoupled),
            Map.entry("mgh02_freudenstein_roth", squares(2, LbfgsbProblems::freudensteinRoth)),
            Map.entry("mgh04_brown_badly_scaled", squares(3, LbfgsbProblems::brownBadlyScaled)),
            Map.entry("mgh05_beale", squares(3, LbfgsbProblems::beale)),
            Map.entry("mgh07_helical_valley", squares(3, LbfgsbProblems::helicalValley)),
            Map.entry("mgh12_box3d", squares(10, LbfgsbProblems::box3d)),
            Map.entry("mgh13_powell_singular", squares(4, LbfgsbProblems::powellSingular)),
            Map.entry("mgh14_wood", squares(6, LbfgsbProblems::wood)),
            Map.entry("mgh14_wood_bounded", squares(6, LbfgsbProblems::wood)));

    interface ResidualFn {
        void eval(double[] x, double[] r, double[] jac);
    }

    static ScalarObjective squares(int m, ResidualFn fn) {
        return (x, g) -> {
            int n = x.length;
            double[] r = new double[m];
            double[] jac = new double[m * n];
            fn.eval(x, r, jac);
            double f = 0;
            java.util.Arrays.fill(g, 0);
            for (int i = 0; i < m; i++) {
                f += r[i] * r[i];
                for (int j = 0; j < n; j++) {
                    g[j] += 2 * jac[i * n + j] * r[i];
                }
            }
            return f;
        };
    }

    static double rosenbrock(double[] x, double[] g) {
        int n = x.length;
        double f = 0;
        java.util.Arrays.fill(g, 0);
        for (int i = 0; i < n - 1; i++) {
            double a = x[i + 1] - x[i] * x[i];
            double b = 1 - x[i];
            f += 100 * a * a + b * b;
            g[i] += -400 * x[i] * a - 2 * b;
            g[i + 1] += 200 * a;
        }
        return f;
    }

    private static final double[] DIAG = {1, 2, 3, 4, 5};
    private static final double[] C_DIAG = {3, -2, 0.5, -0.25, 10};

    static double quadDiag(double[] x, double[] g) {
        double f = 0;
        for (int i = 0; i < 5; i++) {
            double r = x[i] - C_DIAG[i];
            f += 0.5 * DIAG[i] * r * r;
            g[i] = DIAG[i] * r;
        }
        return f;
    }

    private static final double[][] A = {{4, 1, 0.5, 0}, {1, 3, 0.2, 0.1}, {0.5, 0.2, 2, 0.3}, {0, 0.1, 0.3, 1}};
    private static final double[] C = {2, -3, 0.5, 1.5};

    static double quadCoupled(double[] x, double[] g) {
        double f = 0;
        for (int i = 0; i < 4; i++) {
            double ar = 0;
            for (int j = 0; j < 4; j++) {
                ar += A[i][j] * (x[j] - C[j]);
            }
            g[i] = ar;
            f += 0.5 * (x[i] - C[i]) * ar;
        }
        return f;
    }

    static void freudensteinRoth(double[] x, double[] r, double[] j) {
        r[0] = -13 + x[0] + ((5 - x[1]) * x[1] - 2) * x[1];
        r[1] = -29 + x[0] + ((x[1] + 1) * x[1] - 14) * x[1];
        j[0] = 1;
        j[1] = 10 * x[1] - 3 * x[1] * x[1] - 2;
        j[2] = 1;
        j[3] = 3 * x[1] * x[1] + 2 * x[1] - 14;
    }

    static void brownBadlyScaled(double[] x, double[] r, double[] j) {
        r[0] = x[0] - 1e6;
        r[1] = x[1] - 2e-6;
        r[2] = x[0] * x[1] - 2;
        double[] jac = {1, 0, 0, 1, x[1], x[0]};
        System.arraycopy(jac, 0, j, 0, 6);
    }

    static void beale(double[] x, double[] r, double[] j) {
        double y = x[1];
        r[0] = 1.5 - x[0] * (1 - y);
        r[1] = 2.25 - x[0] * (1 - y * y);
        r[2] = 2.625 - x[0] * (1 - y * y * y);
        double[] jac = {-(1 - y), x[0], -(1 - y * y), 2 * x[0] * y, -(1 - y * y * y), 3 * x[0] * y * y};
        System.arraycopy(jac, 0, j, 0, 6);
    }

    static void helicalValley(double[] x, double[] r, double[] j) {
        double t = Math.atan(x[1] / x[0]) / (2 * Math.PI);
        if (x[0] < 0) {
            t += 0.5;
        }
        double r2 = x[0] * x[0] + x[1] * x[1];
        double rr = Math.sqrt(r2);
        r[0] = 10 * (x[2] - 10 * t);
        r[1] = 10 * (rr - 1);
        r[2] = x[2];
        double dt0 = -x[1] / (2 * Math.PI * r2);
        double dt1 = x[0] / (2 * Math.PI * r2);
        double[] jac = {-100 * dt0, -100 * dt1, 10, 10 * x[0] / rr, 10 * x[1] / rr, 0, 0, 0, 1};
        System.arraycopy(jac, 0, j, 0, 9);
    }

    static void box3d(double[] x, double[] r, double[] j) {
        for (int i = 0; i < 10; i++) {
            double t = 0.1 * (i + 1);
            double c = Math.exp(-t) - Math.exp(-10 * t);
            r[i] = Math.exp(-t * x[0]) - Math.exp(-t * x[1]) - x[2] * c;
            j[i * 3] = -t * Math.exp(-t * x[0]);
            j[i * 3 + 1] = t * Math.exp(-t * x[1]);
            j[i * 3 + 2] = -c;
        }
    }

    static void powellSingular(double[] x, double[] r, double[] j) {
        double s5 = Math.sqrt(5);
        double s10 = Math.sqrt(10);
        r[0] = x[0] + 10 * x[1];
        r[1] = s5 * (x[2] - x[3]);
        r[2] = (x[1] - 2 * x[2]) * (x[1] - 2 * x[2]);
        r[3] = s10 * (x[0] - x[3]) * (x[0] - x[3]);
        double[] jac = {1, 10, 0, 0, 0, 0, s5, -s5, 0, 2 * (x[1] - 2 * x[2]), -4 * (x[1] - 2 * x[2]), 0,
            2 * s10 * (x[0] - x[3]), 0, 0, -2 * s10 * (x[0] - x[3])};
        System.arraycopy(jac, 0, j, 0, 16);
    }

    static void wood(double[] x, double[] r, double[] j) {
        double s90 = Math.sqrt(90);
        double s10 = Math.sqrt(10);
        r[0] = 10 * (x[1] - x[0] * x[0]);
        r[1] = 1 - x[0];
        r[2] = s90 * (x[3] - x[2] * x[2]);
        r[3] = 1 - x[2];
        r[4] = s10 * (x[1] + x[3] - 2);
        r[5] = (x[1] - x[3]) / s10;
        double[] jac = {-20 * x[0], 10, 0, 0, -1, 0, 0, 0, 0, 0, -2 * s90 * x[2], s90, 0, 0, -1, 0,
            0, s10, 0, s10, 0, 1 / s10, 0, -1 / s10};
        System.arraycopy(jac, 0, j, 0, 24);
    }
}
