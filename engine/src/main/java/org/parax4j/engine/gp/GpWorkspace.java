package org.parax4j.engine.gp;

import org.jspecify.annotations.Nullable;

import java.util.Arrays;
import org.parax4j.engine.EngineOptions;
import org.parax4j.engine.internal.kernel.TangentJob;
import org.parax4j.engine.kernel.Kernel;
import org.parax4j.engine.kernel.KernelMatrices;
import org.parax4j.engine.kernel.KernelWorkspace;
import org.parax4j.engine.linalg.Cholesky;
import org.parax4j.engine.linalg.TriangularSolve;

/**
 * Training data of a {@link GaussianProcess} bound to every buffer its log marginal likelihood and
 * gradient need, for repeated evaluation at changing hyperparameters without allocating (made by
 * {@link GaussianProcess#newWorkspace}).
 *
 * <p><b>Held</b>: a checked copy of the inputs ({@code n·d}) and transformed targets ({@code n}),
 * the covariance and its factor ({@code n²} doubles: {@code L} in the lower triangle, {@code K} in
 * the upper), its inverse ({@code n²}, see below), one scratch buffer for the factorisation's panels and then the
 * inverse's column blocks (the larger of {@link Cholesky#panelLength} and
 * {@link TriangularSolve#inverseScratchLength}: {@code n·96} doubles per thread), and
 * {@code O(n)} for the weights {@code α = K⁻¹y}, plus the kernel tangent tiles' scratch (one
 * tile per thread and one partial sum per row block and hyperparameter), and for the squared-exponential
 * shapes ({@code [σ² ×] RBF [+ white]}) {@link RbfGradient}'s {@code d·n} inputs and small per-thread tiles:
 * it sums the gradient over the inverse's column blocks as they are computed, so for them the {@code n²}
 * inverse is allocated only when a length scale's {@code 1/ℓ²} overflows and the tiles take over (the heap
 * checks of {@link GaussianProcess#newWorkspace} and {@code fit} still count it). About {@code 16·n²} bytes,
 * 1.6 GB at {@code n = 10,000}; {@code 8·n²} for the squared-exponential shapes.
 *
 * <p><b>Allocation</b>: {@link #logMarginalLikelihood} allocates nothing when the workspace is
 * sequential and the log-hyperparameters equal the previous call's; at new ones it compiles the
 * kernel ({@link KernelGradients#compile}, a few objects per kernel term, independent of
 * {@code n}). A parallel workspace also allocates its executor's task objects.
 *
 * <p>Not thread-safe: one evaluation at a time per workspace (use one workspace per thread).
 */
public final class GpWorkspace {

    static final int PARALLEL_MIN = 256;

    private final GaussianProcess process;
    private final Training data;
    private final EngineOptions options;
    private final int p;
    private final double[] k;
    /** {@code K⁻¹} for the tangent tiles; for the squared-exponential shapes made at their first fallback. */
    private double @Nullable [] inverse;
    private final double[] panel;
    private final double[] diagonal;
    private final double[] weights;
    private final TangentJob tangentJob;
    /**
     * The squared-exponential shapes' gradient, summed over the inverse's blocks as they are computed (null
     * for other kernels).
     */
    private final @Nullable RbfGradient rbfGradient;
    private double[] compiledTheta;
    private KernelGradients.Compiled compiled;
    private Kernel crossKernel;
    private final KernelWorkspace kernelWorkspace;
    private double jitter;
    private final boolean @Nullable [] held;

    GpWorkspace(GaussianProcess process, Training data, EngineOptions options) {
        this(process, data, options, null);
    }

