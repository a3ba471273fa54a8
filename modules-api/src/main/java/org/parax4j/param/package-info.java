/**
 * Parameters: values of any shape with a free/fixed flag and metadata, and their factories.
 *
 * <p>Null policy: {@link org.jspecify.annotations.NullMarked}. Nothing here accepts or returns
 * {@code null} unless the type says {@link org.jspecify.annotations.Nullable @Nullable}.
 */
@NullMarked
package org.parax4j.param;

import org.jspecify.annotations.NullMarked;
