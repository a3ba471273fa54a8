package org.parax4j.engine.fit;

import org.parax4j.engine.linalg.Lu;

/**
 * One L-BFGS-B search point: the generalised Cauchy point along the projected steepest-descent
 * path of the quadratic model {@code m(z) = gᵀ(z − x) + ½(z − x)ᵀB(z − x)} (Byrd, Lu, Nocedal and
 * Zhu 1995, §4, Algorithm CP), then the direct primal subspace minimisation over the variables
 * that are free at the Cauchy point (§5.1), with the projection of Morales and Nocedal (2011)
 * falling back to the paper's truncation when the projected point is not a descent direction.
 *
 * <p>Not thread-safe; owns its scratch (allocated once at construction for n variables and m pairs).
 */
final class LbfgsbStep {

    private final int n;
    private final double[] t;
    private final double[] d;
    private final int[] order;
    private final double[] p;
    private final double[] c;
    private final double[] wb;
    private final double[] mp;
    private final double[] mc;
    private final double[] mw;
    private final double[] r;
    private final double[] v;
    private final double[] nv;
    private final double[] ntn;
    private final double[] pMat;
    private final int[] pivots;
    private final double[] du;
    private final boolean[] free;

    LbfgsbStep(int n, int m) {
        this.n = n;
        this.t = new double[n];
        this.d = new double[n];
        this.order = new int[n];
        int w = 2 * m;
        this.p = new double[w];
        this.c = new double[w];
        this.wb = new double[w];
        this.mp = new double[w];
        this.mc = new double[w];
        this.mw = new double[w];
        this.r = new double[n];
        this.v = new double[w];
        this.nv = new double[w];
        this.ntn = new double[w * w];
        this.pMat = new double[w * w];
        this.pivots = new int[w];
        this.du = new double[n];
        this.free = new boolean[n];
    }

    /**
     * Computes the next search point {@code xBar} from x, g, the bounds and the BFGS memory.
     *
     * @return false when the Cauchy direction is zero (the projected gradient vanishes)
     */
    boolean searchPoint(double[] x, double[] g, double[] lo, double[] hi, CompactLbfgs b, double[] xBar) {
        if (!cauchyPoint(x, g, lo, hi, b, xBar)) {
            return false;
        }
        subspaceMinimisation(x, g, lo, hi, b, xBar);
        return true;
    }

    /** Algorithm CP; writes the Cauchy point into xc and c = Wᵀ(xc − x) into {@link #c}. */
    private boolean cauchyPoint(double[] x, double[] g, double[] lo, double[] hi, CompactLbfgs b, double[] xc) {
        int k2 = 2 * b.size();
        double theta = b.theta();
        int nBreak = 0;
        double fp = 0;
        for (int i = 0; i < n; i++) {
            xc[i] = x[i];
            double gi = g[i];
            double ti;
            if (gi < 0) {
                ti = hi[i] == Double.POSITIVE_INFINITY ? Double.POSITIVE_INFINITY : (x[i] - hi[i]) / gi;
            } else if (gi > 0) {
                ti = lo[i] == Double.NEGATIVE_INFINITY ? Double.POSITIVE_INFINITY : (x[i] - lo[i]) / gi;
            } else {
                ti = Double.POSITIVE_INFINITY;
            }
            t[i] = ti;
            d[i] = ti > 0 ? -gi : 0;
            fp -= d[i] * d[i];
            if (ti > 0 && ti < Double.POSITIVE_INFINITY) {
                order[nBreak++] = i;
            }
        }
        if (fp == 0) {
            return false;
        }
        b.wTransposeTimes(d, p);
        java.util.Arrays.fill(c, 0, k2, 0);
        b.mTimes(p, mp);
        double fpp = -theta * fp - SmallDense.dot(p, 0, mp, 0, k2);
        double fppFloor = 2.220446049250313e-16 * fpp;
        double dtMin = -fp / fpp;
        double tOld = 0;
        sortByBreakpoint(nBreak);
        for (int q = 0; q < nBreak; q++) {
            int bi = order[q];
            double dt = t[bi] - tOld;
            if (dtMin < dt) {
                break;
            }
            double gb = g[bi];
            xc[bi] = d[bi] > 0 ? hi[bi] : lo[bi];
            double zb = xc[bi] - x[bi];
            for (int j = 0; j < k2; j++) {
                c[j] += dt * p[j];
            }
            b.wRow(bi, wb);
            b.mTimes(c, mc);
            b.mTimes(wb, mw);
            double wMc = SmallDense.dot(wb, 0, mc, 0, k2);
            double wMp = SmallDense.dot(wb, 0, mp, 0, k2);
            double wMw = SmallDense.dot(wb, 0, mw, 0, k2);
            fp += dt * fpp + gb * gb + theta * gb * zb - gb * wMc;
            fpp -= theta * gb * gb + 2 * gb * wMp + gb * gb * wMw;
            fpp = Math.max(fpp, fppFloor);
            for (int j = 0; j < k2; j++) {
                p[j] += gb * wb[j];
            }
            b.mTimes(p, mp);
            d[bi] = 0;
            dtMin = -fp / fpp;
            tOld = t[bi];
        }
        dtMin = Math.max(dtMin, 0);
        tOld += dtMin;
        for (int i = 0; i < n; i++) {
            if (d[i] != 0) {
                xc[i] = Math.min(hi[i], Math.max(lo[i], x[i] + tOld * d[i]));
            }
        }
        for (int j = 0; j < k2; j++) {
            c[j] += dtMin * p[j];
        }
        return true;
    }

