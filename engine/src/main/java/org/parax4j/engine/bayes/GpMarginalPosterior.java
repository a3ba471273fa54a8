package org.parax4j.engine.bayes;

import java.util.List;
import java.util.Objects;
import org.parax4j.engine.gp.GaussianProcess;
import org.parax4j.engine.gp.GpWorkspace;
import org.parax4j.engine.gp.KernelGradients;

/**
 * The posterior of a {@link GaussianProcess}'s kernel hyperparameters given training data, as a
 * density over the log-hyperparameters {@code log θ} (in {@link KernelGradients} order): the GP's
 * log marginal likelihood ({@link GpWorkspace#logMarginalLikelihood}, exact gradient) plus a
 * user-given log prior density of {@code log θ}. A prior stated on {@code θ} itself needs its
 * log-Jacobian {@code Σ log θ} added by the caller.
 *
 * <p><b>Domain.</b> Where a hyperparameter {@code exp(log θ)} is not finite and positive, or the
 * covariance is not numerically positive definite without jitter, the density is zero
 * ({@code −∞}, zero gradient): the sampler treats the point as divergent, as Stan treats a failed
 * Cholesky factorisation.
 *
 * <p><b>Fixed hyperparameters.</b> Those the process's {@link GaussianProcess#priors()} mark fixed
 * (a kernel module's fixed parameters, {@code HyperPriors.withFixed}) are held at the process's
 * values: the density is over the free ones only ({@link #dimension()}, {@link #names()},
 * {@link #initialLatent()} list them in latent order), as {@link GaussianProcess#fit} optimises
 * only them. The log prior still sees every hyperparameter, the fixed ones at their held values.
 *
 * <p><b>Cost.</b> One evaluation is one GP likelihood evaluation: an {@code O(n³)} factorisation
 * and an {@code O(p·n²)} gradient contraction. An instance holds a sequential
 * {@link GpWorkspace} (about {@code 16·n²} bytes) and serves one thread; {@link #copy()} makes
 * another with its own workspace.
 */
public final class GpMarginalPosterior implements LogDensity {

    private final GaussianProcess process;
    private final double[] x;
    private final int n;
    private final int d;
    private final double[] y;
    private final LogDensity logPrior;
    private final GpWorkspace workspace;
    /** The free hyperparameters' latent positions, ascending. */
    private final int[] free;
    /** Every log-hyperparameter: the fixed ones at the process's values, the free ones per call. */
    private final double[] full;
    private final double[] fullGradient;
    private final double[] priorGradient;

    private GpMarginalPosterior(GaussianProcess process, double[] x, int n, int d, double[] y, LogDensity logPrior) {
        this.process = process;
        this.x = x;
        this.n = n;
        this.d = d;
        this.y = y;
        this.logPrior = logPrior;
        this.workspace = process.newWorkspace(x, n, d, y, false);
        this.free = process.priors().freeIndices();
        this.full = process.logTheta();
        this.fullGradient = new double[full.length];
        this.priorGradient = new double[full.length];
    }

    /**
     * The hyperparameter posterior of {@code process} given training data {@code (x, y)}.
     *
     * @param process the GP: its kernel's structure and the starting hyperparameters ({@link #initialLatent()})
     * @param x training inputs {@code n × d}, row-major, finite. Copied.
     * @param n number of points, {@code ≥ 1}
     * @param d input dimension, {@code ≥ 1}
     * @param y targets, {@code n} finite values. Copied.
     * @param logPrior the log prior density of every {@code log θ} (fixed ones included) and its
     *     gradient, of dimension {@link KernelGradients#count}; {@link LogDensity#copy()} is called for
     *     each copy of this density
     * @throws IllegalArgumentException on bad data (as {@link GaussianProcess#newWorkspace}) or a
     *     prior of another dimension than the kernel's hyperparameter count
     */
    public static GpMarginalPosterior of(GaussianProcess process, double[] x, int n, int d, double[] y,
            LogDensity logPrior) {
        Objects.requireNonNull(process, "process");
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(y, "y");
        Objects.requireNonNull(logPrior, "logPrior");
        int p = KernelGradients.count(process.kernel());
        if (logPrior.dimension() != p) {
            throw new IllegalArgumentException("logPrior has dimension " + logPrior.dimension() + ", the kernel has "
                    + p + " hyperparameters " + KernelGradients.names(process.kernel()));
        }
        return new GpMarginalPosterior(process, x.clone(), n, d, y.clone(), logPrior);
    }

    /** The number of free hyperparameters: the density's dimension. */
    @Override
    public int dimension() {
        return free.length;
    }

    /**
     * {@inheritDoc}
     *
     * @param logTheta the free log-hyperparameters, in latent order
     * @throws IllegalArgumentException when {@code logTheta} or {@code gradient} is shorter or
     *     longer than {@link #dimension()}
     */
    @Override
    public double logDensity(double[] logTheta, double[] gradient) {
        int p = free.length;
        if (logTheta.length != p || gradient.length < p) {
            throw new IllegalArgumentException("logTheta has length " + logTheta.length + " and gradient "
                    + gradient.length + ", expected " + p + " (the free hyperparameters " + names() + ")");
        }
        for (int j = 0; j < p; j++) {
            full[free[j]] = logTheta[j];
        }
        double prior = logPrior.logDensity(full, priorGradient);
        if (!(prior > Double.NEGATIVE_INFINITY) || !admits(full)) {
            java.util.Arrays.fill(gradient, 0, p, 0.0);
            return Double.NEGATIVE_INFINITY;
        }
        double lml;
        try {
            lml = workspace.logMarginalLikelihood(full, fullGradient);
        } catch (IllegalArgumentException indefiniteWithLargestJitter) {
            lml = Double.NEGATIVE_INFINITY;
        }
        if (!(lml > Double.NEGATIVE_INFINITY) || workspace.jitter() > 0) {
            java.util.Arrays.fill(gradient, 0, p, 0.0);
            return Double.NEGATIVE_INFINITY;
        }
        for (int j = 0; j < p; j++) {
            gradient[j] = fullGradient[free[j]] + priorGradient[free[j]];
        }
        return lml + prior;
    }

    /** Whether every hyperparameter {@code exp(log θ)} is finite and positive (lengths already checked). */
    private static boolean admits(double[] logTheta) {
        for (double t : logTheta) {
            double e = Math.exp(t);
            if (!(e > 0 && e < Double.POSITIVE_INFINITY)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public GpMarginalPosterior copy() {
        return new GpMarginalPosterior(process, x, n, d, y, logPrior.copy());
    }

    /** The free hyperparameters' names, in latent order (e.g. {@code left.variance}). */
    public List<String> names() {
        List<String> all = KernelGradients.names(process.kernel());
        return java.util.Arrays.stream(free).mapToObj(all::get).toList();
    }

    /** The process's current free log-hyperparameters (a start for the chains). Allocates. */
    public double[] initialLatent() {
        return process.priors().freeValues(process.logTheta());
    }

    /**
     * Maps free log-hyperparameters to hyperparameters ({@code exp} of each).
     *
     * @return a new array
     * @throws IllegalArgumentException for a length other than {@link #dimension()}
     */
    public double[] toPhysical(double[] logTheta) {
        if (logTheta.length != free.length) {
            throw new IllegalArgumentException("logTheta has length " + logTheta.length + ", expected "
                    + free.length);
        }
        double[] out = new double[logTheta.length];
        for (int j = 0; j < out.length; j++) {
            out[j] = Math.exp(logTheta[j]);
        }
        return out;
    }
}
