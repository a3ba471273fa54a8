package org.parax4j.engine.internal.vector;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API implementation of {@link VectorSupport}. Loaded only when the incubator module is
 * present and C2 is enabled (see {@link VectorizationProvider}).
 */
final class PanamaVectorSupport implements VectorSupport {

    private final VectorSpecies<Double> doubles;

    PanamaVectorSupport(PanamaConstants constants) {
        this.doubles = constants.doubleSpecies();
    }

    @Override
    public double squaredDistance(double[] a, int aOffset, double[] b, int bOffset, int length) {
        int lanes = doubles.length();
        int k = 0;
        double sum = 0;
        if (length >= 2 * lanes) {
            // Two accumulators hide the latency of the dependent FMA chain.
            DoubleVector acc0 = DoubleVector.zero(doubles);
            DoubleVector acc1 = DoubleVector.zero(doubles);
            int bound = length - 2 * lanes;
            for (; k <= bound; k += 2 * lanes) {
                DoubleVector d0 = DoubleVector.fromArray(doubles, a, aOffset + k)
                        .sub(DoubleVector.fromArray(doubles, b, bOffset + k));
                DoubleVector d1 = DoubleVector.fromArray(doubles, a, aOffset + k + lanes)
                        .sub(DoubleVector.fromArray(doubles, b, bOffset + k + lanes));
                acc0 = d0.fma(d0, acc0);
                acc1 = d1.fma(d1, acc1);
            }
            sum = acc0.add(acc1).reduceLanes(VectorOperators.ADD);
        }
        for (; k < length; k++) {
            double diff = a[aOffset + k] - b[bOffset + k];
            sum += diff * diff;
        }
        return sum;
    }
}
