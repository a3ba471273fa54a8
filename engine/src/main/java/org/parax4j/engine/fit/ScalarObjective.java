package org.parax4j.engine.fit;

/**
 * A differentiable scalar function of a point, as {@link Lbfgsb} minimises it.
 *
 * <p>Implementations may keep per-call scratch; an optimiser calls one objective from one thread
 * at a time. Returning {@code NaN} or {@code +∞} is allowed at trial points (the line search then
 * shortens its step) but not at the start.
 */
@FunctionalInterface
public interface ScalarObjective {

    /**
     * The value at {@code x}, writing the gradient into {@code gradient}.
     *
     * @param x the point. Must not be modified.
     * @param gradient destination of the same length as {@code x}. Modified.
     * @return the objective value
     */
    double evaluate(double[] x, double[] gradient);
}
