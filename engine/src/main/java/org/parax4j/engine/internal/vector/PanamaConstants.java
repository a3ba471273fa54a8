package org.parax4j.engine.internal.vector;

import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * The species every Vector API routine uses, built once from the preferred shape, optionally
 * narrowed (tests force 128 or 256 bits through {@code -Dparax4j.simd.maxBits}). Public only so that
 * other internal packages (e.g. random number generation) can build their own species; the package
 * is not exported.
 *
 * @param doubleSpecies species for {@code double} lanes
 * @param floatSpecies species for {@code float} lanes of the same bit size
 */
public record PanamaConstants(VectorSpecies<Double> doubleSpecies, VectorSpecies<Float> floatSpecies) {

    /** Bit size of the preferred vector shape on this CPU. */
    public static int preferredBits() {
        return VectorShape.preferredShape().vectorBitSize();
    }

    /** Species of {@code bits} bits, {@code bits} being a supported shape no wider than preferred. */
    public static PanamaConstants ofBits(int bits) {
        VectorShape shape = VectorShape.forBitSize(bits);
        return new PanamaConstants(VectorSpecies.of(double.class, shape), VectorSpecies.of(float.class, shape));
    }
}
