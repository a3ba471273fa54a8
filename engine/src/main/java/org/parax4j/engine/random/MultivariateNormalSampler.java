package org.parax4j.engine.random;

import org.parax4j.distribution.MultivariateNormal;
import org.parax4j.engine.internal.random.RandomKernels;

/**
 * {@code mean + L·z} column by column (see {@link VectorSampler}): the d columns are first filled
 * with standard normals (column k from stream {@code split(k)}), then transformed in place from
 * the last row up, since row i only reads columns {@code k ≤ i}. Immutable and thread-safe.
 */
final class MultivariateNormalSampler extends VectorSampler {

    private final double[] mean;
    private final double[][] cholesky;

    MultivariateNormalSampler(MultivariateNormal mvn) {
        super(mvn);
        this.mean = mvn.mean();
        this.cholesky = mvn.cholesky();
    }

    @Override
    void fill(RandomKernels kernels, long seed, long index, double[] out, int at, int stride, int length) {
        int d = mean.length;
        for (int k = 0; k < d; k++) {
            kernels.normals(CounterRandom.childSeed(seed, k), GAMMA, index, 0, 1, out, at + k * stride, length);
        }
        for (int i = d - 1; i >= 0; i--) {
            int row = at + i * stride;
            kernels.affine(cholesky[i][i], mean[i], out, row, length);
            for (int k = 0; k < i; k++) {
                kernels.axpy(cholesky[i][k], out, at + k * stride, out, row, length);
            }
        }
    }
}
