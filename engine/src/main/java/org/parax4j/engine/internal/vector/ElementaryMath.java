package org.parax4j.engine.internal.vector;

/**
 * {@code sin(π·u)} and {@code log1p} built, like {@link ExpMath}, only from IEEE arithmetic and bit
 * operations, so the vector twins in {@link PanamaVectorSupport} give the same bits in every JIT
 * tier and on every thread.
 *
 * <p>{@link #sinPi}: the period is removed exactly ({@code f = u − round(u)}, exact for
 * {@code |u| < 2^51}; larger {@code |u|} are whole or half periods and are treated as whole), then
 * {@code sin(πf)}, {@code |πf| ≤ π/2}, by its odd Taylor polynomial up to degree 23 (truncation
 * below 1e-20). Removing the period before multiplying by π is more accurate than
 * {@code Math.sin(π·u)}, whose argument is rounded first.
 *
 * <p>{@link #log1p}: {@code u = 1 + z} with the correction {@code (z − (u − 1))/u} (D. Goldberg,
 * "What every computer scientist should know about floating-point arithmetic", 1991, Thm. 4);
 * {@code log u = e·ln2 + log m}, {@code m ∈ [√½, √2)}, and {@code log m = 2 atanh(t)},
 * {@code t = (m − 1)/(m + 1)}, {@code |t| ≤ 0.172}, by the atanh series to {@code t^23}
 * (truncation below 1e-18). Within a few ulps of {@link Math#log1p} for {@code z > −1} (tested);
 * {@code log1p(+∞) = +∞} as {@link Math#log1p} (the steps above would give NaN: {@code ∞ − ∞}).
 */
public final class ElementaryMath {

    static final double SHIFT = 0x1.8p52;
    static final double LIMIT = 0x1p51;
    /** {@code (−1)^k / (2k+1)!}, highest degree first, k = 11 … 0. */
    static final double[] SIN = sinCoefficients();
    /** {@code 1/(2k+1)}, highest first, k = 11 … 0. */
    static final double[] ATANH = atanhCoefficients();
    static final double SQRT2 = Math.sqrt(2);
    /** {@code ln 2} in a high part with trailing zero bits (exact products {@code e·LN2_HI}) and the rest. */
    static final double LN2_HI = 0x1.62e42fee00000p-1;
    static final double LN2_LO = 0x1.a39ef35793c76p-33;
    static final long MANTISSA = 0x000F_FFFF_FFFF_FFFFL;
    static final long ONE_BITS = 0x3FF0_0000_0000_0000L;

    private ElementaryMath() {}

    /** {@code sin(π·u)} with the whole periods removed exactly; allocates nothing. */
    public static double sinPi(double u) {
        double f = u - ((u + SHIFT) - SHIFT);
        f = Math.abs(u) < LIMIT ? f : 0;
        double x = Math.PI * f;
        double w = x * x;
        double p = SIN[0];
        for (int i = 1; i < SIN.length; i++) {
            p = Math.fma(p, w, SIN[i]);
        }
        return x * p;
    }

    /**
     * {@code sin(2π·u)}, signed (unlike {@link #sinPi}, which serves {@code sin²} and drops the sign of
     * odd half-periods): the period is removed exactly ({@code r = u − round(u)}), {@code s = 2r} is
     * folded into {@code [−½, ½]} by {@code sin(π·s) = sin(π·(±1 − s))} (exact), then the same
     * polynomial. Allocates nothing.
     */
    public static double sin2Pi(double u) {
        double f = u - ((u + SHIFT) - SHIFT);
        double s = Math.abs(u) < LIMIT ? 2 * f : 0;
        s = s > 0.5 ? 1 - s : s < -0.5 ? -1 - s : s;
        double x = Math.PI * s;
        double w = x * x;
        double p = SIN[0];
        for (int i = 1; i < SIN.length; i++) {
            p = Math.fma(p, w, SIN[i]);
        }
        return x * p;
    }

    /** {@code log(1 + z)} for {@code z > −1} (accurate for small {@code z}; {@code +∞} at {@code +∞}); allocates nothing. */
    public static double log1p(double z) {
        double u = 1 + z;
        double correction = (z - (u - 1)) / u;
        long bits = Double.doubleToRawLongBits(u);
        double e = (double) ((bits >>> 52) - 1023);
        double m = Double.longBitsToDouble((bits & MANTISSA) | ONE_BITS);
        boolean big = m > SQRT2;
        m = big ? m * 0.5 : m;
        e = big ? e + 1 : e;
        double t = (m - 1) / (m + 1);
        double w = t * t;
        double p = ATANH[0];
        for (int i = 1; i < ATANH.length; i++) {
            p = Math.fma(p, w, ATANH[i]);
        }
        double log = Math.fma(e, LN2_HI, 2 * t * p + Math.fma(e, LN2_LO, correction));
        return z == Double.POSITIVE_INFINITY ? z : log;
    }

    private static double[] sinCoefficients() {
        double[] c = new double[12];
        double factorial = 1;
        for (int k = 0; k < 12; k++) {
            if (k > 0) {
                factorial *= (2.0 * k) * (2.0 * k + 1);
            }
            c[11 - k] = (k % 2 == 0 ? 1 : -1) / factorial;
        }
        return c;
    }

    private static double[] atanhCoefficients() {
        double[] c = new double[12];
        for (int k = 0; k < 12; k++) {
            c[11 - k] = 1.0 / (2 * k + 1);
        }
        return c;
    }
}
