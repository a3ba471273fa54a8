package org.parax4j.properties.gen;

import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.Map;
import org.parax4j.kernel.ConstantKernel;
import org.parax4j.kernel.Kernel;
import org.parax4j.kernel.MaternKernel;
import org.parax4j.kernel.PeriodicKernel;
import org.parax4j.kernel.ProductKernel;
import org.parax4j.kernel.RBFKernel;
import org.parax4j.kernel.RationalQuadraticKernel;
import org.parax4j.kernel.ScaleKernel;
import org.parax4j.kernel.SumKernel;
import org.parax4j.kernel.WhiteNoiseKernel;
import org.parax4j.module.Meta;
import org.parax4j.module.Modules;
import org.parax4j.param.Parameter;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Kernel modules with random hyperparameters (ARD length scales for the stationary kernels, nested
 * Sum/Product/Scale up to depth 2) and input matrices that stress kernel code: tail sizes around
 * the lane counts, duplicated points, and clusters far from the origin.
 */
public final class KernelGenerators {

    private KernelGenerators() {}

    /**
     * An input case: two row-major matrices of dimension {@code d}.
     *
     * @param x1 first input, {@code n × d}
     * @param n rows of x1
     * @param x2 second input, {@code m × d}
     * @param m rows of x2
     * @param d dimension
     */
    public record Inputs(double[] x1, int n, double[] x2, int m, int d) {
        @Override
        public String toString() {
            return "Inputs[n=" + n + ", m=" + m + ", d=" + d + ", x1[0..]=" + (x1.length > 0 ? x1[0] : "none") + "]";
        }
    }

    /** Sizes 0, 1, 7, 8, 9, 17, 33; dimensions 1, 3, 8; offsets 0 or 1e6; a third of x2 copied from x1. */
    public static Gen<Inputs> inputs() {
        return inputs(java.util.List.of(0, 1, 7, 8, 9, 17, 33));
    }

    /** Inputs whose row counts are drawn from {@code rowCounts}. */
    public static Gen<Inputs> inputs(java.util.List<Integer> rowCounts) {
        Gen<Integer> sizes = Generate.pick(rowCounts);
        Gen<Integer> dims = Generate.pick(java.util.List.of(1, 3, 8));
        return sizes.zip(sizes, dims, Generate.booleans(), integers().all(), (n, m, d, far, seed) -> {
            java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
            double offset = far ? 1e6 : 0;
            double spread = far ? 1e-3 * (1 + random.nextInt(1000)) : 2;
            double[] x1 = random.doubles((long) n * d, -spread, spread).map(v -> v + offset).toArray();
            double[] x2 = random.doubles((long) m * d, -spread, spread).map(v -> v + offset).toArray();
            for (int j = 0; j < Math.min(n, m) / 3; j++) {
                System.arraycopy(x1, j * d, x2, j * d, d);
            }
            return new Inputs(x1, n, x2, m, d);
        });
    }

    /**
     * A kernel module with inputs of its dimension.
     *
     * @param kernel the kernel module
     * @param inputs the inputs
     */
    public record KernelCase(Kernel<?> kernel, Inputs inputs) {}

    /** Kernel cases: every built-in kernel ({@code all}) or those with graph nodes (RBF, Matérn, Constant, WhiteNoise, composites). */
    public static Gen<KernelCase> cases(boolean all, java.util.List<Integer> rowCounts) {
        return inputs(rowCounts).flatMap(in -> kernels(in.d(), all, 2).map(k -> new KernelCase(k, in)));
    }

    /** Every built-in kernel module for inputs of dimension {@code d}. */
    public static Gen<Kernel<?>> kernels(int d) {
        return kernels(d, true, 2);
    }

    /**
     * Kernel modules for dimension {@code d}.
     *
     * @param d input dimension (for ARD length scales)
     * @param all whether Periodic and RationalQuadratic are included
     * @param depth nesting depth of Sum/Product/Scale
     */
    public static Gen<Kernel<?>> kernels(int d, boolean all, int depth) {
        Gen<Double> positive = doubles().between(0.2, 3.0);
        Gen<Parameter> lengthScale = Generate.booleans().zip(positive, integers().all(), (ard, l, seed) -> {
            if (!ard || d == 1) {
                return Parameter.of(l);
            }
            java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
            return Parameter.of(random.doubles(d, 0.2, 3.0).toArray());
        });
        Gen<Kernel<?>> rbf = lengthScale.map(l -> new RBFKernel(l, Meta.NONE));
        Gen<Kernel<?>> matern = lengthScale.zip(Generate.enumValues(MaternKernel.Smoothness.class),
                (l, nu) -> new MaternKernel(l, nu, Meta.NONE));
        Gen<Kernel<?>> constant = positive.map(c -> Modules.create(ConstantKernel.class, Map.of("constant", c)));
        Gen<Kernel<?>> white = positive.map(v -> Modules.create(WhiteNoiseKernel.class, Map.of("variance", v)));
        Gen<Kernel<?>> leaves = all
                ? Generate.oneOf(rbf, matern, constant, white,
                        positive.zip(positive, (l, a) -> Modules.create(RationalQuadraticKernel.class,
                                Map.of("lengthScale", l, "alpha", a))),
                        positive.zip(positive, (l, p) -> Modules.create(PeriodicKernel.class,
                                Map.of("lengthScale", l, "period", p))))
                : Generate.oneOf(rbf, matern, constant, white);
        if (depth == 0) {
            return leaves;
        }
        Gen<Kernel<?>> inner = kernels(d, all, depth - 1);
        return Generate.oneOf(leaves, leaves,
                inner.zip(inner, (a, b) -> (Kernel<?>) new SumKernel(a, b)),
                inner.zip(inner, (a, b) -> (Kernel<?>) new ProductKernel(a, b)),
                inner.zip(positive, (k, v) -> (Kernel<?>) new ScaleKernel(k, Parameter.of(v), Meta.NONE)));
    }
}
