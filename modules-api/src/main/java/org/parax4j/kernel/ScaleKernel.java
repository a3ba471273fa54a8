package org.parax4j.kernel;

import org.parax4j.module.Default;
import org.jspecify.annotations.Nullable;
import org.parax4j.module.Meta;
import org.parax4j.module.TypeName;
import org.parax4j.param.Parameter;

/**
 * Output-scale wrapper {@code k(x, y) = σ² · base(x, y)}.
 *
 * @param base the wrapped kernel
 * @param variance the output variance σ² (default 1.0), ≥ 0
 * @param meta optional explicit name and parameter groups
 */
@TypeName("ScaleKernel")
public record ScaleKernel(Kernel<?> base, @Default(1.0) Parameter variance, @Nullable Meta meta)
        implements Kernel<ScaleKernel> {

    /** Validates the parts. */
    public ScaleKernel {
        KernelInputs.required("base", base);
        KernelInputs.positiveScalar("variance", variance, true);
    }

    /** An unnamed output-scale wrapper σ²·base. */
    public ScaleKernel(Kernel<?> base, double variance) {
        this(base, Parameter.of(variance), Meta.NONE);
    }

    /** An unnamed output-scale wrapper with variance 1 (free, so it can be fitted). */
    public ScaleKernel(Kernel<?> base) {
        this(base, 1.0);
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
