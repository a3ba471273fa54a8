package org.parax4j.engine.fit;

/**
 * A line search for the strong Wolfe conditions along {@code x + α·d}, {@code 0 < α ≤ αmax}:
 * bracketing then zoom with safeguarded cubic interpolation (Nocedal and Wright, Numerical
 * Optimization, 2nd ed., Algorithms 3.5 and 3.6). Constants as in L-BFGS-B: sufficient decrease
 * {@code c1 = 1e-3}, curvature {@code c2 = 0.9}. A non-finite trial value counts as "too far".
 * When αmax itself satisfies sufficient decrease and the slope there is still negative, αmax is
 * accepted (the box stops the step).
 *
 * <p>On success the accepted point, value and gradient are in {@link #x}, {@link #f}, {@link #g}.
 * Not thread-safe; allocates only at construction.
 */
final class StrongWolfe {

    private static final double C1 = 1e-3;
    private static final double C2 = 0.9;

    final double[] x;
    final double[] g;
    double f;
    double step;
    int evaluations;

    private final double[] xLo;
    private final double[] gLo;
    private final int n;

    StrongWolfe(int n) {
        this.n = n;
        this.x = new double[n];
        this.g = new double[n];
        this.xLo = new double[n];
        this.gLo = new double[n];
    }

    /**
     * Searches along d from (x0, f0, g0).
     *
     * @return whether a point with sufficient decrease was found (the accepted point may then fail
     *     the curvature condition only when the evaluation budget ran out)
     */
    boolean search(ScalarObjective obj, double[] x0, double f0, double[] g0, double[] d,
            double alpha0, double alphaMax, int maxEvaluations) {
        evaluations = 0;
        double slope0 = SmallDense.dot(g0, 0, d, 0, n);
        double aPrev = 0;
        double fPrev = f0;
        double sPrev = slope0;
        boolean havePrevPoint = false;
        double a = Math.min(alpha0, alphaMax);
        while (evaluations < maxEvaluations) {
            double fa = eval(obj, x0, d, a);
            double sa = SmallDense.dot(g, 0, d, 0, n);
            if (!(fa <= f0 + C1 * a * slope0) || (evaluations > 1 && fa >= fPrev)) {
                return zoom(obj, x0, f0, slope0, d, aPrev, fPrev, sPrev, havePrevPoint, a, fa, sa, maxEvaluations);
            }
            if (Math.abs(sa) <= -C2 * slope0) {
                return accept(fa, a);
            }
            if (sa >= 0) {
                saveLo(fa);
                return zoom(obj, x0, f0, slope0, d, a, fa, sa, true, aPrev, fPrev, sPrev, maxEvaluations);
            }
            if (a >= alphaMax) {
                return accept(fa, a);
            }
            aPrev = a;
            fPrev = fa;
            sPrev = sa;
            saveLo(fa);
            havePrevPoint = true;
            a = Math.min(alphaMax, 10 * a);
        }
        return restoreLo(havePrevPoint, fPrev, aPrev);
    }

    private boolean zoom(ScalarObjective obj, double[] x0, double f0, double slope0, double[] d,
            double aLo, double fLo, double sLo, boolean loIsPoint,
            double aHi, double fHi, double sHi, int maxEvaluations) {
        while (evaluations < maxEvaluations) {
            double a = interpolate(aLo, fLo, sLo, aHi, fHi, sHi);
            double fa = eval(obj, x0, d, a);
            double sa = SmallDense.dot(g, 0, d, 0, n);
            if (!(fa <= f0 + C1 * a * slope0) || fa >= fLo) {
                aHi = a;
                fHi = fa;
                sHi = sa;
            } else {
                if (Math.abs(sa) <= -C2 * slope0) {
                    return accept(fa, a);
                }
                if (sa * (aHi - aLo) >= 0) {
                    aHi = aLo;
                    fHi = fLo;
                    sHi = sLo;
                }
                aLo = a;
                fLo = fa;
                sLo = sa;
                saveLo(fa);
                loIsPoint = true;
            }
            if (Math.abs(aHi - aLo) <= 1e-16 * Math.max(1, Math.abs(aLo))) {
                break;
            }
        }
        return restoreLo(loIsPoint, fLo, aLo);
    }

    /** Safeguarded cubic minimiser of the interpolant in (lo, hi); bisection when it fails. */
    private static double interpolate(double aLo, double fLo, double sLo, double aHi, double fHi, double sHi) {
        double lo = Math.min(aLo, aHi);
        double hi = Math.max(aLo, aHi);
        double width = hi - lo;
        double mid = 0.5 * (lo + hi);
        if (!Double.isFinite(fHi) || !Double.isFinite(sHi)) {
            // Unusable upper point: step back towards the last good one.
            return aLo + 0.25 * (aHi - aLo);
        }
        double d1 = sLo + sHi - 3 * (fLo - fHi) / (aLo - aHi);
        double disc = d1 * d1 - sLo * sHi;
        double a = Double.NaN;
        if (disc >= 0) {
            double d2 = Math.copySign(Math.sqrt(disc), aHi - aLo);
            a = aHi - (aHi - aLo) * (sHi + d2 - d1) / (sHi - sLo + 2 * d2);
        }
        if (!Double.isFinite(a) || a < lo + 0.1 * width || a > hi - 0.1 * width) {
            if (Double.isFinite(a)) {
                return Math.min(hi - 0.1 * width, Math.max(lo + 0.1 * width, a));
            }
            return mid;
        }
        return a;
    }

    private double eval(ScalarObjective obj, double[] x0, double[] d, double a) {
        for (int i = 0; i < n; i++) {
            x[i] = x0[i] + a * d[i];
        }
        evaluations++;
        double v = obj.evaluate(x, g);
        return Double.isNaN(v) ? Double.POSITIVE_INFINITY : v;
    }

    private boolean accept(double fa, double a) {
        f = fa;
        step = a;
        return true;
    }

    private void saveLo(double fa) {
        System.arraycopy(x, 0, xLo, 0, n);
        System.arraycopy(g, 0, gLo, 0, n);
    }

    private boolean restoreLo(boolean loIsPoint, double fLo, double aLo) {
        if (!loIsPoint) {
            return false;
        }
        System.arraycopy(xLo, 0, x, 0, n);
        System.arraycopy(gLo, 0, g, 0, n);
        return accept(fLo, aLo);
    }
}