    /** Heap sort of order[0..count) by ascending t (no allocation). */
    private void sortByBreakpoint(int count) {
        for (int start = count / 2 - 1; start >= 0; start--) {
            siftDown(start, count);
        }
        for (int end = count - 1; end > 0; end--) {
            int tmp = order[0];
            order[0] = order[end];
            order[end] = tmp;
            siftDown(0, end);
        }
    }

    private void siftDown(int root, int end) {
        while (true) {
            int child = 2 * root + 1;
            if (child >= end) {
                return;
            }
            if (child + 1 < end && t[order[child + 1]] > t[order[child]]) {
                child++;
            }
            if (t[order[root]] >= t[order[child]]) {
                return;
            }
            int tmp = order[root];
            order[root] = order[child];
            order[child] = tmp;
            root = child;
        }
    }

    /**
     * Minimises the quadratic model over the variables free at xc (in place on xBar, which holds
     * xc on entry), by the Sherman–Morrison–Woodbury form of the reduced inverse Hessian:
     * {@code B̂⁻¹ = I/θ + N·(I − M·NᵀN/θ)⁻¹·M·Nᵀ/θ²} with {@code N = ZᵀW}.
     */
    private void subspaceMinimisation(double[] x, double[] g, double[] lo, double[] hi, CompactLbfgs b, double[] xBar) {
        int k2 = 2 * b.size();
        double theta = b.theta();
        int nFree = 0;
        for (int i = 0; i < n; i++) {
            free[i] = xBar[i] > lo[i] && xBar[i] < hi[i];
            if (free[i]) {
                nFree++;
            }
        }
        if (nFree == 0) {
            return;
        }
        b.mTimes(c, mc);
        java.util.Arrays.fill(v, 0, k2, 0);
        java.util.Arrays.fill(ntn, 0, k2 * k2, 0);
        for (int i = 0; i < n; i++) {
            if (!free[i]) {
                continue;
            }
            double ri = g[i] + theta * (xBar[i] - x[i]);
            if (k2 > 0) {
                b.wRow(i, wb);
                ri -= SmallDense.dot(wb, 0, mc, 0, k2);
                for (int a = 0; a < k2; a++) {
                    for (int bb = 0; bb < k2; bb++) {
                        ntn[a * k2 + bb] += wb[a] * wb[bb];
                    }
                }
            }
            r[i] = ri;
            for (int a = 0; a < k2; a++) {
                v[a] += wb[a] * ri;
            }
        }
        boolean correction = false;
        if (k2 > 0) {
            b.mTimes(v, nv);
            // P = I − M·NᵀN/θ
            for (int a = 0; a < k2; a++) {
                for (int bb = 0; bb < k2; bb++) {
                    double s = 0;
                    for (int q = 0; q < k2; q++) {
                        s += b.m(a, q) * ntn[q * k2 + bb];
                    }
                    pMat[a * k2 + bb] = (a == bb ? 1 : 0) - s / theta;
                }
            }
            correction = Lu.factor(pMat, k2, pivots) < 0;
            if (correction) {
                Lu.solve(pMat, k2, pivots, nv);
            }
        }
        double descent = 0;
        boolean inside = true;
        for (int i = 0; i < n; i++) {
            if (!free[i]) {
                continue;
            }
            double di = -r[i] / theta;
            if (correction) {
                b.wRow(i, wb);
                di -= SmallDense.dot(wb, 0, nv, 0, k2) / (theta * theta);
            }
            du[i] = di;
            double target = xBar[i] + di;
            if (target < lo[i] || target > hi[i]) {
                inside = false;
            }
        }
        if (inside) {
            for (int i = 0; i < n; i++) {
                if (free[i]) {
                    xBar[i] += du[i];
                }
            }
            return;
        }
        // Morales–Nocedal: project onto the box and keep it when it is a descent direction.
        for (int i = 0; i < n; i++) {
            double target = free[i] ? Math.min(hi[i], Math.max(lo[i], xBar[i] + du[i])) : xBar[i];
            descent += g[i] * (target - x[i]);
        }
        if (descent < 0) {
            for (int i = 0; i < n; i++) {
                if (free[i]) {
                    xBar[i] = Math.min(hi[i], Math.max(lo[i], xBar[i] + du[i]));
                }
            }
            return;
        }
        // Truncation of the paper: the largest α ≤ 1 keeping xc + α·du feasible.
        double alpha = 1;
        for (int i = 0; i < n; i++) {
            if (!free[i]) {
                continue;
            }
            if (du[i] > 0) {
                alpha = Math.min(alpha, (hi[i] - xBar[i]) / du[i]);
            } else if (du[i] < 0) {
                alpha = Math.min(alpha, (lo[i] - xBar[i]) / du[i]);
            }
        }
        alpha = Math.max(alpha, 0);
        for (int i = 0; i < n; i++) {
            if (free[i]) {
                xBar[i] = Math.min(hi[i], Math.max(lo[i], xBar[i] + alpha * du[i]));
            }
        }
    }
}
