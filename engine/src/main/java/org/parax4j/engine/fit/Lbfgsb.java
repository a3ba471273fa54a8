package org.parax4j.engine.fit;

import org.jspecify.annotations.Nullable;

import java.util.Arrays;
import java.util.Objects;

/**
 * L-BFGS-B: limited-memory quasi-Newton minimisation with box bounds {@code lo ≤ x ≤ hi}.
 *
 * <p>Each iteration finds the generalised Cauchy point along the projected steepest-descent path
 * of the limited-memory quadratic model, minimises the model over the variables that are free
 * there, and searches along the resulting direction for a point that satisfies the strong Wolfe
 * conditions (R. H. Byrd, P. Lu, J. Nocedal and C. Zhu, "A limited memory algorithm for bound
 * constrained optimization", SIAM J. Sci. Comput. 16(5), 1995; C. Zhu, R. H. Byrd, P. Lu and
 * J. Nocedal, "Algorithm 778: L-BFGS-B", ACM TOMS 23(4), 1997; J. L. Morales and J. Nocedal,
 * "Remark on Algorithm 778", ACM TOMS 38(1), 2011, for the projected subspace step). The BFGS
 * matrix is kept in the compact form of Byrd, Nocedal and Schnabel (Math. Prog. 63, 1994).
 *
 * <p><b>Why hand-written.</b> No L-BFGS-B with a licence this project can ship exists on the
 * JVM: Hipparchus has none, Smile's is GPL, and the Fortran original is reached only through
 * native bindings. This is an independent implementation from the papers above.
 *
 * <p><b>Stopping</b> (the defaults are SciPy's): the projected gradient's ∞-norm
 * {@code ‖P(x − g) − x‖∞ ≤ gradientTolerance} (1e-5), or the relative reduction
 * {@code (f_k − f_{k+1}) / max(|f_k|, |f_{k+1}|, 1) ≤ functionTolerance} (2.2e-9), or the
 * iteration (15000) or evaluation (15000) limit. {@link #withModelCheckedStop()} also asks the
 * quadratic model before stopping on the relative reduction (not SciPy's rule; a Gaussian-process fit
 * uses it). When a line search fails the memory is dropped and the iteration retried from steepest
 * descent once; a second failure stops with
 * {@link OptimizerStatus#LINE_SEARCH_FAILED}.
 *
 * <p>Immutable and thread-safe; {@link #minimize} allocates its scratch (O(m·n)) per call.
 */
public final class Lbfgsb {

    private static final int MAX_LINE_SEARCH = 20;

    private final int memory;
    private final int maxIterations;
    private final int maxEvaluations;
    private final double gradientTolerance;
    private final double functionTolerance;
    private final boolean modelChecked;

    private Lbfgsb(int memory, int maxIterations, int maxEvaluations, double gradientTolerance,
            double functionTolerance, boolean modelChecked) {
        this.memory = memory;
        this.maxIterations = maxIterations;
        this.maxEvaluations = maxEvaluations;
        this.gradientTolerance = gradientTolerance;
        this.functionTolerance = functionTolerance;
        this.modelChecked = modelChecked;
    }

    /** Defaults: memory 10, 15000 iterations and evaluations, gradient 1e-5, function 2.2e-9 (SciPy's). */
    public static Lbfgsb defaults() {
        return new Lbfgsb(10, 15000, 15000, 1e-5, 1e7 * Math.ulp(1.0), false);
    }

    /** A copy with {@code m} correction pairs. @throws IllegalArgumentException unless 1 ≤ m ≤ 100 */
    public Lbfgsb withMemory(int m) {
        if (m < 1 || m > 100) {
            throw new IllegalArgumentException("memory must be in [1, 100], got " + m);
        }
        return new Lbfgsb(m, maxIterations, maxEvaluations, gradientTolerance, functionTolerance, modelChecked);
    }

    /** A copy with these limits. @throws IllegalArgumentException unless both are ≥ 1 */
    public Lbfgsb withLimits(int iterations, int evaluations) {
        if (iterations < 1 || evaluations < 1) {
            throw new IllegalArgumentException("limits must be >= 1, got iterations " + iterations
                    + ", evaluations " + evaluations);
        }
        return new Lbfgsb(memory, iterations, evaluations, gradientTolerance, functionTolerance, modelChecked);
    }

    /**
     * A copy with these tolerances (0 disables a test).
     *
     * @throws IllegalArgumentException when a tolerance is negative or NaN
     */
    public Lbfgsb withTolerances(double gradient, double function) {
        if (!(gradient >= 0) || !(function >= 0)) {
            throw new IllegalArgumentException("tolerances must be >= 0, got gradient " + gradient
                    + ", function " + function);
        }
        return new Lbfgsb(memory, maxIterations, maxEvaluations, gradient, function, modelChecked);
    }

