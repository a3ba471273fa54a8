package org.parax4j.engine.fit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.parax4j.distribution.Distribution;
import org.parax4j.engine.compile.Layout;
import org.parax4j.engine.compile.TransformProgram;
import org.parax4j.engine.graph.ModelFunction;
import org.parax4j.engine.graph.Workspace;
import org.parax4j.engine.graph.Wrt;
import org.parax4j.engine.internal.special.SpecialFunctions;
import org.parax4j.engine.linalg.Lu;
import org.parax4j.module.Module;
import org.parax4j.module.Modules;
import org.parax4j.module.ParameterGroup;

/**
 * Maximum likelihood or maximum a posteriori fit of a recorded {@link ModelFunction} by
 * {@link Lbfgsb} over the free latent vector, within the parameters' bounds mapped to latent space.
 *
 * <p><b>Objective.</b> The Gaussian negative log-likelihood with known σ per point,
 * {@code NLL = ½Σ((fᵢ − yᵢ)/σᵢ)² + Σ ln σᵢ + (N/2)·ln 2π}, whose gradient {@code Jᵀ((f − y)/σ²)}
 * comes from the exact dual-number Jacobian, or the Student-t one ({@link #studentT}), robust to
 * outliers. {@link #withPrior()} adds the negative log prior of
 * the module's free parameters (each parameter group's {@code logProb} in physical space, joint
 * groups included) and {@code −Σ ln|d physical / d latent|} (the latent density is the physical one
 * times the transform's Jacobian), giving the negative log posterior in latent space; the gradient
 * of these prior terms is taken by central differences (step 1e-6·max(1, |x|)) of the terms that
 * depend on each parameter (its transform's log-derivative and its groups' log-densities: two
 * evaluations of those per parameter, no allocation), cheap next to the model's Jacobian. A prior whose density is zero at a point
 * (a uniform prior outside its support) makes the objective +∞ there; give such parameters bounds.
 *
 * <p><b>Fitted σ.</b> {@link #gaussianFittedSigma} fits one σ shared by all points together with
 * the model: the latent vector gains a last element {@code s = ln σ} (unbounded, flat prior — the
 * Jeffreys prior of a scale — under {@link #withPrior()}), the objective is
 * {@code ½Σ(fᵢ − yᵢ)²/σ² + N·s + (N/2)·ln 2π} with {@code ∂/∂s = N − Σ(fᵢ − yᵢ)²/σ²}, so the
 * maximum-likelihood σ̂² is the mean squared residual and the model parameters equal the unweighted
 * (and any known-σ) least-squares fit. {@link #fitSigma()} returns σ̂ with its standard error; the
 * model parameters' covariance is the Schur complement (σ marginalised) of the joint Laplace
 * covariance. The start of s is the log root-mean-square residual at the model start.
 *
 * <p><b>Uncertainty.</b> The latent covariance is the inverse of the objective's Hessian at the
 * optimum (the Laplace approximation), the Hessian by central differences of the exact gradient
 * (2n gradient evaluations); physical errors by the delta method as in {@link FitResult}.
 *
 * <p>Immutable and thread-safe; each fit allocates its scratch.
 *
 * @param <M> the module type
 */
public final class LikelihoodFit<M extends Module<?>> {

    private final ModelFunction<M> function;
    private final double[] y;
    private final double[] sigma;
    /** Student-t degrees of freedom; +∞ for the Gaussian. */
    private final double nu;
    private final boolean prior;
    private final Lbfgsb optimizer;
    private final double[] lower;
    private final double[] upper;
    private final boolean priorBounds;
    /** Whether σ is fitted: then {@code sigma} holds ones and the latent vector ends with ln σ. */
    private final boolean fittedSigma;

    private LikelihoodFit(ModelFunction<M> function, double[] y, double[] sigma, double nu, boolean prior,
            Lbfgsb optimizer, boolean priorBounds) {
        this(function, y, sigma, nu, prior, optimizer, priorBounds, false);
    }

