package org.parax4j.engine.gp;

import org.jspecify.annotations.Nullable;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.parax4j.engine.EngineOptions;
import org.parax4j.engine.fit.Lbfgsb;
import org.parax4j.engine.fit.OptimizationResult;
import org.parax4j.engine.fit.OptimizerStatus;
import org.parax4j.engine.fit.ScalarObjective;
import org.parax4j.engine.internal.concurrent.BestStart;

/**
 * The body of {@link GaussianProcess#fit}: the starts, one L-BFGS-B run per start through
 * {@link BestStart} (the engine's one multi-start pattern) over the free log-hyperparameters only
 * (fixed ones stay at the process's values), and the best fit. Stateless.
 *
 * <p>L-BFGS-B stops on the relative reduction only when its quadratic model agrees
 * ({@link Lbfgsb#withModelCheckedStop()}): an irrelevant length scale drifting towards its bound gains
 * about SciPy's threshold per iteration, and the plain rule stopped the Friedman n = 1000 fit anywhere on
 * that stretch (71.14079 or 71.14086 depending on the gradient's last bits; scikit-learn 71.14086).
 */
final class HyperparameterFit {

    private HyperparameterFit() {}

    /** Fits from the process's hyperparameters and {@code restarts} draws (arguments already checked). */
    static GpFit run(GaussianProcess gp, HyperPriors hp, Training t, int restarts, long seed, EngineOptions options) {
        int[] free = hp.freeIndices();
        boolean[] held = hp.fixedMask(); // fixed ones keep the kernel's value, whatever their log bits
        double[] theta0 = gp.logTheta();
        if (free.length == 0) {
            return evaluateOnly(gp, t, theta0, options);
        }
        int f = free.length;
        double[] lower = new double[f];
        double[] upper = new double[f];
        for (int j = 0; j < f; j++) {
            lower[j] = hp.logLower(free[j]);
            upper[j] = hp.logUpper(free[j]);
        }
        double[][] starts = new double[restarts + 1][];
        starts[0] = hp.freeValues(theta0);
        for (int i = 1; i <= restarts; i++) {
            starts[i] = hp.freeValues(hp.draw(new SplittableRandom(seed + i * 0x9E3779B97F4A7C15L), theta0));
        }
        boolean map = hp.hasPriors();
        EngineOptions inner = restarts > 0 ? EngineOptions.singleThreaded() : options;
        // One workspace per concurrently running start (not per start): 16·n² bytes each.
        ConcurrentLinkedQueue<GpWorkspace> spare = new ConcurrentLinkedQueue<>();
        BestStart.Outcomes<OptimizationResult> o = BestStart.run(options, starts.length, i -> {
            GpWorkspace ws = spare.poll();
            GpWorkspace w = ws != null ? ws : new GpWorkspace(gp, t, inner, held);
            try {
                return Lbfgsb.defaults().withModelCheckedStop()
                        .minimize(objective(w, map ? hp : null, theta0, free), starts[i], lower, upper);
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
        double[] theta = scatter(best.x(), free, theta0);
        double logPrior = map ? hp.logDensity(theta, new double[theta.length]) : 0;
        GaussianProcess fitted = gp.withKernel(KernelGradients.withLogTheta(gp.kernel(), theta, held));
        OptimizationResult full = new OptimizationResult(theta, best.value(),
                scatter(best.gradient(), free, new double[theta.length]), best.iterations(), best.evaluations(),
                best.status());
        return new GpFit(fitted, -best.value() - logPrior, logPrior, full, values, o.failures());
    }

    /**
     * Every hyperparameter fixed: one evaluation at the process's own (no jitter, as in a fit), the
     * process returned as it is; the objective is the log marginal likelihood (priors on fixed
     * hyperparameters are ignored).
     */
    private static GpFit evaluateOnly(GaussianProcess gp, Training t, double[] theta0, EngineOptions options) {
        double[] gradient = new double[theta0.length];
        double lml = new GpWorkspace(gp, t, options).evaluateStrict(theta0, gradient);
        if (Double.isNaN(lml)) {
            throw new IllegalStateException("every hyperparameter of " + t.kernelName() + " is fixed, and at them the"
                    + " covariance of the n = " + t.n() + " training points is not positive definite (a fit adds no"
                    + " jitter): raise alpha or a white-noise variance, or free a hyperparameter");
        }
        // Nothing to optimise: the projected gradient over the (no) free hyperparameters is zero.
        OptimizationResult r = new OptimizationResult(theta0, -lml, new double[theta0.length], 0, 1,
                OptimizerStatus.GRADIENT_TOLERANCE);
        return new GpFit(gp, lml, 0, r, new double[] {lml}, List.of());
    }

    /**
     * {@code −(LML + log prior)} and its gradient over the free log-hyperparameters {@code z}
     * ({@code log θ} is {@code theta0} with {@code z} at {@code free}); {@code +∞} where the
     * covariance is not positive definite or a hyperparameter {@code exp(log θ)} is not finite and
     * positive (open bounds). Owns its buffers: one objective per start.
     */
    static ScalarObjective objective(GpWorkspace w, @Nullable HyperPriors priors, double[] theta0, int[] free) {
        int p = theta0.length;
        double[] theta = theta0.clone();
        double[] full = new double[p];
        double[] priorGradient = new double[p];
        return (z, gradient) -> {
            for (int j = 0; j < free.length; j++) {
                theta[free[j]] = z[j];
            }
            double value;
            try {
                value = w.evaluateStrict(theta, full);
            } catch (IllegalArgumentException notFinitePositive) {
                return Double.POSITIVE_INFINITY;
            }
            if (Double.isNaN(value)) {
                return Double.POSITIVE_INFINITY;
            }
            if (priors != null) {
                value += priors.logDensity(theta, priorGradient);
                for (int k = 0; k < p; k++) {
                    full[k] += priorGradient[k];
                }
            }
            for (int j = 0; j < free.length; j++) {
                gradient[j] = -full[free[j]];
            }
            return -value;
        };
    }

    /** A copy of {@code base} with {@code z[j]} at {@code free[j]}. */
    private static double[] scatter(double[] z, int[] free, double[] base) {
        double[] out = base.clone();
        for (int j = 0; j < free.length; j++) {
            out[free[j]] = z[j];
        }
        return out;
    }
}
