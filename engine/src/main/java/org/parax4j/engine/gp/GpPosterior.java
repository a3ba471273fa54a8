package org.parax4j.engine.gp;

import org.jspecify.annotations.Nullable;

import java.util.SplittableRandom;
import org.parax4j.engine.EngineOptions;
import org.parax4j.engine.internal.concurrent.Crew;
import org.parax4j.engine.kernel.Kernel;
import org.parax4j.engine.kernel.KernelMatrices;
import org.parax4j.engine.kernel.KernelWorkspace;
import org.parax4j.engine.linalg.Cholesky;
import org.parax4j.engine.linalg.TriangularSolve;

/**
 * A Gaussian process conditioned on training data ({@link GaussianProcess#condition}): predictive
 * mean, standard deviation and covariance at new inputs, and posterior sample functions. With
 * {@code K = k(X, X) + alpha·I = L·Lᵀ}, {@code a = K⁻¹y}, {@code K* = k(X*, X)} and
 * {@code V = L⁻¹K*ᵀ}: mean {@code K*·a}, covariance {@code k(X*, X*) − Vᵀ·V}, both mapped back
 * through the target normalisation. Like scikit-learn, the predictive variance includes a
 * {@link org.parax4j.engine.kernel.Kernel.WhiteNoise} term of the kernel (it is on the diagonal of
 * {@code k(X*, X*)}) but not {@code alpha}; negative variances from rounding are clipped to 0.
 *
 * <p>Immutable and thread-safe; every call allocates its results and {@code O(n·b)} scratch.
 */
public final class GpPosterior {

    /**
     * Test points per chunk of {@link #predict}: a batch split at multiples of it gets the bits of one
     * call. Three of the 512-bit panel kernel's 48-column four-row tiles, so the chunk's triangular
     * solve has no narrower column tail (10⁴ points at n = 1000: 108–110 ms against 122–124 with
     * chunks of 128, alternated in one JVM).
     */
    public static final int CHUNK = 144;

    private final GaussianProcess process;
    private final KernelGradients.Compiled kernel;
    private final Training data;
    private final double[] factor;
    private final double[] weights;
    private final double jitter;
    /** The kernel without its white-noise terms (white noise is 0 between training and test points); null if 0. */
    private final @Nullable Kernel crossKernel;

    GpPosterior(GaussianProcess process, KernelGradients.Compiled kernel, Training data, double[] factor,
            double[] weights, double jitter) {
        this.process = process;
        this.kernel = kernel;
        this.data = data;
        this.factor = factor;
        this.weights = weights;
        this.jitter = jitter;
        this.crossKernel = withoutWhiteNoise(process.kernel());
    }

    /** {@code kernel} with every {@link Kernel.WhiteNoise} term taken as 0; null when all of it is 0. */
    static @Nullable Kernel withoutWhiteNoise(Kernel kernel) {
        return switch (kernel) {
            case Kernel.WhiteNoise w -> null;
            case Kernel.Scaled k -> {
                Kernel inner = withoutWhiteNoise(k.kernel());
                yield inner == null ? null : inner == k.kernel() ? k : new Kernel.Scaled(k.variance(), inner);
            }
            case Kernel.Sum k -> {
                Kernel l = withoutWhiteNoise(k.left());
                Kernel r = withoutWhiteNoise(k.right());
                yield l == null ? r : r == null ? l : l == k.left() && r == k.right() ? k : new Kernel.Sum(l, r);
            }
            case Kernel.Product k -> {
                Kernel l = withoutWhiteNoise(k.left());
                Kernel r = withoutWhiteNoise(k.right());
                yield l == null || r == null ? null : l == k.left() && r == k.right() ? k : new Kernel.Product(l, r);
            }
            default -> kernel;
        };
    }

    /** The process conditioned on. */
    public GaussianProcess process() {
        return process;
    }

    /** Number of training points conditioned on. */
    public int size() {
        return data.n();
    }

    /** Input dimension. */
    public int dimension() {
        return data.d();
    }

    /** The conditioning data (for {@link GpJson}). */
    Training data() {
        return data;
    }

