package org.parax4j.engine.gp;

import org.jspecify.annotations.Nullable;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import org.parax4j.distribution.Distribution;
import org.parax4j.distribution.Independent;
import org.parax4j.distribution.LogNormal;
import org.parax4j.distribution.Normal;
import org.parax4j.distribution.TruncatedNormal;
import org.parax4j.distribution.Uniform;
import org.parax4j.distribution.UnivariateDistribution;
import org.parax4j.engine.kernel.Kernel;
import org.parax4j.engine.kernel.ModuleKernels;
import org.parax4j.kernel.ConstantKernel;
import org.parax4j.kernel.MaternKernel;
import org.parax4j.kernel.PeriodicKernel;
import org.parax4j.kernel.ProductKernel;
import org.parax4j.kernel.RBFKernel;
import org.parax4j.kernel.RationalQuadraticKernel;
import org.parax4j.kernel.ScaleKernel;
import org.parax4j.kernel.SumKernel;
import org.parax4j.kernel.WhiteNoiseKernel;
import org.parax4j.param.Parameter;

/**
 * Priors, bounds and fixed flags of a kernel's hyperparameters ({@link KernelGradients} order) for
 * {@link GaussianProcess#fit}: for each hyperparameter {@code θ_i} an optional prior (a
 * {@link UnivariateDistribution} of its physical value), bounds on {@code θ_i}, and whether it is
 * fixed.
 *
 * <p><b>Fixed hyperparameters</b> (a kernel module's fixed parameters, {@link #of},
 * {@link #maximumLikelihood(org.parax4j.kernel.Kernel)}, or {@link #withFixed}) are held at the
 * kernel's value in a fit, bit for bit, as scikit-learn's {@code "fixed"} bounds: the optimiser,
 * its gradient and the restart draws cover the free ones only. Their bounds are not checked (the
 * value may lie outside them), and a prior on a fixed hyperparameter is kept (and saved) but
 * ignored: it adds nothing to {@link #logDensity} (a constant would not move the optimum, and a
 * fixed value outside the prior's support would make every objective {@code −∞}).
 *
 * <p><b>Which density.</b> The fit maximises {@code log p(y | θ) + Σ_i log π_i(θ_i / s_i)}: the log
 * posterior density of the <em>physical</em> hyperparameters {@code θ} (π_i is the prior of the
 * module parameter in its own units and {@code s_i} its scale, {@code θ_i = s_i·value}; the constant
 * {@code −Σ log s_i} is dropped). Its maximiser is the MAP estimate of {@code θ} itself. The optimiser
 * works on {@code u = log θ}, so the prior's gradient carries the chain-rule Jacobian
 * {@code dθ/du = θ}: {@code ∂/∂u log π(θ) = θ·π'(θ)/π(θ)}. The log-Jacobian {@code Σ log θ} of the
 * change of variables is deliberately <em>not</em> added to the objective: with it the fit would
 * return the mode of the density of {@code log θ} instead (for a {@code LogNormal(μ, σ)} prior:
 * {@code e^μ} rather than the θ-mode {@code e^(μ − σ²)}). A sampler of {@code log θ} (e.g.
 * {@code bayes.GpMarginalPosterior}) needs that term; a MAP of θ does not.
 *
 * <p><b>Gradients</b> of {@code log π} are analytic for {@link Normal}, {@link LogNormal},
 * {@link Uniform} and {@link TruncatedNormal}; for other distributions a central difference in
 * {@code u} with step {@code 1e-5}.
 *
 * <p><b>Bounds.</b> Where a prior's support is bounded ({@code icdf(0)}, {@code icdf(1)}) the bounds
 * are intersected with it, so a fit never leaves the support; the prior's value is taken at the
 * nearest point of its support when {@code exp(log θ)} rounds just outside it. Restarts
 * ({@link #draw}) draw a hyperparameter with a prior from its prior (truncated to the bounds), one
 * without from the uniform distribution on its log bounds; one with neither a prior nor finite
 * bounds cannot be drawn.
 *
 * <p>Immutable and thread-safe; {@link #logDensity} does not allocate.
 */
