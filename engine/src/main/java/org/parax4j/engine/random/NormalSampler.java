package org.parax4j.engine.random;

import org.parax4j.distribution.UnivariateDistribution;
import org.parax4j.engine.internal.random.RandomKernels;

/**
 * {@code shift + scale·z} (normal) or {@code exp(shift + scale·z)} (log-normal), z standard normal
 * by Box–Muller; see {@link VectorSampler}. Immutable and thread-safe.
 */
final class NormalSampler extends VectorSampler {

    private final double shift;
    private final double scale;
    private final boolean exp;

    NormalSampler(UnivariateDistribution distribution, double shift, double scale, boolean exp) {
        super(distribution);
        this.shift = shift;
        this.scale = scale;
        this.exp = exp;
    }

    @Override
    void fill(RandomKernels kernels, long seed, long index, double[] out, int at, int stride, int length) {
        if (exp) {
            kernels.logNormals(seed, GAMMA, index, shift, scale, out, at, length);
        } else {
            kernels.normals(seed, GAMMA, index, shift, scale, out, at, length);
        }
    }
}