    /**
     * A workspace whose evaluations keep every hyperparameter {@code i} with {@code held[i]} at the
     * process kernel's own value whatever the {@code logTheta} entry ({@link KernelGradients#withLogTheta(Kernel,
     * double[], boolean[])}): a fit's fixed hyperparameters. {@code held} (owned; null for none) has
     * one entry per hyperparameter.
     */
    GpWorkspace(GaussianProcess process, Training data, EngineOptions options, boolean @Nullable [] held) {
        this.held = held;
        this.process = process;
        this.data = data;
        this.options = data.n() >= PARALLEL_MIN ? options : EngineOptions.singleThreaded();
        int n = data.n();
        this.compiled = KernelGradients.compile(process.kernel(), data.d()); // checks ARD sizes first
        this.compiledTheta = process.logTheta();
        this.crossKernel = GpPosterior.withoutWhiteNoise(process.kernel());
        this.kernelWorkspace = this.options.isParallel() ? KernelWorkspace.parallel(this.options)
                : KernelWorkspace.singleThreaded();
        this.p = compiled.count();
        long square = (long) n * n;
        if (square > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("n = " + n + " training points need an n² = " + square
                    + " covariance, more than a Java array holds (n <= 46,340); subsample the data or fit groups");
        }
        this.k = new double[(int) square];
        this.panel = new double[scratchLength(n, this.options)];
        this.diagonal = new double[n];
        this.weights = new double[n];
        this.tangentJob = new TangentJob(this.options);
        this.rbfGradient = RbfGradient.of(process.kernel(), data, this.options);
        this.inverse = rbfGradient == null ? new double[(int) square] : null;
        if (rbfGradient != null) {
            rbfGradient.bind(process.kernel());
        }
    }

    /**
     * Doubles of the one scratch buffer a workspace of {@code n} points on {@code options} holds: the
     * factorisation's panels, then (the factor done) the inverse's column blocks, so the larger of the two.
     *
     * @throws IllegalArgumentException if the inverse's scratch would exceed a Java array
     */
    static int scratchLength(int n, EngineOptions options) {
        return Math.max(Cholesky.panelLength(n), TriangularSolve.inverseScratchLength(n, options));
    }

    /** The process whose kernel structure, noise and mean this workspace evaluates. */
    public GaussianProcess process() {
        return process;
    }

    /** Number of training points. */
    public int size() {
        return data.n();
    }

    /** Number of hyperparameters (the gradient's length). */
    public int hyperparameterCount() {
        return p;
    }

    /** Jitter the last successful {@link #logMarginalLikelihood} call added to the diagonal (0 if none). */
    public double jitter() {
        return jitter;
    }

    /**
     * The log marginal likelihood at {@code logTheta} (see
     * {@link GaussianProcess#logMarginalLikelihood(double[], int, int, double[])}), its gradient
     * written to {@code gradient}. Jitter is added when the covariance is not numerically positive
     * definite ({@link #jitter()} tells how much).
     *
     * @param logTheta log-hyperparameters in {@link KernelGradients} order. Not modified.
     * @param gradient destination of at least {@link #hyperparameterCount()} doubles. Modified.
     * @return the log marginal likelihood
     * @throws IllegalArgumentException on a wrong length, a hyperparameter that is not finite and
     *     positive, or a covariance that stays indefinite with the largest jitter; then the
     *     workspace's buffers (not its data) may have changed
     */
    public double logMarginalLikelihood(double[] logTheta, double[] gradient) {
        checkGradient(gradient);
        return evaluate(logTheta, gradient, true);
    }

    /**
     * As {@link #logMarginalLikelihood}, but without jitter: {@link Double#NaN} (gradient not
     * written) when the covariance is not positive definite.
     */
    double evaluateStrict(double[] logTheta, double[] gradient) {
        return evaluate(logTheta, gradient, false);
    }

    /** Replaces the targets (already transformed) by the first {@code n} of {@code targets}: for a parametric mean. */
    void setTargets(double[] targets) {
        System.arraycopy(targets, 0, data.y(), 0, data.n());
    }

    /** {@code α = K⁻¹y} of the last successful evaluation (owned by the workspace). */
    double[] weights() {
        return weights;
    }

