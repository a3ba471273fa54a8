package org.parax4j.kernel;

import org.jspecify.annotations.Nullable;
import org.parax4j.module.Meta;
import org.parax4j.module.TypeName;

/**
 * Sum of two kernels, {@code left(x, y) + right(x, y)}; built by {@link Kernel#plus}.
 *
 * @param left first term
 * @param right second term
 * @param meta optional explicit name and parameter groups
 */
@TypeName("SumKernel")
public record SumKernel(Kernel<?> left, Kernel<?> right, @Nullable Meta meta) implements CompositeKernel<SumKernel> {

    /** Validates the terms. */
    public SumKernel {
        KernelInputs.required("left", left);
        KernelInputs.required("right", right);
    }

    /** An unnamed sum. */
    public SumKernel(Kernel<?> left, Kernel<?> right) {
        this(left, right, Meta.NONE);
    }

    /**
     * The unnamed sum of two or more kernels, nested to the left: {@code of(a, b, c)} is
     * {@code (a + b) + c}, so the flat names are those of that nesting.
     *
     * @throws IllegalArgumentException when a kernel is null (naming its position)
     */
    public static SumKernel of(Kernel<?> first, Kernel<?> second, Kernel<?>... more) {
        return KernelInputs.nestLeft("SumKernel.of", first, second, more, SumKernel::new);
    }

    @Override
    public double combine(double leftValue, double rightValue) {
        return leftValue + rightValue;
    }
}
