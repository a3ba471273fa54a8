package org.parax4j.engine.kernel;

import java.util.Objects;

/**
 * An engine-level covariance kernel: an immutable description that {@link KernelMatrices}
 * evaluates. Every kernel here is positive semi-definite. Instances are immutable, thread-safe
 * values (records, compared by content); arguments are checked at construction.
 *
 * <p>With {@code x, y} points of dimension {@code d} and {@code r² = Σ_k ((x_k − y_k)/ℓ_k)²}
 * (limits: where {@code r²} overflows every kernel below is 0; for length scales below about
 * 5.56e-309, where {@code 1/ℓ} overflows, the matrices give the limit {@code ℓ → 0}: 1 for equal
 * points and 0 otherwise):
 * <ul>
 *   <li>{@link Rbf}: {@code exp(−r²/2)};
 *   <li>{@link Matern}: ν = ½ {@code e^{−r}}; ν = 3/2 {@code (1 + √3 r) e^{−√3 r}}; ν = 5/2
 *       {@code (1 + √5 r + 5r²/3) e^{−√5 r}} (Rasmussen &amp; Williams, GPML, eq. 4.17);
 *   <li>{@link RationalQuadratic}: {@code (1 + r²/(2α))^{−α}} (GPML eq. 4.19);
 *   <li>{@link Periodic}: {@code exp(−2 Σ_k sin²(π|x_k − y_k|/p) / ℓ²)}, the sum over dimensions
 *       (as GPyTorch's {@code PeriodicKernel}): a product of one-dimensional periodic kernels, hence
 *       positive semi-definite for any {@code d} (MacKay 1998);
 *   <li>{@link Constant}: {@code c}; {@link WhiteNoise}: {@code σ²} when {@code x} and {@code y}
 *       are equal in every coordinate (exact {@code ==} on doubles, so {@code 0.0 == −0.0}), else 0;
 *   <li>{@link Scaled}: {@code σ²·k(x, y)}; {@link Sum} and {@link Product} of two kernels.
 * </ul>
 */