    /** Jitter added to the training covariance's diagonal (0 when none). */
    public double jitter() {
        return jitter;
    }

    /**
     * Predictive mean and standard deviation.
     *
     * @param xs test inputs {@code m × d}, finite. Not modified.
     * @param m number of test points, {@code ≥ 0}
     * @throws IllegalArgumentException if {@code xs} is short or holds a non-finite value (named)
     */
    public Prediction predict(double[] xs, int m) {
        double[] mean = new double[m];
        double[] std = new double[m];
        predict(xs, m, mean, std, newWorkspace(m >= 2 * CHUNK && data.n() >= 64));
        return new Prediction(mean, std);
    }

    /** {@link #newWorkspace(boolean)} for sequential predictions (they then allocate nothing). */
    public Workspace newWorkspace() {
        return newWorkspace(false);
    }

    /**
     * Scratch for {@link #predict(double[], int, double[], double[], Workspace)}: per task an
     * {@code n × 144} block, a kernel workspace and {@code 144} doubles; one task when sequential,
     * else one per thread of {@link EngineOptions#defaults()}. Not thread-safe (one prediction at a time).
     *
     * @param parallel whether predictions split their test points over the engine's executor (same
     *     bits either way; a parallel prediction also allocates the executor's task objects)
     */
    public Workspace newWorkspace(boolean parallel) {
        return newWorkspace(EngineOptions.defaultsIf(parallel));
    }

    /**
     * {@link #newWorkspace(boolean)} whose predictions split their test points over the calling
     * thread and helpers on {@code options}' executor, one task per unit of {@code options.parallelism()}.
     *
     * @throws IllegalArgumentException when {@code options} is null
     */
    public Workspace newWorkspace(EngineOptions options) {
        if (options == null) {
            throw new IllegalArgumentException("options must not be null");
        }
        return new Workspace(data.n(), data.d(), options);
    }

    /**
     * Predictive mean and standard deviation into caller buffers; allocates nothing with a
     * sequential workspace. Test points go in chunks of 144: the cross covariance of a chunk with
     * the training inputs ({@link KernelMatrices#matrix}; pair by pair for the last, partial
     * chunk, which can differ from it in the last bits), the mean from it and {@code a}, then one
     * triangular solve with the chunk as a matrix right-hand side for the variances. The result
     * does not depend on the number of threads.
     *
     * @param xs test inputs {@code m × d}, finite. Not modified.
     * @param m number of test points, {@code ≥ 0}
     * @param mean destination of at least {@code m} doubles. Modified.
     * @param std destination of at least {@code m} doubles. Modified.
     * @param workspace from this posterior's {@link #newWorkspace(boolean)}. Modified.
     * @throws IllegalArgumentException on a short or non-finite {@code xs} (named), short
     *     destinations, or a workspace of another posterior's size; nothing is written then
     */
    public void predict(double[] xs, int m, double[] mean, double[] std, Workspace workspace) {
        checkTest(xs, m);
        int n = data.n();
        if (mean == null || mean.length < m || std == null || std.length < m) {
            throw new IllegalArgumentException("mean and std must hold m = " + m + " doubles, got "
                    + (mean == null ? "null" : mean.length) + " and " + (std == null ? "null" : std.length));
        }
        if (workspace == null || workspace.n != n) {
            throw new IllegalArgumentException("workspace must come from this posterior's newWorkspace()");
        }
        int chunks = (m + CHUNK - 1) / CHUNK;
        int tasks = Math.min(workspace.blocks.length, chunks);
        if (tasks <= 1) {
            predictChunks(xs, m, mean, std, workspace, 0, 1, chunks);
        } else {
            // Task t takes every tasks-th chunk; each value comes from its own chunk's arithmetic only.
            Crew.forEach(workspace.options.executor(), workspace.options.parallelism(), tasks,
                    t -> predictChunks(xs, m, mean, std, workspace, t, tasks, chunks));
        }
    }

    private void predictChunks(double[] xs, int m, double[] mean, double[] std, Workspace w, int task, int tasks,
            int chunks) {
        for (int chunk = task; chunk < chunks; chunk += tasks) {
            int c0 = chunk * CHUNK;
            predictChunk(xs, c0, Math.min(CHUNK, m - c0), mean, std, w, task);
        }
    }

