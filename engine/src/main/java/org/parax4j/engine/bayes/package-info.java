/**
 * Bayesian inference: the No-U-Turn sampler ({@link org.parax4j.engine.bayes.Nuts}) over a
 * {@link org.parax4j.engine.bayes.LogDensity}, model posteriors, R̂/ESS/MCSE diagnostics and
 * posterior predictive bands.
 *
 * <p>Null policy: {@link org.jspecify.annotations.NullMarked}. Nothing here accepts or returns
 * {@code null} unless the type says {@link org.jspecify.annotations.Nullable @Nullable}.
 */
@NullMarked
package org.parax4j.engine.bayes;

import org.jspecify.annotations.NullMarked;
