package org.parax4j.kernel;

import org.jspecify.annotations.Nullable;
import org.parax4j.module.Meta;
import org.parax4j.module.TypeName;

/**
 * Product of two kernels, {@code left(x, y) · right(x, y)}; built by {@link Kernel#times}.
 *
 * @param left first factor
 * @param right second factor
 * @param meta optional explicit name and parameter groups
 */
@TypeName("ProductKernel")
public record ProductKernel(Kernel<?> left, Kernel<?> right, @Nullable Meta meta)
        implements CompositeKernel<ProductKernel> {

    /** Validates the factors. */
    public ProductKernel {
        KernelInputs.required("left", left);
        KernelInputs.required("right", right);
    }

    /** An unnamed product. */
    public ProductKernel(Kernel<?> left, Kernel<?> right) {
        this(left, right, Meta.NONE);
    }

    /**
     * The unnamed product of two or more kernels, nested to the left: {@code of(a, b, c)} is
     * {@code (a · b) · c}, so the flat names are those of that nesting.
     *
     * @throws IllegalArgumentException when a kernel is null (naming its position)
     */
    public static ProductKernel of(Kernel<?> first, Kernel<?> second, Kernel<?>... more) {
        return KernelInputs.nestLeft("ProductKernel.of", first, second, more, ProductKernel::new);
    }

    @Override
    public double combine(double leftValue, double rightValue) {
        return leftValue * rightValue;
    }
}