    private LikelihoodFit(ModelFunction<M> function, double[] y, double[] sigma, double nu, boolean prior,
            Lbfgsb optimizer, boolean priorBounds, boolean fittedSigma) {
        this.fittedSigma = fittedSigma;
        this.function = function;
        this.y = y;
        this.sigma = sigma;
        this.nu = nu;
        this.prior = prior;
        this.optimizer = optimizer;
        int n = function.numFree();
        double[] lo = new double[n];
        double[] hi = new double[n];
        LeastSquares.latentBounds(function.layout(), lo, hi);
        this.priorBounds = priorBounds;
        if (priorBounds) {
            PriorBounds.apply(function, lo, hi);
        }
        // a fitted σ's ln σ is unbounded
        this.lower = fittedSigma ? java.util.Arrays.copyOf(lo, n + 1) : lo;
        this.upper = fittedSigma ? java.util.Arrays.copyOf(hi, n + 1) : hi;
        if (fittedSigma) {
            lower[n] = Double.NEGATIVE_INFINITY;
            upper[n] = Double.POSITIVE_INFINITY;
        }
    }

    /**
     * A Gaussian maximum-likelihood fit with known σ per point.
     *
     * @param function the recorded model; its free parameters are fitted
     * @param y data, one per output element. Copied.
     * @param sigma standard deviations, finite and &gt; 0. Copied.
     * @throws IllegalArgumentException for wrong lengths or invalid values, naming the index
     */
    public static <M extends Module<?>> LikelihoodFit<M> gaussian(ModelFunction<M> function, double[] y, double[] sigma) {
        LeastSquares.of(function, y).withSigma(sigma); // the same checks, same messages
        return new LikelihoodFit<>(function, y.clone(), sigma.clone(), Double.POSITIVE_INFINITY, false,
                Lbfgsb.defaults().withTolerances(1e-8, 1e-13), false);
    }

    /**
     * A Gaussian maximum-likelihood fit with one unknown σ shared by all points, fitted as the extra
     * latent element ln σ (see the class comment).
     *
     * @param function the recorded model; its free parameters are fitted
     * @param y data, one per output element. Copied.
     * @throws IllegalArgumentException for a wrong length or a non-finite value (naming the index)
     */
    public static <M extends Module<?>> LikelihoodFit<M> gaussianFittedSigma(ModelFunction<M> function, double[] y) {
        LeastSquares.of(function, y);
        double[] ones = new double[y.length];
        java.util.Arrays.fill(ones, 1);
        return new LikelihoodFit<>(function, y.clone(), ones, Double.POSITIVE_INFINITY, false,
                Lbfgsb.defaults().withTolerances(1e-8, 1e-13), false, true);
    }

    /**
     * The fitted noise level of a {@link #gaussianFittedSigma} fit.
     *
     * @param fit the model parameters' fit (covariance with σ marginalised)
     * @param sigma the maximum-likelihood (or MAP) σ
     * @param sigmaStandardError σ's standard error by the delta method on ln σ's Laplace variance
     * @param <M> the module type
     */
    public record SigmaFit<M extends Module<?>>(FitResult<M> fit, double sigma, double sigmaStandardError) {}

    /**
     * Fits the model and σ from the recorded model's values.
     *
     * @throws IllegalStateException when this fit was not made by {@link #gaussianFittedSigma}
     */
    public SigmaFit<M> fitSigma() {
        if (!fittedSigma) {
            throw new IllegalStateException("fitSigma needs a fit made by gaussianFittedSigma; this one has known sigma");
        }
        return run(function.flatValues());
    }

