package org.parax4j.engine.random;

import org.parax4j.distribution.Uniform;
import org.parax4j.engine.internal.random.RandomKernels;

/** {@code low + (high − low)·u}; see {@link VectorSampler}. Immutable and thread-safe. */
final class UniformSampler extends VectorSampler {

    private final double low;
    private final double width;

    UniformSampler(Uniform uniform) {
        super(uniform);
        this.low = uniform.low();
        this.width = uniform.high() - uniform.low();
    }

    @Override
    void fill(RandomKernels kernels, long seed, long index, double[] out, int at, int stride, int length) {
        kernels.uniforms(seed, GAMMA, index, low, width, out, at, length);
    }
}