public final class HyperPriors {

    private static final double DIFFERENCE_STEP = 1e-5;
    private static final int MAX_DRAWS = 1000;

    private final List<String> names;
    private final @Nullable UnivariateDistribution[] priors;
    private final double[] scales;
    private final double[] lower;
    private final double[] upper;
    private final double[] logLower;
    private final double[] logUpper;
    private final double[] supportLow;
    private final double[] supportHigh;
    private final boolean[] fixed;

    /**
     * Arrays owned by the instance. Checks every hyperparameter: {@code scale > 0} and
     * {@code lower <= upper} (a lower bound {@code ≤ 0}, {@code −∞} included, is open), and for a free
     * one that its bounds, intersected with its prior's support, leave a positive value
     * ({@code log lower < log upper}); a fixed one may have {@code lower == upper}.
     *
     * @throws IllegalArgumentException naming the first hyperparameter that fails
     */
    HyperPriors(List<String> names, @Nullable UnivariateDistribution[] priors, double[] scales, double[] lower,
            double[] upper, boolean[] fixed) {
        int p = names.size();
        for (int i = 0; i < p; i++) {
            if (!(scales[i] > 0) || !(lower[i] <= upper[i])) {
                throw new IllegalArgumentException("hyperparameter " + names.get(i) + ": " + (scales[i] > 0
                        ? "its bounds must satisfy lower <= upper, got [" + lower[i] + ", " + upper[i] + "]"
                        : "its scale must be > 0, got " + scales[i]));
            }
        }
        this.names = names;
        this.fixed = fixed;
        this.priors = priors;
        this.scales = scales;
        this.lower = lower;
        this.upper = upper;
        this.logLower = new double[p];
        this.logUpper = new double[p];
        this.supportLow = new double[p];
        this.supportHigh = new double[p];
        for (int i = 0; i < p; i++) {
            double lo = lower[i];
            double hi = upper[i];
            supportLow[i] = Double.NEGATIVE_INFINITY;
            supportHigh[i] = Double.POSITIVE_INFINITY;
            if (priors[i] != null) {
                supportLow[i] = quantile(priors[i], 0, Double.NEGATIVE_INFINITY);
                supportHigh[i] = quantile(priors[i], 1, Double.POSITIVE_INFINITY);
                lo = Math.max(lo, scales[i] * supportLow[i]);
                hi = Math.min(hi, scales[i] * supportHigh[i]);
            }
            logLower[i] = lo > 0 ? Math.log(lo) : Double.NEGATIVE_INFINITY;
            logUpper[i] = Math.log(hi);
            if (!fixed[i] && !(logLower[i] < logUpper[i])) {
                throw new IllegalArgumentException("hyperparameter " + names.get(i) + ": its bounds [" + lower[i] + ", "
                        + upper[i] + "] leave no positive value" + (priors[i] == null ? ""
                        : " inside the support of its prior " + priors[i]));
            }
        }
    }

    /**
     * No priors and scikit-learn's default bounds {@code [1e-5, 1e5]} on every hyperparameter of
     * {@code kernel}: a fit with these is a maximum-likelihood fit (the default of
     * {@link GaussianProcess#fit}).
     *
     * @throws IllegalArgumentException if {@code kernel} is null
     */
    public static HyperPriors maximumLikelihood(Kernel kernel) {
        if (kernel == null) {
            throw new IllegalArgumentException("kernel must not be null");
        }
        int p = KernelGradients.count(kernel);
        double[] lo = new double[p];
        double[] hi = new double[p];
        Arrays.fill(lo, GaussianProcess.LOWER_BOUND);
        Arrays.fill(hi, GaussianProcess.UPPER_BOUND);
        double[] ones = new double[p];
        Arrays.fill(ones, 1.0);
        return new HyperPriors(KernelGradients.names(kernel), new UnivariateDistribution[p], ones, lo, hi,
                new boolean[p]);
    }

