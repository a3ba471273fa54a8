package org.parax4j.kernel;

import org.parax4j.module.Default;
import org.parax4j.module.Meta;
import org.parax4j.param.Parameter;

/**
 * Constant kernel {@code k(x, y) = c}.
 *
 * @param constant the value c (default 1.0), ≥ 0 so that the kernel is positive semi-definite
 * @param meta optional explicit name and parameter groups
 */
public record ConstantKernel(@Default(1.0) Parameter constant, Meta meta) implements Kernel {

    /** Validates the constant. */
    public ConstantKernel {
        KernelInputs.positiveScalar("constant", constant, true);
    }

    @Override
    public double evaluate(double[] x, double[] y) {
        KernelInputs.checkPair(x, y);
        return KernelInputs.scaled(constant, 0);
    }

    @Override
    public double evaluate(double[] x1, int i, double[] x2, int j, int d) {
        return KernelInputs.scaled(constant, 0);
    }
}
