package org.parax4j.kernel;

import org.parax4j.module.Default;
import org.parax4j.module.Meta;
import org.parax4j.param.Parameter;

/**
 * Output-scale wrapper {@code k(x, y) = σ² · base(x, y)}.
 *
 * @param base the wrapped kernel
 * @param variance the output variance σ² (default 1.0), ≥ 0
 * @param meta optional explicit name and parameter groups
 */
public record ScaleKernel(Kernel base, @Default(1.0) Parameter variance, Meta meta) implements Kernel {

    /** Validates the parts. */
    public ScaleKernel {
        KernelInputs.required("base", base);
        KernelInputs.positiveScalar("variance", variance, true);
    }

    @Override
    public double evaluate(double[] x, double[] y) {
        return KernelInputs.scaled(variance, 0) * base.evaluate(x, y);
    }

    @Override
    public double evaluate(double[] x1, int i, double[] x2, int j, int d) {
        return KernelInputs.scaled(variance, 0) * base.evaluate(x1, i, x2, j, d);
    }

    @Override
    public void checkDimension(int d) {
        base.checkDimension(d);
    }
}