    /**
     * {@link #maximumLikelihood(Kernel)} of the module's engine form with the module's fixed flags:
     * a maximum-likelihood fit within scikit-learn's bounds that holds the module's fixed parameters
     * (every element of one) at their values. The module's priors and bounds are not used
     * ({@link #of} uses them).
     *
     * @throws IllegalArgumentException for a null module, or as {@link ModuleKernels#of}
     */
    public static HyperPriors maximumLikelihood(org.parax4j.kernel.Kernel<?> module) {
        if (module == null) {
            throw new IllegalArgumentException("module must not be null");
        }
        HyperPriors ml = maximumLikelihood(ModuleKernels.of(module));
        return new HyperPriors(ml.names, ml.priors, ml.scales, ml.lower, ml.upper,
                fixedFlags(parameters(module, ml.count())));
    }

    /**
     * The priors and bounds a kernel <em>module</em>'s parameters carry: element {@code j} of a
     * parameter gets its distribution (one of dimension 1 applies to every element; an
     * {@link Independent} gives element {@code j} its component), its bounds times its scale
     * (open where the parameter has none: no default bounds), and its fixed flag.
     *
     * @throws IllegalArgumentException for a null module, as {@link ModuleKernels#of}, for a correlated prior (e.g. a
     *     multivariate normal) on a free vector parameter (on a fixed one it is dropped), a scale that is not positive, or bounds that
     *     leave nothing of a prior's support (naming the hyperparameter)
     */
    public static HyperPriors of(org.parax4j.kernel.Kernel<?> module) {
        if (module == null) {
            throw new IllegalArgumentException("module must not be null");
        }
        Kernel kernel = ModuleKernels.of(module);
        List<String> names = KernelGradients.names(kernel);
        int p = names.size();
        UnivariateDistribution[] priors = new UnivariateDistribution[p];
        double[] scales = new double[p];
        double[] lo = new double[p];
        double[] hi = new double[p];
        List<Parameter> params = parameters(module, p);
        int end = 0;
        for (Parameter param : params) {
            end = take(param, names, priors, scales, lo, hi, end);
        }
        return new HyperPriors(names, priors, scales, lo, hi, fixedFlags(params));
    }

    /**
     * The module's hyperparameter parameters in {@link KernelGradients} order.
     *
     * @throws IllegalStateException when their elements are not the {@code p} hyperparameters of the
     *     module's engine form (a module/engine mismatch: a bug, not a caller's error)
     */
    private static List<Parameter> parameters(org.parax4j.kernel.Kernel<?> module, int p) {
        List<Parameter> params = new java.util.ArrayList<>();
        parameters(module, params);
        int elements = 0;
        for (Parameter param : params) {
            elements += param.size();
        }
        if (elements != p) {
            throw new IllegalStateException("kernel module " + module + " has " + elements + " hyperparameter elements,"
                    + " its engine form " + p);
        }
        return params;
    }

    /** Each element's fixed flag: its parameter's (every element of a fixed parameter is fixed). */
    private static boolean[] fixedFlags(List<Parameter> params) {
        int p = 0;
        for (Parameter param : params) {
            p += param.size();
        }
        boolean[] fixed = new boolean[p];
        int off = 0;
        for (Parameter param : params) {
            Arrays.fill(fixed, off, off + param.size(), param.isFixed());
            off += param.size();
        }
        return fixed;
    }

    /** Appends the module's hyperparameter parameters in {@link KernelGradients} order to {@code out}. */
    private static void parameters(org.parax4j.kernel.Kernel<?> m, List<Parameter> out) {
        switch (m) {
            case RBFKernel k -> out.add(k.lengthScale());
            case MaternKernel k -> out.add(k.lengthScale());
            case RationalQuadraticKernel k -> out.addAll(List.of(k.alpha(), k.lengthScale()));
            case PeriodicKernel k -> out.addAll(List.of(k.lengthScale(), k.period()));
            case ConstantKernel k -> out.add(k.constant());
            case WhiteNoiseKernel k -> out.add(k.variance());
            case ScaleKernel k -> {
                out.add(k.variance());
                parameters(k.base(), out);
            }
            case SumKernel k -> {
                parameters(k.left(), out);
                parameters(k.right(), out);
            }
            case ProductKernel k -> {
                parameters(k.left(), out);
                parameters(k.right(), out);
            }
            default -> throw new IllegalArgumentException("kernel module " + m.getClass().getSimpleName()
                    + " has no engine form");
        }
    }

