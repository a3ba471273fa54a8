package org.parax4j.engine.gp;

import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.parax4j.engine.EngineOptions;
import org.parax4j.engine.fit.Lbfgsb;
import org.parax4j.engine.fit.OptimizationResult;
import org.parax4j.engine.fit.ScalarObjective;
import org.parax4j.engine.internal.concurrent.BestStart;

/**
 * The body of {@link GaussianProcess#fit}: the starts, one L-BFGS-B run per start through
 * {@link BestStart} (the engine's one multi-start pattern) and the best fit. Stateless.
 */
final class HyperparameterFit {

    private HyperparameterFit() {}

    /** Fits from the process's hyperparameters and {@code restarts} draws (arguments already checked). */
    static GpFit run(GaussianProcess gp, HyperPriors hp, Training t, int restarts, long seed, EngineOptions options) {
        int p = hp.count();
        double[] lower = new double[p];
        double[] upper = new double[p];
        for (int k = 0; k < p; k++) {
            lower[k] = hp.logLower(k);
            upper[k] = hp.logUpper(k);
        }
        double[][] starts = new double[restarts + 1][];
        starts[0] = gp.logTheta();
        for (int i = 1; i <= restarts; i++) {
            starts[i] = hp.draw(new SplittableRandom(seed + i * 0x9E3779B97F4A7C15L));
        }
        boolean map = hp.hasPriors();
        EngineOptions inner = restarts > 0 ? EngineOptions.singleThreaded() : options;
        // One workspace per concurrently running start (not per start): 16·n² bytes each.
        ConcurrentLinkedQueue<GpWorkspace> spare = new ConcurrentLinkedQueue<>();
        BestStart.Outcomes<OptimizationResult> o = BestStart.run(options, starts.length, i -> {
            GpWorkspace ws = spare.poll();
            GpWorkspace w = ws != null ? ws : new GpWorkspace(gp, t, inner);
            try {
                return Lbfgsb.defaults().minimize(objective(w, map ? hp : null, p), starts[i], lower, upper);
            } finally {
                spare.add(w);
            }
        }, OptimizationResult::value);
        OptimizationResult best = o.bestResult();
        double[] values = new double[starts.length];
        for (int i = 0; i < values.length; i++) {
            OptimizationResult r = o.results().get(i);
            values[i] = r == null ? Double.NEGATIVE_INFINITY : -r.value();
        }
        double logPrior = map ? hp.logDensity(best.x(), new double[p]) : 0;
        GaussianProcess fitted = gp.withKernel(KernelGradients.withLogTheta(gp.kernel(), best.x()));
        return new GpFit(fitted, -best.value() - logPrior, logPrior, best, values, o.failures());
    }

    /**
     * {@code −(LML + log prior)} and its gradient; {@code +∞} where the covariance is not positive
     * definite or a hyperparameter {@code exp(log θ)} is not finite and positive (open bounds).
     */
    private static ScalarObjective objective(GpWorkspace w, HyperPriors priors, int p) {
        double[] priorGradient = new double[p];
        return (theta, gradient) -> {
            double value;
            try {
                value = w.evaluateStrict(theta, gradient);
            } catch (IllegalArgumentException notFinitePositive) {
                return Double.POSITIVE_INFINITY;
            }
            if (Double.isNaN(value)) {
                return Double.POSITIVE_INFINITY;
            }
            if (priors != null) {
                value += priors.logDensity(theta, priorGradient);
                for (int k = 0; k < p; k++) {
                    gradient[k] += priorGradient[k];
                }
            }
            for (int k = 0; k < p; k++) {
                gradient[k] = -gradient[k];
            }
            return -value;
        };
    }
}
