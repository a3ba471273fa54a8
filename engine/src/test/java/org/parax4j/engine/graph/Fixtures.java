package org.parax4j.engine.graph;

import java.util.SplittableRandom;
import org.parax4j.bijector.Bijector;
import org.parax4j.bijector.Exp;
import org.parax4j.bijector.Sigmoid;
import org.parax4j.kernel.Kernel;
import org.parax4j.kernel.MaternKernel;
import org.parax4j.kernel.ProductKernel;
import org.parax4j.kernel.RBFKernel;
import org.parax4j.kernel.ScaleKernel;
import org.parax4j.kernel.SumKernel;
import org.parax4j.module.FiniteDifferences;
import org.parax4j.module.Meta;
import org.parax4j.module.Module;
import org.parax4j.param.Parameter;
import org.parax4j.param.Parameters;

/** Test modules with every kind of transform, scales, vectors, a fixed parameter and a composite kernel. */
final class Fixtures {

    private Fixtures() {}

    record Toy(Parameter a, Parameter b, Parameter v, Parameter w, Parameter c, Kernel<?> kernel, Meta meta)
            implements Module<Toy> {}

    record Quadratic(Parameter a, Parameter x, Meta meta) implements Module<Quadratic> {}

    record Gram(Kernel<?> kernel, Meta meta) implements Module<Gram> {}

    /** A toy model with random values: Exp, Softplus (scale 2), Sigmoid∘interval and identity (scale 0.5). */
    static Toy toy(SplittableRandom rng) {
        Parameter a = Parameter.builder().value(rng.nextDouble(0.5, 2)).transform(new Exp()).build();
        Parameter b = Parameter.builder().value(rng.nextDouble(0.5, 2)).transform(Bijector.positive()).scale(2).build();
        Parameter v = Parameter.builder().value(new double[] {rng.nextDouble(-0.9, 1.9), rng.nextDouble(-0.9, 1.9),
            rng.nextDouble(-0.9, 1.9)}).transform(Bijector.interval(-1, 2)).build();
        Parameter w = Parameter.builder().value(new double[] {rng.nextDouble(-1, 1), rng.nextDouble(-1, 1),
            rng.nextDouble(-1, 1)}).scale(0.5).build();
        Parameter c = Parameters.fixed(1.3);
        Kernel<?> ard = new RBFKernel(Parameter.builder().value(new double[] {rng.nextDouble(0.5, 2),
            rng.nextDouble(0.5, 2), rng.nextDouble(0.5, 2)}).transform(Bijector.positive()).build(), Meta.NONE);
        Kernel<?> scaled = new ScaleKernel(ard, Parameter.builder().value(rng.nextDouble(0.5, 2)).transform(new Exp())
                .build(), Meta.NONE);
        Kernel<?> m52 = new MaternKernel(Parameter.builder().value(rng.nextDouble(0.5, 2)).transform(new Exp()).build(),
                MaternKernel.Smoothness.FIVE_HALVES, Meta.NONE);
        Kernel<?> m32 = new MaternKernel(Parameter.builder().value(rng.nextDouble(0.3, 0.9)).transform(new Sigmoid())
                .build(), MaternKernel.Smoothness.THREE_HALVES, Meta.NONE);
        Kernel<?> m12 = new ScaleKernel(new MaternKernel(rng.nextDouble(0.5, 2), MaternKernel.Smoothness.HALF),
                Parameter.of(rng.nextDouble(0.5, 2)), Meta.NONE);
        Kernel<?> kernel = new SumKernel(scaled, new ProductKernel(new SumKernel(m52, m12), m32));
        return new Toy(a, b, v, w, c, kernel, Meta.NONE);
    }

    /** {@code max |a − b| / max(1, |b|)}. */
    static double maxRelErr(double[] a, double[] b) {
        double worst = 0;
        for (int k = 0; k < a.length; k++) {
            worst = Math.max(worst, Math.abs(a[k] - b[k]) / Math.max(1, Math.abs(b[k])));
        }
        return worst;
    }

    /**
     * Central differences ({@link FiniteDifferences#centralJacobian}) of the engine's own plain
     * evaluation, flattened to the {@code [p·out + k]} layout of {@link ModelFunction#jacobian}.
     */
    static <M extends Module<?>> double[] finiteDifferences(ModelFunction<M> f, double[] flat) {
        Workspace ws = f.newWorkspace();
        int out = f.outputSize();
        double[][] rows = FiniteDifferences.centralJacobian(theta -> {
            double[] y = new double[out];
            f.evaluate(theta, ws, y);
            return y;
        }, flat);
        double[] jac = new double[rows.length * out];
        for (int p = 0; p < rows.length; p++) {
            System.arraycopy(rows[p], 0, jac, p * out, out);
        }
        return jac;
    }
}
