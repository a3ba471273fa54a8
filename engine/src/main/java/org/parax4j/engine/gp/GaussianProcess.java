package org.parax4j.engine.gp;

import org.jspecify.annotations.Nullable;

import org.parax4j.engine.EngineOptions;
import org.parax4j.engine.fit.Lbfgsb;
import org.parax4j.engine.kernel.Kernel;
import org.parax4j.engine.kernel.ModuleKernels;
import org.parax4j.engine.linalg.Cholesky;
import org.parax4j.engine.linalg.TriangularSolve;

/**
 * Gaussian-process regression: a covariance {@link Kernel} (its hyperparameters fitted on a log
 * scale), a zero or constant prior mean or normalised targets, and a fixed noise variance
 * {@code alpha} added to the diagonal of the training covariance (a {@link Kernel.WhiteNoise} term
 * in the kernel is a fitted noise variance instead). The conventions are scikit-learn's
 * {@code GaussianProcessRegressor}: same hyperparameter order and bounds, same log marginal
 * likelihood, same predictions.
 *
 * <p>Inputs are row-major {@code n × d} arrays ({@code x[i·d + k]}); targets have {@code n}
 * entries. Every method checks its arguments first and changes nothing when it throws.
 *
 * <p>Immutable and thread-safe. Each evaluation allocates {@code O(n²)} (the covariance and its
 * inverse); nothing is cached between calls. For repeated evaluation without allocation use
 * {@link #newWorkspace} ({@link GpWorkspace}).
 */
public final class GaussianProcess {

    /** Lower bound of every hyperparameter in {@link #fit} (scikit-learn's default). */
    public static final double LOWER_BOUND = 1e-5;

    /** Upper bound of every hyperparameter in {@link #fit} (scikit-learn's default). */
    public static final double UPPER_BOUND = 1e5;

    private final Kernel kernel;
    private final double alpha;
    private final double constantMean;
    private final boolean normalizeY;
    private final @Nullable HyperPriors priors;

    private GaussianProcess(Kernel kernel, double alpha, double constantMean, boolean normalizeY,
            @Nullable HyperPriors priors) {
        this.kernel = kernel;
        this.alpha = alpha;
        this.constantMean = constantMean;
        this.normalizeY = normalizeY;
        this.priors = priors;
    }

    /**
     * A process with this kernel, zero mean, {@code alpha = 1e-10} (scikit-learn's default) and
     * targets not normalised.
     *
     * @throws IllegalArgumentException if {@code kernel} is null
     */
    public static GaussianProcess of(Kernel kernel) {
        if (kernel == null) {
            throw new IllegalArgumentException("kernel must not be null");
        }
        return new GaussianProcess(kernel, 1e-10, 0, false, null);
    }

    /**
     * {@link #of(Kernel)} with the engine form of a kernel module, holding the module's fixed
     * parameters fixed in {@link #fit}: {@code of(ModuleKernels.of(module))} with
     * {@link HyperPriors#maximumLikelihood(org.parax4j.kernel.Kernel) HyperPriors.maximumLikelihood(module)}
     * (a maximum-likelihood fit within scikit-learn's bounds; {@link #withPriorsOf} also takes the
     * module's priors and bounds).
     *
     * <p>The process therefore always carries priors (unlike {@link #of(Kernel)}), with these
     * consequences: {@link #withKernel} with a kernel of another structure refuses until
     * {@link #withoutPriors()} is called first; {@link GpJson#save} writes a {@code hyperparameters}
     * section (the fixed flags); and when every module parameter is fixed, {@link #fit} optimises
     * nothing: it evaluates the log marginal likelihood once and returns this process
     * ({@link GpFit#freeCount()} is 0).
     *
     * @throws IllegalArgumentException if {@code module} is null, or as {@link ModuleKernels#of}
     */
    public static GaussianProcess of(org.parax4j.kernel.Kernel<?> module) {
        if (module == null) {
            throw new IllegalArgumentException("module must not be null");
        }
        return of(ModuleKernels.of(module)).withPriors(HyperPriors.maximumLikelihood(module));
    }

    /**
     * A copy with another kernel (its priors, bounds and fixed flags, if any were given, kept).
     *
     * @throws IllegalArgumentException if null, or if this process was given priors ({@link #withPriors},
     *     {@link #of(org.parax4j.kernel.Kernel)}, {@link #withPriorsOf}) and the new kernel's
     *     hyperparameters are not the same by name (another structure or order)
     */
    public GaussianProcess withKernel(Kernel newKernel) {
        if (newKernel == null) {
            throw new IllegalArgumentException("kernel must not be null");
        }
        if (priors != null && !KernelGradients.names(newKernel).equals(priors.names())) {
            throw new IllegalArgumentException("the priors cover the hyperparameters " + priors.names() + ", the kernel "
                    + newKernel + " has " + KernelGradients.names(newKernel) + "; use withoutPriors() first");
        }
        return new GaussianProcess(newKernel, alpha, constantMean, normalizeY, priors);
    }

