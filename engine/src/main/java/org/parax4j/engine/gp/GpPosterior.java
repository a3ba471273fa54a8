package org.parax4j.engine.gp;

import java.util.SplittableRandom;
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

    private static final int CHUNK = 128;

    private final GaussianProcess process;
    private final KernelGradients.Compiled kernel;
    private final Training data;
    private final double[] factor;
    private final double[] weights;
    private final double jitter;

    GpPosterior(GaussianProcess process, KernelGradients.Compiled kernel, Training data, double[] factor,
            double[] weights, double jitter) {
        this.process = process;
        this.kernel = kernel;
        this.data = data;
        this.factor = factor;
        this.weights = weights;
        this.jitter = jitter;
    }

    /** The process conditioned on. */
    public GaussianProcess process() {
        return process;
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
        predict(xs, m, mean, std, newWorkspace());
        return new Prediction(mean, std);
    }

    /**
     * Scratch for {@link #predict(double[], int, double[], double[], Workspace)}: {@code n × 128}
     * doubles. Not thread-safe (one prediction at a time per workspace).
     */
    public Workspace newWorkspace() {
        return new Workspace(new double[data.n() * CHUNK]);
    }

    /**
     * Predictive mean and standard deviation into caller buffers; allocates nothing.
     *
     * @param xs test inputs {@code m × d}, finite. Not modified.
     * @param m number of test points, {@code ≥ 0}
     * @param mean destination of at least {@code m} doubles. Modified.
     * @param std destination of at least {@code m} doubles. Modified.
     * @param workspace from this posterior's {@link #newWorkspace()}. Modified.
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
        if (workspace == null || workspace.block.length != n * CHUNK) {
            throw new IllegalArgumentException("workspace must come from this posterior's newWorkspace()");
        }
        double[] block = workspace.block;
        for (int c0 = 0; c0 < m; c0 += CHUNK) {
            int c = Math.min(CHUNK, m - c0);
            crossTransposed(xs, c0, c, block);
            for (int q = 0; q < c; q++) {
                double s = 0;
                for (int i = 0; i < n; i++) {
                    s += block[i * c + q] * weights[i];
                }
                mean[c0 + q] = s * data.scale() + data.offset();
            }
            TriangularSolve.lower(factor, n, block, c);
            for (int q = 0; q < c; q++) {
                double v = kernel.value(xs, c0 + q, xs, c0 + q, true, null);
                for (int i = 0; i < n; i++) {
                    double e = block[i * c + q];
                    v -= e * e;
                }
                std[c0 + q] = Math.sqrt(Math.max(v, 0)) * data.scale();
            }
        }
    }

    /** Scratch of one posterior's predictions ({@link #newWorkspace()}). Not thread-safe. */
    public static final class Workspace {
        private final double[] block;

        private Workspace(double[] block) {
            this.block = block;
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