    /** Fills hyperparameters {@code off …} from the elements of {@code param}; returns the next offset. */
    private static int take(Parameter param, List<String> names, UnivariateDistribution[] priors, double[] scales,
            double[] lo, double[] hi, int off) {
        Distribution d = param.distribution().orElse(null);
        if (param.isFixed() && !(d instanceof UnivariateDistribution) && !(d instanceof Independent)) {
            d = null; // a correlated prior on a fixed parameter: ignored in a fit anyway, so not refused
        }
        for (int j = 0; j < param.size(); j++) {
            int i = off + j;
            if (!(param.scale() > 0)) {
                throw new IllegalArgumentException("hyperparameter " + names.get(i) + ": scale must be > 0, got "
                        + param.scale());
            }
            scales[i] = param.scale();
            lo[i] = param.lowerBound(j) * param.scale();
            hi[i] = param.upperBound(j) * param.scale();
            if (d == null) {
                continue;
            }
            if (d instanceof UnivariateDistribution u) {
                priors[i] = u;
            } else if (d instanceof Independent ind) {
                priors[i] = ind.components().get(j);
            } else {
                throw new IllegalArgumentException("hyperparameter " + names.get(i) + ": a GP fit takes independent"
                        + " priors per hyperparameter, got a correlated " + d.getClass().getSimpleName()
                        + "; give each element its own distribution (Independent)");
            }
        }
        return off + param.size();
    }

    /**
     * A copy in which hyperparameter {@code i} has {@code prior} on its own value {@code θ_i} (scale 1),
     * or no prior when {@code prior} is null.
     *
     * @throws IllegalArgumentException if {@code i} is out of range, or the bounds leave nothing of
     *     the prior's support
     */
    public HyperPriors withPrior(int i, @Nullable UnivariateDistribution prior) {
        checkIndex(i);
        UnivariateDistribution[] p = priors.clone();
        double[] s = scales.clone();
        p[i] = prior;
        s[i] = 1;
        return new HyperPriors(names, p, s, lower, upper, fixed);
    }

    /**
     * A copy in which hyperparameter {@code i} is bounded to {@code [lo, hi]} (0 and +∞ for open).
     *
     * @throws IllegalArgumentException if {@code i} is out of range or not {@code 0 ≤ lo < hi}
     */
    public HyperPriors withBounds(int i, double lo, double hi) {
        checkIndex(i);
        if (!(lo >= 0 && lo < hi)) {
            throw new IllegalArgumentException("bounds of hyperparameter " + names.get(i) + " must satisfy 0 <= lo < hi,"
                    + " got [" + lo + ", " + hi + "]");
        }
        double[] l = lower.clone();
        double[] h = upper.clone();
        l[i] = lo;
        h[i] = hi;
        return new HyperPriors(names, priors, scales, l, h, fixed);
    }

    /**
     * A copy in which hyperparameter {@code i} is fixed (held at the kernel's value in a fit) or free.
     *
     * @throws IllegalArgumentException if {@code i} is out of range, or when freeing it leaves its
     *     bounds nothing of its prior's support
     */
    public HyperPriors withFixed(int i, boolean isFixed) {
        checkIndex(i);
        boolean[] f = fixed.clone();
        f[i] = isFixed;
        return new HyperPriors(names, priors, scales, lower, upper, f);
    }

    /** Whether hyperparameter {@code i} is fixed. @throws IllegalArgumentException if out of range */
    public boolean isFixed(int i) {
        checkIndex(i);
        return fixed[i];
    }

    /** The indices of the free hyperparameters, ascending (a new array; empty when all are fixed). */
    public int[] freeIndices() {
        int[] out = new int[count()];
        int f = 0;
        for (int i = 0; i < out.length; i++) {
            if (!fixed[i]) {
                out[f++] = i;
            }
        }
        return Arrays.copyOf(out, f);
    }

