package org.parax4j.kernel;

import org.parax4j.module.Default;
import org.jspecify.annotations.Nullable;
import org.parax4j.module.Meta;
import org.parax4j.module.TypeName;
import org.parax4j.param.Parameter;

/**
 * Periodic (exp-sine-squared) kernel, one factor per input dimension:
 * {@code k(x, y) = exp(−2 Σ_k sin²(π |x_k − y_k| / p) / ℓ_k²)}.
 *
 * <p>The distance is taken per dimension and summed, so the kernel is a product of
 * one-dimensional periodic kernels and stays positive semi-definite for multi-dimensional inputs
 * (a single sine of the Euclidean distance would not).
 *
 * @param lengthScale length scale ℓ (default 1.0), scalar or per dimension, > 0
 * @param period period p (default 1.0), > 0
 * @param meta optional explicit name and parameter groups
 */
@TypeName("PeriodicKernel")
public record PeriodicKernel(@Default(1.0) Parameter lengthScale, @Default(1.0) Parameter period, @Nullable Meta meta)
        implements Kernel<PeriodicKernel> {

    /** Validates the parameters. */
    public PeriodicKernel {
        KernelInputs.checkPositive("lengthScale", lengthScale);
        KernelInputs.positiveScalar("period", period, false);
    }

    /** An unnamed periodic kernel with this length scale and period. */
    public PeriodicKernel(double lengthScale, double period) {
        this(Parameter.of(lengthScale), Parameter.of(period), Meta.NONE);
    }

    @Override
    public double evaluate(double[] x, double[] y) {
        KernelInputs.checkPair(x, y);
        checkDimension(x.length);
        return evaluate(x, 0, y, 0, x.length);
    }

    @Override
    public double evaluate(double[] x1, int i, double[] x2, int j, int d) {
        double p = KernelInputs.scaled(period, 0);
        boolean shared = lengthScale.size() == 1;
        double sum = 0;
        for (int k = 0; k < d; k++) {
            double l = KernelInputs.scaled(lengthScale, shared ? 0 : k);
            double s = Math.sin(Math.PI * Math.abs(x1[i * d + k] - x2[j * d + k]) / p) / l;
            sum += s * s;
        }
        return Math.exp(-2 * sum);
    }

    @Override
    public void checkDimension(int d) {
        KernelInputs.checkPerDimension("lengthScale", lengthScale, d);
    }
}
