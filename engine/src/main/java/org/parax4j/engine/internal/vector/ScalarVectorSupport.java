package org.parax4j.engine.internal.vector;

/** Plain-Java reference implementation of {@link VectorSupport}; the twin of every SIMD routine. */
public final class ScalarVectorSupport implements VectorSupport {

    @Override
    public double squaredDistance(double[] a, int aOffset, double[] b, int bOffset, int length) {
        double sum = 0;
        for (int k = 0; k < length; k++) {
            double diff = a[aOffset + k] - b[bOffset + k];
            sum += diff * diff;
        }
        return sum;
    }
}
