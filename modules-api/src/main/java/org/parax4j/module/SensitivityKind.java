package org.parax4j.module;

/** The kinds of {@link Module#funcSensitivity}, as in the seed. */
public enum SensitivityKind {
    /** {@code (dy/dθ)·θ/y}: fractional change of the output per fractional change of θ; 0 where y = 0. */
    RELATIVE,
    /** {@code (dy/dθ)·θ}: change of the output per fractional change of θ; stable where y = 0. */
    SEMI_RELATIVE,
    /** {@code dy/dθ}: the raw derivative. */
    ABSOLUTE
}
