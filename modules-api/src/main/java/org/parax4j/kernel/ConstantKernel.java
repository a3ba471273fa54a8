package org.parax4j.kernel;

import org.parax4j.module.Default;
import org.jspecify.annotations.Nullable;
import org.parax4j.module.Meta;
import org.parax4j.module.TypeName;
import org.parax4j.param.Parameter;

/**
 * Constant kernel {@code k(x, y) = c}.
 *
 * @param constant the value c (default 1.0), ≥ 0 so that the kernel is positive semi-definite
 * @param meta optional explicit name and parameter groups
 */
@TypeName("ConstantKernel")
public record ConstantKernel(@Default(1.0) Parameter constant, @Nullable Meta meta) implements Kernel<ConstantKernel> {

    /** Validates the constant. */
    public ConstantKernel {
        KernelInputs.positiveScalar("constant", constant, true);
    }

    /** An unnamed constant kernel with this value c. */
    public ConstantKernel(double constant) {
        this(Parameter.of(constant), Meta.NONE);
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
