package org.parax4j.cli.demo;

import org.parax4j.engine.gp.GaussianProcess;
import org.parax4j.engine.gp.GpFit;
import org.parax4j.engine.gp.GpPosterior;
import org.parax4j.engine.kernel.Kernel;

/**
 * A Gaussian-process discrepancy fitted to a fit's residuals over frequency: {@code σ²·RBF(ℓ) + white
 * noise} on normalised residuals, its hyperparameters fitted by maximum marginal likelihood
 * ({@link GaussianProcess#fit}, {@value #RESTARTS} seeded restarts), then the latent function's
 * predictive mean and 90 % band at the same frequencies. The band is the discrepancy's, without the
 * measurement noise: the fitted white-noise variance is moved to the fixed noise ({@code alpha}),
 * which leaves the mean unchanged and takes the noise out of the predictive variance.
 *
 * @param mean predictive mean of the discrepancy at each frequency (residual units)
 * @param lo lower end of the 90 % band ({@code mean − 1.645·std})
 * @param hi upper end of the 90 % band
 * @param signal the fitted signal kernel ({@code σ²·RBF(ℓ)}, in normalised units)
 * @param noise the fitted white-noise variance (normalised units)
 */
public record GpDiscrepancy(double[] mean, double[] lo, double[] hi, Kernel signal, double noise) {

    /** Random restarts of the hyperparameter fit (besides the start), seeded with {@value #SEED}. */
    static final int RESTARTS = 2;
    static final long SEED = 7;

    /**
     * Fits the discrepancy; deterministic (seeded), allocates the arrays, the process and the
     * {@code n × n} matrices of the fit.
     *
     * @param freqs frequencies, GHz (the GP's one input), finite
     * @param residual residuals at {@code freqs}, finite
     * @return the fitted discrepancy
     * @throws IllegalArgumentException when the lengths differ or fewer than 3 points are given, or on
     *     non-finite data (from the engine, naming the value)
     */
    public static GpDiscrepancy fit(double[] freqs, double[] residual) {
        int n = freqs.length;
        if (residual.length != n || n < 3) {
            throw new IllegalArgumentException("freqs and residual must have the same length >= 3, got " + n
                    + " and " + residual.length);
        }
        double span = freqs[n - 1] - freqs[0];
        Kernel start = Kernel.rbf(span > 0 ? span / 10 : 1.0).scaled(1.0).plus(new Kernel.WhiteNoise(0.1));
        GpFit fit = GaussianProcess.of(start).withNormalizeY(true).fit(freqs, n, 1, residual, RESTARTS, SEED);
        if (!(fit.process().kernel() instanceof Kernel.Sum(Kernel signal, Kernel.WhiteNoise(double noise)))) {
            throw new IllegalStateException("the fitted kernel lost its signal + white-noise form: "
                    + fit.process().kernel());
        }
        GpPosterior latent = GaussianProcess.of(signal).withAlpha(noise).withNormalizeY(true)
                .condition(freqs, n, 1, residual);
        GpPosterior.Prediction p = latent.predict(freqs, n);
        double[] lo = new double[n];
        double[] hi = new double[n];
        for (int i = 0; i < n; i++) {
            double half = 1.6448536269514722 * p.std()[i];
            lo[i] = p.mean()[i] - half;
            hi[i] = p.mean()[i] + half;
        }
        return new GpDiscrepancy(p.mean(), lo, hi, signal, noise);
    }

    /**
     * The fitted signal's standard deviation in residual units: {@code sqrt(σ²)} times the residuals'
     * standard deviation (the normalisation's scale; NaN if the signal kernel is not {@code σ²·RBF}).
     *
     * @param residual the residuals the discrepancy was fitted to
     */
    public double signalSd(double[] residual) {
        double mean = 0;
        for (double r : residual) {
            mean += r / residual.length;
        }
        double var = 0;
        for (double r : residual) {
            var += (r - mean) * (r - mean) / residual.length;
        }
        return signal instanceof Kernel.Scaled(double v, Kernel k) ? Math.sqrt(v * var) : Double.NaN;
    }

    /** The fitted RBF length scale, GHz (NaN if the signal kernel is not {@code σ²·RBF}). */
    public double lengthScale() {
        return signal instanceof Kernel.Scaled(double v, Kernel.Rbf(var scales)) ? scales.values()[0] : Double.NaN;
    }
}
