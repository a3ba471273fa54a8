/**
 * Fitting a model to data: L-BFGS-B, Levenberg–Marquardt least squares, likelihood and MAP fits,
 * multi-start, and the fit report (standard errors, correlations).
 *
 * <p>Null policy: {@link org.jspecify.annotations.NullMarked}. Nothing here accepts or returns
 * {@code null} unless the type says {@link org.jspecify.annotations.Nullable @Nullable}.
 */
@NullMarked
package org.parax4j.engine.fit;

import org.jspecify.annotations.NullMarked;