    /**
     * A Student-t maximum-likelihood fit with scale σ per point and ν degrees of freedom (robust to
     * outliers): {@code NLL = Σ [(ν+1)/2·ln(1 + rᵢ²/ν) + ln σᵢ] + N·[lnΓ(ν/2) − lnΓ((ν+1)/2) + ½ln(νπ)]},
     * {@code rᵢ = (fᵢ − yᵢ)/σᵢ}.
     *
     * @throws IllegalArgumentException for wrong lengths or invalid values (naming the index), or
     *     ν not finite and &gt; 0
     */
    public static <M extends Module<?>> LikelihoodFit<M> studentT(ModelFunction<M> function, double[] y, double[] sigma,
            double nu) {
        if (!(nu > 0) || !Double.isFinite(nu)) {
            throw new IllegalArgumentException("nu must be finite and > 0, got " + nu);
        }
        LeastSquares.of(function, y).withSigma(sigma);
        return new LikelihoodFit<>(function, y.clone(), sigma.clone(), nu, false,
                Lbfgsb.defaults().withTolerances(1e-8, 1e-13), false);
    }

    /** A copy that minimises the negative log posterior (likelihood × the module's priors, in latent space). */
    public LikelihoodFit<M> withPrior() {
        return new LikelihoodFit<>(function, y, sigma, nu, true, optimizer, priorBounds, fittedSigma);
    }

    /**
     * A copy that bounds each free element without bounds of its own by its prior's 1 % and 99 %
     * quantiles ({@code icdf(0.01)}, {@code icdf(0.99)} of a univariate prior; {@code μ ± 2.3263·σ}
     * for a member of a multivariate-normal group), mapped to latent space — the bounds users of the
     * seed library pass to L-BFGS-B. Other joint priors leave their members unbounded.
     */
    public LikelihoodFit<M> withPriorBounds() {
        return new LikelihoodFit<>(function, y, sigma, nu, prior, optimizer, true, fittedSigma);
    }

    /** A copy using this L-BFGS-B configuration (default: gradient 1e-8, function 1e-13). */
    public LikelihoodFit<M> withOptimizer(Lbfgsb lbfgsb) {
        return new LikelihoodFit<>(function, y, sigma, nu, prior, Objects.requireNonNull(lbfgsb, "lbfgsb"),
                priorBounds, fittedSigma);
    }

    /** Whether σ is fitted ({@code gaussianFittedSigma}): then the objective has one more element, ln σ, last. */
    public boolean fitsSigma() {
        return fittedSigma;
    }

    /** The recorded model this fit evaluates. */
    public ModelFunction<M> function() {
        return function;
    }

    /**
     * The objective this fit minimises over the free latent vector (followed by ln σ for a
     * {@link #gaussianFittedSigma} fit): the negative log-likelihood, plus
     * (after {@link #withPrior()}) the negative log prior and {@code −Σ ln|d physical / d latent|}, so
     * {@code −objective} is the log posterior density in latent space up to no constant. Each call
     * allocates a fresh objective with its own scratch (one per thread; an objective is not thread-safe).
     */
    public ScalarObjective objective() {
        return new Objective();
    }

    /** Fits from the recorded model's values. */
    public FitResult<M> fit() {
        return fit(function.flatValues());
    }

    /**
     * Fits from a latent start of the model's free parameters (for a fitted σ, its start is derived).
     *
     * @throws IllegalArgumentException for a wrong length or a start where the objective is not finite
     */
    public FitResult<M> fit(double[] latentStart) {
        return run(latentStart).fit();
    }

