/**
 * The engine's front door: {@link org.parax4j.engine.EngineInfo} (which SIMD engine runs, for health
 * checks) and {@link org.parax4j.engine.EngineOptions} (the executor and parallelism cap every
 * multi-threaded entry point takes, so a service decides which threads do engine work).
 *
 * <p>Null policy: {@link org.jspecify.annotations.NullMarked}. Nothing here accepts or returns
 * {@code null} unless the type says {@link org.jspecify.annotations.Nullable @Nullable}.
 */
@NullMarked
package org.parax4j.engine;

import org.jspecify.annotations.NullMarked;
