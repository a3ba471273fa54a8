package org.parax4j.kernel;

import org.parax4j.module.ModuleJson;

/** Registers the built-in kernels with {@link ModuleJson} so that saved models load by name. */
public final class KernelTypes {

    private KernelTypes() {}

    /** Registers every built-in kernel type under its simple name; idempotent. */
    public static void register() {
        ModuleJson.register(RBFKernel.class);
        ModuleJson.register(MaternKernel.class);
        ModuleJson.register(RationalQuadraticKernel.class);
        ModuleJson.register(PeriodicKernel.class);
        ModuleJson.register(ConstantKernel.class);
        ModuleJson.register(WhiteNoiseKernel.class);
        ModuleJson.register(ScaleKernel.class);
        ModuleJson.register(SumKernel.class);
        ModuleJson.register(ProductKernel.class);
    }
}