    private SigmaFit<M> run(double[] latentStart) {
        Objects.requireNonNull(latentStart, "latentStart");
        if (latentStart.length != function.numFree()) {
            throw new IllegalArgumentException("latentStart has length " + latentStart.length + ", the model has "
                    + function.numFree() + " free flat parameters " + function.freeNames());
        }
        Objective obj = new Objective();
        int n = latentStart.length;
        int m = y.length;
        double[] start = latentStart;
        if (fittedSigma) {
            double[] v = function.evaluate(Modules.sameType(function.model(), function.model().withParams(latentStart)));
            double ss = 0;
            for (int i = 0; i < m; i++) {
                ss += (v[i] - y[i]) * (v[i] - y[i]);
            }
            start = java.util.Arrays.copyOf(latentStart, n + 1);
            start[n] = ss > 0 ? 0.5 * Math.log(ss / m) : 0;
        }
        OptimizationResult opt = optimizer.minimize(obj, start, lower, upper);
        double[] hessian = hessian(obj, opt.x(), start.length);
        double nll = obj.nll(opt.x());
        double sigmaHat = 1;
        double sigmaError = Double.NaN;
        if (fittedSigma) {
            sigmaHat = Math.exp(opt.x()[n]);
            sigmaError = sigmaHat * Math.sqrt(lastVariance(hessian, n + 1));
            hessian = schurComplement(hessian, n);
            opt = new OptimizationResult(java.util.Arrays.copyOf(opt.x(), n), opt.value(),
                    java.util.Arrays.copyOf(opt.gradient(), n), opt.iterations(), opt.evaluations(), opt.status());
        }
        double chi2 = 0;
        double mean = 0;
        double sw = 0;
        double[] value = function.evaluate(Modules.sameType(function.model(), function.model().withParams(opt.x())));
        double total = 0;
        for (int i = 0; i < m; i++) {
            double w = 1 / (sigma[i] * sigma[i] * sigmaHat * sigmaHat);
            chi2 += w * (value[i] - y[i]) * (value[i] - y[i]);
            mean += w * y[i];
            sw += w;
        }
        mean /= sw;
        for (int i = 0; i < m; i++) {
            total += (y[i] - mean) * (y[i] - mean) / (sigma[i] * sigma[i] * sigmaHat * sigmaHat);
        }
        String noise = Double.isInfinite(nu) ? "Gaussian" : "Student-t, nu = " + nu;
        String method = (prior ? "maximum a posteriori (" + noise + " likelihood × priors, latent space"
                : "maximum likelihood (" + noise + (fittedSigma ? ", fitted sigma = " + FitReport.num(sigmaHat)
                        + " ± " + FitReport.num(sigmaError) : ", known sigma"))
                + ", L-BFGS-B, exact dual-number gradient)";
        int k = start.length;
        FitAnalysis.Stats stats = new FitAnalysis.Stats(method, m, chi2, total > 0 ? 1 - chi2 / total : Double.NaN,
                true, 2 * nll + 2.0 * k, 2 * nll + k * Math.log(m));
        return new SigmaFit<>(FitAnalysis.assemble(function, opt.x(), latentStart, opt, Integer.MAX_VALUE, hessian, 1,
                stats, lower, upper), sigmaHat, sigmaError);
    }

    /** The last diagonal element of the inverse of the k × k matrix h (NaN when singular). */
    private static double lastVariance(double[] h, int k) {
        double[] lu = h.clone();
        int[] pivots = new int[k];
        if (Lu.factor(lu, k, pivots) >= 0) {
            return Double.NaN;
        }
        double[] e = new double[k];
        e[k - 1] = 1;
        Lu.solve(lu, k, pivots, e);
        return e[k - 1];
    }

