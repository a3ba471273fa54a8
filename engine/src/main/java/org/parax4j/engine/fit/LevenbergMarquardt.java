package org.parax4j.engine.fit;

import org.jspecify.annotations.Nullable;

import java.util.Arrays;
import java.util.Objects;
import org.parax4j.engine.linalg.Cholesky;
import org.parax4j.engine.linalg.TriangularSolve;

/**
 * Levenberg–Marquardt minimisation of {@code ½‖r(x)‖²} with an exact Jacobian and optional box
 * bounds (steps are projected onto the box).
 *
 * <p>Each iteration solves {@code (JᵀJ + λ·D)·δ = −Jᵀr} by Cholesky, where D is Moré's scaling:
 * the running maximum of the diagonal of {@code JᵀJ} (J. J. Moré, "The Levenberg–Marquardt
 * algorithm: implementation and theory", LNM 630, 1978), and updates λ from the gain ratio ρ of
 * actual to predicted reduction as Nielsen does ({@code λ·max(1/3, 1 − (2ρ − 1)³)} on success,
 * {@code λ·ν}, ν doubling, on failure; H. B. Nielsen, "Damping parameter in Marquardt's method",
 * IMM-REP-1999-05). A trial point costs one plain residual evaluation; the Jacobian is computed
 * only at accepted points.
 *
 * <p><b>Why not Hipparchus.</b> The library modules may not depend on peer libraries (SPEC §1);
 * Hipparchus' {@code LevenbergMarquardtOptimizer} is measured against this one in {@code bench/}.
 *
 * <p><b>Stopping</b> (MINPACK's tests): the scaled gradient {@code max_j |(Jᵀr)_j| / (‖J_j‖·‖r‖)}
 * ≤ gradientTolerance (1e-12); both actual and predicted relative reductions ≤ functionTolerance
 * (1e-14); the scaled step {@code ‖D^½δ‖ ≤ stepTolerance·‖D^½x‖} (1e-10); or the iteration limit
 * (500).
 *
 * <p>Immutable and thread-safe; {@link #minimize} allocates nothing when given a workspace.
 */
public final class LevenbergMarquardt {

    private final int maxIterations;
    private final double gradientTolerance;
    private final double functionTolerance;
    private final double stepTolerance;

    private LevenbergMarquardt(int maxIterations, double gradientTolerance, double functionTolerance,
            double stepTolerance) {
        this.maxIterations = maxIterations;
        this.gradientTolerance = gradientTolerance;
        this.functionTolerance = functionTolerance;
        this.stepTolerance = stepTolerance;
    }

    /** Defaults: 500 iterations; gradient 1e-12, function 1e-14, step 1e-10. */
    public static LevenbergMarquardt defaults() {
        return new LevenbergMarquardt(500, 1e-12, 1e-14, 1e-10);
    }

    /** A copy with this iteration limit. @throws IllegalArgumentException unless ≥ 1 */
    public LevenbergMarquardt withMaxIterations(int iterations) {
        if (iterations < 1) {
            throw new IllegalArgumentException("maxIterations must be >= 1, got " + iterations);
        }
        return new LevenbergMarquardt(iterations, gradientTolerance, functionTolerance, stepTolerance);
    }

    /** A copy with these tolerances (0 disables a test). @throws IllegalArgumentException when one is negative or NaN */
    public LevenbergMarquardt withTolerances(double gradient, double function, double step) {
        if (!(gradient >= 0) || !(function >= 0) || !(step >= 0)) {
            throw new IllegalArgumentException("tolerances must be >= 0, got gradient " + gradient + ", function "
                    + function + ", step " + step);
        }
        return new LevenbergMarquardt(maxIterations, gradient, function, step);
    }

    /** The iteration limit. */
    public int maxIterations() {
        return maxIterations;
    }

    /** Scratch for problems with n parameters and m residuals; reuse it to fit without allocating. */
    public static final class Workspace {
        final int n;
        final int m;
        final double[] r;
        final double[] rTrial;
        final double[] jt;
        final double[] a;
        final double[] chol;
        /** Scratch of {@link Cholesky#factor}; empty for n ≤ {@link Cholesky#BLOCK}. */
        final double[] panel;
        final double[] g;
        final double[] delta;
        final double[] x;
        final double[] xTrial;
        final double[] diag;

