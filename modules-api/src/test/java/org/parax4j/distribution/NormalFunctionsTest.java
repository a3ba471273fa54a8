package org.parax4j.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hipparchus.special.Erf;
import org.junit.jupiter.api.Test;

/** Cody's erf/erfc and AS 241 against Hipparchus and published values. */
class NormalFunctionsTest {

    private static void assertRel(double expected, double actual, double tol, String what) {
        double scale = Math.max(Math.abs(expected), Double.MIN_NORMAL);
        assertTrue(Math.abs(expected - actual) <= tol * scale,
                what + ": expected " + expected + ", got " + actual + " (rel " + Math.abs(expected - actual) / scale + ")");
    }

    @Test
    void erfAndErfcAgreeWithHipparchus() {
        for (double x = -6; x <= 6; x += 0.01) {
            assertRel(Erf.erf(x), NormalFunctions.erf(x), 1e-15 + (Math.abs(x) < 0.1 ? 1e-14 : 0), "erf(" + x + ")");
            assertRel(Erf.erfc(x), NormalFunctions.erfc(x), 2e-14, "erfc(" + x + ")");
        }
        // Hipparchus loses ~x²·ε in the far tail (it rounds x² before exp); allow for that
        for (double x = 6; x < 26; x += 0.37) {
            assertRel(Erf.erfc(x), NormalFunctions.erfc(x), 1e-15 * (4 + 2 * x * x), "erfc(" + x + ")");
        }
        // mpmath, 40 digits: the exact-square split keeps full accuracy where Hipparchus does not
        assertRel(3.169940918074267464e-287, NormalFunctions.erfc(25.61000000000001), 1e-15, "erfc(25.61)");
        assertEquals(0.0, NormalFunctions.erf(0.0));
        assertEquals(1.0, NormalFunctions.erf(Double.POSITIVE_INFINITY));
        assertEquals(2.0, NormalFunctions.erfc(Double.NEGATIVE_INFINITY));
        assertTrue(Double.isNaN(NormalFunctions.erf(Double.NaN)));
    }

    @Test
    void knownValuesOfTheStandardNormal() {
        assertRel(0.9750021048517795, NormalFunctions.cdf(1.96), 1e-15, "Φ(1.96)");
        assertRel(0.024997895148220435, NormalFunctions.cdf(-1.96), 1e-15, "Φ(-1.96)");
        assertRel(1.959963984540054, NormalFunctions.icdf(0.975), 1e-15, "Φ⁻¹(0.975)");
        assertRel(-6.361340902404056, NormalFunctions.icdf(1e-10), 1e-14, "Φ⁻¹(1e-10)");
        assertEquals(0.5, NormalFunctions.cdf(0.0));
        assertEquals(0.0, NormalFunctions.icdf(0.5));
        assertEquals(Double.NEGATIVE_INFINITY, NormalFunctions.icdf(0));
        assertEquals(Double.POSITIVE_INFINITY, NormalFunctions.icdf(1));
        assertTrue(Double.isNaN(NormalFunctions.icdf(1.5)));
        // Φ(−10) = 7.619853024160526e-24 (DLMF / mpmath)
        assertRel(7.619853024160526e-24, NormalFunctions.cdf(-10), 1e-14, "Φ(-10)");
    }

    @Test
    void logCdfIsFiniteAndAccurateFarInTheTail() {
        // log Φ(−40) = −804.6084420137538 (mpmath, 40 digits: −804.60844201375378817...)
        double lc = NormalFunctions.logCdf(-40);
        assertRel(-804.6084420137537882, lc, 1e-15, "log Φ(-40)");
        // asymptotic check far beyond: log Φ(−x) ≈ −x²/2 − log(x) − log√(2π) − 1/x²
        double x = 1e4;
        assertRel(-0.5 * x * x - Math.log(x) - NormalFunctions.LOG_SQRT_2PI - 1 / (x * x),
                NormalFunctions.logCdf(-x), 1e-15, "log Φ(-1e4)");
        assertEquals(Math.log(NormalFunctions.cdf(-5)), NormalFunctions.logCdf(-5), 1e-14);
        assertRel(-NormalFunctions.cdf(-9), NormalFunctions.logCdf(9), 1e-12, "log Φ(9)");
        assertEquals(Double.NEGATIVE_INFINITY, NormalFunctions.logCdf(Double.NEGATIVE_INFINITY));
        assertEquals(0.0, NormalFunctions.logCdf(Double.POSITIVE_INFINITY), 0.0);
    }

    @Test
    void cdfAgreesWithHipparchusAcrossTheRange() {
        var ref = new org.hipparchus.distribution.continuous.NormalDistribution(0, 1);
        for (double x = -37; x <= 8; x += 0.013) {
            double expected = x < 0 ? ref.cumulativeProbability(x) : 1 - ref.cumulativeProbability(-x);
            assertRel(expected, NormalFunctions.cdf(x), 1e-15 * (4 + x * x), "Φ(" + x + ")");
        }
        // mpmath, 40 digits
        assertRel(5.725571222524576823e-300, NormalFunctions.cdf(-37), 1e-15, "Φ(-37)");
    }

    @Test
    void quantileInvertsTheCdf() {
        for (double p = 1e-300; p < 0.5; p *= 3.7) {
            double x = NormalFunctions.icdf(p);
            assertRel(p, NormalFunctions.cdf(x), 1e-13 * Math.max(1, Math.abs(x)), "Φ(Φ⁻¹(" + p + "))");
            assertRel(x, NormalFunctions.icdfLog(Math.log(p)), 1e-14, "icdfLog at p=" + p);
        }
        for (double logP = -800; logP <= -700; logP += 7.5) {
            double x = NormalFunctions.icdfLog(logP);
            assertRel(logP, NormalFunctions.logCdf(x), 1e-14, "log Φ(Φ⁻¹(exp " + logP + "))");
        }
        assertRel(1.959963984540054, NormalFunctions.icdfLog(Math.log(0.975)), 1e-14, "icdfLog(log 0.975)");
        assertRel(-NormalFunctions.icdf(1e-20), NormalFunctions.icdfLog(-1e-20), 1e-14, "icdfLog(-1e-20)");
    }

    @Test
    void log1mExpIsAccurateOnBothBranches() {
        assertRel(Math.log(-Math.expm1(-1e-10)), NormalFunctions.log1mExp(-1e-10), 1e-15, "near 0");
        assertRel(Math.log1p(-Math.exp(-50)), NormalFunctions.log1mExp(-50), 1e-15, "far");
        assertRel(Math.log(1 - Math.exp(-1)), NormalFunctions.log1mExp(-1), 1e-15, "middle");
    }
}
