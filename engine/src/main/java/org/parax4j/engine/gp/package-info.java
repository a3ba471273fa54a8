/**
 * Gaussian-process regression: {@link org.parax4j.engine.gp.GaussianProcess} (kernel, mean and
 * noise), the log marginal likelihood and its exact gradient, hyperparameter fits, prediction with
 * uncertainty, posterior samples, input gradients and JSON save/load.
 *
 * <p>Null policy: {@link org.jspecify.annotations.NullMarked}. Nothing here accepts or returns
 * {@code null} unless the type says {@link org.jspecify.annotations.Nullable @Nullable}.
 */
@NullMarked
package org.parax4j.engine.gp;

import org.jspecify.annotations.NullMarked;
