package org.parax4j.kernel;

import org.parax4j.module.Default;
import org.jspecify.annotations.Nullable;
import org.parax4j.module.Meta;
import org.parax4j.module.TypeName;
import org.parax4j.param.Parameter;

/**
 * Radial basis function (squared exponential) kernel {@code k(x, y) = exp(−½ ‖(x − y)/ℓ‖²)}, with
 * ℓ a scalar or one length scale per input dimension (ARD).
 *
 * @param lengthScale characteristic length scale ℓ (default 1.0), every element > 0
 * @param meta optional explicit name and parameter groups
 */
@TypeName("RBFKernel")
public record RBFKernel(@Default(1.0) Parameter lengthScale, @Nullable Meta meta)
        implements StationaryKernel<RBFKernel> {

    /** Validates the length scale. */
    public RBFKernel {
        KernelInputs.checkPositive("lengthScale", lengthScale);
    }

    /** An unnamed ARD RBF kernel: one length scale per input dimension. */
    public RBFKernel(double[] lengthScales) {
        this(Parameter.of(lengthScales), Meta.NONE);
    }

    /** An unnamed RBF kernel with this length scale. */
    public RBFKernel(double lengthScale) {
        this(Parameter.of(lengthScale), Meta.NONE);
    }

    @Override
    public double ofScaledDistance(double r2) {
        return Math.exp(-0.5 * r2);
    }
}
