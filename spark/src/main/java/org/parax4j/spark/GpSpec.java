package org.parax4j.spark;

import java.io.Serializable;
import org.parax4j.engine.gp.GaussianProcess;
import org.parax4j.kernel.Kernel;
import org.parax4j.module.Module;
import org.parax4j.module.ModuleJson;

/**
 * What a per-group Gaussian-process job ships: the kernel module as JSON ({@link ModuleJson}, the
 * built-in kernels are registered already), the process settings and the fit's restarts and seed.
 * The process is rebuilt on each executor. Immutable and thread-safe.
 *
 * @param kernelJson the kernel module's JSON; its values are the fits' start
 * @param alpha the fixed noise variance added to the training diagonal ({@link GaussianProcess#withAlpha})
 * @param normalizeY whether targets are normalised ({@link GaussianProcess#withNormalizeY})
 * @param restarts further random starts of each fit, {@code ≥ 0} ({@link GaussianProcess#fit})
 * @param seed the seed of the restarts
 */
public record GpSpec(String kernelJson, double alpha, boolean normalizeY, int restarts, long seed)
        implements Serializable {

    /**
     * Checks the fields.
     *
     * @throws IllegalArgumentException when the JSON is null or blank, {@code alpha} is negative or
     *     not finite, or {@code restarts < 0}
     */
    public GpSpec {
        if (kernelJson == null || kernelJson.isBlank()) {
            throw new IllegalArgumentException("kernelJson must not be null or blank");
        }
        if (!(alpha >= 0 && Double.isFinite(alpha))) {
            throw new IllegalArgumentException("alpha must be finite and >= 0, got " + alpha);
        }
        if (restarts < 0) {
            throw new IllegalArgumentException("restarts must be >= 0, got " + restarts);
        }
    }

    /**
     * The spec of {@code kernel}. Allocates the JSON.
     *
     * @throws IllegalArgumentException when {@code kernel} is null, or as the constructor
     */
    public static GpSpec of(Kernel<?> kernel, double alpha, boolean normalizeY, int restarts, long seed) {
        if (kernel == null) {
            throw new IllegalArgumentException("kernel must not be null");
        }
        return new GpSpec(ModuleJson.save(kernel), alpha, normalizeY, restarts, seed);
    }

    /**
     * The process, rebuilt here from the JSON.
     *
     * @throws IllegalStateException when the JSON does not load to a kernel in this JVM (message names
     *     the cause)
     */
    public GaussianProcess process() {
        Module<?> m;
        try {
            m = ModuleJson.load(kernelJson);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the GP kernel cannot be loaded in this JVM: " + e.getMessage(), e);
        }
        if (!(m instanceof Kernel<?> k)) {
            throw new IllegalStateException("the GP spec's module is a " + m.getClass().getName() + ", not a kernel");
        }
        return GaussianProcess.of(k).withAlpha(alpha).withNormalizeY(normalizeY);
    }
}
