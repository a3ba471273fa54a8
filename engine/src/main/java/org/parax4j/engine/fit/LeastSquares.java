package org.parax4j.engine.fit;

import org.jspecify.annotations.Nullable;

import java.util.Objects;
import org.parax4j.engine.EngineOptions;
import org.parax4j.engine.compile.Layout;
import org.parax4j.engine.compile.TransformProgram;
import org.parax4j.engine.graph.ModelFunction;
import org.parax4j.engine.graph.Wrt;
import org.parax4j.engine.linalg.Cholesky;
import org.parax4j.engine.linalg.TriangularSolve;
import org.parax4j.module.Module;

/**
 * Weighted least-squares fit of a recorded {@link ModelFunction} to data: minimises
 * {@code Σ wᵢ·(fᵢ(θ) − yᵢ)²} over the free latent vector θ (as {@code withParams(double[])} takes
 * it) by {@link LevenbergMarquardt} with the exact dual-number Jacobian.
 *
 * <pre>{@code
 * ModelFunction<Model> f = ModelFunction.record(model.withFixedParams(Select.names("offset")), body);
 * FitResult<Model> fit = LeastSquares.of(f, y).withSigma(sigma).fit();
 * Model fitted = fit.module();
 * System.out.println(fit.report());
 * }</pre>
 *
 * <p><b>What is fitted.</b> The free parameters of the recorded model; fixed ones keep their
 * recorded values (fix parameters before recording, e.g. with {@code withFixedParams}). Working in
 * latent space, transforms keep parameters in their domains (a positive transform keeps q > 0);
 * explicit parameter bounds become latent box bounds through the transform (when its inverse
 * exists there) and LM steps are projected onto them.
 *
 * <p><b>Weights.</b> {@link #withSigma} sets {@code wᵢ = 1/σᵢ²} and makes the standard errors
 * absolute; {@link #withWeights} sets wᵢ directly (zero drops a point) and the errors are scaled
 * by the reduced χ², as without either. {@link #withCovariance} takes a full data covariance C =
 * LLᵀ (Cholesky): the fit minimises {@code (f − y)ᵀC⁻¹(f − y)} by whitening residuals and Jacobian
 * with {@code L⁻¹} (generalised least squares), errors absolute; R² and the point count then use
 * C's diagonal as per-point variances. Each of the three replaces the others.
 *
 * <p>Immutable and thread-safe; {@link #fit(double[], Workspace)} with a workspace the calling
 * thread owns allocates only its result (plus, for a model whose kernel nodes are large enough to be
 * split over the executor, the executor's few task objects per evaluation).
 *
 * @param <M> the module type
 */
public final class LeastSquares<M extends Module<?>> {

    private final ModelFunction<M> function;
    private final double[] y;
    private final double[] sqrtW;
    private final boolean sigmaGiven;
    private final LevenbergMarquardt optimizer;
    private final double[] lower;
    private final double[] upper;
    private final boolean priorBounds;
    /** The Cholesky factor L of the data covariance (m × m, lower triangle read), or null. */
    private final double @Nullable [] whiten;

    private LeastSquares(ModelFunction<M> function, double[] y, double[] sqrtW, boolean sigmaGiven,
            LevenbergMarquardt optimizer, boolean priorBounds) {
        this(function, y, sqrtW, sigmaGiven, optimizer, priorBounds, null);
    }

    private LeastSquares(ModelFunction<M> function, double[] y, double[] sqrtW, boolean sigmaGiven,
            LevenbergMarquardt optimizer, boolean priorBounds, double[] whiten) {
        this.whiten = whiten;
        this.function = function;
        this.y = y;
        this.sqrtW = sqrtW;
        this.sigmaGiven = sigmaGiven;
        this.optimizer = optimizer;
        int n = function.numFree();
        this.lower = new double[n];
        this.upper = new double[n];
        latentBounds(function.layout(), lower, upper);
        this.priorBounds = priorBounds;
        if (priorBounds) {
            PriorBounds.apply(function, lower, upper);
        }
    }

