package org.parax4j.distribution;

/**
 * Special functions of the standard normal distribution, in double precision.
 *
 * <ul>
 *   <li>{@code erf}, {@code erfc} and the scaled {@code erfcx(x) = exp(x²) erfc(x)} use W. J. Cody's
 *       rational Chebyshev approximations (Cody 1969, "Rational Chebyshev approximations for the
 *       error function", Math. Comp. 23:631–637; coefficients of his CALERF routine, SPECFUN),
 *       on the intervals |x| ≤ 0.46875, ≤ 4 and &gt; 4.</li>
 *   <li>{@code exp(-x²/2)} in the tails is evaluated as {@code exp(-s²/2)·exp(-(x-s)(x+s)/2)} with
 *       {@code s = trunc(16x)/16}, so that {@code s²} is exact (Cody's device, also used by R's
 *       {@code pnorm}); tails keep full relative accuracy down to the underflow limit and the
 *       log forms stay accurate far beyond it (log Φ(−40) ≈ −804.6).</li>
 *   <li>The quantile Φ⁻¹ uses Wichura's algorithm AS 241 (PPND16, Applied Statistics 37:477–484,
 *       1988), about 1e-16 relative; the log-probability form reuses its tail branch
 *       (which only needs {@code log p}) and refines with Newton steps on log Φ below
 *       {@code log p = -700}, where p itself underflows.</li>
 * </ul>
 *
 * <p>Stateless, allocation-free and thread-safe. Package-private: distributions expose these
 * through their public methods.
 */
final class NormalFunctions {

    /** log(√(2π)). */
    static final double LOG_SQRT_2PI = 0.91893853320467274178;
    /** 1/√2. */
    static final double SQRT1_2 = 0.70710678118654752440;
    private static final double RSQRT_PI = 0.56418958354775628695;
    private static final double THRESH = 0.46875;
    private static final double XHUGE = 6.71e7;

    // Cody: erf on |x| <= 0.46875
    private static final double[] A = {3.16112374387056560e00, 1.13864154151050156e02, 3.77485237685302021e02,
        3.20937758913846947e03, 1.85777706184603153e-1};
    private static final double[] B = {2.36012909523441209e01, 2.44024637934444173e02, 1.28261652607737228e03,
        2.84423683343917062e03};
    // Cody: erfcx on 0.46875 < x <= 4
    private static final double[] C = {5.64188496988670089e-1, 8.88314979438837594e00, 6.61191906371416295e01,
        2.98635138197400131e02, 8.81952221241769090e02, 1.71204761263407058e03, 2.05107837782607147e03,
        1.23033935479799725e03, 2.15311535474403846e-8};
    private static final double[] D = {1.57449261107098347e01, 1.17693950891312499e02, 5.37181101862009858e02,
        1.62138957456669019e03, 3.29079923573345963e03, 4.36261909014324716e03, 3.43936767414372164e03,
        1.23033935480374942e03};
    // Cody: erfcx on x > 4
    private static final double[] P = {3.05326634961232344e-1, 3.60344899949804439e-1, 1.25781726111229246e-1,
        1.60837851487422766e-2, 6.58749161529837803e-4, 1.63153871373020978e-2};
    private static final double[] Q = {2.56852019228982242e00, 1.87295284992346047e00, 5.27905102951428412e-1,
        6.05183413124413191e-2, 2.33520497626869185e-3};

    // Wichura AS 241 (PPND16), ascending powers; denominators have a leading 1.
    private static final double[] AS_A = {3.3871328727963666080e0, 1.3314166789178437745e2,
        1.9715909503065514427e3, 1.3731693765509461125e4, 4.5921953931549871457e4, 6.7265770927008700853e4,
        3.3430575583588128105e4, 2.5090809287301226727e3};
    private static final double[] AS_B = {1.0, 4.2313330701600911252e1, 6.8718700749205790830e2,
        5.3941960214247511077e3, 2.1213794301586595867e4, 3.9307895800092710610e4, 2.8729085735721942674e4,
        5.2264952788528545610e3};
    private static final double[] AS_C = {1.42343711074968357734e0, 4.63033784615654529590e0,
        5.76949722146069140550e0, 3.64784832476320460504e0, 1.27045825245236838258e0, 2.41780725177450611770e-1,
        2.27238449892691845833e-2, 7.74545014278341407640e-4};
    private static final double[] AS_D = {1.0, 2.05319162663775882187e0, 1.67638483018380384940e0,
        6.89767334985100004550e-1, 1.48103976427480074590e-1, 1.51986665636164571966e-2,
        5.47593808499534494600e-4, 1.05075007164441684324e-9};
    private static final double[] AS_E = {6.65790464350110377720e0, 5.46378491116411436990e0,
        1.78482653991729133580e0, 2.96560571828504891230e-1, 2.65321895265761230930e-2,
        1.24266094738807843860e-3, 2.71155556874348757815e-5, 2.01033439929228813265e-7};
    private static final double[] AS_F = {1.0, 5.99832206555887937690e-1, 1.36929880922735805310e-1,
        1.48753612908506148525e-2, 7.86869131145613259100e-4, 1.84631831751005468180e-5,
        1.42151175831644588870e-7, 2.04426310338993978564e-15};

