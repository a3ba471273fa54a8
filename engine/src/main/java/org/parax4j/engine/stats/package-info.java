/**
 * Streaming statistics with reproducible reductions: moments over a fixed
 * {@link org.parax4j.engine.stats.MomentTree}, P² quantiles and summaries.
 *
 * <p>Null policy: {@link org.jspecify.annotations.NullMarked}. Nothing here accepts or returns
 * {@code null} unless the type says {@link org.jspecify.annotations.Nullable @Nullable}.
 */
@NullMarked
package org.parax4j.engine.stats;

import org.jspecify.annotations.NullMarked;
