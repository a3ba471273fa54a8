package org.parax4j.engine.internal.random;

import org.parax4j.engine.internal.math.LogMath;

/**
 * The standard normal quantile Φ⁻¹ by Wichura's algorithm AS 241 (PPND16, Applied Statistics
 * 37:477–484, 1988; about 1e-16 relative), in the branch-free-friendly form both kernel
 * implementations share: the same coefficients and the same Horner order with fused multiply-adds,
 * and {@link LogMath#logNormal}, so the scalar and Vector API results are bit-identical.
 *
 * <p>The coefficients are those of the modules-api {@code NormalFunctions}, which keeps them
 * package-private; they are repeated here so the engine can evaluate them lanewise.
 *
 * <p>Stateless and thread-safe.
 */
final class InverseNormal {

    /** Central region: |p − ½| ≤ {@value}. */
    static final double SPLIT1 = 0.425;
    /** {@code SPLIT1²}. */
    static final double CONST1 = 0.180625;
    /** Near tail: {@code r = √(−log min(p, 1−p)) ≤} {@value}. */
    static final double SPLIT2 = 5;
    /** Shift of the near-tail polynomial argument. */
    static final double CONST2 = 1.6;

    // Ascending powers; denominators have a leading 1.
    static final double[] A = {3.3871328727963666080e0, 1.3314166789178437745e2,
        1.9715909503065514427e3, 1.3731693765509461125e4, 4.5921953931549871457e4, 6.7265770927008700853e4,
        3.3430575583588128105e4, 2.5090809287301226727e3};
    static final double[] B = {1.0, 4.2313330701600911252e1, 6.8718700749205790830e2,
        5.3941960214247511077e3, 2.1213794301586595867e4, 3.9307895800092710610e4, 2.8729085735721942674e4,
        5.2264952788528545610e3};
    static final double[] C = {1.42343711074968357734e0, 4.63033784615654529590e0,
        5.76949722146069140550e0, 3.64784832476320460504e0, 1.27045825245236838258e0, 2.41780725177450611770e-1,
        2.27238449892691845833e-2, 7.74545014278341407640e-4};
    static final double[] D = {1.0, 2.05319162663775882187e0, 1.67638483018380384940e0,
        6.89767334985100004550e-1, 1.48103976427480074590e-1, 1.51986665636164571966e-2,
        5.47593808499534494600e-4, 1.05075007164441684324e-9};
    static final double[] E = {6.65790464350110377720e0, 5.46378491116411436990e0,
        1.78482653991729133580e0, 2.96560571828504891230e-1, 2.65321895265761230930e-2,
        1.24266094738807843860e-3, 2.71155556874348757815e-5, 2.01033439929228813265e-7};
    static final double[] F = {1.0, 5.99832206555887937690e-1, 1.36929880922735805310e-1,
        1.48753612908506148525e-2, 7.86869131145613259100e-4, 1.84631831751005468180e-5,
        1.42151175831644588870e-7, 2.04426310338993978564e-15};

    private InverseNormal() {}

    /** Φ⁻¹(p) for p in the open interval (0, 1); callers keep p away from 0 and 1. */
    static double icdf(double p) {
        double q = p - 0.5;
        if (Math.abs(q) <= SPLIT1) {
            double r = CONST1 - q * q;
            return q * horner(A, r) / horner(B, r);
        }
        double r = Math.sqrt(-LogMath.logNormal(Math.min(p, 1 - p)));
        double v;
        if (r <= SPLIT2) {
            double s = r - CONST2;
            v = horner(C, s) / horner(D, s);
        } else {
            double s = r - SPLIT2;
            v = horner(E, s) / horner(F, s);
        }
        return q < 0 ? -v : v;
    }

    /** Σ c[k]·x^k by Horner's rule with fused multiply-adds. */
    static double horner(double[] c, double x) {
        double acc = c[c.length - 1];
        for (int k = c.length - 2; k >= 0; k--) {
            acc = Math.fma(acc, x, c[k]);
        }
        return acc;
    }
}
