/**
 * Monte Carlo propagation of parameter uncertainty through a model function: draws, stored or
 * streamed summaries, Sobol' sensitivity indices, progress and cancellation.
 *
 * <p>Null policy: {@link org.jspecify.annotations.NullMarked}. Nothing here accepts or returns
 * {@code null} unless the type says {@link org.jspecify.annotations.Nullable @Nullable}.
 */
@NullMarked
package org.parax4j.engine.montecarlo;

import org.jspecify.annotations.NullMarked;
