/**
 * Recorded model functions: a body written with {@link org.parax4j.engine.graph.Var} (and
 * {@link org.parax4j.engine.graph.ComplexVar} for complex quantities) is recorded once into a
 * {@link org.parax4j.engine.graph.ModelFunction}, then evaluated in plain, dual (Jacobian) and
 * batched modes with a caller-owned {@link org.parax4j.engine.graph.Workspace}.
 *
 * <p>Null policy: {@link org.jspecify.annotations.NullMarked}. Nothing here accepts or returns
 * {@code null} unless the type says {@link org.jspecify.annotations.Nullable @Nullable}.
 */
@NullMarked
package org.parax4j.engine.graph;

import org.jspecify.annotations.NullMarked;
