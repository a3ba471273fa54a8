package org.parax4j.engine.internal.vector;

/**
 * {@code exp} for double and float built only from IEEE additions, multiplications, fused
 * multiply-adds and bit operations, so its vector twin ({@link PanamaVectorSupport}) gives the
 * same bits lane by lane, in every JIT tier and on every thread. (The Vector API's own
 * {@code EXP} does not: compiled code uses SVML, interpreted code {@link Math#exp}, which differ
 * in the last bit.)
 *
 * <p>Method: Cody–Waite range reduction {@code x = k·ln2 + r}, {@code |r| ≤ ln2/2}, with
 * {@code ln2} split in a high part (exact products {@code k·hi}) and a low part (W. J. Cody and
 * W. Waite, <i>Software Manual for the Elementary Functions</i>, 1980); {@code k} by the
 * round-to-nearest shifter {@code 1.5·2^52}; {@code e^r} by its Taylor polynomial of degree 13
 * (double; truncation below 5e-18) or 7 (float) in Horner form (J.-M. Muller, <i>Elementary
 * Functions</i>, ch. 11); the result is {@code p·2^⌊k/2⌋·2^{k−⌊k/2⌋}} so that subnormal results
 * round once. Arguments are clamped to {@code [−746, 710]} (results 0 and ∞ beyond). Accuracy,
 * tested against {@link Math#exp}: within 1 ulp (double) and 1 ulp of the correctly rounded float.
 */
public final class ExpMath {

    static final double LOG2E = 1.4426950408889634;
    static final double SHIFT = 0x1.8p52;
    static final double LN2_HI = 0x1.62e42fee00000p-1;
    static final double LN2_LO = 0x1.a39ef35793c76p-33;
    static final double MIN = -746;
    static final double MAX = 710;
    /** Taylor coefficients {@code 1/n!}, highest first, for {@code n = 13 … 0}. */
    static final double[] C = coefficients(13);

    static final float LOG2E_F = 1.44269504f;
    static final float SHIFT_F = 0x1.8p23f;
    static final float LN2_HI_F = 0.693359375f;
    static final float LN2_LO_F = -2.12194440e-4f;
    static final float MIN_F = -104;
    static final float MAX_F = 89;
    static final float[] C_F = floatCoefficients(7);

    private ExpMath() {}

    /** {@code e^x} within 1 ulp; allocates nothing. */
    public static double exp(double x) {
        x = Math.min(Math.max(x, MIN), MAX);
        double t = Math.fma(x, LOG2E, SHIFT);
        double k = t - SHIFT;
        double r = Math.fma(k, -LN2_HI, x);
        r = Math.fma(k, -LN2_LO, r);
        double p = C[0];
        for (int i = 1; i < C.length; i++) {
            p = Math.fma(p, r, C[i]);
        }
        long n = Double.doubleToRawLongBits(t) - Double.doubleToRawLongBits(SHIFT);
        long n1 = n >> 1;
        long n2 = n - n1;
        return p * Double.longBitsToDouble((n1 + 1023) << 52) * Double.longBitsToDouble((n2 + 1023) << 52);
    }

    /** {@code e^x} in float, within 1 ulp of the correctly rounded result; allocates nothing. */
    public static float exp(float x) {
        x = Math.min(Math.max(x, MIN_F), MAX_F);
        float t = Math.fma(x, LOG2E_F, SHIFT_F);
        float k = t - SHIFT_F;
        float r = Math.fma(k, -LN2_HI_F, x);
        r = Math.fma(k, -LN2_LO_F, r);
        float p = C_F[0];
        for (int i = 1; i < C_F.length; i++) {
            p = Math.fma(p, r, C_F[i]);
        }
        int n = Float.floatToRawIntBits(t) - Float.floatToRawIntBits(SHIFT_F);
        int n1 = n >> 1;
        int n2 = n - n1;
        return p * Float.intBitsToFloat((n1 + 127) << 23) * Float.intBitsToFloat((n2 + 127) << 23);
    }

    private static double[] coefficients(int degree) {
        double[] c = new double[degree + 1];
        double factorial = 1;
        for (int n = 0; n <= degree; n++) {
            factorial *= Math.max(n, 1);
            c[degree - n] = 1 / factorial;
        }
        return c;
    }

    private static float[] floatCoefficients(int degree) {
        double[] c = coefficients(degree);
        float[] f = new float[c.length];
        for (int i = 0; i < c.length; i++) {
            f[i] = (float) c[i];
        }
        return f;
    }
}