    /**
     * A copy whose {@link #fit} maximises the log marginal likelihood plus these hyperparameter log
     * priors (a MAP estimate of the physical hyperparameters; see {@link HyperPriors} for the
     * density meant), within their bounds, over the free hyperparameters only (fixed ones stay at the
     * kernel's values, bit for bit), drawing restarts from the priors. The priors matter to
     * {@link #fit} only: conditioning and predictions ignore them; {@link GpJson} saves them.
     *
     * @throws IllegalArgumentException if null or for other hyperparameters (by name) than the kernel's
     */
    public GaussianProcess withPriors(HyperPriors hyperPriors) {
        if (hyperPriors == null || !hyperPriors.names().equals(KernelGradients.names(kernel))) {
            throw new IllegalArgumentException("priors must cover the kernel's " + KernelGradients.count(kernel)
                    + " hyperparameters " + KernelGradients.names(kernel) + ", got "
                    + (hyperPriors == null ? "null" : hyperPriors.count() + " " + hyperPriors.names()));
        }
        return new GaussianProcess(kernel, alpha, constantMean, normalizeY, hyperPriors);
    }

    /**
     * {@code of(module).withPriors(HyperPriors.of(module))}: a process whose fit is the MAP estimate
     * under the priors (and within the bounds) the kernel module's parameters carry.
     *
     * @throws IllegalArgumentException as {@link ModuleKernels#of} and {@link HyperPriors#of}
     */
    public static GaussianProcess withPriorsOf(org.parax4j.kernel.Kernel<?> module) {
        return of(module).withPriors(HyperPriors.of(module));
    }

    /**
     * A copy without priors, bounds or fixed flags: {@link #fit} is again a maximum-likelihood fit of
     * every hyperparameter within scikit-learn's bounds.
     */
    public GaussianProcess withoutPriors() {
        return new GaussianProcess(kernel, alpha, constantMean, normalizeY, null);
    }

    /**
     * The hyperparameters' priors, bounds and fixed flags {@link #fit} uses
     * ({@link HyperPriors#maximumLikelihood(Kernel)}, all free, when none were given).
     */
    public HyperPriors priors() {
        return priors != null ? priors : HyperPriors.maximumLikelihood(kernel);
    }

    /** The priors given ({@link #withPriors}), null when none were. */
    @Nullable HyperPriors givenPriors() {
        return priors;
    }