    /** The n × n information of the first n elements with the last of n + 1 marginalised: H₁₁ − h hᵀ / h₂₂. */
    private static double[] schurComplement(double[] h, int n) {
        int k = n + 1;
        double hss = h[n * k + n];
        double[] out = new double[n * n];
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                out[a * n + b] = h[a * k + b] - h[a * k + n] * h[b * k + n] / hss;
            }
        }
        return out;
    }

    /** Multi-start as {@link LeastSquares#fitMultiStart(double[], int, long)}, from the recorded values. */
    public FitResult<M> fitMultiStart(int starts, long seed) {
        if (starts < 1) {
            throw new IllegalArgumentException("starts must be >= 1, got " + starts);
        }
        int n = function.numFree(); // the model's part of the bounds (a fitted σ's start is derived per start)
        double[][] points = MultiStart.starts(function, function.flatValues(), java.util.Arrays.copyOf(lower, n),
                java.util.Arrays.copyOf(upper, n), starts, seed);
        return MultiStart.best(points, this::fit);
    }

    /** ln Γ(x) for x &gt; 0 (see {@link SpecialFunctions#lnGamma}). */
    static double lnGamma(double x) {
        return SpecialFunctions.lnGamma(x);
    }

    private static double[] hessian(ScalarObjective obj, double[] x, int n) {
        double[] h = new double[n * n];
        double[] gp = new double[n];
        double[] gm = new double[n];
        double[] xs = x.clone();
        for (int k = 0; k < n; k++) {
            double step = 1e-5 * Math.max(1, Math.abs(x[k]));
            xs[k] = x[k] + step;
            obj.evaluate(xs, gp);
            xs[k] = x[k] - step;
            obj.evaluate(xs, gm);
            xs[k] = x[k];
            for (int j = 0; j < n; j++) {
                h[j * n + k] = (gp[j] - gm[j]) / (2 * step);
            }
        }
        for (int j = 0; j < n; j++) {
            for (int k = 0; k < j; k++) {
                double s = 0.5 * (h[j * n + k] + h[k * n + j]);
                h[j * n + k] = s;
                h[k * n + j] = s;
            }
        }
        return h;
    }

    /** The objective with its scratch; one per fit (not thread-safe). */
    private final class Objective implements ScalarObjective {
        private final Workspace ws = function.newWorkspace();
        private final int m = y.length;
        private final int n = function.numFree();
        private final double[] value = new double[m];
        private final double[] jt = new double[n * m];
        /** The model's part of a latent vector that ends with ln σ. */
        private final double[] theta = new double[n];
        private final List<int[]> groupPositions = new ArrayList<>();
        private final List<Distribution> groupDistributions = new ArrayList<>();
        /** Each free parameter's transform. */
        private final TransformProgram[] transforms = new TransformProgram[n];
        /** Per group, its physical values (fixed members set once; free members written per evaluation). */
        private final List<double[]> groupPhysical = new ArrayList<>();
        /** Per free parameter, the groups it belongs to and its index in each ({g, i} pairs). */
        private final int[][] memberships = new int[n][];
        private final double constant;

        Objective() {
            double c = Double.isInfinite(nu) ? 0.5 * m * Math.log(2 * Math.PI)
                    : m * (lnGamma(0.5 * nu) - lnGamma(0.5 * (nu + 1)) + 0.5 * Math.log(nu * Math.PI));
            for (double s : sigma) {
                c += Math.log(s);
            }
            constant = c;
            if (prior) {
                List<String> names = function.freeNames();
                Map<String, Double> values = function.model()
                        .namedFlatParamValues(org.parax4j.module.Select.all().includeFixed(true), false);
                for (ParameterGroup g : function.model().paramGroups()) {
                    if (g.distribution() == null) {
                        continue;
                    }
                    int[] pos = new int[g.names().size()];
                    double[] fixedValues = new double[pos.length];
                    for (int i = 0; i < pos.length; i++) {
                        pos[i] = names.indexOf(g.names().get(i));
                        // a fixed member of a group with free members: the joint density is taken at
                        // its value, which is the conditional prior of the free members up to a constant
                        fixedValues[i] = pos[i] < 0 ? values.get(g.names().get(i)) : Double.NaN;
                    }
                    groupPositions.add(pos);
                    groupDistributions.add(g.distribution());
                    groupPhysical.add(fixedValues);
                }
                Layout layout = function.layout();
                for (int p = 0; p < n; p++) {
                    transforms[p] = layout.transform(layout.freeElement(p));
                    List<Integer> pairs = new ArrayList<>();
                    for (int g = 0; g < groupPositions.size(); g++) {
                        int[] pos = groupPositions.get(g);
                        for (int i = 0; i < pos.length; i++) {
                            if (pos[i] == p) {
                                pairs.add(g);
                                pairs.add(i);
                            }
                        }
                    }
                    memberships[p] = pairs.stream().mapToInt(Integer::intValue).toArray();
                }
            }
        }

        double nll(double[] x) {
            function.evaluate(modelPart(x), ws, value);
            double scale = fittedSigma ? Math.exp(x[n]) : 1;
            double s = constant + (fittedSigma ? m * x[n] : 0);
            for (int i = 0; i < m; i++) {
                s += pointNll((value[i] - y[i]) / (sigma[i] * scale));
            }
            return s;
        }

        @Override
        public double evaluate(double[] x, double[] gradient) {
            function.jacobian(modelPart(x), Wrt.LATENT, ws, value, jt);
            double scale = fittedSigma ? Math.exp(x[n]) : 1;
            double f = constant + (fittedSigma ? m * x[n] : 0);
            double dScale = fittedSigma ? m : 0; // d NLL / d ln σ = N − Σ r²
            java.util.Arrays.fill(gradient, 0);
            for (int i = 0; i < m; i++) {
                double sd = sigma[i] * scale;
                double r = (value[i] - y[i]) / sd;
                f += pointNll(r);
                dScale -= r * r;
                // d NLL_i / d f_i, accumulated into Jᵀ·(d NLL / d f) point by point: n independent
                // fma chains (one per parameter) instead of n dot products' dependent ones
                double d = (Double.isInfinite(nu) ? r : (nu + 1) * r / (nu + r * r)) / sd;
                for (int j = 0; j < n; j++) {
                    gradient[j] = Math.fma(jt[j * m + i], d, gradient[j]);
                }
            }
            if (fittedSigma) {
                gradient[n] = dScale;
            }
            if (prior) {
                f -= logPrior(x);
                // logPrior left every group's physical values at x: shift one parameter at a time and
                // difference only the terms that depend on it (its log-derivative and its groups)
                for (int j = 0; j < n; j++) {
                    double h = 1e-6 * Math.max(1, Math.abs(x[j]));
                    double up = termsOf(j, x[j] + h);
                    double down = termsOf(j, x[j] - h);
                    restore(j, x[j]);
                    gradient[j] -= (up - down) / (2 * h);
                }
            }
            return f;
        }

        /** The prior terms that depend on free parameter j, at latent value v (its groups' values set to v's image). */
        private double termsOf(int j, double v) {
            TransformProgram t = transforms[j];
            double s = Math.log(Math.abs(t.derivative(v)));
            int[] pairs = memberships[j];
            if (pairs.length > 0) {
                double physical = t.forward(v);
                for (int k = 0; k < pairs.length; k += 2) {
                    double[] phys = groupPhysical.get(pairs[k]);
                    phys[pairs[k + 1]] = physical;
                    s += groupDistributions.get(pairs[k]).logProb(phys);
                }
            }
            return s;
        }

        /** Writes free parameter j's physical value at latent v back into its groups. */
        private void restore(int j, double v) {
            int[] pairs = memberships[j];
            if (pairs.length > 0) {
                double physical = transforms[j].forward(v);
                for (int k = 0; k < pairs.length; k += 2) {
                    groupPhysical.get(pairs[k])[pairs[k + 1]] = physical;
                }
            }
        }

        private double[] modelPart(double[] x) {
            if (!fittedSigma) {
                return x;
            }
            System.arraycopy(x, 0, theta, 0, n);
            return theta;
        }

        /** The r-dependent part of one point's negative log-density. */
        private double pointNll(double r) {
            return Double.isInfinite(nu) ? 0.5 * r * r : 0.5 * (nu + 1) * Math.log1p(r * r / nu);
        }

        /**
         * Σ group log-densities at the physical values + Σ ln|d physical / d latent|; leaves each
         * group's physical values (reused scratch, no allocation) at x.
         */
        private double logPrior(double[] x) {
            double s = 0;
            for (int p = 0; p < n; p++) {
                s += Math.log(Math.abs(transforms[p].derivative(x[p])));
            }
            for (int g = 0; g < groupPositions.size(); g++) {
                int[] pos = groupPositions.get(g);
                double[] phys = groupPhysical.get(g);
                for (int i = 0; i < pos.length; i++) {
                    if (pos[i] >= 0) {
                        phys[i] = transforms[pos[i]].forward(x[pos[i]]);
                    }
                }
                s += groupDistributions.get(g).logProb(phys);
            }
            return s;
        }
    }
}
