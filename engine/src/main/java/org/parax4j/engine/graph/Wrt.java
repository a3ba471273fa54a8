package org.parax4j.engine.graph;

/** What a Jacobian differentiates against. */
public enum Wrt {
    /**
     * The latent flat vector, as {@code Module.withParams(double[])} takes it: the derivative of a
     * parameter's scaled value is {@code scale · transform'(latent)}. The default.
     */
    LATENT,
    /** The physical values of the free flat parameters: the derivative of a scaled value is {@code scale}. */
    PHYSICAL,
    /**
     * The logarithms of the physical values, what Gaussian-process users expect for positive
     * hyperparameters: {@code ∂f/∂log θ = θ · ∂f/∂θ}. Every free physical value must be {@code > 0}
     * (a Jacobian at a point with a value {@code ≤ 0} is refused, naming the parameter).
     */
    LOG
}
