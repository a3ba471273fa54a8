/**
 * The Jackson configuration parax4j types are written and read with.
 *
 * <p>Null policy: {@link org.jspecify.annotations.NullMarked}. Nothing here accepts or returns
 * {@code null} unless the type says {@link org.jspecify.annotations.Nullable @Nullable}.
 */
@NullMarked
package org.parax4j.json;

import org.jspecify.annotations.NullMarked;