        /**
         * Allocates scratch for n parameters and m residuals.
         *
         * @throws IllegalArgumentException unless n ≥ 1 and m ≥ 1
         */
        public Workspace(int n, int m) {
            if (n < 1 || m < 1) {
                throw new IllegalArgumentException("workspace needs n >= 1 and m >= 1, got n = " + n + ", m = " + m);
            }
            this.n = n;
            this.m = m;
            r = new double[m];
            rTrial = new double[m];
            jt = new double[n * m];
            a = new double[n * n];
            chol = new double[n * n];
            panel = new double[Cholesky.panelLength(n)];
            g = new double[n];
            delta = new double[n];
            x = new double[n];
            xTrial = new double[n];
            diag = new double[n];
        }

        /** The residuals at the last accepted point (valid after {@link #minimize}). Live view. */
        public double[] residuals() {
            return r;
        }

        /** The transposed Jacobian at the last accepted point (valid after {@link #minimize}). Live view. */
        public double[] jacobianT() {
            return jt;
        }
    }

    /**
     * Minimises {@code ½‖r(x)‖²} from x0. Allocates the result only.
     *
     * @param fn residuals and Jacobian
     * @param x0 the start (projected into the box). Not modified.
     * @param lower lower bounds or null. Not modified.
     * @param upper upper bounds or null. Not modified.
     * @param ws scratch sized for (x0.length, fn.size()). Modified; afterwards holds the residuals and
     *     Jacobian at the returned point.
     * @return the result; {@code value} is {@code ½‖r‖²}, {@code gradient} is {@code Jᵀr}
     * @throws IllegalArgumentException for a workspace of the wrong size, a non-finite start, NaN
     *     bounds or crossed bounds, or non-finite residuals or Jacobian at the start
     */
    public OptimizationResult minimize(ResidualFunction fn, double[] x0, double @Nullable [] lower,
            double @Nullable [] upper, Workspace ws) {
        Objects.requireNonNull(fn, "fn");
        Objects.requireNonNull(x0, "x0");
        Objects.requireNonNull(ws, "ws");
        int n = x0.length;
        int m = fn.size();
        if (ws.n != n || ws.m != m) {
            throw new IllegalArgumentException("workspace is sized for n = " + ws.n + ", m = " + ws.m
                    + ", the problem has n = " + n + ", m = " + m);
        }
        checkBounds(lower, n, "lower");
        checkBounds(upper, n, "upper");
        double[] x = ws.x;
        for (int j = 0; j < n; j++) {
            if (!Double.isFinite(x0[j])) {
                throw new IllegalArgumentException("x0[" + j + "] must be finite, got " + x0[j]);
            }
            double lo = lower == null ? Double.NEGATIVE_INFINITY : lower[j];
            double hi = upper == null ? Double.POSITIVE_INFINITY : upper[j];
            if (!(lo <= hi)) {
                throw new IllegalArgumentException("lower[" + j + "] = " + lo + " exceeds upper[" + j + "] = " + hi);
            }
            x[j] = Math.min(hi, Math.max(lo, x0[j]));
        }
        fn.jacobian(x, ws.r, ws.jt);
        double cost = 0.5 * SmallDense.dot(ws.r, 0, ws.r, 0, m);
        if (!Double.isFinite(cost) || !allFinite(ws.jt, n * m)) {
            throw new IllegalArgumentException("residuals or Jacobian not finite at the start (½‖r‖² = " + cost + ")");
        }
        int evaluations = 1;
        Arrays.fill(ws.diag, 0);
        normalEquations(ws);
        double lambda = 0;
        for (int j = 0; j < n; j++) {
            lambda = Math.max(lambda, ws.a[j * n + j]);
        }
        lambda = 1e-3 * Math.max(lambda, Double.MIN_NORMAL);
        double nu = 2;
        int iterations = 0;
        OptimizerStatus status = null;
        while (status == null) {
            if (scaledGradient(ws, cost) <= gradientTolerance) {
                status = OptimizerStatus.GRADIENT_TOLERANCE;
                break;
            }
            if (iterations >= maxIterations) {
                status = OptimizerStatus.MAX_ITERATIONS;
                break;
            }
            iterations++;
            // (JᵀJ + λD)·δ = −g
            System.arraycopy(ws.a, 0, ws.chol, 0, n * n);
            for (int j = 0; j < n; j++) {
                ws.chol[j * n + j] += lambda * ws.diag[j];
                ws.delta[j] = -ws.g[j];
            }
            if (Cholesky.factor(ws.chol, n, ws.panel, false) >= 0) {
                lambda *= nu;
                nu *= 2;
                if (!Double.isFinite(lambda)) {
                    status = OptimizerStatus.LINE_SEARCH_FAILED;
                }
                continue;
            }
            TriangularSolve.solve(ws.chol, n, ws.delta);
            double stepNorm = 0;
            double xNorm = 0;
            for (int j = 0; j < n; j++) {
                double lo = lower == null ? Double.NEGATIVE_INFINITY : lower[j];
                double hi = upper == null ? Double.POSITIVE_INFINITY : upper[j];
                ws.xTrial[j] = Math.min(hi, Math.max(lo, x[j] + ws.delta[j]));
                ws.delta[j] = ws.xTrial[j] - x[j];
                double dj = Math.sqrt(ws.diag[j]);
                stepNorm += (dj * ws.delta[j]) * (dj * ws.delta[j]);
                xNorm += (dj * x[j]) * (dj * x[j]);
            }
            stepNorm = Math.sqrt(stepNorm);
            xNorm = Math.sqrt(xNorm);
            // predicted reduction of the linear model: −(gᵀδ + ½δᵀAδ)
            double predicted = 0;
            for (int j = 0; j < n; j++) {
                double aDelta = SmallDense.dot(ws.a, j * n, ws.delta, 0, n);
                predicted -= ws.delta[j] * (ws.g[j] + 0.5 * aDelta);
            }
            fn.residuals(ws.xTrial, ws.rTrial);
            evaluations++;
            double trialCost = 0.5 * SmallDense.dot(ws.rTrial, 0, ws.rTrial, 0, m);
            if (Double.isNaN(trialCost)) {
                trialCost = Double.POSITIVE_INFINITY;
            }
            double actual = cost - trialCost;
            double rho = predicted > 0 ? actual / predicted : -1;
            if (rho > 1e-4) {
                System.arraycopy(ws.xTrial, 0, x, 0, n);
                fn.jacobian(x, ws.r, ws.jt);
                double previous = cost;
                cost = 0.5 * SmallDense.dot(ws.r, 0, ws.r, 0, m);
                normalEquations(ws);
                double t = 2 * rho - 1;
                lambda *= Math.max(1.0 / 3, 1 - t * t * t);
                nu = 2;
                if (actual <= functionTolerance * previous && predicted <= functionTolerance * previous) {
                    status = OptimizerStatus.FUNCTION_TOLERANCE;
                } else if (stepNorm <= stepTolerance * xNorm) {
                    status = OptimizerStatus.STEP_TOLERANCE;
                }
            } else {
                lambda *= nu;
                nu *= 2;
                if (stepNorm <= stepTolerance * xNorm || !Double.isFinite(lambda)) {
                    status = OptimizerStatus.STEP_TOLERANCE;
                }
            }
        }
        return new OptimizationResult(x.clone(), cost, ws.g.clone(), iterations, evaluations, status);
    }

