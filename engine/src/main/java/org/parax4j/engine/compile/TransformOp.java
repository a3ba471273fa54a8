package org.parax4j.engine.compile;

/**
 * Op codes of a compiled elementwise transform. A {@link TransformProgram} is a sequence of these,
 * each with up to two arguments and a direction, so that vector loops can run a transform without
 * touching bijector objects.
 */
public enum TransformOp {
    /** {@code x + a0}. */
    SHIFT,
    /** {@code a0 · x}. */
    SCALE,
    /** {@code a0 + a1 · x}. */
    AFFINE,
    /** {@code exp(x)}. */
    EXP,
    /** {@code log(x)}. */
    LOG,
    /** {@code log(1 + exp(x))}. */
    SOFTPLUS,
    /** {@code 1 / (1 + exp(−x))}. */
    SIGMOID,
    /** {@code tanh(x)}. */
    TANH,
    /** A user-defined bijector, evaluated through its object. */
    OPAQUE
}
