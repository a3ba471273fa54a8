package org.parax4j.engine.gp;

/**
 * The log marginal likelihood of a Gaussian process at one hyperparameter vector.
 *
 * @param value {@code log p(y | X, θ) = −½ yᵀK⁻¹y − ½ log det K − (n/2) log 2π} (of the normalised
 *     targets when the process normalises y)
 * @param gradient its derivative with respect to every log-hyperparameter, in
 *     {@link KernelGradients} order. Owned by the record (not copied).
 * @param jitter what was added to the diagonal of {@code K} to factor it (0 when nothing was)
 */
public record LogMarginalLikelihood(double value, double[] gradient, double jitter) {}
