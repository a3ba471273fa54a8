package org.parax4j.engine.internal.vector;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * Every species the Vector API routines use, as {@code static final} constants (C2 intrinsifies
 * vector operations only when the species is a compile-time constant). Public only so that other
 * internal packages (random number generation) can pick a species; the package is not exported.
 */
public final class PanamaConstants {

    static final VectorSpecies<Double> DOUBLE_128 = DoubleVector.SPECIES_128;
    static final VectorSpecies<Float> FLOAT_128 = FloatVector.SPECIES_128;
    static final VectorSpecies<Double> DOUBLE_256 = DoubleVector.SPECIES_256;
    static final VectorSpecies<Float> FLOAT_256 = FloatVector.SPECIES_256;
    static final VectorSpecies<Double> DOUBLE_512 = DoubleVector.SPECIES_512;
    static final VectorSpecies<Float> FLOAT_512 = FloatVector.SPECIES_512;

    private PanamaConstants() {}

    /** Bit size of the preferred vector shape on this CPU. */
    public static int preferredBits() {
        return VectorShape.preferredShape().vectorBitSize();
    }

    /**
     * The double species of {@code bits} bits (128, 256 or 512).
     *
     * @throws IllegalArgumentException for any other width
     */
    public static VectorSpecies<Double> doubleSpecies(int bits) {
        return switch (bits) {
            case 128 -> DOUBLE_128;
            case 256 -> DOUBLE_256;
            case 512 -> DOUBLE_512;
            default -> throw new IllegalArgumentException("vector width must be 128, 256 or 512 bits, got " + bits);
        };
    }
}
