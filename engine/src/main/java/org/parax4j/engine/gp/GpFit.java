package org.parax4j.engine.gp;

import java.util.List;
import org.parax4j.engine.fit.OptimizationResult;

/**
 * The outcome of {@link GaussianProcess#fit}.
 *
 * @param process the process with the fitted kernel
 * @param logMarginalLikelihood the log marginal likelihood at the fitted hyperparameters
 * @param logPrior the hyperparameters' log prior there ({@link HyperPriors#logDensity}; 0 for a
 *     maximum-likelihood fit): the fit maximised {@code logMarginalLikelihood + logPrior}
 * @param optimum the optimiser's result of the best start, over every hyperparameter: its point
 *     is the log-hyperparameters (fixed ones at their values), its value the negative objective
 *     {@code −(logMarginalLikelihood + logPrior)}, its gradient that of the negative objective with
 *     respect to the free ones (0 at fixed ones). When every hyperparameter is fixed: the one
 *     evaluation (1 evaluation, 0 iterations, {@code GRADIENT_TOLERANCE})
 * @param startValues the objective ({@code logMarginalLikelihood + logPrior}) each start reached
 *     ({@code −∞} for a failed one), start 0 being the process's own hyperparameters (one entry when
 *     every hyperparameter is fixed). Owned by the record.
 * @param failures why failed starts failed
 */
public record GpFit(GaussianProcess process, double logMarginalLikelihood, double logPrior, OptimizationResult optimum,
        double[] startValues, List<String> failures) {

    /**
     * How many hyperparameters the fit optimised: the free ones of the process's priors
     * ({@link HyperPriors#freeIndices}). 0 when every hyperparameter is fixed: then nothing was
     * optimised, the fit evaluated once and {@link #process()} is the process fitted. Allocates a
     * small index array.
     */
    public int freeCount() {
        return process.priors().freeIndices().length;
    }
}
