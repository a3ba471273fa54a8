package org.parax4j.engine.fit;

/**
 * Residuals {@code r(x)} (length m) and their Jacobian, as {@link LevenbergMarquardt} minimises
 * {@code ½‖r(x)‖²}. The Jacobian is stored transposed, one contiguous run per parameter:
 * {@code jacobianT[j·m + i] = ∂rᵢ/∂xⱼ} (the layout of {@code ModelFunction.jacobian}).
 *
 * <p>Implementations may keep per-call scratch; an optimiser calls one function from one thread at
 * a time. Non-finite residuals at a trial point make the optimiser reject the step.
 */
public interface ResidualFunction {

    /** Number of residuals m. */
    int size();

    /**
     * The residuals at x.
     *
     * @param x the point. Not modified.
     * @param residuals destination of length m. Modified.
     */
    void residuals(double[] x, double[] residuals);

    /**
     * The residuals and the transposed Jacobian at x.
     *
     * @param x the point. Not modified.
     * @param residuals destination of length m. Modified.
     * @param jacobianT destination of length n·m. Modified.
     */
    void jacobian(double[] x, double[] residuals, double[] jacobianT);
}
