package org.parax4j.cli.demo;

import java.awt.image.BufferedImage;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.parax4j.engine.examples.ReferenceModel;
import org.parax4j.engine.fit.FitResult;
import org.parax4j.engine.fit.LeastSquares;
import org.parax4j.engine.graph.ModelFunction;
import org.parax4j.module.Select;

/**
 * The seeded synthetic fit shared by {@code parax4j fit --synthetic} and the demo report: the
 * nominal reference model measured at its frequencies with {@value #NOISE_DB} dB Gaussian noise,
 * fitted by least squares from a perturbed start. Stateless and thread-safe.
 */
public final class SyntheticFit {

    /** Standard deviation of the synthetic measurement noise, dB. */
    public static final double NOISE_DB = 0.1;

    private SyntheticFit() {}

    /**
     * The nominal response at {@code freqs} plus {@value #NOISE_DB} dB noise from {@link SeededRandom#of(long)}.
     * Allocates the result.
     */
    public static double[] measurements(double[] freqs, long seed) {
        double[] y = ReferenceModel.response(ReferenceModel.create(), freqs);
        RandomGenerator rng = SeededRandom.of(seed);
        for (int i = 0; i < y.length; i++) {
            y[i] += NOISE_DB * rng.nextGaussian();
        }
        return y;
    }

    /** The perturbed start: gain 1.08, f0 2.42 GHz, Q 40, discrepancy length scale 0.12 GHz; everything else nominal. */
    public static ReferenceModel start() {
        return ReferenceModel.create().withParams(Map.of("resonator_gain", 1.08, "resonator_f0", 2.42,
                "resonator_q", 40.0, "discrepancy_kernel_lengthScale", 0.12));
    }

    /** {@link #start()} with {@code resonator_offsetDb} fixed (it cannot be told apart from the gain). */
    public static ReferenceModel offsetFixedStart() {
        return start().withFixedParams(Select.names("resonator_offsetDb"));
    }

    /**
     * Least-squares fit of the reference model recorded on {@code start} at {@code freqs}.
     *
     * @param sigma standard deviation per point, or null for unit weights
     * @param starts 1 for a single fit from {@code start}, more for a seeded multi-start
     * @param seed the multi-start seed
     * @throws IllegalArgumentException for mismatched lengths or starts &lt; 1
     */
    public static FitResult<ReferenceModel> fit(ReferenceModel start, double[] freqs, double[] y, double[] sigma,
            int starts, long seed) {
        ModelFunction<ReferenceModel> f = ModelFunction.record(start, ReferenceModel.body(freqs));
        LeastSquares<ReferenceModel> problem = LeastSquares.of(f, y);
        if (sigma != null) {
            problem = problem.withSigma(sigma);
        }
        return starts == 1 ? problem.fit() : problem.fitMultiStart(starts, seed);
    }

    /** The {@link FitChart} of a fit of the reference model to {@code y} at {@code freqs}. Allocates. */
    public static BufferedImage chart(FitResult<ReferenceModel> fit, double[] freqs, double[] y) {
        ModelFunction<ReferenceModel> fitted = ModelFunction.record(fit.module(), ReferenceModel.body(freqs));
        return FitChart.of(fitted, fit, freqs, y);
    }
}