    /** A copy with this fixed noise variance on the diagonal. @throws IllegalArgumentException unless finite and ≥ 0 */
    public GaussianProcess withAlpha(double noiseVariance) {
        if (!(noiseVariance >= 0 && noiseVariance < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("alpha must be finite and >= 0, got " + noiseVariance);
        }
        return new GaussianProcess(kernel, noiseVariance, constantMean, normalizeY, priors);
    }

    /**
     * A copy with a constant prior mean.
     *
     * @throws IllegalArgumentException if not finite, or if targets are normalised (the mean is then
     *     the sample mean)
     */
    public GaussianProcess withConstantMean(double mean) {
        if (!Double.isFinite(mean)) {
            throw new IllegalArgumentException("constant mean must be finite, got " + mean);
        }
        if (normalizeY && mean != 0) {
            throw new IllegalArgumentException("constant mean " + mean + " conflicts with normalizeY = true");
        }
        return new GaussianProcess(kernel, alpha, mean, normalizeY, priors);
    }

    /**
     * A copy that standardises the targets (subtracts their mean, divides by their standard
     * deviation; as scikit-learn's {@code normalize_y=True}) before conditioning, and undoes it in
     * predictions.
     *
     * @throws IllegalArgumentException when turned on with a non-zero constant mean
     */
    public GaussianProcess withNormalizeY(boolean normalize) {
        if (normalize && constantMean != 0) {
            throw new IllegalArgumentException("normalizeY conflicts with the constant mean " + constantMean);
        }
        return new GaussianProcess(kernel, alpha, constantMean, normalize, priors);
    }

    /** The kernel. */
    public Kernel kernel() {
        return kernel;
    }

    /** The fixed noise variance on the diagonal. */
    public double alpha() {
        return alpha;
    }

    /** The constant prior mean (0 for a zero mean). */
    public double constantMean() {
        return constantMean;
    }

    /** Whether targets are standardised. */
    public boolean normalizeY() {
        return normalizeY;
    }

    /** The kernel's log-hyperparameters (see {@link KernelGradients} for the order). */
    public double[] logTheta() {
        return KernelGradients.logTheta(kernel);
    }

    /**
     * The log marginal likelihood and its exact gradient with respect to every log-hyperparameter,
     * fixed ones included ({@code ½ tr((ααᵀ − K⁻¹) ∂K/∂log θ)}, {@code α = K⁻¹y}; a fit uses the
     * entries at {@link HyperPriors#freeIndices}) at the current kernel. A matrix
     * that is not numerically positive definite gets jitter (see
     * {@link Cholesky#factorWithJitter}); the result reports it.
     *
     * @param x training inputs {@code n × d}, finite. Not modified.
     * @param n number of points, {@code ≥ 1}
     * @param d input dimension, {@code ≥ 1}
     * @param y targets, {@code n} finite values. Not modified.
     * @throws IllegalArgumentException on bad data (naming the entry), mismatched ARD length
     *     scales, or a covariance that stays indefinite with the largest jitter
     */
    public LogMarginalLikelihood logMarginalLikelihood(double[] x, int n, int d, double[] y) {
        GpWorkspace ws = newWorkspace(x, n, d, y, true);
        double[] gradient = new double[ws.hyperparameterCount()];
        double value = ws.logMarginalLikelihood(logTheta(), gradient);
        return new LogMarginalLikelihood(value, gradient, ws.jitter());
    }

    /**
     * A workspace bound to this process and these data for repeated, allocation-free evaluation of
     * the log marginal likelihood and its gradient ({@link GpWorkspace}).
     *
     * @param parallel whether evaluations split their work over {@link EngineOptions#defaults()} (same
     *     bits either way; only from {@code n = 256} on)
     * @return the workspace, holding a copy of the data and about {@code 16·n²} bytes of buffers
     * @throws IllegalArgumentException on bad data (as
     *     {@link #logMarginalLikelihood(double[], int, int, double[])}), or when the buffers cannot
     *     fit in this JVM's maximum heap (the message says how much heap {@code n} needs)
     */
    public GpWorkspace newWorkspace(double[] x, int n, int d, double[] y, boolean parallel) {
        return newWorkspace(x, n, d, y, EngineOptions.defaultsIf(parallel));
    }

    /**
     * {@link #newWorkspace(double[], int, int, double[], boolean)} whose evaluations split their work
     * over the calling thread and helpers on {@code options}' executor (same bits for any executor).
     *
     * @throws IllegalArgumentException also when {@code options} is null
     */
    public GpWorkspace newWorkspace(double[] x, int n, int d, double[] y, EngineOptions options) {
        if (options == null) {
            throw new IllegalArgumentException("options must not be null");
        }
        Training t = Training.of(x, n, d, y, this);
        Training.checkHeap(n, 2, Training.inverseScratch(n, options), "fitting");
        return new GpWorkspace(this, t, options);
    }

    /**
     * {@link #logMarginalLikelihood(double[], int, int, double[])} at other log-hyperparameters.
     *
     * @throws IllegalArgumentException also when {@code logTheta} has the wrong length
     */
    public LogMarginalLikelihood logMarginalLikelihood(double[] logTheta, double[] x, int n, int d, double[] y) {
        return withKernel(KernelGradients.withLogTheta(kernel, logTheta)).logMarginalLikelihood(x, n, d, y);
    }

    /**
     * Fits the kernel's hyperparameters with {@link Lbfgsb} (defaults) over log-hyperparameters:
     * without priors by maximising the log marginal likelihood within
     * {@code [log LOWER_BOUND, log UPPER_BOUND]} (scikit-learn's fit); with {@link #withPriors priors}
     * by maximising the log marginal likelihood plus the log priors within their bounds (a MAP
     * estimate of the physical hyperparameters, {@link HyperPriors}). Only the free hyperparameters
     * ({@link HyperPriors#freeIndices}) are optimised, drawn and bounded; fixed ones keep the
     * kernel's values bit for bit, and priors on them are ignored. When every hyperparameter is
     * fixed the fit evaluates the log marginal likelihood once and returns this process itself
     * ({@code restarts} and {@code seed} then do not matter). Start 0 is the current
     * kernel; start {@code i ≥ 1} is drawn ({@link HyperPriors}: from the priors, else uniformly in
     * the log bounds) with {@code SplittableRandom(seed + i·0x9E3779B97F4A7C15)}. Starts run in
     * parallel on {@link EngineOptions#defaults()}; the best (highest objective, lowest index on
     * ties) wins, so the result depends only on the data, the start, the priors, {@code restarts}
     * and {@code seed}. During the fit a covariance that is not positive definite makes the
     * objective {@code −∞} (no jitter), as in scikit-learn.
     *
     * @param restarts further random starts, {@code ≥ 0}
     * @return the fit; its process carries the fitted kernel (and the priors)
     * @throws IllegalArgumentException on bad data, {@code restarts < 0}, or restarts requested while
     *     a free hyperparameter has neither a prior nor finite bounds (named)
     * @throws IllegalStateException when no start could be evaluated (when every hyperparameter is
     *     fixed: when the covariance is not positive definite at them)
     */
    public GpFit fit(double[] x, int n, int d, double[] y, int restarts, long seed) {
        return fit(x, n, d, y, restarts, seed, EngineOptions.defaults());
    }

    /**
     * {@link #fit(double[], int, int, double[], int, long)} with the starts (or, without restarts, the
     * Cholesky updates and gradient rows of large problems) spread over the calling thread and up to
     * {@code options.parallelism() − 1} helper tasks on {@code options.executor()}; the result is the
     * same bits for any executor and parallelism.
     *
     * @param options executor and parallelism cap
     * @throws IllegalArgumentException also when {@code options} is null
     */
    public GpFit fit(double[] x, int n, int d, double[] y, int restarts, long seed, EngineOptions options) {
        if (options == null) {
            throw new IllegalArgumentException("options must not be null");
        }
        if (restarts < 0) {
            throw new IllegalArgumentException("restarts must be >= 0, got " + restarts);
        }
        Training t = Training.of(x, n, d, y, this);
        KernelGradients.compile(kernel, d); // checks ARD sizes before any work
        HyperPriors hp = priors();
        if (restarts > 0) {
            hp.checkDrawable(restarts);
        }
        Training.checkHeap(n, 2, Training.inverseScratch(n, options), "fitting");
        return HyperparameterFit.run(this, hp, t, restarts, seed, options);
    }

    /**
     * Conditions the process on data at the current hyperparameters (jitter as in
     * {@link #logMarginalLikelihood(double[], int, int, double[])}).
     *
     * @return the posterior, holding a copy of the inputs and the {@code n × n} factor
     * @throws IllegalArgumentException as {@link #logMarginalLikelihood(double[], int, int, double[])}
     */
    public GpPosterior condition(double[] x, int n, int d, double[] y) {
        return condition(x, n, d, y, EngineOptions.defaults());
    }

    /**
     * {@link #condition(double[], int, int, double[])} with the factorisation of large problems spread
     * over {@code options} (the same bits for any executor and parallelism).
     *
     * @throws IllegalArgumentException also when {@code options} is null
     */
    public GpPosterior condition(double[] x, int n, int d, double[] y, EngineOptions options) {
        if (options == null) {
            throw new IllegalArgumentException("options must not be null");
        }
        return condition(Training.of(x, n, d, y, this), options);
    }

    /** {@link #condition(double[], int, int, double[], EngineOptions)} on checked data. */
    GpPosterior condition(Training t, EngineOptions options) {
        int n = t.n();
        KernelGradients.Compiled kc = KernelGradients.compile(kernel, t.d());
        Training.checkHeap(n, 1, "conditioning");
        Factor f = factor(kc, t, true, n >= GpWorkspace.PARALLEL_MIN ? options : EngineOptions.singleThreaded());
        double[] a = t.y().clone();
        TriangularSolve.solve(f.l(), n, a);
        return new GpPosterior(this, kc, t, f.l(), a, f.jitter());
    }

    /** Lower-triangular factor of {@code K + alpha·I} (upper triangle holds {@code K + alpha·I}). */
    record Factor(double[] l, double jitter) {}

    private Factor factor(KernelGradients.Compiled kc, Training t, boolean jitter, EngineOptions parallel) {
        int n = t.n();
        double[] k = new double[n * n];
        GpWorkspace.fillCovariance(kc, GpPosterior.withoutWhiteNoise(kernel), parallel.isParallel()
                ? org.parax4j.engine.kernel.KernelWorkspace.parallel(parallel)
                : org.parax4j.engine.kernel.KernelWorkspace.singleThreaded(), t, k);
        double[] panel = new double[Cholesky.panelLength(n)];
        if (jitter) {
            double added = Cholesky.factorWithJitter(k, n, panel, new double[n], parallel, t.kernelName());
            return new Factor(k, added);
        }
        return Cholesky.factor(k, n, panel, parallel) < 0 ? new Factor(k, 0) : null;
    }

    static double dot(double[] u, double[] v, int n) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += u[i] * v[i];
        }
        return s;
    }

    @Override
    public String toString() {
        return "GaussianProcess[kernel=" + kernel + ", alpha=" + alpha + ", constantMean=" + constantMean
                + ", normalizeY=" + normalizeY + (priors == null ? "" : ", " + priors) + "]";
    }
}
