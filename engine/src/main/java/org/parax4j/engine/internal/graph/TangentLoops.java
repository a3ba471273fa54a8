package org.parax4j.engine.internal.graph;

/**
 * One-pass masked tangent loop for two operands of the output's size (the elementwise two-operand
 * functions): {@code t = A·t_x + B·t_y}, a zero tangent contributing nothing. A plain loop shared
 * by both {@link GraphOps} twins, so twins agree exactly. Stateless and thread-safe; allocates
 * nothing.
 */
final class TangentLoops {

    private TangentLoops() {}

    /**
     * {@code t[to + k] = A_k·tx[xo + k] + B_k·ty[yo + k]} where a zero tangent contributes nothing
     * (even against an infinite or NaN coefficient); either tangent array may be null (absent).
     * Elements whose two coefficients are finite get the unmasked loops' exact bits
     * ({@code fma(B, ty, A·tx)}, or the one product), so an element's result never depends on the
     * other elements (what lets a graph run as {@link ElementStrips} with the same bits).
     */
    static void combineMasked(double[] ca, double[] tx, int xo, double[] cb, double[] ty, int yo, double[] t,
            int to, int n) {
        if (tx == null && ty == null) {
            java.util.Arrays.fill(t, to, to + n, 0);
            return;
        }
        for (int k = 0; k < n; k++) {
            double dx = tx == null ? 0 : tx[xo + k];
            double dy = ty == null ? 0 : ty[yo + k];
            if (Double.isFinite(ca[k]) && Double.isFinite(cb[k])) {
                t[to + k] = tx == null ? cb[k] * dy : ty == null ? ca[k] * dx : Math.fma(cb[k], dy, ca[k] * dx);
            } else {
                double u = dx == 0 ? 0 : ca[k] * dx;
                double v = dy == 0 ? 0 : cb[k] * dy;
                t[to + k] = tx == null ? v : ty == null ? u : u + v;
            }
        }
    }
}
