package org.parax4j.kernel;

import java.util.Objects;
import org.parax4j.module.Default;
import org.jspecify.annotations.Nullable;
import org.parax4j.module.Meta;
import org.parax4j.module.TypeName;
import org.parax4j.param.Parameter;

/**
 * Matérn kernel of smoothness ν ∈ {½, 3/2, 5/2} with {@code r = ‖(x − y)/ℓ‖}:
 * ν = ½: {@code exp(−r)}; ν = 3/2: {@code (1 + √3 r) exp(−√3 r)};
 * ν = 5/2: {@code (1 + √5 r + 5r²/3) exp(−√5 r)}.
 *
 * @param lengthScale length scale ℓ (default 1.0), scalar or per dimension, every element > 0
 * @param nu the smoothness (static data, not a parameter)
 * @param meta optional explicit name and parameter groups
 */
@TypeName("MaternKernel")
public record MaternKernel(@Default(1.0) Parameter lengthScale, @Nullable Smoothness nu, @Nullable Meta meta)
        implements StationaryKernel<MaternKernel> {

    /** The supported smoothness values. */
    public enum Smoothness {
        /** ν = ½ (the exponential kernel). */
        HALF,
        /** ν = 3/2. */
        THREE_HALVES,
        /** ν = 5/2. */
        FIVE_HALVES
    }

    /** Validates the length scale; a null smoothness means 5/2. */
    public MaternKernel {
        KernelInputs.checkPositive("lengthScale", lengthScale);
        nu = Objects.requireNonNullElse(nu, Smoothness.FIVE_HALVES);
    }

    /** An unnamed Matérn 5/2 kernel with this length scale. */
    public MaternKernel(double lengthScale) {
        this(lengthScale, Smoothness.FIVE_HALVES);
    }

    /** An unnamed Matérn kernel. */
    public MaternKernel(double lengthScale, Smoothness nu) {
        this(Parameter.of(lengthScale), nu, Meta.NONE);
    }

    @Override
    public double ofScaledDistance(double r2) {
        double r = Math.sqrt(r2);
        return switch (nu) {
            case HALF -> Math.exp(-r);
            case THREE_HALVES -> {
                double s = Math.sqrt(3) * r;
                yield (1 + s) * Math.exp(-s);
            }
            case FIVE_HALVES -> {
                double s = Math.sqrt(5) * r;
                yield (1 + s + s * s / 3) * Math.exp(-s);
            }
        };
    }
}
