/**
 * Service interfaces that other parax4j modules implement (the seeded parameter sampler).
 *
 * <p>Null policy: {@link org.jspecify.annotations.NullMarked}. Nothing here accepts or returns
 * {@code null} unless the type says {@link org.jspecify.annotations.Nullable @Nullable}.
 */
@NullMarked
package org.parax4j.module.spi;

import org.jspecify.annotations.NullMarked;
