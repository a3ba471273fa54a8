package org.parax4j.engine.stats;

import java.util.Arrays;

/**
 * One streaming quantile estimate by the P² algorithm (Jain and Chlamtac, "The P² algorithm for
 * dynamic calculation of quantiles and histograms without storing observations", CACM 28(10),
 * 1985): five markers whose heights are adjusted by piecewise-parabolic interpolation. O(1) memory
 * and time per observation; exact (by interpolation of the sorted values) up to five observations.
 * Mutable and not thread-safe; package-private helper of {@link StreamingSummary}.
 */
final class P2Quantile {

    private final double p;
    private final double[] height = new double[5];
    private final double[] position = new double[5];
    private final double[] desired = new double[5];
    private final double[] increment;
    private int seen;

    P2Quantile(double p) {
        this.p = p;
        this.increment = new double[] {0, p / 2, p, (1 + p) / 2, 1};
    }

    void add(double x) {
        if (seen < 5) {
            height[seen++] = x;
            if (seen == 5) {
                Arrays.sort(height);
                for (int i = 0; i < 5; i++) {
                    position[i] = i + 1;
                }
                desired[0] = 1;
                desired[1] = 1 + 2 * p;
                desired[2] = 1 + 4 * p;
                desired[3] = 3 + 2 * p;
                desired[4] = 5;
            }
            return;
        }
        seen++;
        int k;
        if (x < height[0]) {
            height[0] = x;
            k = 0;
        } else if (x >= height[4]) {
            height[4] = Math.max(height[4], x);
            k = 3;
        } else {
            k = 0;
            while (x >= height[k + 1]) {
                k++;
            }
        }
        for (int i = k + 1; i < 5; i++) {
            position[i]++;
        }
        for (int i = 0; i < 5; i++) {
            desired[i] += increment[i];
        }
        for (int i = 1; i <= 3; i++) {
            double d = desired[i] - position[i];
            if ((d >= 1 && position[i + 1] - position[i] > 1) || (d <= -1 && position[i - 1] - position[i] < -1)) {
                double s = Math.signum(d);
                double candidate = parabolic(i, s);
                height[i] = height[i - 1] < candidate && candidate < height[i + 1] ? candidate : linear(i, s);
                position[i] += s;
            }
        }
    }

    private double parabolic(int i, double s) {
        double left = position[i] - position[i - 1];
        double right = position[i + 1] - position[i];
        double span = position[i + 1] - position[i - 1];
        return height[i] + s / span * ((left + s) * (height[i + 1] - height[i]) / right
                + (right - s) * (height[i] - height[i - 1]) / left);
    }

    private double linear(int i, double s) {
        int j = i + (int) s;
        return height[i] + s * (height[j] - height[i]) / (position[j] - position[i]);
    }

    /** The estimate; with fewer than five observations, linear interpolation of the sorted ones; NaN when empty. */
    double estimate() {
        if (seen >= 5) {
            return height[2];
        }
        if (seen == 0) {
            return Double.NaN;
        }
        double[] sorted = Arrays.copyOf(height, seen);
        Arrays.sort(sorted);
        double h = p * (seen - 1);
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, seen - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    /**
     * The asymptotic standard error {@code √(p(1−p)/n)/f(x_p)}. The density f is the slope of the
     * empirical CDF at the middle marker, from the three middle markers by the three-point
     * (non-uniform) difference {@code (s₁·h₂ + s₂·h₁)/(h₁ + h₂)}, sᵢ the marker-to-marker slopes of
     * position over height and hᵢ the height gaps. NaN with fewer than five observations; {@code +∞}
     * when two of those markers coincide (no density estimate).
     */
    double standardError() {
        if (seen < 5) {
            return Double.NaN;
        }
        double h1 = height[2] - height[1];
        double h2 = height[3] - height[2];
        if (!(h1 > 0 && h2 > 0)) {
            return Double.POSITIVE_INFINITY;
        }
        double s1 = (position[2] - position[1]) / h1;
        double s2 = (position[3] - position[2]) / h2;
        double density = (s1 * h2 + s2 * h1) / ((h1 + h2) * seen);
        return Math.sqrt(p * (1 - p) / seen) / density;
    }
}