public sealed interface Kernel
        permits Kernel.Rbf, Kernel.Matern, Kernel.RationalQuadratic, Kernel.Periodic, Kernel.Constant,
                Kernel.WhiteNoise, Kernel.Scaled, Kernel.Sum, Kernel.Product {

    /** About the smallest length scale or period whose reciprocal is a finite double, {@code 1/Double.MAX_VALUE}. */
    double MIN_SCALE = 1 / Double.MAX_VALUE;

    /** RBF kernel with one length scale. @throws IllegalArgumentException if it is not finite and > 0 */
    static Rbf rbf(double lengthScale) {
        return new Rbf(LengthScales.of(lengthScale));
    }

    /** RBF kernel with one length scale per dimension. @throws IllegalArgumentException on a bad scale */
    static Rbf rbfArd(double... lengthScales) {
        return new Rbf(LengthScales.ard(lengthScales));
    }

    /** Matérn kernel with one length scale. @throws IllegalArgumentException on a bad argument */
    static Matern matern(Nu nu, double lengthScale) {
        return new Matern(nu, LengthScales.of(lengthScale));
    }

    /** {@code σ²·this}. @throws IllegalArgumentException if {@code variance} is not finite and ≥ 0 */
    default Scaled scaled(double variance) {
        return new Scaled(variance, this);
    }

    /** {@code this + other}. @throws IllegalArgumentException if {@code other} is null */
    default Sum plus(Kernel other) {
        return new Sum(this, other);
    }

    /** {@code this · other}. @throws IllegalArgumentException if {@code other} is null */
    default Product times(Kernel other) {
        return new Product(this, other);
    }

    /**
     * {@code k(x, y)} for two points of the same dimension, by the scalar reference path.
     * Allocates a little (a compiled plan).
     *
     * @throws IllegalArgumentException if the points differ in length, are empty, hold a non-finite
     *     value, or do not match the number of ARD length scales
     */
    default double value(double[] x, double[] y) {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(y, "y");
        if (x.length != y.length) {
            throw new IllegalArgumentException("x and y must have the same length, got " + x.length + " and " + y.length);
        }
        return KernelMatrices.matrix(this, x, 1, y, 1, x.length)[0];
    }

    /** The smoothness of a {@link Matern} kernel. */
    enum Nu {
        /** ν = ½: the exponential (Ornstein–Uhlenbeck) kernel. */
        HALF,
        /** ν = 3/2. */
        THREE_HALVES,
        /** ν = 5/2. */
        FIVE_HALVES
    }

    /**
     * RBF (squared-exponential) kernel {@code exp(−r²/2)}.
     *
     * @param lengthScales isotropic or per-dimension length scales
     */
    record Rbf(LengthScales lengthScales) implements Kernel {
        /** @throws IllegalArgumentException if {@code lengthScales} is null */
        public Rbf {
            requireArgument(lengthScales, "lengthScales");
        }
    }

    /**
     * Matérn kernel of smoothness ν ∈ {½, 3/2, 5/2}.
     *
     * @param nu the smoothness
     * @param lengthScales isotropic or per-dimension length scales
     */
    record Matern(Nu nu, LengthScales lengthScales) implements Kernel {
        /** @throws IllegalArgumentException if an argument is null */
        public Matern {
            requireArgument(nu, "nu");
            requireArgument(lengthScales, "lengthScales");
        }
    }

    /**
     * Rational quadratic kernel {@code (1 + r²/(2α))^{−α}}, a scale mixture of RBF kernels. Where
     * {@code r²/(2α)} overflows the matrices give 0, as the module's scalar reference does.
     *
     * @param lengthScale ℓ, finite and > 0
     * @param alpha α, finite and at least about 2.8e-309 ({@code 1/(2α)} must be a finite double)
     */
    record RationalQuadratic(double lengthScale, double alpha) implements Kernel {
        /**
         * @throws IllegalArgumentException if a parameter is not finite and > 0, or {@code 1/(2α)}
         *     overflows (the message gives the representable range)
         */
        public RationalQuadratic {
            requirePositive(lengthScale, "lengthScale");
            requirePositive(alpha, "alpha");
            if (Double.isInfinite(0.5 / alpha)) {
                throw new IllegalArgumentException("alpha must be in [" + 0.5 * MIN_SCALE + ", "
                        + Double.MAX_VALUE + "] (1/(2·alpha) must be a finite double), got " + alpha);
            }
        }
    }

    /**
     * Periodic kernel {@code exp(−2 Σ_k sin²(π|x_k − y_k|/p) / ℓ²)}. Whole periods are removed exactly
     * (the kernel is 1 where every {@code |x_k − y_k|/p} is a whole number). For {@code ℓ} below
     * about 1.5e-154, where {@code 2/ℓ²} overflows, the matrices give the limit {@code ℓ → 0}: 1
     * at whole periods, 0 elsewhere.
     *
     * @param lengthScale ℓ, finite and > 0
     * @param period p, finite and at least about 5.56e-309 ({@code 1/p} must be a finite double)
     */
    record Periodic(double lengthScale, double period) implements Kernel {
        /**
         * @throws IllegalArgumentException if a parameter is not finite and > 0, or {@code 1/period}
         *     overflows (the message gives the representable range)
         */
        public Periodic {
            requirePositive(lengthScale, "lengthScale");
            requirePositive(period, "period");
            if (Double.isInfinite(1 / period)) {
                throw new IllegalArgumentException("period must be in [" + MIN_SCALE + ", "
                        + Double.MAX_VALUE + "] (1/period must be a finite double), got " + period);
            }
        }
    }

    /**
     * The constant kernel {@code c}.
     *
     * @param value c, finite and ≥ 0
     */
    record Constant(double value) implements Kernel {
        /** @throws IllegalArgumentException if {@code value} is not finite and ≥ 0 */
        public Constant {
            requireNonNegative(value, "value");
        }
    }

    /**
     * White noise: {@code σ²} for points equal in every coordinate ({@code ==}), else 0. In
     * {@code K(X, X)} this is {@code σ²} on the diagonal (and wherever two rows are identical).
     *
     * @param variance σ², finite and ≥ 0
     */
    record WhiteNoise(double variance) implements Kernel {
        /** @throws IllegalArgumentException if {@code variance} is not finite and ≥ 0 */
        public WhiteNoise {
            requireNonNegative(variance, "variance");
        }
    }

    /**
     * Output-scale wrapper {@code σ²·k}.
     *
     * @param variance σ², finite and ≥ 0
     * @param kernel the wrapped kernel
     */
    record Scaled(double variance, Kernel kernel) implements Kernel {
        /** @throws IllegalArgumentException if {@code variance} is not finite and ≥ 0 or {@code kernel} is null */
        public Scaled {
            requireNonNegative(variance, "variance");
            requireArgument(kernel, "kernel");
        }
    }

    /**
     * {@code left + right}, evaluated in one pass over tiles.
     *
     * @param left first term
     * @param right second term
     */
    record Sum(Kernel left, Kernel right) implements Kernel {
        /** @throws IllegalArgumentException if a term is null */
        public Sum {
            requireArgument(left, "left");
            requireArgument(right, "right");
        }
    }

    /**
     * {@code left · right}, evaluated in one pass over tiles.
     *
     * @param left first factor
     * @param right second factor
     */
    record Product(Kernel left, Kernel right) implements Kernel {
        /** @throws IllegalArgumentException if a factor is null */
        public Product {
            requireArgument(left, "left");
            requireArgument(right, "right");
        }
    }

    private static void requirePositive(double value, String name) {
        if (!(value > 0 && value < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException(name + " must be finite and > 0, got " + value);
        }
    }

    private static void requireNonNegative(double value, String name) {
        if (!(value >= 0 && value < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException(name + " must be finite and >= 0, got " + value);
        }
    }

    private static void requireArgument(Object value, String name) {
        if (value == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
    }
}
