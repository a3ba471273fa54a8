package org.parax4j.engine.kernel;

import org.parax4j.engine.internal.kernel.KernelPlan;
import org.parax4j.engine.internal.vector.LeafCode;

/** Compiles a {@link Kernel} for inputs of dimension {@code d} into a post-order {@link KernelPlan}. */
final class KernelCompiler {

    private KernelCompiler() {}

    /** @throws IllegalArgumentException if ARD length scales do not match {@code d} */
    static KernelPlan compile(Kernel kernel, int d) {
        KernelPlan.Builder builder = new KernelPlan.Builder(d);
        emit(kernel, d, builder);
        return builder.build();
    }

    private static void emit(Kernel kernel, int d, KernelPlan.Builder b) {
        switch (kernel) {
            case Kernel.Rbf k -> b.leaf(new LeafCode(LeafCode.SQUARED, LeafCode.RBF, k.lengthScales().inverse(d), 0, 1));
            case Kernel.Matern k -> b.leaf(new LeafCode(LeafCode.SQUARED, switch (k.nu()) {
                case HALF -> LeafCode.MATERN_12;
                case THREE_HALVES -> LeafCode.MATERN_32;
                case FIVE_HALVES -> LeafCode.MATERN_52;
            }, k.lengthScales().inverse(d), 0, 1));
            case Kernel.RationalQuadratic k -> b.leaf(new LeafCode(LeafCode.SQUARED, LeafCode.RATIONAL_QUADRATIC,
                    LengthScales.of(k.lengthScale()).inverse(d), k.alpha(), 1));
            case Kernel.Periodic k -> b.leaf(new LeafCode(LeafCode.PERIODIC, LeafCode.EXP_LINEAR,
                    new double[] {1 / k.period()}, -2 / (k.lengthScale() * k.lengthScale()), 1));
            case Kernel.Constant k -> b.leaf(new LeafCode(LeafCode.NONE, LeafCode.ONE, new double[0], 0, k.value()));
            case Kernel.WhiteNoise k -> b.leaf(new LeafCode(LeafCode.EQUAL, LeafCode.INDICATOR, new double[0], 0,
                    k.variance()));
            case Kernel.Scaled k -> {
                emit(k.kernel(), d, b);
                b.scale(k.variance());
            }
            case Kernel.Sum k -> {
                emit(k.left(), d, b);
                emit(k.right(), d, b);
                b.add();
            }
            case Kernel.Product k -> {
                emit(k.left(), d, b);
                emit(k.right(), d, b);
                b.multiply();
            }
        }
    }
}
