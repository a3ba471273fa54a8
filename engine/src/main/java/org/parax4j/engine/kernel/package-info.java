/**
 * Covariance kernels on the SIMD engine: the engine-level {@link org.parax4j.engine.kernel.Kernel}
 * description compiled from kernel modules ({@link org.parax4j.engine.kernel.ModuleKernels}), kernel
 * matrices ({@link org.parax4j.engine.kernel.KernelMatrices}) and their hyperparameter and input
 * derivatives ({@link org.parax4j.engine.kernel.KernelTangents}) into caller buffers, with
 * caller-owned {@link org.parax4j.engine.kernel.KernelWorkspace}s.
 *
 * <p>Null policy: {@link org.jspecify.annotations.NullMarked}. Nothing here accepts or returns
 * {@code null} unless the type says {@link org.jspecify.annotations.Nullable @Nullable}.
 */
@NullMarked
package org.parax4j.engine.kernel;

import org.jspecify.annotations.NullMarked;
