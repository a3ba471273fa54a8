package org.parax4j.engine.fit;

/**
 * What an optimiser returns: the final point, its objective value and gradient, and why it stopped.
 *
 * @param x the final point (latent coordinates when the objective is over a module). Owned by the record.
 * @param value the objective at x
 * @param gradient the gradient at x (for least squares: {@code Jᵀr}). Owned by the record.
 * @param iterations iterations taken
 * @param evaluations objective evaluations (for least squares: residual evaluations; each also
 *     computed the Jacobian)
 * @param status why it stopped
 */
public record OptimizationResult(double[] x, double value, double[] gradient, int iterations, int evaluations,
        OptimizerStatus status) {

    /** Whether the optimiser converged (rather than hitting a limit or failing). */
    public boolean converged() {
        return status.converged();
    }
}
