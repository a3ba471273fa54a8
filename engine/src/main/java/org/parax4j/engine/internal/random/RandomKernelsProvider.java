package org.parax4j.engine.internal.random;

import org.parax4j.engine.internal.vector.PanamaConstants;
import org.parax4j.engine.internal.vector.VectorizationProvider;

/**
 * The {@link RandomKernels} implementation for this JVM, chosen once: the Vector API one when
 * {@link VectorizationProvider} chose SIMD (its width capped at 512 bits, see
 * {@link PanamaRandomKernels}), the plain-Java one otherwise. The choice itself is logged by
 * {@link VectorizationProvider}.
 */
public final class RandomKernelsProvider {

    /** Widest vector the kernels use. */
    static final int MAX_BITS = 512;

    private RandomKernelsProvider() {}

    /** The implementation in use. */
    public static RandomKernels kernels() {
        return Holder.KERNELS;
    }

    private static final class Holder {
        static final RandomKernels KERNELS = choose();
    }

    private static RandomKernels choose() {
        VectorizationProvider.Choice choice = VectorizationProvider.choice();
        if (!choice.simd()) {
            return new ScalarRandomKernels();
        }
        return new PanamaRandomKernels(PanamaConstants.doubleSpecies(Math.min(choice.vectorBits(), MAX_BITS)));
    }
}