    private NormalFunctions() {}

    /** The error function. */
    static double erf(double x) {
        double y = Math.abs(x);
        if (y <= THRESH) {
            return x * erfSmallRatio(y * y);
        }
        if (Double.isNaN(x)) {
            return Double.NaN;
        }
        double c = erfcxLarge(y) * expNegSquare(y);
        return x > 0 ? 1 - c : c - 1;
    }

    /** The complementary error function {@code 1 - erf(x)}, accurate in the upper tail. */
    static double erfc(double x) {
        double y = Math.abs(x);
        if (y <= THRESH) {
            return 1 - x * erfSmallRatio(y * y);
        }
        if (Double.isNaN(x)) {
            return Double.NaN;
        }
        double c = erfcxLarge(y) * expNegSquare(y);
        return x > 0 ? c : 2 - c;
    }

    /** Standard normal log density. */
    static double logPdf(double z) {
        return -0.5 * z * z - LOG_SQRT_2PI;
    }

    /** Standard normal CDF Φ(x), with full relative accuracy in the lower tail. */
    static double cdf(double x) {
        double z = x * SQRT1_2;
        double az = Math.abs(z);
        if (az <= THRESH) {
            return 0.5 + 0.5 * z * erfSmallRatio(z * z);
        }
        if (Double.isNaN(x)) {
            return Double.NaN;
        }
        double tail = upperTail(Math.abs(x), az);
        return x < 0 ? tail : 1 - tail;
    }

    /** log Φ(x), finite and accurate far into the lower tail (e.g. x = −40). */
    static double logCdf(double x) {
        double z = x * SQRT1_2;
        double az = Math.abs(z);
        if (az <= THRESH) {
            return Math.log(0.5 + 0.5 * z * erfSmallRatio(z * z));
        }
        if (Double.isNaN(x)) {
            return Double.NaN;
        }
        if (x > 0) {
            return Math.log1p(-upperTail(x, az));
        }
        if (x == Double.NEGATIVE_INFINITY) {
            return Double.NEGATIVE_INFINITY;
        }
        return Math.log(0.5 * erfcxLarge(az)) - halfSquare(-x);
    }

    /** Q(x) = 1 − Φ(x) = Φ(−x). */
    static double survival(double x) {
        return cdf(-x);
    }

    /** log Q(x) = log Φ(−x). */
    static double logSurvival(double x) {
        return logCdf(-x);
    }

