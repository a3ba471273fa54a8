package org.parax4j.engine.internal.math;

/**
 * The engine's one sine and cosine: minimax polynomials of {@code sin θ} and {@code cos θ} on
 * {@code θ ∈ [−π/4, π/4]} (the {@linkplain #sinKernel kernels}), reached by one of three reductions
 * of the argument, each exact or nearly so:
 * <ul>
 *   <li>{@link #sin}/{@link #cos} of radians (the graph executors): {@code x = k·π/2 + θ}, k the
 *       nearest integer to {@code x·2/π}, θ by three fused multiply-adds with {@code π/2} in three
 *       parts (Cody–Waite; the first step is exact), for {@code |x| ≤ }{@value #REDUCTION_LIMIT};
 *       beyond, {@link StrictMath}.</li>
 *   <li>{@link #sinPi} of {@code π·u} (the periodic kernel): {@code u = n + k/2 + r} exactly, with
 *       n and k/2 the nearest integer and half-integer, {@code |r| ≤ ¼}, and {@code θ = π·r} by
 *       a two-part π; more accurate than {@code Math.sin(Math.PI * u)}, whose argument is rounded
 *       before the period is removed.</li>
 *   <li>{@link #sinOfBits}/{@link #cosOfBits} of a random 53-bit angle (Box–Muller): the quadrant
 *       is the top two bits, {@code φ = π/4 + θ} with {@code θ = (frac·2⁻⁵¹ − ½)·π/2} in
 *       {@code [−π/4, π/4)}, {@code sin φ = (cos θ + sin θ)·√½}, {@code cos φ = (cos θ − sin θ)·√½}
 *       (an angle uniform on {@code [0, 2π)} to 53 bits, with no reduction at all).</li>
 * </ul>
 * Then the quadrant's symmetry by swapping sine and cosine and flipping the sign bit. Only IEEE
 * operations, fused multiply-adds and bit manipulation are used, so the Vector API twins in
 * {@link PanamaMath} give the same bits lane by lane in every JIT tier (unlike the Vector API's own
 * {@code SIN}/{@code COS}: SVML compiled, {@link Math} interpreted).
 *
 * <p>Polynomials ({@code tools/minimax.py}, Remez exchange): {@code sin θ = θ·Σ SIN[k]·θ^{2k}}
 * (degree 13, relative error 6.5e-18), {@code cos θ = Σ COS[k]·θ^{2k}} (degree 14, 7.2e-18).
 * Accuracy (tested in {@code TrigMathTest}): {@link #sin}, {@link #cos} within {@value #ULPS} ulps
 * of {@link StrictMath}; {@link #sinPi} within {@value #ULPS} ulps of the exactly reduced
 * {@code StrictMath.sin}; the angle functions within 1e-15 absolute of the JDK at the same angle. A
 * zero result may have either sign.
 *
 * <p>Stateless and thread-safe; nothing allocates.
 */
public final class TrigMath {

    /** The documented (and tested) accuracy of {@link #sin}, {@link #cos} and {@link #sinPi}, in ulps. */
    public static final int ULPS = 2;
    /** {@link #sin} and {@link #cos} reduce arguments up to this magnitude themselves (beyond: {@link StrictMath}). */
    public static final double REDUCTION_LIMIT = 0x1p20;

    /** Minimax coefficients of {@code sin θ/θ} in {@code t = θ²}, lowest degree first (read-only). */
    public static final double[] SIN = {
        0x1.0000000000000p+0, -0x1.5555555555543p-3, 0x1.111111110f30cp-7, -0x1.a01a019b92fc7p-13,
        0x1.71de351f3d2c1p-19, -0x1.ae5e2b60ff8a1p-26, 0x1.5d840888df73ep-33,
    };
    /** Minimax coefficients of {@code cos θ} in {@code t = θ²}, lowest degree first (read-only). */
    public static final double[] COS = {
        0x1.0000000000000p+0, -0x1.0000000000000p-1, 0x1.5555555555533p-5, -0x1.6c16c16c1362dp-10,
        0x1.a01a019ad767cp-16, -0x1.27e4f6fe218bfp-22, 0x1.1ee95479964acp-29, -0x1.8f6ad5ecbf5fdp-37,
    };
    /** √½, rotating a quadrant's angle by π/4 in {@link #sinOfBits}. */
    public static final double SQRT_HALF = 0.7071067811865476;
    /** π/2 rounded: {@link #sinOfBits}' angle unit. */
    public static final double PI_2 = Math.PI / 2;
    /** 2⁻⁵¹: scales the fraction bits of a random angle to [0, 1). */
    public static final double TWO_POW_M51 = 0x1.0p-51;
    /** The low 51 bits of a random angle: its position within the quadrant. */
    public static final long FRACTION_51 = (1L << 51) - 1;
    /** 1.5·2⁵²: adding it rounds a double below 2⁵¹ in magnitude to an integer (in its low mantissa bits). */
    public static final double SHIFT = 0x1.8p52;
    /** {@link #sinPi} treats {@code |u|} from here on as whole periods. */
    public static final double PI_LIMIT = 0x1p51;
    static final double TWO_OVER_PI = 0x1.45f306dc9c883p-1;
    /** {@code π/2} in three parts: {@code PIO2_1} is the double nearest, the others the rest. */
    static final double PIO2_1 = 0x1.921fb54442d18p+0;
    static final double PIO2_2 = 0x1.1a62633145c07p-54;
    static final double PIO2_3 = -0x1.f1976b7ed8fbcp-110;
    /** {@code π} rounded to double; with {@link #PI_LO}, {@code π} to 106 bits. */
    public static final double PI_HI = 0x1.921fb54442d18p+1;
    /** {@code π − PI_HI}. */
    public static final double PI_LO = 0x1.1a62633145c07p-53;

