/**
 * Dense linear algebra on the SIMD engine with scalar twins: blocked Cholesky with its
 * log-determinant, triangular solves and inverse, small LU; caller buffers, the same bits for any
 * thread count.
 *
 * <p>Null policy: {@link org.jspecify.annotations.NullMarked}. Nothing here accepts or returns
 * {@code null} unless the type says {@link org.jspecify.annotations.Nullable @Nullable}.
 */
@NullMarked
package org.parax4j.engine.linalg;

import org.jspecify.annotations.NullMarked;