    /**
     * A fit of {@code function} to {@code y} with unit weights and default optimiser settings.
     *
     * @param function the recorded model function; its free parameters are fitted
     * @param y the data, one value per output element (row-major for matrix outputs). Copied.
     * @throws IllegalArgumentException when y's length differs from the output size, y holds a
     *     non-finite value (naming its index) or the function has no free parameter
     */
    public static <M extends Module<?>> LeastSquares<M> of(ModelFunction<M> function, double[] y) {
        Objects.requireNonNull(function, "function");
        Objects.requireNonNull(y, "y");
        if (y.length != function.outputSize()) {
            throw new IllegalArgumentException("y has length " + y.length + ", the function has "
                    + function.outputSize() + " outputs");
        }
        if (function.numFree() == 0) {
            throw new IllegalArgumentException("the model has no free parameter to fit");
        }
        for (int i = 0; i < y.length; i++) {
            if (!Double.isFinite(y[i])) {
                throw new IllegalArgumentException("y[" + i + "] must be finite, got " + y[i]);
            }
        }
        double[] ones = new double[y.length];
        java.util.Arrays.fill(ones, 1);
        return new LeastSquares<>(function, y.clone(), ones, false, LevenbergMarquardt.defaults(), false);
    }

    /**
     * A copy with a standard deviation per point: {@code wᵢ = 1/σᵢ²}, standard errors not rescaled.
     *
     * @throws IllegalArgumentException for a wrong length or a σ that is not finite and positive (naming its index)
     */
    public LeastSquares<M> withSigma(double[] sigma) {
        Objects.requireNonNull(sigma, "sigma");
        checkLength("sigma", sigma);
        double[] s = new double[y.length];
        for (int i = 0; i < s.length; i++) {
            if (!(sigma[i] > 0) || !Double.isFinite(sigma[i])) {
                throw new IllegalArgumentException("sigma[" + i + "] must be finite and > 0, got " + sigma[i]);
            }
            s[i] = 1 / sigma[i];
        }
        return new LeastSquares<>(function, y, s, true, optimizer, priorBounds);
    }

    /**
     * A copy with a weight per point (≥ 0; 0 drops the point); standard errors rescaled by the reduced χ².
     *
     * @throws IllegalArgumentException for a wrong length, a negative or non-finite weight (naming
     *     its index) or all weights zero
     */
    public LeastSquares<M> withWeights(double[] weights) {
        Objects.requireNonNull(weights, "weights");
        checkLength("weights", weights);
        double[] s = new double[y.length];
        boolean any = false;
        for (int i = 0; i < s.length; i++) {
            if (!(weights[i] >= 0) || !Double.isFinite(weights[i])) {
                throw new IllegalArgumentException("weights[" + i + "] must be finite and >= 0, got " + weights[i]);
            }
            s[i] = Math.sqrt(weights[i]);
            any |= weights[i] > 0;
        }
        if (!any) {
            throw new IllegalArgumentException("weights are all zero");
        }
        return new LeastSquares<>(function, y, s, false, optimizer, priorBounds);
    }

    /**
     * A copy with a full data covariance {@code C} (m × m row-major, m = y's length): minimises
     * {@code (f − y)ᵀC⁻¹(f − y)} with residuals and Jacobian whitened by {@code L⁻¹}, C = LLᵀ;
     * standard errors not rescaled. Allocates the m² factor.
     *
     * @param cov the covariance, symmetric positive definite. Copied.
     * @throws IllegalArgumentException when cov is not m × m, holds a non-finite value, is not
     *     symmetric (naming the first pair) or not positive definite (naming the failed pivot)
     */
    public LeastSquares<M> withCovariance(double[] cov) {
        Objects.requireNonNull(cov, "cov");
        int m = y.length;
        if (cov.length != (long) m * m) {
            throw new IllegalArgumentException("cov must be m × m = " + m + " × " + m + " = " + ((long) m * m)
                    + " doubles (row-major) for " + m + " data points, got " + cov.length);
        }
        for (int i = 0; i < m; i++) {
            for (int j = 0; j <= i; j++) {
                double a = cov[i * m + j];
                double b = cov[j * m + i];
                if (!Double.isFinite(a) || !Double.isFinite(b)) {
                    throw new IllegalArgumentException("cov[" + i + "][" + j + "] and cov[" + j + "][" + i
                            + "] must be finite, got " + a + " and " + b);
                }
                if (Math.abs(a - b) > 1e-12 * Math.max(Math.abs(a), Math.abs(b))) {
                    throw new IllegalArgumentException("cov must be symmetric: cov[" + i + "][" + j + "] = " + a
                            + " but cov[" + j + "][" + i + "] = " + b);
                }
            }
        }
        double[] l = cov.clone();
        int failed = Cholesky.factor(l, m,
                new double[Cholesky.panelLength(m)], false);
        if (failed >= 0) {
            throw new IllegalArgumentException("cov must be positive definite: Cholesky pivot " + failed + " is "
                    + Cholesky.failedPivotValue(l, m, failed) + " (expected > 0)");
        }
        double[] s = new double[m];
        for (int i = 0; i < m; i++) {
            s[i] = 1 / Math.sqrt(cov[i * m + i]);
        }
        return new LeastSquares<>(function, y, s, true, optimizer, priorBounds, l);
    }

