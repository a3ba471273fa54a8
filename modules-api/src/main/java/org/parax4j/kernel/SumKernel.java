package org.parax4j.kernel;

import org.parax4j.module.Meta;

/**
 * Sum of two kernels, {@code left(x, y) + right(x, y)}; built by {@link Kernel#plus}.
 *
 * @param left first term
 * @param right second term
 * @param meta optional explicit name and parameter groups
 */
public record SumKernel(Kernel left, Kernel right, Meta meta) implements CompositeKernel {

    /** Validates the terms. */
    public SumKernel {
        KernelInputs.required("left", left);
        KernelInputs.required("right", right);
    }

    /** An unnamed sum. */
    public SumKernel(Kernel left, Kernel right) {
        this(left, right, Meta.NONE);
    }

    @Override
    public double combine(double leftValue, double rightValue) {
        return leftValue + rightValue;
    }
}
