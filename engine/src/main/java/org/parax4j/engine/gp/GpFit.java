package org.parax4j.engine.gp;

import java.util.List;
import org.parax4j.engine.fit.OptimizationResult;

/**
 * The outcome of {@link GaussianProcess#fit}.
 *
 * @param process the process with the fitted kernel
 * @param logMarginalLikelihood the best log marginal likelihood reached
 * @param optimum the optimiser's result of the best start (its point: log-hyperparameters; its
 *     value: the negative log marginal likelihood)
 * @param startValues the log marginal likelihood each start reached ({@code −∞} for a failed one),
 *     start 0 being the process's own hyperparameters. Owned by the record.
 * @param failures why failed starts failed
 */
public record GpFit(GaussianProcess process, double logMarginalLikelihood, OptimizationResult optimum,
        double[] startValues, List<String> failures) {}