    /** a = JᵀJ, g = Jᵀr, and Moré's running-max scaling diag. */
    private static void normalEquations(Workspace ws) {
        int n = ws.n;
        int m = ws.m;
        for (int j = 0; j < n; j++) {
            for (int k = 0; k <= j; k++) {
                double v = SmallDense.dot(ws.jt, j * m, ws.jt, k * m, m);
                ws.a[j * n + k] = v;
                ws.a[k * n + j] = v;
            }
            ws.g[j] = SmallDense.dot(ws.jt, j * m, ws.r, 0, m);
            ws.diag[j] = Math.max(ws.diag[j], Math.max(ws.a[j * n + j], 1e-30));
        }
    }

    private static double scaledGradient(Workspace ws, double cost) {
        double rNorm = Math.sqrt(2 * cost);
        if (rNorm == 0) {
            return 0;
        }
        double max = 0;
        for (int j = 0; j < ws.n; j++) {
            double colNorm = Math.sqrt(ws.a[j * ws.n + j]);
            if (colNorm > 0) {
                max = Math.max(max, Math.abs(ws.g[j]) / (colNorm * rNorm));
            }
        }
        return max;
    }

    private static void checkBounds(double[] b, int n, String name) {
        if (b == null) {
            return;
        }
        if (b.length != n) {
            throw new IllegalArgumentException(name + " bounds have length " + b.length + ", expected " + n);
        }
        for (int j = 0; j < n; j++) {
            if (Double.isNaN(b[j])) {
                throw new IllegalArgumentException(name + "[" + j + "] is NaN");
            }
        }
    }

    private static boolean allFinite(double[] v, int len) {
        for (int i = 0; i < len; i++) {
            if (!Double.isFinite(v[i])) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return "LevenbergMarquardt[maxIterations=" + maxIterations + ", gradientTolerance=" + gradientTolerance
                + ", functionTolerance=" + functionTolerance + ", stepTolerance=" + stepTolerance + "]";
    }
}
