package org.parax4j.engine.kernel;

import org.parax4j.engine.internal.kernel.KernelPlan;
import org.parax4j.engine.internal.vector.LeafCode;

/** Compiles a {@link Kernel} for inputs of dimension {@code d} into a post-order {@link KernelPlan}. */
final class KernelCompiler {

    /** About the smallest length scale whose reciprocal is a finite double, {@code 1/Double.MAX_VALUE}. */
    static final double MIN_LENGTH_SCALE = 1 / Double.MAX_VALUE;

    private KernelCompiler() {}

    /**
     * @throws IllegalArgumentException if ARD length scales do not match {@code d}, or only some of
     *     them are below {@link #MIN_LENGTH_SCALE}
     */
    static KernelPlan compile(Kernel kernel, int d) {
        KernelPlan.Builder builder = new KernelPlan.Builder(d);
        emit(kernel, d, builder);
        return builder.build();
    }

    /**
     * A {@link LeafCode#SQUARED} leaf. Where every weight {@code 1/ℓ_k} overflows ({@code ℓ} below
     * about 5.56e-309) it is the kernel's limit for {@code ℓ → 0}, 1 for equal points and 0 otherwise
     * (an {@link LeafCode#EQUAL} indicator; exact for coordinate differences above {@code 40·ℓ}, that
     * is for every difference that is not itself below 2.2e-307).
     *
     * @throws IllegalArgumentException when only some ARD length scales are that small, naming one
     */
    private static LeafCode squared(int function, LengthScales scales, int d, double parameter) {
        double[] weights = scales.inverse(d);
        int infinite = 0;
        for (double w : weights) {
            infinite += Double.isInfinite(w) ? 1 : 0;
        }
        if (infinite == d) {
            return new LeafCode(LeafCode.EQUAL, LeafCode.INDICATOR, new double[0], 0, 1);
        }
        if (infinite > 0) {
            double[] values = scales.values();
            int k = 0;
            while (!Double.isInfinite(weights[k])) {
                k++;
            }
            throw new IllegalArgumentException("lengthScales[" + k + "] = " + values[k] + " is below "
                    + MIN_LENGTH_SCALE + ", where 1/lengthScale overflows, while other length scales are not: "
                    + "the engine takes such length scales for all dimensions or for none (representable range "
                    + MIN_LENGTH_SCALE + " … " + Double.MAX_VALUE + ")");
        }
        return new LeafCode(LeafCode.SQUARED, function, weights, parameter, 1);
    }

    private static void emit(Kernel kernel, int d, KernelPlan.Builder b) {
        switch (kernel) {
            case Kernel.Rbf k -> b.leaf(squared(LeafCode.RBF, k.lengthScales(), d, 0));
            case Kernel.Matern k -> b.leaf(squared(switch (k.nu()) {
                case HALF -> LeafCode.MATERN_12;
                case THREE_HALVES -> LeafCode.MATERN_32;
                case FIVE_HALVES -> LeafCode.MATERN_52;
            }, k.lengthScales(), d, 0));
            case Kernel.RationalQuadratic k -> b.leaf(squared(LeafCode.RATIONAL_QUADRATIC,
                    LengthScales.of(k.lengthScale()), d, k.alpha()));
            case Kernel.Periodic k -> {
                // Below ℓ ≈ 1.5e-154, 2/ℓ² overflows: the limit ℓ → 0, 1 at whole periods and 0 elsewhere.
                double factor = -2 / (k.lengthScale() * k.lengthScale());
                b.leaf(new LeafCode(LeafCode.PERIODIC, Double.isInfinite(factor) ? LeafCode.INDICATOR
                        : LeafCode.EXP_LINEAR, new double[] {1 / k.period()}, factor, 1));
            }
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
