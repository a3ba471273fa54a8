package org.parax4j.bench;

import org.parax4j.bijector.Bijector;
import org.parax4j.bijector.Exp;
import org.parax4j.kernel.Kernel;
import org.parax4j.kernel.RBFKernel;
import org.parax4j.kernel.ScaleKernel;
import org.parax4j.module.Meta;
import org.parax4j.module.Module;
import org.parax4j.param.Parameter;

/**
 * The Gram-matrix benchmark model: {@code σ²·RBF_ARD}, length scales through Softplus and the
 * variance through Exp, so that d latent = 9 hyperparameters for d = 8.
 *
 * @param kernel the scaled ARD RBF kernel
 * @param meta no name, no groups
 */
public record GramModel(Kernel<?> kernel, Meta meta) implements Module<GramModel> {

    /** Length scales {@code 0.8 + 0.1·e} and variance 1.5. */
    public static GramModel of(int d) {
        double[] ls = new double[d];
        for (int e = 0; e < d; e++) {
            ls[e] = 0.8 + 0.1 * e;
        }
        RBFKernel rbf = new RBFKernel(Parameter.builder().value(ls).transform(Bijector.positive()).build(), Meta.NONE);
        return new GramModel(new ScaleKernel(rbf, Parameter.builder().value(1.5).transform(new Exp()).build(),
                Meta.NONE), Meta.NONE);
    }
}