    private TrigMath() {}

    /** {@code sin θ} for {@code |θ| ≤ π/4}: the minimax polynomial. */
    static double sinKernel(double theta) {
        double t = theta * theta;
        double p = SIN[SIN.length - 1];
        for (int k = SIN.length - 2; k >= 0; k--) {
            p = Math.fma(p, t, SIN[k]);
        }
        return theta * p;
    }

    /** {@code cos θ} for {@code |θ| ≤ π/4}: the minimax polynomial. */
    static double cosKernel(double theta) {
        double t = theta * theta;
        double p = COS[COS.length - 1];
        for (int k = COS.length - 2; k >= 0; k--) {
            p = Math.fma(p, t, COS[k]);
        }
        return p;
    }

    /** {@code sin(θ + q·π/2)}: the kernel of the quadrant, with its sign. */
    static double quadrant(double sinTheta, double cosTheta, long q) {
        double value = (q & 1) != 0 ? cosTheta : sinTheta;
        return Double.longBitsToDouble(Double.doubleToRawLongBits(value) ^ ((q & 2) << 62));
    }

    /**
     * {@code sin x} in radians, within {@value #ULPS} ulps of {@link StrictMath#sin}.
     *
     * @param x any double (beyond {@value #REDUCTION_LIMIT} in magnitude, infinite or NaN: {@link StrictMath#sin})
     * @return {@code sin x}
     */
    public static double sin(double x) {
        return radians(x, 0);
    }

    /**
     * {@code cos x} in radians, within {@value #ULPS} ulps of {@link StrictMath#cos}: {@code sin} one
     * quadrant on ({@code cos x = sin(θ + (k + 1)·π/2)}).
     *
     * @param x any double (beyond {@value #REDUCTION_LIMIT} in magnitude, infinite or NaN: {@link StrictMath#cos})
     * @return {@code cos x}
     */
    public static double cos(double x) {
        return radians(x, 1);
    }

    private static double radians(double x, long quarter) {
        if (!(Math.abs(x) <= REDUCTION_LIMIT)) {
            return quarter == 0 ? StrictMath.sin(x) : StrictMath.cos(x);
        }
        double t = Math.fma(x, TWO_OVER_PI, SHIFT);
        double k = t - SHIFT;
        double theta = Math.fma(k, -PIO2_1, x);
        theta = Math.fma(k, -PIO2_2, theta);
        theta = Math.fma(k, -PIO2_3, theta);
        long q = Double.doubleToRawLongBits(t) + quarter;
        return quadrant(sinKernel(theta), cosKernel(theta), q);
    }

    /**
     * {@code sin(π·u)} with the whole and half periods removed exactly; {@code |u| ≥ 2⁵¹} (where u is
     * a multiple of ½) counts as whole periods (0). Signed: {@code sinPi(u + 1) = −sinPi(u)}.
     *
     * @param u any double (NaN and infinities give NaN)
     * @return {@code sin(πu)} within {@value #ULPS} ulps of {@code StrictMath.sin} of the reduced argument
     */
    public static double sinPi(double u) {
        double t = u + SHIFT;
        double f = u - (t - SHIFT);
        boolean inRange = Math.abs(u) < PI_LIMIT;
        f = inRange ? f : u * 0; // ±0, or NaN for NaN and ±∞
        double h = (2 * f + SHIFT) - SHIFT;
        double r = Math.fma(h, -0.5, f);
        double theta = Math.fma(r, PI_HI, r * PI_LO);
        // Quadrant 2n + h: the parity of n is the lowest bit of t (whose ulp is 1).
        long q = 2 * Double.doubleToRawLongBits(inRange ? t : SHIFT) + (long) h;
        return quadrant(sinKernel(theta), cosKernel(theta), q);
    }

    /**
     * cos of the angle of the 53-bit integer {@code k} ({@code 2π·k·2⁻⁵³}, up to rounding), within
     * 1e-15 absolute of the JDK at the same angle.
     *
     * @param k a 53-bit non-negative integer
     * @return the cosine
     */
    public static double cosOfBits(long k) {
        return ofBits(k, false);
    }

    /**
     * sin of the angle of the 53-bit integer {@code k}, as {@link #cosOfBits}.
     *
     * @param k a 53-bit non-negative integer
     * @return the sine
     */
    public static double sinOfBits(long k) {
        return ofBits(k, true);
    }

    private static double ofBits(long k, boolean sine) {
        long quadrant = k >>> 51;
        double theta = ((k & FRACTION_51) * TWO_POW_M51 - 0.5) * PI_2;
        double sinTheta = sinKernel(theta);
        double cosTheta = cosKernel(theta);
        double sinPhi = (cosTheta + sinTheta) * SQRT_HALF;
        double cosPhi = (cosTheta - sinTheta) * SQRT_HALF;
        return quadrant(sinPhi, cosPhi, sine ? quadrant : quadrant + 1);
    }
}