    /** A copy using this optimiser (tolerances, iteration limit). */
    public LeastSquares<M> withOptimizer(LevenbergMarquardt lm) {
        return new LeastSquares<>(function, y, sqrtW, sigmaGiven, Objects.requireNonNull(lm, "lm"), priorBounds,
                whiten);
    }

    /**
     * A copy whose free elements without bounds of their own are kept within their prior's 1 % and
     * 99 % quantiles (univariate priors and multivariate-normal group members; see the bounds note
     * of {@link LikelihoodFit}), mapped to latent space. A parameter that ends on such a bound is
     * flagged and warned about like one on its own bound.
     */
    public LeastSquares<M> withPriorBounds() {
        return new LeastSquares<>(function, y, sqrtW, sigmaGiven, optimizer, true, whiten);
    }

    /** The model function being fitted. */
    public ModelFunction<M> function() {
        return function;
    }

    /**
     * Per-thread scratch for repeated fits of this problem; large kernel nodes and elementwise sweeps
     * of the model run on {@link EngineOptions#defaults()} (see {@link ModelFunction#newWorkspace()}). Allocates.
     */
    public Workspace newWorkspace() {
        return new Workspace(this, EngineOptions.defaults());
    }

    /** Fits from the recorded model's values. Allocates a workspace and the result. */
    public FitResult<M> fit() {
        return fit(function.flatValues(), newWorkspace());
    }

    /**
     * Fits from the free values of {@code start}, a module of the recorded structure.
     *
     * @throws IllegalArgumentException when the structure differs, naming the parameter
     */
    public FitResult<M> fit(M start) {
        return fit(function.flatOf(start), newWorkspace());
    }

    /**
     * Fits from a latent start vector, reusing {@code ws}.
     *
     * @param latentStart latent values of the free parameters in flat order. Not modified.
     * @param ws a workspace of this problem, owned by the calling thread. Modified.
     * @return the fit
     * @throws IllegalArgumentException for a wrong length or non-finite start, a foreign workspace,
     *     or a model that is not finite at the start
     */
    public FitResult<M> fit(double[] latentStart, Workspace ws) {
        Objects.requireNonNull(latentStart, "latentStart");
        Objects.requireNonNull(ws, "ws");
        if (ws.owner != this) {
            throw new IllegalArgumentException("the workspace belongs to another LeastSquares problem");
        }
        if (latentStart.length != function.numFree()) {
            throw new IllegalArgumentException("latentStart has length " + latentStart.length + ", the model has "
                    + function.numFree() + " free flat parameters " + function.freeNames());
        }
        OptimizationResult opt = optimizer.minimize(ws.residuals, latentStart, lower, upper, ws.lm);
        return FitAnalysis.leastSquares(function, opt.x(), latentStart, opt, optimizer.maxIterations(),
                new FitAnalysis.Data(y, sqrtW, sigmaGiven, ws.lm.residuals(), ws.lm.jacobianT()), lower, upper);
    }

    /**
     * Fits from {@code starts} seeded start points (the recorded model's values first, then draws
     * from the priors; see {@link #fitMultiStart(double[], int, long)}) in parallel and returns the
     * best fit, which says how many starts reached it. Allocates a workspace per start.
     *
     * @throws IllegalArgumentException when starts &lt; 1
     * @throws IllegalStateException when every start failed
     */
    public FitResult<M> fitMultiStart(int starts, long seed) {
        return fitMultiStart(function.flatValues(), starts, seed);
    }

