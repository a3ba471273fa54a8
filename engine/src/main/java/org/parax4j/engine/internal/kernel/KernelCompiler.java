package org.parax4j.engine.internal.kernel;

import org.parax4j.engine.internal.vector.LeafCode;
import org.parax4j.engine.kernel.Kernel;

/**
 * Compiles a {@link Kernel} for inputs of dimension {@code d} into a post-order {@link KernelPlan},
 * numbering its hyperparameters in scikit-learn's order: {@link Kernel.Rbf} and {@link Kernel.Matern}
 * their length scales; {@link Kernel.RationalQuadratic} α, length scale; {@link Kernel.Periodic}
 * length scale, period; {@link Kernel.Constant} the value; {@link Kernel.WhiteNoise} the variance;
 * {@link Kernel.Scaled} the variance, then the inner kernel's; sums and products the left term's,
 * then the right's. A product with a {@link Kernel.Constant} factor compiles as a scale, so
 * {@code k·c} and {@code σ²·k} give the same plan. Stateless.
 */
public final class KernelCompiler {

    /** About the smallest length scale whose reciprocal is a finite double, {@code 1/Double.MAX_VALUE}. */
    public static final double MIN_LENGTH_SCALE = Kernel.MIN_SCALE;

    private KernelCompiler() {}

    /**
     * The plan of {@code kernel} with white noise where points are equal in every coordinate.
     *
     * @throws IllegalArgumentException if ARD length scales do not match {@code d}, or only some of
     *     them are below {@link #MIN_LENGTH_SCALE}
     */
    public static KernelPlan compile(Kernel kernel, int d) {
        return compile(kernel, d, false);
    }

    /**
     * The plan of {@code kernel}; with {@code whiteByIndex} white noise counts only on the diagonal
     * of a symmetric {@code K(X, X)} (same index, as a Gaussian process's noise) and is 0 in cross
     * matrices. Throws as {@link #compile(Kernel, int)}.
     */
    public static KernelPlan compile(Kernel kernel, int d, boolean whiteByIndex) {
        KernelPlan.Builder builder = new KernelPlan.Builder(d);
        new Emitter(builder, d, whiteByIndex).emit(kernel);
        return builder.build();
    }

    /** Walks the kernel, numbering parameters as it goes. */
    private static final class Emitter {
        private final KernelPlan.Builder b;
        private final int d;
        private final boolean whiteByIndex;
        private int next;

        Emitter(KernelPlan.Builder b, int d, boolean whiteByIndex) {
            this.b = b;
            this.d = d;
            this.whiteByIndex = whiteByIndex;
        }

        private int parameter(double value, boolean logForm) {
            b.parameter(next, value, logForm);
            return next++;
        }

        void emit(Kernel kernel) {
            switch (kernel) {
                case Kernel.Rbf k -> squared(LeafCode.RBF, k.lengthScales().values(), 0);
                case Kernel.Matern k -> squared(switch (k.nu()) {
                    case HALF -> LeafCode.MATERN_12;
                    case THREE_HALVES -> LeafCode.MATERN_32;
                    case FIVE_HALVES -> LeafCode.MATERN_52;
                }, k.lengthScales().values(), 0);
                case Kernel.RationalQuadratic k -> {
                    int first = parameter(k.alpha(), true);
                    parameter(k.lengthScale(), true);
                    b.leaf(squaredLeaf(LeafCode.RATIONAL_QUADRATIC, new double[] {k.lengthScale()}, k.alpha()), first, 2);
                }
                case Kernel.Periodic k -> {
                    int first = parameter(k.lengthScale(), true);
                    parameter(k.period(), true);
                    // Below ℓ ≈ 1.5e-154, 2/ℓ² overflows: the limit ℓ → 0, 1 at whole periods and 0 elsewhere.
                    double factor = -2 / (k.lengthScale() * k.lengthScale());
                    b.leaf(new LeafCode(LeafCode.PERIODIC, Double.isInfinite(factor) ? LeafCode.INDICATOR
                            : LeafCode.EXP_LINEAR, new double[] {1 / k.period()}, factor, 1), first, 2);
                }
                case Kernel.Constant k -> {
                    int q = parameter(k.value(), false);
                    b.leaf(new LeafCode(LeafCode.NONE, LeafCode.ONE, new double[0], 0, 1), q, 0);
                    b.scale(k.value(), q);
                }
                case Kernel.WhiteNoise k -> {
                    int q = parameter(k.variance(), false);
                    b.leaf(new LeafCode(whiteByIndex ? LeafCode.INDEX : LeafCode.EQUAL, LeafCode.INDICATOR,
                            new double[0], 0, 1), q, 0);
                    b.scale(k.variance(), q);
                }
                case Kernel.Scaled k -> {
                    int q = parameter(k.variance(), false);
                    emit(k.kernel());
                    b.scale(k.variance(), q);
                }
                case Kernel.Sum k -> {
                    emit(k.left());
                    emit(k.right());
                    b.add();
                }
                case Kernel.Product k -> product(k);
            }
        }

        /** {@code left · right}; a constant factor becomes a scale of the other (the same plan as {@link Kernel.Scaled}). */
        private void product(Kernel.Product k) {
            if (k.right() instanceof Kernel.Constant c) {
                emit(k.left());
                b.scale(c.value(), parameter(c.value(), false));
            } else if (k.left() instanceof Kernel.Constant c) {
                int q = parameter(c.value(), false);
                emit(k.right());
                b.scale(c.value(), q);
            } else {
                emit(k.left());
                emit(k.right());
                b.multiply();
            }
        }

        private void squared(int function, double[] scales, double parameter) {
            int first = next;
            for (double s : scales) {
                parameter(s, true);
            }
            b.leaf(squaredLeaf(function, scales, parameter), first, scales.length);
        }

        /**
         * A {@link LeafCode#SQUARED} leaf. Where every weight {@code 1/ℓ_k} overflows ({@code ℓ} below
         * about 5.56e-309) it is the kernel's limit for {@code ℓ → 0}, 1 for equal points and 0
         * otherwise (an {@link LeafCode#EQUAL} indicator; exact for coordinate differences above
         * {@code 40·ℓ}, that is for every difference that is not itself below 2.2e-307).
         *
         * @throws IllegalArgumentException when ARD scales do not match d, or only some of them are that small
         */
        private LeafCode squaredLeaf(int function, double[] scales, double parameter) {
            if (scales.length != 1 && scales.length != d) {
                throw new IllegalArgumentException("lengthScales holds " + scales.length
                        + " values but the inputs have d = " + d + " dimensions");
            }
            double[] weights = new double[d];
            int infinite = 0;
            for (int k = 0; k < d; k++) {
                weights[k] = 1 / scales[scales.length == 1 ? 0 : k];
                infinite += Double.isInfinite(weights[k]) ? 1 : 0;
            }
            if (infinite == d) {
                return new LeafCode(LeafCode.EQUAL, LeafCode.INDICATOR, new double[0], 0, 1);
            }
            if (infinite > 0) {
                int k = 0;
                while (!Double.isInfinite(weights[k])) {
                    k++;
                }
                throw new IllegalArgumentException("lengthScales[" + k + "] = " + scales[k] + " is below "
                        + MIN_LENGTH_SCALE + ", where 1/lengthScale overflows, while other length scales are not: "
                        + "the engine takes such length scales for all dimensions or for none (representable range "
                        + MIN_LENGTH_SCALE + " … " + Double.MAX_VALUE + ")");
            }
            return new LeafCode(LeafCode.SQUARED, function, weights, parameter, 1);
        }
    }
}