    private void checkGradient(double[] gradient) {
        if (gradient == null || gradient.length < p) {
            throw new IllegalArgumentException("gradient must hold " + p + " doubles, got "
                    + (gradient == null ? "null" : gradient.length));
        }
    }

    private KernelGradients.Compiled compiledAt(double[] logTheta) {
        if (!Arrays.equals(logTheta, compiledTheta)) {
            Kernel kernel = KernelGradients.withLogTheta(process.kernel(), logTheta, held);
            compiled = KernelGradients.compile(kernel, data.d());
            crossKernel = GpPosterior.withoutWhiteNoise(kernel);
            compiledTheta = logTheta.clone();
            if (rbfGradient != null) {
                rbfGradient.bind(kernel);
            }
        }
        return compiled;
    }

    private double evaluate(double[] logTheta, double[] gradient, boolean withJitter) {
        KernelGradients.Compiled kc = compiledAt(logTheta);
        int n = data.n();
        fillCovariance(kc, crossKernel, kernelWorkspace, data, k);
        double added = 0;
        if (withJitter) {
            added = Cholesky.factorWithJitter(k, n, panel, diagonal, options, data.kernelName());
        } else if (Cholesky.factor(k, n, panel, options) >= 0) {
            return Double.NaN;
        }
        jitter = added;
        double[] y = data.y();
        System.arraycopy(y, 0, weights, 0, n);
        if (rbfGradient != null && rbfGradient.usable()) {
            // α = K⁻¹y beside K⁻¹'s column blocks, which the gradient sums as they come (none stored)
            rbfGradient.solveAndGradient(k, weights, gradient, panel);
            return logLikelihood(y, n);
        }
        double[] inverse = this.inverse;
        if (inverse == null) { // a squared-exponential shape whose 1/ℓ² overflowed: the tiles need K⁻¹
            inverse = new double[n * n];
            this.inverse = inverse;
        }
        TriangularSolve.solveAndInverse(k, n, weights, inverse, true, options, panel);
        double value = logLikelihood(y, n);
        // ½ tr((ααᵀ − K⁻¹) ∂K/∂log θ) = Σ_ij W_ij ∂K_ij/∂log θ with W = ½(ααᵀ − K⁻¹), of which the kernel
        // tangent tiles read the upper triangle (no tangent matrix is stored; same bits for any thread count).
        for (int i = 0; i < n; i++) {
            double ai = weights[i];
            int row = i * n;
            for (int j = i; j < n; j++) {
                inverse[row + j] = 0.5 * (ai * weights[j] - inverse[row + j]);
            }
        }
        kc.contract(tangentJob, data.x(), n, inverse, gradient);
        return value;
    }

    /** {@code −½yᵀα − ½ log det K − ½n log 2π} from the factor in {@link #k} and {@code α} in {@link #weights}. */
    private double logLikelihood(double[] y, int n) {
        return -0.5 * GaussianProcess.dot(y, weights, n) - 0.5 * Cholesky.logDeterminant(k, n)
                - 0.5 * n * Math.log(2 * Math.PI);
    }

    /**
     * The training covariance {@code k(X, X) + alpha·I}, both triangles: off the diagonal the
     * engine's SIMD kernel matrix of {@code cross} (the kernel without white noise, null when that is
     * 0), on it the compiled kernel's value with white noise.
     */
    static void fillCovariance(KernelGradients.Compiled kc, @Nullable Kernel cross, KernelWorkspace kw, Training t, double[] k) {
        int n = t.n();
        double[] x = t.x();
        if (cross == null) {
            Arrays.fill(k, 0, n * n, 0.0);
        } else {
            KernelMatrices.gram(cross, x, n, t.d(), k, kw);
        }
        double alpha = t.alpha();
        for (int i = 0; i < n; i++) {
            k[i * n + i] = kc.value(x, i, x, i, true, null) + alpha;
        }
    }
}