    /**
     * A copy whose relative-reduction stop also consults the quadratic model: after an iteration
     * whose reduction is below the function tolerance, the next search point is computed and the
     * model's predicted reduction there, {@code −(gᵀd + ½dᵀBd)}, is compared with the same
     * threshold; only when it, too, is below it does the run stop ({@link OptimizerStatus#FUNCTION_TOLERANCE}).
     * Otherwise the small reduction is taken for a slow stretch of a badly scaled problem, not for
     * convergence, and the iteration goes on; after {@code m} such iterations in a row (the whole
     * memory renewed without progress) the run stops anyway. SciPy's test alone stops at the first
     * small reduction: on a flat stretch (a Gaussian process's irrelevant length scale drifting to
     * its bound, where each iteration gains about the threshold) where it stops then depends on the
     * last bits of the gradients.
     */
    public Lbfgsb withModelCheckedStop() {
        return new Lbfgsb(memory, maxIterations, maxEvaluations, gradientTolerance, functionTolerance, true);
    }

    /**
     * Minimises {@code objective} from {@code x0} within {@code [lower, upper]}.
     *
     * @param objective the function and its gradient
     * @param x0 the start; projected into the box first. Not modified.
     * @param lower lower bounds ({@code −∞} allowed), or null for none. Not modified.
     * @param upper upper bounds ({@code +∞} allowed), or null for none. Not modified.
     * @return the result; its point is feasible
     * @throws IllegalArgumentException for mismatched lengths, NaN or infinite starts, NaN bounds or
     *     {@code lower[i] > upper[i]} (naming i), or a non-finite objective or gradient at the start
     */
    public OptimizationResult minimize(ScalarObjective objective, double[] x0, double @Nullable [] lower,
            double @Nullable [] upper) {
        Objects.requireNonNull(objective, "objective");
        Objects.requireNonNull(x0, "x0");
        int n = x0.length;
        double[] lo = bounds(lower, n, Double.NEGATIVE_INFINITY, "lower");
        double[] hi = bounds(upper, n, Double.POSITIVE_INFINITY, "upper");
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(x0[i])) {
                throw new IllegalArgumentException("x0[" + i + "] must be finite, got " + x0[i]);
            }
            if (!(lo[i] <= hi[i])) {
                throw new IllegalArgumentException("lower[" + i + "] = " + lo[i] + " exceeds upper[" + i + "] = " + hi[i]);
            }
            x[i] = Math.min(hi[i], Math.max(lo[i], x0[i]));
        }
        boolean boxed = true;
        boolean constrained = false;
        for (int i = 0; i < n; i++) {
            boolean lf = lo[i] > Double.NEGATIVE_INFINITY;
            boolean hf = hi[i] < Double.POSITIVE_INFINITY;
            boxed &= lf && hf;
            constrained |= lf || hf;
        }
        double[] g = new double[n];
        double f = objective.evaluate(x, g);
        int evaluations = 1;
        if (!Double.isFinite(f) || !allFinite(g)) {
            throw new IllegalArgumentException("the objective or its gradient is not finite at the start: f = " + f
                    + ", gradient " + Arrays.toString(g));
        }
        CompactLbfgs memoryMatrix = new CompactLbfgs(n, memory);
        LbfgsbStep step = new LbfgsbStep(n, memory);
        StrongWolfe search = new StrongWolfe(n);
        double[] xBar = new double[n];
        double[] d = new double[n];
        double[] sVec = new double[n];
        double[] yVec = new double[n];
        int iterations = 0;
        boolean retried = false;
        boolean stalledBefore = false;
        boolean stallPending = false;
        int stalledRun = 0;
        OptimizerStatus status;
        while (true) {
            if (projectedGradientNorm(x, g, lo, hi) <= gradientTolerance) {
                status = OptimizerStatus.GRADIENT_TOLERANCE;
                break;
            }
            if (iterations >= maxIterations) {
                status = OptimizerStatus.MAX_ITERATIONS;
                break;
            }
            if (evaluations >= maxEvaluations) {
                status = OptimizerStatus.MAX_EVALUATIONS;
                break;
            }
            if (!step.searchPoint(x, g, lo, hi, memoryMatrix, xBar)) {
                status = OptimizerStatus.GRADIENT_TOLERANCE;
                break;
            }
            double dnorm2 = 0;
            double slope = 0;
            for (int i = 0; i < n; i++) {
                d[i] = xBar[i] - x[i];
                dnorm2 += d[i] * d[i];
                slope += d[i] * g[i];
            }
            if (stallPending) {
                stallPending = false;
                double predicted = -(slope + 0.5 * memoryMatrix.curvature(d));
                if (predicted <= functionTolerance * Math.max(Math.abs(f), 1)) {
                    status = OptimizerStatus.FUNCTION_TOLERANCE;
                    break;
                }
            }
            boolean ok = slope < 0;
            if (ok) {
                double alphaMax = maxFeasibleStep(x, d, lo, hi, constrained, memoryMatrix.size() == 0 && iterations == 0);
                double alpha0 = memoryMatrix.size() == 0 && !boxed ? Math.min(1 / Math.sqrt(dnorm2), alphaMax) : 1;
                alpha0 = Math.min(alpha0, alphaMax);
                int budget = Math.min(MAX_LINE_SEARCH, maxEvaluations - evaluations);
                ok = search.search(objective, x, f, g, d, alpha0, alphaMax, budget);
                evaluations += search.evaluations;
                ok &= search.f <= f;
            }
            if (!ok) {
                if (stalledRun > 0) {
                    // Past a stall the plain rule stops at: a failed search ends the run as that stop
                    // would have, at the last accepted point, rather than as a failure.
                    status = OptimizerStatus.FUNCTION_TOLERANCE;
                    break;
                }
                if (memoryMatrix.size() > 0 && !retried) {
                    memoryMatrix.reset();
                    retried = true;
                    continue;
                }
                status = evaluations >= maxEvaluations ? OptimizerStatus.MAX_EVALUATIONS : OptimizerStatus.LINE_SEARCH_FAILED;
                break;
            }
            retried = false;
            iterations++;
            for (int i = 0; i < n; i++) {
                double xi = Math.min(hi[i], Math.max(lo[i], search.x[i]));
                sVec[i] = xi - x[i];
                yVec[i] = search.g[i] - g[i];
                x[i] = xi;
                g[i] = search.g[i];
            }
            double fOld = f;
            f = search.f;
            boolean stalled = (fOld - f) <= functionTolerance * Math.max(Math.max(Math.abs(fOld), Math.abs(f)), 1);
            if (stalled && search.step < 1e-3 && !stalledBefore) {
                // A tiny step that the line search had to cut back hard says the direction was
                // poor (badly scaled problems), not that the minimum is reached: drop a memory
                // that produced it, or learn from the step when there was none, and go on once.
                stalledBefore = true;
                if (memoryMatrix.size() > 0) {
                    memoryMatrix.reset();
                } else {
                    memoryMatrix.update(sVec, yVec);
                }
                continue;
            }
            memoryMatrix.update(sVec, yVec);
            if (stalled && modelChecked && ++stalledRun < memory) {
                stallPending = true; // the model decides at the next search point
                continue;
            }
            if (stalled) {
                status = OptimizerStatus.FUNCTION_TOLERANCE;
                break;
            }
            stalledBefore = false;
            stalledRun = 0;
        }
        return new OptimizationResult(x, f, g, iterations, evaluations, status);
    }

    /** The ∞-norm of the projected gradient step {@code P(x − g) − x}. */
    static double projectedGradientNorm(double[] x, double[] g, double[] lo, double[] hi) {
        double norm = 0;
        for (int i = 0; i < x.length; i++) {
            double pg = Math.min(hi[i], Math.max(lo[i], x[i] - g[i])) - x[i];
            norm = Math.max(norm, Math.abs(pg));
        }
        return norm;
    }

    /**
     * The largest step along d that stays in the box. On the first iteration of a constrained
     * problem it is 1 (the search point itself), as in the original code.
     */
    private static double maxFeasibleStep(double[] x, double[] d, double[] lo, double[] hi, boolean constrained,
            boolean first) {
        if (!constrained) {
            return 1e10;
        }
        if (first) {
            return 1;
        }
        double max = 1e10;
        for (int i = 0; i < x.length; i++) {
            if (d[i] < 0 && lo[i] > Double.NEGATIVE_INFINITY) {
                max = Math.min(max, (lo[i] - x[i]) / d[i]);
            } else if (d[i] > 0 && hi[i] < Double.POSITIVE_INFINITY) {
                max = Math.min(max, (hi[i] - x[i]) / d[i]);
            }
        }
        return Math.max(max, 0);
    }

    private static double[] bounds(double[] given, int n, double fill, String name) {
        double[] out = new double[n];
        if (given == null) {
            Arrays.fill(out, fill);
            return out;
        }
        if (given.length != n) {
            throw new IllegalArgumentException(name + " bounds have length " + given.length + ", expected " + n);
        }
        for (int i = 0; i < n; i++) {
            if (Double.isNaN(given[i])) {
                throw new IllegalArgumentException(name + "[" + i + "] is NaN");
            }
            out[i] = given[i];
        }
        return out;
    }

    private static boolean allFinite(double[] v) {
        for (double d : v) {
            if (!Double.isFinite(d)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return "Lbfgsb[memory=" + memory + ", maxIterations=" + maxIterations + ", maxEvaluations=" + maxEvaluations
                + ", gradientTolerance=" + gradientTolerance + ", functionTolerance=" + functionTolerance + ", modelCheckedStop=" + modelChecked + "]";
    }
}
