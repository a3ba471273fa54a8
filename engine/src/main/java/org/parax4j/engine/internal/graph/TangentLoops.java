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
     */
    static void combineMasked(double[] ca, double[] tx, int xo, double[] cb, double[] ty, int yo, double[] t,
            int to, int n) {
        if (tx != null && ty != null) {
            for (int k = 0; k < n; k++) {
                double dx = tx[xo + k];
                double dy = ty[yo + k];
                double v = dx == 0 ? 0 : ca[k] * dx;
                t[to + k] = v + (dy == 0 ? 0 : cb[k] * dy);
            }
        } else if (tx != null) {
            for (int k = 0; k < n; k++) {
                double dx = tx[xo + k];
                t[to + k] = dx == 0 ? 0 : ca[k] * dx;
            }
        } else if (ty != null) {
            for (int k = 0; k < n; k++) {
                double dy = ty[yo + k];
                t[to + k] = dy == 0 ? 0 : cb[k] * dy;
            }
        } else {
            java.util.Arrays.fill(t, to, to + n, 0);
        }
    }
}
