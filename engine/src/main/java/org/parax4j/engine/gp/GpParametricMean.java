package org.parax4j.engine.gp;

import java.util.Arrays;
import java.util.Objects;
import org.parax4j.engine.fit.Lbfgsb;
import org.parax4j.engine.fit.OptimizationResult;
import org.parax4j.engine.graph.ModelFunction;
import org.parax4j.engine.graph.Workspace;
import org.parax4j.engine.graph.Wrt;

/**
 * A Gaussian process around a parametric mean: {@code y = m(θ_m) + f}, {@code f ~ GP(0, k_θ)},
 * where {@code m} is a recorded {@link ModelFunction} whose output is the mean at the {@code n}
 * training inputs (a physical model, the GP its discrepancy). The log marginal likelihood of the
 * residuals {@code r = y − m(θ_m)} and its exact gradient with respect to the kernel's
 * log-hyperparameters (the trace formula) and the mean's free latent parameters
 * ({@code ∂LML/∂θ_m = Jᵀ·K⁻¹r}, {@code J} the function's dual Jacobian), and the joint fit of both
 * by L-BFGS-B (kernel within {@link GaussianProcess}'s bounds, its fixed hyperparameters
 * ({@link HyperPriors#isFixed}) held at their values, mean parameters unbounded in their latent
 * space). The point is {@code [log θ_kernel…, latent θ_m…]}.
 *
 * <p>Not thread-safe: one evaluation at a time (it owns a {@link GpWorkspace} and a function
 * workspace); evaluations allocate nothing.
 */
public final class GpParametricMean {

    private final ModelFunction<?> mean;
    private final Workspace meanWorkspace;
    private final GpWorkspace workspace;
    private final double[] y;
    private final double[] residuals;
    private final double[] value;
    private final double[] jacobian;
    private final double[] kernelGradient;
    private final int kernelCount;

    /**
     * Binds a process (zero mean, targets not normalised) and a mean function to training data.
     *
     * @param mean recorded function with {@code n} outputs: the mean at the training inputs
     * @throws IllegalArgumentException on bad data, a process with a constant mean or normalised
     *     targets, or a function whose output size is not {@code n}
     */
    public GpParametricMean(GaussianProcess process, ModelFunction<?> mean, double[] x, int n, int d, double[] y) {
        Objects.requireNonNull(process, "process");
        Objects.requireNonNull(mean, "mean");
        if (process.normalizeY() || process.constantMean() != 0) {
            throw new IllegalArgumentException("a parametric mean needs a process with zero constant mean and raw"
                    + " targets, got constantMean = " + process.constantMean() + ", normalizeY = " + process.normalizeY());
        }
        if (mean.outputSize() != n) {
            throw new IllegalArgumentException("the mean function must have n = " + n + " outputs (the mean at the"
                    + " training inputs), got " + mean.outputSize());
        }
        this.workspace = process.newWorkspace(x, n, d, y, true);
        this.y = Arrays.copyOf(y, n);
        this.mean = mean;
        this.meanWorkspace = mean.newWorkspace();
        this.residuals = new double[n];
        this.value = new double[n];
        this.jacobian = new double[Math.multiplyExact(mean.numFree(), n)];
        this.kernelCount = workspace.hyperparameterCount();
        this.kernelGradient = new double[kernelCount];
    }

    /** Length of the point: kernel hyperparameters, then the mean's free parameters. */
    public int dimension() {
        return kernelCount + mean.numFree();
    }

    /** The starting point: the process's log-hyperparameters and the function's latent values. */
    public double[] start() {
        double[] p = Arrays.copyOf(workspace.process().logTheta(), dimension());
        System.arraycopy(mean.flatValues(), 0, p, kernelCount, mean.numFree());
        return p;
    }

    /**
     * The log marginal likelihood of the residuals at {@code point}, its gradient into
     * {@code gradient}; jitter as {@link GpWorkspace#logMarginalLikelihood}. Allocates nothing.
     *
     * @throws IllegalArgumentException on wrong lengths, a latent value the function rejects, or a
     *     covariance that stays indefinite
     */
    public double logMarginalLikelihood(double[] point, double[] gradient) {
        return evaluate(point, gradient, true);
    }

    private double evaluate(double[] point, double[] gradient, boolean jitter) {
        int p = dimension();
        if (point == null || point.length != p || gradient == null || gradient.length < p) {
            throw new IllegalArgumentException("point and gradient must hold " + p + " values (" + kernelCount
                    + " kernel, " + mean.numFree() + " mean)");
        }
        int n = y.length;
        double[] latent = Arrays.copyOfRange(point, kernelCount, p);
        mean.jacobian(latent, Wrt.LATENT, meanWorkspace, value, jacobian);
        for (int i = 0; i < n; i++) {
            residuals[i] = y[i] - value[i];
        }
        workspace.setTargets(residuals);
        double[] theta = Arrays.copyOf(point, kernelCount);
        double lml = jitter ? workspace.logMarginalLikelihood(theta, kernelGradient)
                : workspace.evaluateStrict(theta, kernelGradient);
        if (Double.isNaN(lml)) {
            return lml;
        }
        System.arraycopy(kernelGradient, 0, gradient, 0, kernelCount);
        double[] alpha = workspace.weights();
        for (int f = 0; f < mean.numFree(); f++) {
            double s = 0;
            int row = f * n;
            for (int k = 0; k < n; k++) {
                s += jacobian[row + k] * alpha[k];
            }
            gradient[kernelCount + f] = s;
        }
        return lml;
    }

    /**
     * Fits kernel and mean together from {@link #start()}: L-BFGS-B (defaults) on the negative log
     * marginal likelihood, the process's fixed hyperparameters pinned (equal bounds: they stay at
     * their start bit for bit); an indefinite covariance or a rejected latent value makes the objective
     * {@code +∞} (no jitter).
     *
     * @return the optimiser's result: its point is {@code [log θ_kernel…, latent θ_m…]}, its value the
     *     negative log marginal likelihood
     */
    public OptimizationResult fit() {
        int p = dimension();
        double[] lower = new double[p];
        double[] upper = new double[p];
        Arrays.fill(lower, Double.NEGATIVE_INFINITY);
        Arrays.fill(upper, Double.POSITIVE_INFINITY);
        Arrays.fill(lower, 0, kernelCount, Math.log(GaussianProcess.LOWER_BOUND));
        Arrays.fill(upper, 0, kernelCount, Math.log(GaussianProcess.UPPER_BOUND));
        double[] start = start();
        HyperPriors hp = workspace.process().priors();
        for (int k = 0; k < kernelCount; k++) {
            if (hp.isFixed(k)) { // pinned: L-BFGS-B never moves a variable whose bounds are equal
                lower[k] = start[k];
                upper[k] = start[k];
            }
        }
        return Lbfgsb.defaults().minimize((point, gradient) -> {
            double lml;
            try {
                lml = evaluate(point, gradient, false);
            } catch (IllegalArgumentException rejected) {
                return Double.POSITIVE_INFINITY;
            }
            if (Double.isNaN(lml)) {
                return Double.POSITIVE_INFINITY;
            }
            for (int k = 0; k < p; k++) {
                gradient[k] = -gradient[k];
            }
            return -lml;
        }, start, lower, upper);
    }
}
