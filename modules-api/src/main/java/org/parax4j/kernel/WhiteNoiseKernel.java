package org.parax4j.kernel;

import org.parax4j.module.Default;
import org.jspecify.annotations.Nullable;
import org.parax4j.module.Meta;
import org.parax4j.module.TypeName;
import org.parax4j.param.Parameter;

/**
 * White-noise kernel: {@code k(x, y) = σ²} when {@code x} and {@code y} are exactly equal in every
 * coordinate ({@code ==} on doubles, so {@code 0.0 == -0.0}), else 0.
 *
 * <p>The rule is exact equality of points, not equality of indices: in {@code K(X, X)} a point that
 * occurs twice in {@code X} gets σ² off the diagonal too (the matrix stays positive semi-definite),
 * and {@code K(X1, X2)} is non-zero wherever the two inputs share a point.
 *
 * @param variance the noise variance σ² (default 1.0), ≥ 0
 * @param meta optional explicit name and parameter groups
 */
@TypeName("WhiteNoiseKernel")
public record WhiteNoiseKernel(@Default(1.0) Parameter variance, @Nullable Meta meta)
        implements Kernel<WhiteNoiseKernel> {

    /** Validates the variance. */
    public WhiteNoiseKernel {
        KernelInputs.positiveScalar("variance", variance, true);
    }

    /** An unnamed white-noise kernel with this variance σ². */
    public WhiteNoiseKernel(double variance) {
        this(Parameter.of(variance), Meta.NONE);
    }

    @Override
    public double evaluate(double[] x, double[] y) {
        KernelInputs.checkPair(x, y);
        return evaluate(x, 0, y, 0, x.length);
    }

    @Override
    public double evaluate(double[] x1, int i, double[] x2, int j, int d) {
        for (int k = 0; k < d; k++) {
            if (x1[i * d + k] != x2[j * d + k]) {
                return 0;
            }
        }
        return KernelInputs.scaled(variance, 0);
    }
}
