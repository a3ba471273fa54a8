package org.parax4j.engine.kernel;

import java.util.Objects;
import org.parax4j.kernel.CompositeKernel;
import org.parax4j.kernel.ConstantKernel;
import org.parax4j.kernel.MaternKernel;
import org.parax4j.kernel.PeriodicKernel;
import org.parax4j.kernel.ProductKernel;
import org.parax4j.kernel.RBFKernel;
import org.parax4j.kernel.RationalQuadraticKernel;
import org.parax4j.kernel.ScaleKernel;
import org.parax4j.kernel.SumKernel;
import org.parax4j.kernel.WhiteNoiseKernel;
import org.parax4j.param.Parameter;

/**
 * Compiles a kernel <em>module</em> ({@link org.parax4j.kernel.Kernel}, whose hyperparameters are
 * parameters of a model tree) into the engine's immutable {@link Kernel} description, reading each
 * hyperparameter's <b>scaled</b> value, so that the SIMD {@link KernelMatrices} evaluate exactly the
 * kernel the module's scalar {@code matrix} does:
 *
 * <pre>{@code
 * org.parax4j.kernel.Kernel module = new RBFKernel(0.15).plus(Modules.create(WhiteNoiseKernel.class));
 * double[] k = KernelMatrices.gram(ModuleKernels.of(module), x, n, d);
 * }</pre>
 *
 * <p>Every built-in kernel module is supported. Rational quadratic and periodic kernels take one
 * length scale in the engine: a per-dimension length scale on those is refused with a message.
 * Compile again after the module's values change (the description holds numbers, not parameters).
 * Stateless; allocates the description.
 */
public final class ModuleKernels {

    private ModuleKernels() {}

    /**
     * The engine description of {@code module} at its current scaled values.
     *
     * @throws IllegalArgumentException for a kernel module type the engine does not know, or a
     *     per-dimension length scale where the engine takes one
     */
    public static Kernel of(org.parax4j.kernel.Kernel<?> module) {
        Objects.requireNonNull(module, "module");
        return switch (module) {
            case RBFKernel k -> new Kernel.Rbf(lengthScales(k.lengthScale()));
            case MaternKernel k -> new Kernel.Matern(switch (k.nu()) {
                case HALF -> Kernel.Nu.HALF;
                case THREE_HALVES -> Kernel.Nu.THREE_HALVES;
                case FIVE_HALVES -> Kernel.Nu.FIVE_HALVES;
            }, lengthScales(k.lengthScale()));
            case RationalQuadraticKernel k -> new Kernel.RationalQuadratic(single(k.lengthScale(), "RationalQuadraticKernel"),
                    scalar(k.alpha()));
            case PeriodicKernel k -> new Kernel.Periodic(single(k.lengthScale(), "PeriodicKernel"), scalar(k.period()));
            case ConstantKernel k -> new Kernel.Constant(scalar(k.constant()));
            case WhiteNoiseKernel k -> new Kernel.WhiteNoise(scalar(k.variance()));
            case ScaleKernel k -> new Kernel.Scaled(scalar(k.variance()), of(k.base()));
            case SumKernel k -> new Kernel.Sum(of(k.left()), of(k.right()));
            case ProductKernel k -> new Kernel.Product(of(k.left()), of(k.right()));
            case CompositeKernel<?> k -> throw new IllegalArgumentException("composite kernel module "
                    + k.getClass().getSimpleName() + " has no engine form; use SumKernel or ProductKernel");
            default -> throw new IllegalArgumentException("kernel module " + module.getClass().getSimpleName()
                    + " has no engine form; the engine knows the built-in kernels of org.parax4j.kernel");
        };
    }

    private static LengthScales lengthScales(Parameter p) {
        double[] scaled = p.scaledValue();
        return scaled.length == 1 ? LengthScales.of(scaled[0]) : LengthScales.ard(scaled);
    }

    private static double single(Parameter p, String kernel) {
        if (p.size() != 1) {
            throw new IllegalArgumentException(kernel + ".lengthScale has " + p.size()
                    + " elements; the engine's " + kernel + " takes one length scale");
        }
        return scalar(p);
    }

    private static double scalar(Parameter p) {
        return p.value(0) * p.scale();
    }
}
