package org.parax4j.module;

import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Central finite differences, the derivative of last resort for opaque functions.
 *
 * <p>Step {@code h_k = 1e-6·max(1, |θ_k|)}; the divisor is the representable difference
 * {@code (θ_k + h) − (θ_k − h)}, so rounding of the step does not bias the quotient. Truncation
 * error is {@code O(h²)}, rounding error about {@code ε·|y|/h}: expect 6–9 correct digits.
 * Stateless and thread-safe; allocates the result and two probe vectors per direction.
 */
public final class FiniteDifferences {

    private FiniteDifferences() {}

    /**
     * The Jacobian of {@code func} at {@code theta}: row {@code k} holds {@code ∂y/∂θ_k} for every
     * output.
     *
     * @param func a function of the vector; must return arrays of one length and not keep or modify
     *     its argument
     * @param theta the point. Not modified.
     * @throws IllegalArgumentException when {@code theta} holds a non-finite value, or {@code func}
     *     returns null or outputs of varying length
     */
    public static double[][] centralJacobian(UnaryOperator<double[]> func, double[] theta) {
        Objects.requireNonNull(func, "func");
        Objects.requireNonNull(theta, "theta");
        for (int k = 0; k < theta.length; k++) {
            if (!Double.isFinite(theta[k])) {
                throw new IllegalArgumentException("theta[" + k + "] must be finite, got " + theta[k]);
            }
        }
        int outputs = call(func, theta.clone()).length;
        double[][] out = new double[theta.length][outputs];
        for (int k = 0; k < theta.length; k++) {
            double h = 1e-6 * Math.max(1, Math.abs(theta[k]));
            double[] plus = theta.clone();
            double[] minus = theta.clone();
            plus[k] += h;
            minus[k] -= h;
            double[] yp = call(func, plus);
            double[] ym = call(func, minus);
            if (yp.length != outputs || ym.length != outputs) {
                throw new IllegalArgumentException("the function must return the same length for every input, got "
                        + outputs + " and " + (yp.length != outputs ? yp.length : ym.length));
            }
            for (int i = 0; i < outputs; i++) {
                out[k][i] = (yp[i] - ym[i]) / (plus[k] - minus[k]);
            }
        }
        return out;
    }

    private static double[] call(UnaryOperator<double[]> func, double[] x) {
        double[] y = func.apply(x);
        if (y == null) {
            throw new IllegalArgumentException("the function returned null");
        }
        return y;
    }
}