    /**
     * The free hyperparameters' entries of {@code all} (one entry per hyperparameter), in order: a new
     * array of {@link #freeIndices()}'s length.
     *
     * @throws IllegalArgumentException when {@code all} does not hold one entry per hyperparameter
     */
    public double[] freeValues(double[] all) {
        if (all.length != count()) {
            throw new IllegalArgumentException("all has length " + all.length
                    + ", expected one entry per hyperparameter: " + count());
        }
        int[] free = freeIndices();
        double[] out = new double[free.length];
        for (int j = 0; j < free.length; j++) {
            out[j] = all[free[j]];
        }
        return out;
    }

    /** The fixed flags, one per hyperparameter (a new array). */
    boolean[] fixedMask() {
        return fixed.clone();
    }

    /** Number of hyperparameters. */
    public int count() {
        return names.size();
    }

    /** The hyperparameters' names ({@link KernelGradients#names}). */
    public List<String> names() {
        return names;
    }

    /** Hyperparameter {@code i}'s prior (of its physical value), if any. @throws IllegalArgumentException if out of range */
    public Optional<UnivariateDistribution> prior(int i) {
        checkIndex(i);
        return Optional.ofNullable(priors[i]);
    }

    /** Whether any free hyperparameter has a prior (else a fit is a maximum-likelihood fit). */
    public boolean hasPriors() {
        for (int i = 0; i < count(); i++) {
            if (priors[i] != null && !fixed[i]) {
                return true;
            }
        }
        return false;
    }

    /** The lower bound of {@code log θ_i} the fit uses (bounds ∩ prior support; {@code −∞} when open). */
    public double logLower(int i) {
        checkIndex(i);
        return logLower[i];
    }

    /** The upper bound of {@code log θ_i} the fit uses ({@code +∞} when open). */
    public double logUpper(int i) {
        checkIndex(i);
        return logUpper[i];
    }

    /**
     * {@code Σ_i log π_i(θ_i / s_i)} at {@code θ = exp(logTheta)} (see the class comment for the
     * density meant) over the free hyperparameters, its gradient with respect to {@code log θ}
     * written to {@code gradient} (0 for a hyperparameter without prior and for a fixed one).
     * Allocates nothing.
     *
     * @return the log prior; {@code −∞} outside a prior's support
     * @throws IllegalArgumentException when either array is null or shorter than {@link #count()}
     */
    public double logDensity(double[] logTheta, double[] gradient) {
        int p = count();
        if (logTheta == null || gradient == null || logTheta.length < p || gradient.length < p) {
            throw new IllegalArgumentException("logTheta and gradient must hold " + p + " doubles, got "
                    + (logTheta == null ? "null" : logTheta.length) + " and "
                    + (gradient == null ? "null" : gradient.length));
        }
        double sum = 0;
        for (int i = 0; i < p; i++) {
            gradient[i] = 0;
            UnivariateDistribution d = priors[i];
            if (d == null || fixed[i]) {
                continue;
            }
            double u = logTheta[i];
            double v = physical(i, u);
            sum += d.logProb(v);
            gradient[i] = switch (d) {
                case Normal nd -> -v * (v - nd.mean()) / (nd.std() * nd.std());
                case LogNormal ln -> -1 - (Math.log(v) - ln.mu()) / (ln.sigma() * ln.sigma());
                case Uniform un -> 0.0;
                case TruncatedNormal tn -> -v * (v - tn.mu()) / (tn.sigma() * tn.sigma());
                default -> (d.logProb(physical(i, u + DIFFERENCE_STEP)) - d.logProb(physical(i, u - DIFFERENCE_STEP)))
                        / (2 * DIFFERENCE_STEP);
            };
        }
        return sum;
    }

    /** The prior's argument at {@code u = log θ_i}: {@code θ_i / s_i}, moved into the support when it rounds outside. */
    private double physical(int i, double u) {
        return Math.clamp(Math.exp(u) / scales[i], supportLow[i], supportHigh[i]);
    }

