package org.parax4j.distribution;

/**
 * The error function and its complement in double precision, public for other modules (the
 * engine's recorded {@code erf}/{@code erfc}). The same routines as {@link Normal}'s CDF: W. J.
 * Cody's rational Chebyshev approximations (Math. Comp. 23:631–637, 1969), relative error about
 * 1e-16, with the exact-square split of {@code exp(−x²)} so that {@code erfc} keeps its relative
 * accuracy in the upper tail down to underflow ({@code erfc(x) = 0} for {@code x ≥ 27}).
 * Stateless and thread-safe.
 */
public final class ErrorFunction {

    private ErrorFunction() {}

    /**
     * {@code erf(x) = 2/√π ∫₀ˣ e^(−t²) dt}; odd, ±1 at ±∞, NaN for NaN.
     *
     * @param x any double
     * @return erf(x), in [−1, 1]
     */
    public static double erf(double x) {
        return NormalFunctions.erf(x);
    }

    /**
     * {@code erfc(x) = 1 − erf(x)}, accurate (relative) for large positive x; 2 at −∞, NaN for NaN.
     *
     * @param x any double
     * @return erfc(x), in [0, 2]
     */
    public static double erfc(double x) {
        return NormalFunctions.erfc(x);
    }
}
