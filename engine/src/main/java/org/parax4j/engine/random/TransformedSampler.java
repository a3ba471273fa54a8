package org.parax4j.engine.random;

import org.parax4j.bijector.Bijector;
import org.parax4j.distribution.Transformed;
import org.parax4j.engine.internal.random.RandomKernels;

/**
 * The base sampler followed by {@link Bijector#forward} per element (a scalar loop); see
 * {@link VectorSampler}. Immutable and thread-safe.
 */
final class TransformedSampler extends VectorSampler {

    private final VectorSampler base;
    private final Bijector bijector;

    TransformedSampler(Transformed transformed, VectorSampler base) {
        super(transformed);
        this.base = base;
        this.bijector = transformed.bijector();
    }

    @Override
    void fill(RandomKernels kernels, long seed, long index, double[] out, int at, int stride, int length) {
        base.fill(kernels, seed, index, out, at, stride, length);
        for (int i = 0; i < length; i++) {
            out[at + i] = bijector.forward(out[at + i]);
        }
    }
}
