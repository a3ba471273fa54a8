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
 * @param optimum the optimiser's result of the best start (its point: log-hyperparameters; its
 *     value: the negative objective, {@code −(logMarginalLikelihood + logPrior)})
 * @param startValues the objective ({@code logMarginalLikelihood + logPrior}) each start reached
 *     ({@code −∞} for a failed one), start 0 being the process's own hyperparameters. Owned by the record.
 * @param failures why failed starts failed
 */
public record GpFit(GaussianProcess process, double logMarginalLikelihood, double logPrior, OptimizationResult optimum,
        double[] startValues, List<String> failures) {}
