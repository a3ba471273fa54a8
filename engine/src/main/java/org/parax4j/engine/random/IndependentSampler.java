package org.parax4j.engine.random;

import java.util.List;
import org.parax4j.distribution.Independent;
import org.parax4j.engine.internal.random.RandomKernels;

/** Component k into column k from stream {@code split(k)}; see {@link VectorSampler}. Immutable and thread-safe. */
final class IndependentSampler extends VectorSampler {

    private final VectorSampler[] components;

    IndependentSampler(Independent independent, List<VectorSampler> components) {
        super(independent);
        this.components = components.toArray(VectorSampler[]::new);
    }

    @Override
    void fill(RandomKernels kernels, long seed, long index, double[] out, int at, int stride, int length) {
        for (int k = 0; k < components.length; k++) {
            components[k].fill(kernels, CounterRandom.childSeed(seed, k), index, out, at + k * stride, stride, length);
        }
    }
}
