package org.parax4j.engine.internal.random;

/**
 * The elementary functions of the samplers (log, and sin/cos of a random angle; exp is
 * {@link org.parax4j.engine.internal.vector.ExpMath}'s, shared with the kernels) built only
 * from IEEE-exact operations: +, −, ×, ÷, √, fused multiply-add and bit manipulation. The Vector
 * API implementation evaluates the very same operation sequence lanewise, so every sampler gives
 * the same bits in the scalar twin, at every vector width and in every JIT tier. (The Vector API's
 * own {@code LOG}, {@code SIN}, … do not: their interpreted and compiled forms differ by an ulp, so
 * a seed would not give the same bits before and after warm-up.)
 *
 * <ul>
 *   <li>{@link #log}: {@code x = 2ᵉ·m} with m in [√½, √2), {@code log m = 2·atanh(s)},
 *       {@code s = (m − 1)/(m + 1)}, |s| ≤ 0.1716, by its Taylor series to s²¹ (truncation below
 *       1e-18); {@code e·log 2} in two parts (fdlibm's split). Within 4 ulps (tested).</li>
 *   <li>Angles: 53 random bits K give quadrant {@code K >>> 51} and {@code φ = π/4 + θ} with
 *       {@code θ = (frac·2⁻⁵¹ − ½)·π/2} in [−π/4, π/4); sin θ and cos θ by Taylor series to θ¹⁷
 *       and θ¹⁶ (truncation below 1e-18), {@code sin φ = (cos θ + sin θ)·√½},
 *       {@code cos φ = (cos θ − sin θ)·√½}, then the quadrant's symmetry by swapping and sign bits.
 *       Within 1e-15 absolute of the JDK at the same angle; the angle is uniform on [0, 2π) to 53 bits.</li>
 * </ul>
 *
 * <p>Stateless and thread-safe.
 */
final class Elementary {

    static final double LN2_HI = 6.93147180369123816490e-01;
    static final double LN2_LO = 1.90821492927058770002e-10;
    static final long MANTISSA = 0x000f_ffff_ffff_ffffL;
    /** Mantissa bits of √2. */
    static final long SQRT2_MANTISSA = 0x0006_a09e_667f_3bcdL;
    static final long ONE_EXPONENT = 1023L << 52;
    static final long HALF_EXPONENT = 1022L << 52;
    static final double SQRT_HALF = 0.7071067811865476;
    static final double PI_2 = Math.PI / 2;
    static final double TWO_POW_M51 = 0x1.0p-51;
    static final long FRACTION_51 = (1L << 51) - 1;

    /** {@code 2/(2k+1)}, k = 0 … 10: log m = s·Σ LOG[k]·s^(2k). */
    static final double[] LOG = new double[11];
    /** {@code (−1)^k/(2k+1)!}, k = 0 … 8: sin θ = θ·Σ SIN[k]·θ^(2k). */
    static final double[] SIN = new double[9];
    /** {@code (−1)^k/(2k)!}, k = 0 … 8: cos θ = Σ COS[k]·θ^(2k). */
    static final double[] COS = new double[9];

    static {
        for (int k = 0; k < LOG.length; k++) {
            LOG[k] = 2.0 / (2 * k + 1);
        }
        double f = 1;
        for (int k = 0; k < 18; k++) {
            f *= Math.max(k, 1);
            double term = ((k / 2) % 2 == 0 ? 1 : -1) / f;
            if (k % 2 == 0) {
                COS[k / 2] = term;
            } else {
                SIN[k / 2] = term;
            }
        }
    }

    private Elementary() {}

    /** Natural logarithm of a positive normal double. */
    static double log(double x) {
        long bits = Double.doubleToRawLongBits(x);
        long mantissa = bits & MANTISSA;
        boolean big = mantissa > SQRT2_MANTISSA;
        double e = (double) ((bits >>> 52) - 1023 + (big ? 1 : 0));
        double m = Double.longBitsToDouble(mantissa | (big ? HALF_EXPONENT : ONE_EXPONENT));
        double f = m - 1;
        double s = f / (m + 1);
        double p = InverseNormal.horner(LOG, s * s);
        return Math.fma(e, LN2_HI, Math.fma(e, LN2_LO, s * p));
    }

    /** cos of the angle of the 53-bit integer {@code k} (the angle is {@code 2π·k·2⁻⁵³}, up to rounding). */
    static double cosOfBits(long k) {
        return quadrantValue(k, false);
    }

    /** sin of the angle of the 53-bit integer {@code k}. */
    static double sinOfBits(long k) {
        return quadrantValue(k, true);
    }

    private static double quadrantValue(long k, boolean sine) {
        long quadrant = k >>> 51;
        double theta = ((k & FRACTION_51) * TWO_POW_M51 - 0.5) * PI_2;
        double t2 = theta * theta;
        double sinTheta = theta * InverseNormal.horner(SIN, t2);
        double cosTheta = InverseNormal.horner(COS, t2);
        double sinPhi = (cosTheta + sinTheta) * SQRT_HALF;
        double cosPhi = (cosTheta - sinTheta) * SQRT_HALF;
        boolean odd = (quadrant & 1) != 0;
        double value;
        long negate;
        if (sine) {
            value = odd ? cosPhi : sinPhi;
            negate = quadrant & 2;
        } else {
            value = odd ? sinPhi : cosPhi;
            negate = (quadrant + 1) & 2;
        }
        return Double.longBitsToDouble(Double.doubleToRawLongBits(value) ^ (negate << 62));
    }
}
