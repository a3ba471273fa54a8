package org.parax4j.engine.kernel;

import org.parax4j.engine.EngineOptions;
import org.parax4j.engine.internal.concurrent.InUseGuard;
import org.parax4j.engine.internal.kernel.KernelCompiler;
import org.parax4j.engine.internal.kernel.KernelPlan;
import org.parax4j.engine.internal.kernel.TangentJob;
import org.parax4j.engine.internal.kernel.Workspace;

/**
 * Caller-owned scratch for {@link KernelMatrices}: the feature-major copy of the second input,
 * the tiles where sum and product terms meet, the per-thread task objects and the kernel compiled
 * by the last call. Arrays grow to the largest call seen and are then reused, so repeated calls
 * of the same or smaller size with the same kernel instance allocate nothing.
 *
 * <p>One call at a time: use one workspace per calling thread (a workspace itself may use helper
 * threads of the executor in its {@link EngineOptions}, see {@link #isParallel()}). A call that finds the workspace in use by
 * another call (another thread, or a re-entrant call) throws {@link IllegalStateException} naming
 * the workspace and both threads, at once and without touching the workspace; it never waits.
 * The check is one compare-and-set per call and allocates nothing. Holding a workspace keeps about
 * {@code 8·(m + 32)·d} bytes plus {@code 32 KiB} per sum/product level and thread.
 */
public final class KernelWorkspace {

    /** About the smallest length scale of the float32 RBF, {@code 1/Float.MAX_VALUE}. */
    static final double MIN_FLOAT_LENGTH_SCALE = 1 / (double) Float.MAX_VALUE;

    private final Workspace workspace;
    private TangentJob tangents;
    private final InUseGuard guard = new InUseGuard("KernelWorkspace");
    private final EngineOptions options;
    private Kernel kernel;
    private int dimension;
    private KernelPlan plan;
    private double[] stack = new double[1];
    private float[] floatWeights;
    private Kernel.Rbf floatKernel;
    private int floatDimension = -1;

    private KernelWorkspace(EngineOptions options) {
        this.options = options;
        this.workspace = new Workspace(options.executor(), options.parallelism());
    }

    /**
     * A workspace that spreads large matrices over {@link EngineOptions#defaults()} (all available
     * cores unless the process default was changed); the bits do not depend on it.
     */
    public static KernelWorkspace parallel() {
        return parallel(EngineOptions.defaults());
    }

    /**
     * A workspace that spreads large matrices over the calling thread and up to
     * {@code options.parallelism() − 1} helper tasks on {@code options.executor()}: the same bits for
     * any executor and parallelism (blocks of rows fixed by the sizes, each computed by the same
     * instructions on any thread). Allocates the workspace and one small scratch object per thread.
     *
     * @param options executor and parallelism cap
     * @return the workspace
     * @throws IllegalArgumentException when {@code options} is null
     */
    public static KernelWorkspace parallel(EngineOptions options) {
        if (options == null) {
            throw new IllegalArgumentException("options must not be null");
        }
        return new KernelWorkspace(options);
    }

    /** A workspace that always computes on the calling thread. */
    public static KernelWorkspace singleThreaded() {
        return new KernelWorkspace(EngineOptions.singleThreaded());
    }

    /** Whether large matrices may be spread over helper threads. */
    public boolean isParallel() {
        return workspace.parallel();
    }

    /** Marks this workspace in use by the current thread. @throws IllegalStateException when it is in use */
    void acquire() {
        guard.acquire(this);
    }

    /** Ends the use begun by {@link #acquire()}. */
    void release() {
        guard.release();
    }

    Workspace workspace() {
        return workspace;
    }

    /** The tangent tile runner, created on first use with this workspace's threading. */
    TangentJob tangents() {
        if (tangents == null) {
            tangents = new TangentJob(options);
        }
        return tangents;
    }

    /** The plan for {@code kernel} at dimension {@code d}, compiled again only when either changed. */
    KernelPlan plan(Kernel kernel, int d) {
        if (kernel != this.kernel || d != dimension) {
            KernelPlan compiled = KernelCompiler.compile(kernel, d);
            if (stack.length < compiled.depth()) {
                stack = new double[compiled.depth()];
            }
            this.plan = compiled;
            this.kernel = kernel;
            this.dimension = d;
        }
        return plan;
    }

    double[] stack() {
        return stack;
    }

    /**
     * Float weights {@code 1/ℓ_k} for the float32 RBF, rebuilt only when the kernel or d changed. A
     * weight that underflows float is the smallest float instead of 0 (the kernel is 1 to float
     * precision either way, and {@code 0·∞} cannot arise).
     *
     * @throws IllegalArgumentException when a weight overflows float ({@code ℓ} below
     *     {@link #MIN_FLOAT_LENGTH_SCALE}), with the representable range
     */
    float[] floatWeights(Kernel.Rbf rbf, int d) {
        if (rbf != floatKernel || d != floatDimension) {
            double[] inverse = rbf.lengthScales().inverse(d);
            float[] weights = new float[d];
            for (int k = 0; k < d; k++) {
                weights[k] = Math.max((float) inverse[k], Float.MIN_VALUE);
                if (Float.isInfinite(weights[k])) {
                    throw new IllegalArgumentException("float32 RBF: " + (rbf.lengthScales().isotropic() ? "lengthScale"
                            : "lengthScales[" + k + "]") + " must be at least " + MIN_FLOAT_LENGTH_SCALE
                            + " (1/lengthScale must be a finite float), got "
                            + rbf.lengthScales().values()[rbf.lengthScales().isotropic() ? 0 : k]
                            + "; the double-precision matrix takes length scales down to 5.56e-309");
                }
            }
            floatWeights = weights;
            floatKernel = rbf;
            floatDimension = d;
        }
        return floatWeights;
    }
}
