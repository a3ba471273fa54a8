package org.parax4j.kernel;

import org.parax4j.module.Meta;

/**
 * Product of two kernels, {@code left(x, y) · right(x, y)}; built by {@link Kernel#times}.
 *
 * @param left first factor
 * @param right second factor
 * @param meta optional explicit name and parameter groups
 */
public record ProductKernel(Kernel left, Kernel right, Meta meta) implements CompositeKernel {

    /** Validates the factors. */
    public ProductKernel {
        KernelInputs.required("left", left);
        KernelInputs.required("right", right);
    }

    /** An unnamed product. */
    public ProductKernel(Kernel left, Kernel right) {
        this(left, right, Meta.NONE);
    }

    @Override
    public double combine(double leftValue, double rightValue) {
        return leftValue * rightValue;
    }
}
