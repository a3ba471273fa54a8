package org.parax4j.kernel;

import org.parax4j.param.Parameter;

/**
 * A kernel that depends on {@code r² = ‖(x − y)/ℓ‖²} only, with length scales ℓ (scalar or one per
 * dimension) held in its {@code lengthScale} parameter.
 */
public interface StationaryKernel<K extends StationaryKernel<K>> extends Kernel<K> {

    /** The length scale parameter. */
    Parameter lengthScale();

    /** The kernel as a function of the scaled squared distance {@code r²}. */
    double ofScaledDistance(double r2);

    @Override
    default double evaluate(double[] x, double[] y) {
        KernelInputs.checkPair(x, y);
        checkDimension(x.length);
        return evaluate(x, 0, y, 0, x.length);
    }

    @Override
    default double evaluate(double[] x1, int i, double[] x2, int j, int d) {
        return ofScaledDistance(KernelInputs.scaledSquaredDistance(x1, i, x2, j, d, lengthScale()));
    }

    @Override
    default void checkDimension(int d) {
        KernelInputs.checkPerDimension("lengthScale", lengthScale(), d);
    }
}