    private void predictChunk(double[] xs, int c0, int c, double[] mean, double[] std, Workspace w, int task) {
        int n = data.n();
        int d = data.d();
        double[] block = w.blocks[task];
        double[] sums = w.sums[task];
        if (crossKernel == null) {
            java.util.Arrays.fill(block, 0, n * c, 0.0);
        } else if (c < CHUNK) {
            crossTransposed(xs, c0, c, block); // the last, partial chunk: pair by pair
        } else {
            double[] inputs = w.inputs[task];
            System.arraycopy(xs, c0 * d, inputs, 0, c * d);
            KernelMatrices.matrix(crossKernel, data.x(), n, inputs, c, d, block, w.kernels[task]);
        }
        java.util.Arrays.fill(sums, 0, c, 0.0);
        for (int i = 0; i < n; i++) {
            double a = weights[i];
            int row = i * c;
            for (int q = 0; q < c; q++) {
                sums[q] += block[row + q] * a;
            }
        }
        for (int q = 0; q < c; q++) {
            mean[c0 + q] = sums[q] * data.scale() + data.offset();
            sums[q] = kernel.value(xs, c0 + q, xs, c0 + q, true, null);
        }
        TriangularSolve.lower(factor, n, block, c);
        for (int i = 0; i < n; i++) {
            int row = i * c;
            for (int q = 0; q < c; q++) {
                double e = block[row + q];
                sums[q] -= e * e;
            }
        }
        for (int q = 0; q < c; q++) {
            std[c0 + q] = Math.sqrt(Math.max(sums[q], 0)) * data.scale();
        }
    }

    /** Scratch of one posterior's predictions ({@link #newWorkspace(boolean)}). Not thread-safe. */
    public static final class Workspace {
        private final int n;
        private final double[][] blocks;
        private final KernelWorkspace[] kernels;
        private final double[][] sums;
        private final double[][] inputs;
        private final EngineOptions options;

        private Workspace(int n, int d, EngineOptions options) {
            int tasks = options.parallelism();
            this.n = n;
            this.options = options;
            this.inputs = new double[tasks][CHUNK * d];
            this.blocks = new double[tasks][n * CHUNK];
            this.kernels = new KernelWorkspace[tasks];
            this.sums = new double[tasks][CHUNK];
            for (int t = 0; t < tasks; t++) {
                kernels[t] = KernelWorkspace.singleThreaded();
            }
        }
    }

    /**
     * The full predictive covariance {@code m × m} (row-major, symmetric), in target units.
     *
     * @throws IllegalArgumentException as {@link #predict}
     */
    public double[] covariance(double[] xs, int m) {
        checkTest(xs, m);
        int n = data.n();
        double[] v = new double[n * m];
        crossTransposed(xs, 0, m, v);
        TriangularSolve.lower(factor, n, v, m);
        double[] cov = new double[m * m];
        double s2 = data.scale() * data.scale();
        for (int p = 0; p < m; p++) {
            for (int q = 0; q <= p; q++) {
                double s = kernel.value(xs, p, xs, q, p == q, null);
                for (int i = 0; i < n; i++) {
                    s -= v[i * m + p] * v[i * m + q];
                }
                cov[p * m + q] = s * s2;
                cov[q * m + p] = s * s2;
            }
        }
        return cov;
    }

