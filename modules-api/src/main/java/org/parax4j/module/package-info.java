/**
 * The module tree: modules, names, filters, parameter groups, rewrites and JSON save/load.
 *
 * <p>Null policy: {@link org.jspecify.annotations.NullMarked}. Nothing here accepts or returns
 * {@code null} unless the type says {@link org.jspecify.annotations.Nullable @Nullable}.
 */
@NullMarked
package org.parax4j.module;

import org.jspecify.annotations.NullMarked;
