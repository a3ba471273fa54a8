package org.parax4j.engine.internal.math;

/**
 * The engine's one logarithm: {@link #logNormal} (positive normal arguments; the samplers),
 * {@link #log} (every argument; the graph executors and the elementary kernels) and {@link #log1p}
 * (the rational quadratic kernel, softplus), all on one core, built only from IEEE-exact operations
 * (+, −, ×, ÷, fused multiply-add, bit manipulation) so that the Vector API twins in
 * {@link PanamaMath} give the same bits lane by lane in every JIT tier. (The Vector API's own
 * {@code LOG} does not: interpreted and compiled it differs by an ulp.)
 *
 * <p>Core: {@code x = 2ᵉ·m} with {@code m ∈ [√½, √2)}, {@code log m = 2·atanh(s)},
 * {@code s = (m − 1)/(m + 1)}, {@code |s| ≤ 0.1716}, by a minimax polynomial of degree 15 in s
 * (relative error 2.3e-18, coefficients from {@code tools/minimax.py}); {@code e·ln 2} in two parts
 * (fdlibm's split, so {@code e·LN2_HI} is exact). {@link #log1p} runs the core on {@code u = 1 + z}
 * and adds Goldberg's correction {@code (z − (u − 1))/u} for the rounding of {@code u}
 * (D. Goldberg, "What every computer scientist should know about floating-point arithmetic", 1991,
 * Thm. 4).
 *
 * <p>Accuracy against {@link StrictMath} (tested in {@code LogMathTest} on millions of arguments):
 * {@link #log} and {@link #logNormal} within {@value #LOG_ULPS} ulps, {@link #log1p} within
 * {@value #LOG1P_ULPS} ulps for {@code z > −1}; special values as {@link StrictMath}, except that a
 * zero result may have either sign. (The core is the samplers' since before this package existed, so
 * that seeded draws keep their bits; fdlibm's arrangement of the same series reaches 1 ulp.)
 *
 * <p>Stateless and thread-safe; nothing allocates.
 */
public final class LogMath {

    /** The documented (and tested) bound of {@link #log} against {@link StrictMath#log}, in ulps. */
    public static final int LOG_ULPS = 4;
    /** The documented (and tested) bound of {@link #log1p} against {@link StrictMath#log1p}, in ulps. */
    public static final int LOG1P_ULPS = 3;

    /** {@code ln 2} rounded to 32 bits (fdlibm's split), so that {@code e·LN2_HI} is exact. */
    public static final double LN2_HI = 6.93147180369123816490e-01;
    /** {@code ln 2 − LN2_HI}. */
    public static final double LN2_LO = 1.90821492927058770002e-10;
    /** The mantissa bits of a double. */
    public static final long MANTISSA = 0x000f_ffff_ffff_ffffL;
    /** Mantissa bits of √2. */
    public static final long SQRT2_MANTISSA = 0x0006_a09e_667f_3bcdL;
    /** Exponent bits of 1. */
    public static final long ONE_EXPONENT = 1023L << 52;
    /** Exponent bits of ½. */
    public static final long HALF_EXPONENT = 1022L << 52;
    /** Scales a subnormal into the normal range. */
    static final double TWO_POW_54 = 0x1.0p54;

    /**
     * Minimax coefficients of {@code R(z) = 2·atanh(s)/s}, {@code z = s²} in [0, 0.02944]
     * (|s| ≤ (√2 − 1)/(√2 + 1)), lowest degree first: log m = s·Σ LOG[k]·z^k, relative error
     * 2.3e-18 with these double coefficients (read-only).
     */
    public static final double[] LOG = {
        0x1.0000000000000p+1, 0x1.55555555555aep-1, 0x1.999999997ac3bp-2, 0x1.2492494532fd0p-2,
        0x1.c71c4fe8c5c73p-3, 0x1.74669de4a7330p-3, 0x1.39994e1229e20p-3, 0x1.2f51d4fd88bd9p-3,
    };

    private LogMath() {}

    /**
     * Natural logarithm of a positive normal finite double (other arguments give garbage: callers
     * guarantee the range, or use {@link #log}).
     *
     * @param x in {@code [Double.MIN_NORMAL, Double.MAX_VALUE]}
     * @return {@code log x} within {@value #LOG_ULPS} ulps
     */
    public static double logNormal(double x) {
        return core(x, 0, 0);
    }

    /**
     * Natural logarithm of any double: the core for positive normal finite {@code x}, the core on
     * {@code x·2⁵⁴} minus {@code 54·ln 2} for subnormals; {@code −∞} at ±0, {@code +∞} at
     * {@code +∞}, NaN for negatives and NaN (as {@link StrictMath#log}).
     *
     * @param x any double
     * @return {@code log x} within {@value #LOG_ULPS} ulps
     */
    public static double log(double x) {
        if (x >= Double.MIN_NORMAL && x < Double.POSITIVE_INFINITY) {
            return core(x, 0, 0);
        }
        if (x > 0 && x < Double.MIN_NORMAL) {
            return core(x * TWO_POW_54, 0, 54.0);
        }
        return x == 0 ? Double.NEGATIVE_INFINITY : x == Double.POSITIVE_INFINITY ? x : Double.NaN;
    }

    /**
     * {@code log(1 + z)}, accurate for small {@code z}: the core on {@code u = 1 + z} plus the
     * correction for the rounding of {@code u}. {@code z = −1} gives {@code −∞}, {@code z < −1}
     * NaN, {@code +∞} gives {@code +∞}, NaN gives NaN (as {@link StrictMath#log1p}).
     *
     * @param z any double
     * @return {@code log1p z} within {@value #LOG1P_ULPS} ulps
     */
    public static double log1p(double z) {
        double u = 1 + z;
        if (!(u > 0 && u < Double.POSITIVE_INFINITY)) {
            // (1 + z is never subnormal: it is 0 or at least 2⁻⁵³.)
            return u == 0 ? Double.NEGATIVE_INFINITY : u == Double.POSITIVE_INFINITY ? u : Double.NaN;
        }
        return core(u, (z - (u - 1)) / u, 0);
    }

    /**
     * {@code log(x·2^−shift) + c} for positive normal finite {@code x}, a small correction
     * {@code c} and a power-of-two offset {@code shift}: the one operation sequence that
     * {@link PanamaMath#log} and {@link PanamaMath#log1p} repeat lanewise.
     */
    private static double core(double x, double c, double shift) {
        long bits = Double.doubleToRawLongBits(x);
        long mantissa = bits & MANTISSA;
        boolean big = mantissa > SQRT2_MANTISSA;
        double e = (double) ((bits >>> 52) - 1023 + (big ? 1 : 0)) - shift;
        double m = Double.longBitsToDouble(mantissa | (big ? HALF_EXPONENT : ONE_EXPONENT));
        double s = (m - 1) / (m + 1);
        double z = s * s;
        double p = LOG[LOG.length - 1];
        for (int k = LOG.length - 2; k >= 0; k--) {
            p = Math.fma(p, z, LOG[k]);
        }
        return Math.fma(e, LN2_HI, Math.fma(e, LN2_LO, Math.fma(s, p, c)));
    }
}