    /**
     * {@code count} functions drawn from the posterior at the test inputs: {@code mean + C·z} with
     * {@code C} the Cholesky factor of the predictive covariance (jittered as
     * {@link Cholesky#factorWithJitter} when needed) and {@code z} standard normal from
     * {@code SplittableRandom(seed)}. Reproducible for a given seed.
     *
     * @return {@code count × m} row-major samples
     * @throws IllegalArgumentException as {@link #predict}, or if {@code count < 0}, or if the
     *     covariance cannot be factored even with jitter
     */
    public double[] sample(double[] xs, int m, int count, long seed) {
        if (count < 0) {
            throw new IllegalArgumentException("count must be >= 0, got " + count);
        }
        double[] mean = predict(xs, m).mean();
        double[] c = covariance(xs, m);
        Cholesky.factorWithJitter(c, m, new double[Cholesky.panelLength(m)], new double[m], false,
                "the predictive covariance of " + data.kernelName());
        SplittableRandom rng = new SplittableRandom(seed);
        double[] out = new double[count * m];
        double[] z = new double[m];
        for (int s = 0; s < count; s++) {
            for (int i = 0; i < m; i++) {
                z[i] = rng.nextGaussian();
            }
            for (int i = 0; i < m; i++) {
                double v = mean[i];
                for (int k = 0; k <= i; k++) {
                    v += c[i * m + k] * z[k];
                }
                out[s * m + i] = v;
            }
        }
        return out;
    }

    /**
     * Derivatives of the predictive mean and standard deviation with respect to the test inputs:
     * {@code ∂μ/∂x* = Σ_i a_i ∂k(x*, x_i)/∂x*} and, as every supported kernel is stationary
     * ({@code k(x*, x*)} constant), {@code ∂σ/∂x* = −(Σ_i w_i ∂k(x*, x_i)/∂x*)/σ} with
     * {@code w = K⁻¹k(X, x*)}; in target units. Where {@code σ = 0} its derivative is reported as 0.
     * The Matérn-½ kernel is not differentiable where a test point equals a training point (its
     * derivative is taken as 0 there).
     *
     * @return {@code m × d} row-major derivatives of the mean ({@code [0]}) and of the standard
     *     deviation ({@code [1]})
     * @throws IllegalArgumentException as {@link #predict}
     */
    public double[][] inputGradients(double[] xs, int m) {
        checkTest(xs, m);
        int n = data.n();
        int d = data.d();
        double[] x = data.x();
        double[] std = predict(xs, m).std();
        double[] dMean = new double[m * d];
        double[] dStd = new double[m * d];
        double[] kStar = new double[n];
        double[] g = new double[d];
        double[] jacobian = new double[n * d];
        for (int q = 0; q < m; q++) {
            for (int i = 0; i < n; i++) {
                kStar[i] = kernel.inputGradient(xs, q, x, i, g);
                System.arraycopy(g, 0, jacobian, i * d, d);
            }
            TriangularSolve.solve(factor, n, kStar);
            for (int i = 0; i < n; i++) {
                for (int k = 0; k < d; k++) {
                    dMean[q * d + k] += weights[i] * jacobian[i * d + k];
                    dStd[q * d + k] += kStar[i] * jacobian[i * d + k];
                }
            }
            double sigma = std[q] / data.scale();
            for (int k = 0; k < d; k++) {
                dMean[q * d + k] *= data.scale();
                dStd[q * d + k] = sigma > 0 ? -dStd[q * d + k] / sigma * data.scale() : 0;
            }
        }
        return new double[][] {dMean, dStd};
    }

    /** {@code out[i·c + q] = k(x_i, xs_{c0+q})} for training point {@code i}, test column {@code q}. */
    private void crossTransposed(double[] xs, int c0, int c, double[] out) {
        int n = data.n();
        double[] x = data.x();
        for (int i = 0; i < n; i++) {
            for (int q = 0; q < c; q++) {
                out[i * c + q] = kernel.value(x, i, xs, c0 + q, false, null);
            }
        }
    }

    private void checkTest(double[] xs, int m) {
        int d = data.d();
        if (m < 0 || xs == null || xs.length < (long) m * d) {
            throw new IllegalArgumentException("xs must hold m·d = " + (long) m * d + " values (m = " + m + ", d = " + d
                    + "), got " + (xs == null ? "null" : xs.length));
        }
        for (int i = 0; i < m * d; i++) {
            if (!Double.isFinite(xs[i])) {
                throw new IllegalArgumentException("xs[" + i / d + "][" + i % d + "] must be finite, got " + xs[i]);
            }
        }
    }

    /**
     * Predictive mean and standard deviation per test point, in target units.
     *
     * @param mean the means. Owned by the record.
     * @param std the standard deviations. Owned by the record.
     */
    public record Prediction(double[] mean, double[] std) {}
}
