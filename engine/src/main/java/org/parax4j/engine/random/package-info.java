/**
 * Seeded, counter-based random draws: {@link org.parax4j.engine.random.CounterRandom}, vectorised
 * samplers per distribution, Latin hypercube and Sobol' designs. The same seed gives the same draws
 * for every thread count and vector width.
 *
 * <p>Null policy: {@link org.jspecify.annotations.NullMarked}. Nothing here accepts or returns
 * {@code null} unless the type says {@link org.jspecify.annotations.Nullable @Nullable}.
 */
@NullMarked
package org.parax4j.engine.random;

import org.jspecify.annotations.NullMarked;
