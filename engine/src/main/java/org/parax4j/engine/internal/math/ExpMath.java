package org.parax4j.engine.internal.math;

/**
 * The engine's one {@code exp}, for double and float, built only from IEEE additions,
 * multiplications, fused multiply-adds, bit operations and a table lookup, so that its Vector API
 * twin {@link PanamaMath#exp} (used by the kernel tiles, the samplers and the graph executors)
 * gives the same bits lane by lane, in every JIT tier, at every width and on every thread.
 * (The Vector API's own {@code EXP} does not: compiled code uses SVML, interpreted code
 * {@link Math#exp}, which differ in the last bit.)
 *
 * <p>Method (double; float in brackets): {@code x = (8k + j)·ln2/8 + r} [{@code /16}] with
 * {@code |r| ≤ ln2/16} [{@code ln2/32}], {@code k + j/8} by the round-to-nearest shifter
 * {@code 1.5·2^52} [{@code 1.5·2^23}] and {@code ln2/8} split in a high part (exact products) and a
 * low part (Cody–Waite); {@code eʳ = 1 + r·q(r)} with {@code q} the minimax polynomial of
 * {@code (eʳ − 1)/r} of degree 6 (relative error 1.2e-16, which the factor r shrinks below 5e-18)
 * [degree 2, relative error 1.1e-7, shrunk below 3e-9]; the result is
 * {@code 2ᵏ·T[j]·eʳ = 2ᵏ·fma(T[j], r·q, T[j])}, where {@code T[j] = 2^{j/8}} [{@code 2^{j/16}}]
 * correctly rounded. The table holds one vector of 512 bits, so the lookup is a single lane
 * permutation on AVX-512 (two or three at narrower widths). Compared with a degree-13 polynomial
 * on {@code |r| ≤ ln2/2} it does about two thirds of the operations per element (measured 1.8×
 * faster per element in the kernel pass).
 *
 * <p>Range: {@code +∞} above {@value #MAX} (where {@code eˣ} overflows), {@code 0} below
 * {@value #MIN}, where {@code eˣ} would be subnormal (below {@code 3.3e-308}; float:
 * {@value #MIN_F}, {@code 1.2e-38}); results are flushed to zero there rather than rounded
 * twice. NaN gives NaN. Accuracy, tested against {@link Math#exp} and {@link StrictMath#exp} on
 * millions of random arguments: within 1 ulp (double) and within 1 ulp of the correctly rounded
 * float.
 *
 * <p>Stateless and thread-safe; nothing allocates.
 */
public final class ExpMath {

    /** 1.5·2⁵²: adding it rounds a double below 2⁵¹ in magnitude to an integer. */
    public static final double SHIFT = 0x1.8p52;
    /** {@code 8/ln 2}. */
    public static final double EIGHT_OVER_LN2 = 0x1.71547652b82fep3;
    /** High part of {@code ln2/8}, with trailing zero bits so that {@code k·LN2_8_HI} is exact. */
    public static final double LN2_8_HI = 0x1.62e42fee00000p-4;
    /** {@code ln2/8 − LN2_8_HI}. */
    public static final double LN2_8_LO = 0x1.a39ef35793c76p-36;
    /** Below this argument the result is flushed to zero. */
    public static final double MIN = -708;
    /** Above this argument ({@code ln Double.MAX_VALUE}) the result is {@code +∞}. */
    public static final double MAX = 709.782712893384;
    /** Bits of {@code 2⁵²}: or-ed with a small integer {@code j}, the double {@code 2⁵² + j}. */
    public static final long TWO_POW_52_BITS = 0x4330000000000000L;
    public static final double TWO_POW_52 = 0x1.0p52;
    /** {@code 2^{j/8}}, j = 0 … 7, correctly rounded. */
    public static final double[] TABLE = {
        0x1.0000000000000p+0, 0x1.172b83c7d517bp+0, 0x1.306fe0a31b715p+0, 0x1.4bfdad5362a27p+0,
        0x1.6a09e667f3bcdp+0, 0x1.8ace5422aa0dbp+0, 0x1.ae89f995ad3adp+0, 0x1.d5818dcfba487p+0,
    };
    /**
     * Minimax coefficients of {@code (eʳ − 1)/r} on {@code |r| ≤ ln2/16}, highest degree (6) first,
     * from {@code tools/minimax.py}. (The Taylor polynomial needs degree 7 for the same accuracy.)
     */
    public static final double[] Q = {
        0x1.a01a01a281d36p-13, 0x1.6c1c391dbc00fp-10, 0x1.1111111a68933p-7, 0x1.5555554ad2f35p-5,
        0x1.5555555555317p-3, 0x1.00000000000a2p-1, 0x1.0000000000000p+0,
    };

