package org.parax4j.engine.random;

import org.jspecify.annotations.Nullable;

import org.parax4j.distribution.Normal;
import org.parax4j.distribution.TruncatedNormal;
import org.parax4j.engine.internal.random.RandomKernels;
import org.parax4j.engine.internal.random.TruncationConstants;

/**
 * Truncated normal by vectorised inversion (see {@link VectorSampler}), or per element through
 * {@link TruncatedNormal#icdf} when the interval lies so far in a tail that Φ of its nearer end
 * underflows. Immutable and thread-safe.
 */
final class TruncatedNormalSampler extends VectorSampler {

    /** Below this Φ(zHigh) the probability-space inversion loses its precision (about 37 σ out). */
    static final double MIN_MASS = 1e-280;

    private static final Normal STANDARD = new Normal(0, 1);

    private final TruncatedNormal truncated;
    /** The vectorised constants, or {@code null} for the far-tail fallback. */
    private final @Nullable TruncationConstants constants;

    TruncatedNormalSampler(TruncatedNormal t) {
        super(t);
        this.truncated = t;
        double alpha = (t.low() - t.mu()) / t.sigma();
        double beta = (t.high() - t.mu()) / t.sigma();
        boolean mirror = alpha + beta > 0;
        double zLow = mirror ? -beta : alpha;
        double zHigh = mirror ? -alpha : beta;
        double pLow = STANDARD.cdf(zLow);
        double pHigh = STANDARD.cdf(zHigh);
        double width = pHigh - pLow;
        this.constants = pHigh >= MIN_MASS && width > 0
                ? new TruncationConstants(pLow, width, zLow, zHigh, t.mu(), mirror ? -t.sigma() : t.sigma(),
                        t.low(), t.high())
                : null;
    }

    /** Whether this sampler uses the vectorised inversion (false: the far-tail fallback). */
    boolean vectorised() {
        return constants != null;
    }

    @Override
    void fill(RandomKernels kernels, long seed, long index, double[] out, int at, int stride, int length) {
        if (constants != null) {
            kernels.truncatedNormals(seed, GAMMA, index, constants, out, at, length);
            return;
        }
        kernels.uniforms(seed, GAMMA, index, 0, 1, out, at, length);
        for (int i = 0; i < length; i++) {
            out[at + i] = truncated.icdf(out[at + i]);
        }
    }
}
