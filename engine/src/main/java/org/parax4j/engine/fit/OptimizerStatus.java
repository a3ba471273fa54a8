package org.parax4j.engine.fit;

/** Why an optimiser stopped. {@link #converged()} says whether the stop is a convergence. */
public enum OptimizerStatus {
    /** The (projected, scaled) gradient fell below its tolerance. */
    GRADIENT_TOLERANCE(true, "gradient below tolerance"),
    /** The relative reduction of the objective fell below its tolerance. */
    FUNCTION_TOLERANCE(true, "relative reduction of the objective below tolerance"),
    /** The relative step fell below its tolerance. */
    STEP_TOLERANCE(true, "relative step below tolerance"),
    /** The iteration limit was reached before any convergence test held. */
    MAX_ITERATIONS(false, "iteration limit reached"),
    /** The evaluation limit was reached before any convergence test held. */
    MAX_EVALUATIONS(false, "evaluation limit reached"),
    /** No step along the search direction decreased the objective enough, even from steepest descent. */
    LINE_SEARCH_FAILED(false, "line search failed to find a sufficient decrease"),
    /** The objective or its derivatives were not finite at the start. */
    NOT_FINITE(false, "objective or derivative not finite");

    private final boolean converged;
    private final String reason;

    OptimizerStatus(boolean converged, String reason) {
        this.converged = converged;
        this.reason = reason;
    }

    /** Whether this status is a convergence (rather than a limit or a failure). */
    public boolean converged() {
        return converged;
    }

    /** A short human-readable reason. */
    public String reason() {
        return reason;
    }
}