    public static final float SHIFT_F = 0x1.8p23f;
    /** {@code 16/ln 2}. */
    public static final float SIXTEEN_OVER_LN2_F = 23.083120654f;
    public static final float LN2_16_HI_F = 0.693359375f / 16;
    public static final float LN2_16_LO_F = -2.12194440e-4f / 16;
    public static final float MIN_F = -87.33654f;
    public static final float MAX_F = 88.72283f;
    public static final int TWO_POW_23_BITS_F = 0x4b000000;
    public static final float TWO_POW_23_F = 0x1.0p23f;
    /** {@code 2^{j/16}}, j = 0 … 15, correctly rounded to float. */
    public static final float[] TABLE_F = {
        0x1.000000p+0f, 0x1.0b5586p+0f, 0x1.172b84p+0f, 0x1.2387a6p+0f, 0x1.306fe0p+0f, 0x1.3dea64p+0f,
        0x1.4bfdaep+0f, 0x1.5ab07ep+0f, 0x1.6a09e6p+0f, 0x1.7a1148p+0f, 0x1.8ace54p+0f, 0x1.9c4918p+0f,
        0x1.ae89fap+0f, 0x1.c199bep+0f, 0x1.d5818ep+0f, 0x1.ea4afap+0f,
    };
    /**
     * Minimax coefficients of {@code (eʳ − 1)/r} on {@code |r| ≤ ln2/32}, degree 2, highest first,
     * rounded to float (relative error 1.1e-7, times |r| ≤ 0.022: below 0.05 float ulp).
     */
    public static final float[] Q_F = {0x1.555556p-3f, 0x1.0001ecp-1f, 0x1.000000p+0f};

    private ExpMath() {}

    /** {@code eˣ} within 1 ulp (see the class notes for the range); allocates nothing. */
    public static double exp(double x) {
        if (!(x >= MIN)) {
            return x < MIN ? 0 : x;
        }
        if (x > MAX) {
            return Double.POSITIVE_INFINITY;
        }
        // The operation sequence that every vector twin repeats lane by lane.
        double t = Math.fma(x, EIGHT_OVER_LN2, SHIFT);
        double k = t - SHIFT;
        double r = Math.fma(k, -LN2_8_HI, x);
        r = Math.fma(k, -LN2_8_LO, r);
        double q = Q[0];
        for (int i = 1; i < Q.length; i++) {
            q = Math.fma(q, r, Q[i]);
        }
        long n = Double.doubleToRawLongBits(t) - Double.doubleToRawLongBits(SHIFT);
        double table = TABLE[(int) (n & 7)];
        double e = Math.fma(table, r * q, table);
        return Double.longBitsToDouble(Double.doubleToRawLongBits(e) + ((n >> 3) << 52));
    }

    /** {@code eˣ} in float, within 1 ulp of the correctly rounded result; allocates nothing. */
    public static float exp(float x) {
        if (!(x >= MIN_F)) {
            return x < MIN_F ? 0 : x;
        }
        if (x > MAX_F) {
            return Float.POSITIVE_INFINITY;
        }
        float t = Math.fma(x, SIXTEEN_OVER_LN2_F, SHIFT_F);
        float k = t - SHIFT_F;
        float r = Math.fma(k, -LN2_16_HI_F, x);
        r = Math.fma(k, -LN2_16_LO_F, r);
        float q = Q_F[0];
        for (int i = 1; i < Q_F.length; i++) {
            q = Math.fma(q, r, Q_F[i]);
        }
        int n = Float.floatToRawIntBits(t) - Float.floatToRawIntBits(SHIFT_F);
        float table = TABLE_F[n & 15];
        float e = Math.fma(table, r * q, table);
        return Float.intBitsToFloat(Float.floatToRawIntBits(e) + ((n >> 4) << 23));
    }
}
