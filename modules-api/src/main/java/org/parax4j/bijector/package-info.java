/**
 * Bijectors: invertible maps between latent and physical values, with their log-determinant Jacobians.
 *
 * <p>Null policy: {@link org.jspecify.annotations.NullMarked}. Nothing here accepts or returns
 * {@code null} unless the type says {@link org.jspecify.annotations.Nullable @Nullable}.
 */
@NullMarked
package org.parax4j.bijector;

import org.jspecify.annotations.NullMarked;