    /** Φ⁻¹(p) for p in [0, 1] (AS 241); ±∞ at 0 and 1, NaN outside. */
    static double icdf(double p) {
        if (!(p >= 0 && p <= 1)) {
            return Double.NaN;
        }
        double q = p - 0.5;
        if (Math.abs(q) <= 0.425) {
            return central(q);
        }
        double tail = q < 0 ? p : 1 - p;
        if (tail == 0) {
            return q < 0 ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        double v = tailQuantile(Math.sqrt(-Math.log(tail)));
        return q < 0 ? -v : v;
    }

    /** Φ⁻¹(exp(logP)) for logP ≤ 0, usable where p underflows (log p down to −∞). */
    static double icdfLog(double logP) {
        if (!(logP <= 0)) {
            return Double.NaN;
        }
        if (logP >= -Math.log(2)) {
            // upper half: work with the upper-tail probability, which -expm1 gives exactly
            return -icdf(-Math.expm1(logP));
        }
        double p = Math.exp(logP);
        if (p >= 0.075) {
            return central(p - 0.5);
        }
        if (logP == Double.NEGATIVE_INFINITY) {
            return Double.NEGATIVE_INFINITY;
        }
        double x = -tailQuantile(Math.sqrt(-logP));
        if (logP < -700) {
            // beyond the range AS 241 was fitted on: Newton on log Φ(x) = logP, slope φ(x)/Φ(x)
            for (int k = 0; k < 4; k++) {
                double lc = logCdf(x);
                double step = (lc - logP) / Math.exp(logPdf(x) - lc);
                x -= step;
                if (Math.abs(step) <= 1e-16 * Math.abs(x)) {
                    break;
                }
            }
        }
        return x;
    }

    /** log(1 − exp(a)) for a ≤ 0, accurate for all a (Mächler 2012, "Accurately computing log(1 − exp(−|a|))"). */
    static double log1mExp(double a) {
        return a > -0.6931471805599453 ? Math.log(-Math.expm1(a)) : Math.log1p(-Math.exp(a));
    }

    /**
     * log(Φ(b) − Φ(a)) for a ≤ b (either may be infinite), evaluated on the side of zero where the
     * masses are small so that neither tail cancels: both ≤ 0 through log Φ, both ≥ 0 through
     * log Q, and straddling zero through {@code log1p(−Φ(a) − Q(b))}. {@code −∞} when a == b.
     */
    static double logMass(double a, double b) {
        if (b <= 0) {
            double lb = logCdf(b);
            return lb + log1mExp(logCdf(a) - lb);
        }
        if (a >= 0) {
            double la = logSurvival(a);
            return la + log1mExp(logSurvival(b) - la);
        }
        return Math.log1p(-(cdf(a) + survival(b)));
    }

    /** The inverse Mills ratio φ(t)/Q(t) for t ≥ 0, as √(2/π)/erfcx(t/√2): no large exponents cancel. */
    static double millsInverse(double t) {
        double y = t * SQRT1_2;
        if (y <= THRESH) {
            return Math.exp(logPdf(t)) / survival(t);
        }
        return 0.79788456080286535588 / erfcxLarge(y);
    }

    /** log(exp(a) + exp(b)) without overflow. */
    static double logAddExp(double a, double b) {
        double hi = Math.max(a, b);
        if (hi == Double.NEGATIVE_INFINITY) {
            return hi;
        }
        return hi + Math.log1p(Math.exp(Math.min(a, b) - hi));
    }

    // --- internals ---

    private static double central(double q) {
        double r = 0.180625 - q * q;
        return q * horner(AS_A, r) / horner(AS_B, r);
    }

    /** AS 241 tail branch as a function of r = sqrt(−log tailProbability); returns a positive deviate. */
    private static double tailQuantile(double r) {
        if (r <= 5) {
            double s = r - 1.6;
            return horner(AS_C, s) / horner(AS_D, s);
        }
        double s = r - 5;
        return horner(AS_E, s) / horner(AS_F, s);
    }

    private static double horner(double[] c, double x) {
        double acc = c[c.length - 1];
        for (int k = c.length - 2; k >= 0; k--) {
            acc = acc * x + c[k];
        }
        return acc;
    }

    /** erf(x)/x for x² = ysq ≤ 0.46875² (Cody, first interval). */
    private static double erfSmallRatio(double ysq) {
        double num = A[4] * ysq;
        double den = ysq;
        for (int i = 0; i < 3; i++) {
            num = (num + A[i]) * ysq;
            den = (den + B[i]) * ysq;
        }
        return (num + A[3]) / (den + B[3]);
    }

    /** erfcx(y) = exp(y²) erfc(y) for y > 0.46875 (Cody, second and third intervals). */
    private static double erfcxLarge(double y) {
        if (y <= 4) {
            double num = C[8] * y;
            double den = y;
            for (int i = 0; i < 7; i++) {
                num = (num + C[i]) * y;
                den = (den + D[i]) * y;
            }
            return (num + C[7]) / (den + D[7]);
        }
        if (y >= XHUGE) {
            return RSQRT_PI / y;
        }
        double ysq = 1 / (y * y);
        double num = P[5] * ysq;
        double den = ysq;
        for (int i = 0; i < 4; i++) {
            num = (num + P[i]) * ysq;
            den = (den + Q[i]) * ysq;
        }
        double r = ysq * (num + P[4]) / (den + Q[4]);
        return (RSQRT_PI - r) / y;
    }

    /** Q(a) for a = |x| ≥ 0, az = a/√2 > 0.46875. */
    private static double upperTail(double a, double az) {
        if (a >= 40) {
            return 0; // below Double.MIN_VALUE
        }
        double s = Math.floor(a * 16) / 16;
        double del = (a - s) * (a + s);
        return 0.5 * erfcxLarge(az) * Math.exp(-0.5 * (s * s)) * Math.exp(-0.5 * del);
    }

    /** exp(−y²) for 0 ≤ y, with the exact-square split. */
    private static double expNegSquare(double y) {
        if (y >= 27) {
            return 0; // erfc(27) < Double.MIN_VALUE
        }
        double s = Math.floor(y * 16) / 16;
        double del = (y - s) * (y + s);
        return Math.exp(-s * s) * Math.exp(-del);
    }

    /** a²/2 for a ≥ 0, with the exact-square split so that exp(−a²/2) keeps its relative accuracy. */
    private static double halfSquare(double a) {
        if (a >= 1e8) {
            return 0.5 * a * a;
        }
        double s = Math.floor(a * 16) / 16;
        double del = (a - s) * (a + s);
        return 0.5 * (s * s) + 0.5 * del;
    }
}
