package org.parax4j.kernel;

import java.util.List;
import org.parax4j.module.Module;
import org.parax4j.module.ModuleCodec;

/** The built-in kernel types, registered with a {@link ModuleCodec} so that saved models load by name. */
public final class KernelTypes {

    private static final List<Class<? extends Module<?>>> BUILT_IN = List.of(RBFKernel.class, MaternKernel.class,
            RationalQuadraticKernel.class, PeriodicKernel.class, ConstantKernel.class, WhiteNoiseKernel.class,
            ScaleKernel.class, SumKernel.class, ProductKernel.class);

    private KernelTypes() {}

    /** Registers every built-in kernel type on the default codec ({@link ModuleCodec#defaultCodec()}); idempotent. */
    public static void register() {
        registerAll(ModuleCodec.defaultCodec());
    }

    /**
     * Registers every built-in kernel type on {@code codec} under its {@link org.parax4j.module.TypeName}
     * (its simple name); idempotent.
     *
     * @return {@code codec}
     */
    public static ModuleCodec registerAll(ModuleCodec codec) {
        BUILT_IN.forEach(codec::register);
        return codec;
    }
}
