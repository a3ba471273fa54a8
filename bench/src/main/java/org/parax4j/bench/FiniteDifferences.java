package org.parax4j.bench;

import org.parax4j.engine.graph.ModelFunction;
import org.parax4j.engine.graph.Workspace;

/** Central finite differences over a recorded function's plain evaluation, allocation-free (the FD contender). */
final class FiniteDifferences {

    private FiniteDifferences() {}

    /** {@code jac[p·out + k] ≈ d f_k / d θ_p} with {@code h = 1e-6·max(1, |θ_p|)}; 2 evaluations per parameter. */
    static void jacobian(ModelFunction<?> f, Workspace ws, double[] theta, double[] plus, double[] minus, double[] yp,
            double[] ym, double[] jac) {
        int out = f.outputSize();
        for (int p = 0; p < theta.length; p++) {
            System.arraycopy(theta, 0, plus, 0, theta.length);
            System.arraycopy(theta, 0, minus, 0, theta.length);
            double h = 1e-6 * Math.max(1, Math.abs(theta[p]));
            plus[p] += h;
            minus[p] -= h;
            f.evaluate(plus, ws, yp);
            f.evaluate(minus, ws, ym);
            double step = plus[p] - minus[p];
            for (int k = 0; k < out; k++) {
                jac[p * out + k] = (yp[k] - ym[k]) / step;
            }
        }
    }
}