    /**
     * Multi-start from {@code latentStart} (start 0) and {@code starts − 1} draws: each from the
     * module's priors (joint groups included), or uniform within the latent bounds for a free
     * element without a prior and with two finite bounds, else its start value. Start i depends only
     * on (seed, i), so the result does not depend on the executor or the number of threads.
     *
     * @throws IllegalArgumentException when starts &lt; 1 or the start has the wrong length
     * @throws IllegalStateException when every start failed
     */
    public FitResult<M> fitMultiStart(double[] latentStart, int starts, long seed) {
        if (starts < 1) {
            throw new IllegalArgumentException("starts must be >= 1, got " + starts);
        }
        if (latentStart.length != function.numFree()) {
            throw new IllegalArgumentException("latentStart has length " + latentStart.length + ", the model has "
                    + function.numFree() + " free flat parameters " + function.freeNames());
        }
        double[][] points = MultiStart.starts(function, latentStart, lower, upper, starts, seed);
        // the starts already share the cores: each start's model evaluations stay on its own thread
        return MultiStart.best(points, x -> fit(x, new Workspace(this, EngineOptions.singleThreaded())));
    }

    /**
     * Scratch for one thread: the model function's workspace, the optimiser's and a value buffer.
     * Not thread-safe.
     */
    public static final class Workspace {
        private final LeastSquares<?> owner;
        final LevenbergMarquardt.Workspace lm;
        final ResidualFunction residuals;

        private Workspace(LeastSquares<?> owner, EngineOptions options) {
            this.owner = owner;
            ModelFunction<?> f = owner.function;
            int m = f.outputSize();
            this.lm = new LevenbergMarquardt.Workspace(f.numFree(), m);
            org.parax4j.engine.graph.Workspace graph = f.newWorkspace(options);
            double[] value = new double[m];
            double[] y = owner.y;
            double[] sqrtW = owner.sqrtW;
            double[] l = owner.whiten;
            double[] column = l == null ? null : new double[m];
            this.residuals = new ResidualFunction() {
                @Override
                public int size() {
                    return m;
                }

                @Override
                public void residuals(double[] x, double[] r) {
                    f.evaluate(x, graph, value);
                    weigh(r);
                }

                /** r = L⁻¹(f − y) with a covariance, else sqrtW·(f − y). */
                private void weigh(double[] r) {
                    if (l == null) {
                        for (int i = 0; i < m; i++) {
                            r[i] = sqrtW[i] * (value[i] - y[i]);
                        }
                        return;
                    }
                    for (int i = 0; i < m; i++) {
                        r[i] = value[i] - y[i];
                    }
                    TriangularSolve.lower(l, m, r);
                }

                @Override
                public void jacobian(double[] x, double[] r, double[] jt) {
                    f.jacobian(x, Wrt.LATENT, graph, value, jt);
                    weigh(r);
                    int n = x.length;
                    for (int j = 0; j < n; j++) {
                        int off = j * m;
                        if (l != null) { // whiten each Jacobian column: L⁻¹·∂f/∂θⱼ
                            System.arraycopy(jt, off, column, 0, m);
                            TriangularSolve.lower(l, m, column);
                            System.arraycopy(column, 0, jt, off, m);
                            continue;
                        }
                        for (int i = 0; i < m; i++) {
                            jt[off + i] *= sqrtW[i];
                        }
                    }
                }
            };
        }
    }

    /** Physical bounds of each free element mapped to latent space through its transform. */
    static void latentBounds(Layout layout, double[] lower, double[] upper) {
        for (int p = 0; p < lower.length; p++) {
            int k = layout.freeElement(p);
            TransformProgram t = layout.transform(k);
            double lo = toLatent(t, layout.lowerBound(k));
            double hi = toLatent(t, layout.upperBound(k));
            if (t.derivative(0) < 0) { // a decreasing transform swaps the ends
                double s = lo;
                lo = hi;
                hi = s;
            }
            lower[p] = Double.isNaN(lo) ? Double.NEGATIVE_INFINITY : lo;
            upper[p] = Double.isNaN(hi) ? Double.POSITIVE_INFINITY : hi;
        }
    }

    private static double toLatent(TransformProgram t, double bound) {
        if (!Double.isFinite(bound)) {
            return t.isIdentity() ? bound : Double.NaN;
        }
        double v = t.inverse(bound);
        return Double.isFinite(v) ? v : Double.NaN;
    }

    private void checkLength(String name, double[] v) {
        if (v.length != y.length) {
            throw new IllegalArgumentException(name + " has length " + v.length + ", y has " + y.length);
        }
    }
}
