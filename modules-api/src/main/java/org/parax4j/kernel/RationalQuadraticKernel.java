package org.parax4j.kernel;

import org.parax4j.module.Default;
import org.jspecify.annotations.Nullable;
import org.parax4j.module.Meta;
import org.parax4j.module.TypeName;
import org.parax4j.param.Parameter;

/**
 * Rational quadratic kernel {@code k = (1 + r²/(2α))^(−α)} with {@code r² = ‖(x − y)/ℓ‖²}; it
 * tends to the RBF kernel as α → ∞.
 *
 * @param lengthScale length scale ℓ (default 1.0), scalar or per dimension, > 0
 * @param alpha scale mixture parameter α (default 1.0), > 0
 * @param meta optional explicit name and parameter groups
 */
@TypeName("RationalQuadraticKernel")
public record RationalQuadraticKernel(@Default(1.0) Parameter lengthScale, @Default(1.0) Parameter alpha,
        @Nullable Meta meta)
        implements StationaryKernel<RationalQuadraticKernel> {

    /** Validates the parameters. */
    public RationalQuadraticKernel {
        KernelInputs.checkPositive("lengthScale", lengthScale);
        KernelInputs.positiveScalar("alpha", alpha, false);
    }

    /** An unnamed rational quadratic kernel with this length scale and mixture parameter α. */
    public RationalQuadraticKernel(double lengthScale, double alpha) {
        this(Parameter.of(lengthScale), Parameter.of(alpha), Meta.NONE);
    }

    @Override
    public double ofScaledDistance(double r2) {
        double a = KernelInputs.scaled(alpha, 0);
        return Math.exp(-a * Math.log1p(r2 / (2 * a)));
    }
}
