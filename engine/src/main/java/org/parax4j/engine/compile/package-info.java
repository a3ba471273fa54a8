/**
 * A module tree compiled into flat structure-of-arrays buffers: the parameter
 * {@link org.parax4j.engine.compile.Layout}, transform programs, distribution groups and the
 * {@link org.parax4j.engine.compile.CompiledModel} that the samplers and recorded functions read.
 *
 * <p>Null policy: {@link org.jspecify.annotations.NullMarked}. Nothing here accepts or returns
 * {@code null} unless the type says {@link org.jspecify.annotations.Nullable @Nullable}.
 */
@NullMarked
package org.parax4j.engine.compile;

import org.jspecify.annotations.NullMarked;