    /**
     * Refuses restarts when a free hyperparameter has neither a prior nor finite bounds.
     *
     * @throws IllegalArgumentException naming the first such hyperparameter and what to give it
     */
    void checkDrawable(int restarts) {
        for (int i = 0; i < count(); i++) {
            if (!fixed[i] && priors[i] == null && !(Double.isFinite(logLower[i]) && Double.isFinite(logUpper[i]))) {
                throw new IllegalArgumentException("restarts = " + restarts + " draw every hyperparameter from its prior"
                        + " or within finite bounds, but " + names.get(i) + " has neither a prior nor finite bounds"
                        + " (log bounds [" + logLower[i] + ", " + logUpper[i] + "]): give its parameter a distribution"
                        + " or bounds, or fit without restarts");
            }
        }
    }

    /**
     * One restart point {@code log θ}: a copy of {@code current} in which each free hyperparameter
     * with a prior is drawn from it until it lands within the bounds, each other free one uniformly
     * within its log bounds, in order, from {@code rng} (fixed ones draw nothing and keep
     * {@code current}'s entry).
     *
     * @throws IllegalArgumentException when a prior's draws stay outside the bounds {@value #MAX_DRAWS} times
     */
    double[] draw(SplittableRandom rng, double[] current) {
        int p = count();
        double[] out = Arrays.copyOf(current, p);
        for (int i = 0; i < p; i++) {
            if (fixed[i]) {
                continue;
            }
            if (priors[i] == null) {
                out[i] = logLower[i] + (logUpper[i] - logLower[i]) * rng.nextDouble();
                continue;
            }
            int tries = 0;
            double u;
            do {
                if (++tries > MAX_DRAWS) {
                    throw new IllegalArgumentException("hyperparameter " + names.get(i) + ": " + MAX_DRAWS + " draws"
                            + " from its prior " + priors[i] + " all fell outside its bounds (log θ in [" + logLower[i]
                            + ", " + logUpper[i] + "])");
                }
                u = Math.log(scales[i] * priors[i].sampleOne(rng));
            } while (!(u >= logLower[i] && u <= logUpper[i]));
            out[i] = u;
        }
        return out;
    }

    private void checkIndex(int i) {
        if (i < 0 || i >= count()) {
            throw new IllegalArgumentException("hyperparameter index must be in [0, " + count() + "), got " + i);
        }
    }

    private static double quantile(UnivariateDistribution d, double p, double fallback) {
        try {
            double q = d.icdf(p);
            return Double.isNaN(q) ? fallback : q;
        } catch (RuntimeException e) {
            return fallback;
        }
    }

    /** Hyperparameter {@code i}'s scale {@code s_i} (its prior is of {@code θ_i / s_i}). */
    double scale(int i) {
        return scales[i];
    }

    /** Hyperparameter {@code i}'s bounds as given (before the intersection with its prior's support). */
    double lower(int i) {
        return lower[i];
    }

    /** See {@link #lower}. */
    double upper(int i) {
        return upper[i];
    }

    /**
     * Value equality: the same names, priors ({@code equals}), scales, bounds (as given; doubles by
     * bit pattern) and fixed flags.
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof HyperPriors h && names.equals(h.names) && Arrays.equals(priors, h.priors)
                && Arrays.equals(scales, h.scales) && Arrays.equals(lower, h.lower) && Arrays.equals(upper, h.upper)
                && Arrays.equals(fixed, h.fixed);
    }

    @Override
    public int hashCode() {
        return Objects.hash(names, Arrays.hashCode(priors), Arrays.hashCode(scales), Arrays.hashCode(lower),
                Arrays.hashCode(upper), Arrays.hashCode(fixed));
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("HyperPriors[");
        for (int i = 0; i < count(); i++) {
            b.append(i == 0 ? "" : ", ").append(names.get(i)).append(": ");
            if (fixed[i]) {
                b.append("fixed").append(priors[i] == null ? "" : " (prior " + priors[i] + " ignored)");
                continue;
            }
            b.append(priors[i] == null ? "no prior" : priors[i]).append(" on [").append(Math.exp(logLower[i]))
                    .append(", ").append(Math.exp(logUpper[i])).append(']');
        }
        return b.append(']').toString();
    }
}
