package org.parax4j.engine.internal.vector;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * Every species the Vector API routines use, as {@code static final} constants (C2 intrinsifies
 * vector operations only when the species is a compile-time constant).
 */
final class PanamaConstants {

    static final VectorSpecies<Double> DOUBLE_128 = DoubleVector.SPECIES_128;
    static final VectorSpecies<Float> FLOAT_128 = FloatVector.SPECIES_128;
    static final VectorSpecies<Double> DOUBLE_256 = DoubleVector.SPECIES_256;
    static final VectorSpecies<Float> FLOAT_256 = FloatVector.SPECIES_256;
    static final VectorSpecies<Double> DOUBLE_512 = DoubleVector.SPECIES_512;
    static final VectorSpecies<Float> FLOAT_512 = FloatVector.SPECIES_512;

    private PanamaConstants() {}

    /** Bit size of the preferred vector shape on this CPU. */
    static int preferredBits() {
        return VectorShape.preferredShape().vectorBitSize();
    }
}
