/**
 * Example models used by the README, the demo, the benchmarks and the tests: the reference model
 * of the seed API and an RF line-plus-resonator model in complex arithmetic.
 *
 * <p>Null policy: {@link org.jspecify.annotations.NullMarked}. Nothing here accepts or returns
 * {@code null} unless the type says {@link org.jspecify.annotations.Nullable @Nullable}.
 */
@NullMarked
package org.parax4j.engine.examples;

import org.jspecify.annotations.NullMarked;
