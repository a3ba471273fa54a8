package org.parax4j.engine.internal.random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The in-place exp and log kernels: every vector implementation gives the scalar twin's bits at tail sizes. */
class ExpLogKernelsTest {

    private static final double[] SPECIAL = {0.0, -0.0, -1.0, Double.NaN, Double.POSITIVE_INFINITY,
        Double.NEGATIVE_INFINITY, Double.MIN_VALUE, Double.MIN_NORMAL, 1.0, 1e300, 800, -800, 709.7, -707.9};

    private static double[] inputs(int n, boolean positive) {
        SplittableRandom rng = new SplittableRandom(n * 31L + (positive ? 1 : 0));
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i % 11 == 10 ? SPECIAL[i % SPECIAL.length]
                    : positive ? Math.exp(rng.nextDouble(-700, 700)) : rng.nextDouble(-50, 50);
        }
        return x;
    }

    @ParameterizedTest
    @MethodSource("org.parax4j.engine.internal.random.RandomKernelsTest#vectorCases")
    void expMatchesScalarTwinAndMath(RandomKernelsTest.Impl impl, int n) {
        double[] x = inputs(n, false);
        double[] got = x.clone();
        double[] want = x.clone();
        impl.kernels().exp(got, 0, got, 0, n);
        RandomKernelsTest.SCALAR.exp(want, 0, want, 0, n);
        for (int i = 0; i < n; i++) {
            assertEquals(Double.doubleToLongBits(want[i]), Double.doubleToLongBits(got[i]), "exp(" + x[i] + ")");
            if (x[i] > -700 && x[i] < 700) {
                double exact = Math.exp(x[i]);
                assertTrue(Math.abs(got[i] - exact) <= 2 * Math.ulp(exact), "exp(" + x[i] + ") = " + got[i]);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("org.parax4j.engine.internal.random.RandomKernelsTest#vectorCases")
    void logMatchesScalarTwinAndMath(RandomKernelsTest.Impl impl, int n) {
        double[] x = inputs(n, true);
        double[] got = x.clone();
        double[] want = x.clone();
        impl.kernels().log(got, 0, got, 0, n, 1);
        RandomKernelsTest.SCALAR.log(want, 0, want, 0, n, 1);
        for (int i = 0; i < n; i++) {
            assertEquals(Double.doubleToLongBits(want[i]), Double.doubleToLongBits(got[i]), "log(" + x[i] + ")");
            double exact = Math.log(x[i]);
            if (Double.isFinite(exact) && exact != 0) {
                assertTrue(Math.abs(got[i] - exact) <= 4 * Math.ulp(exact), "log(" + x[i] + ") = " + got[i]);
            } else {
                assertEquals(exact, got[i], "log(" + x[i] + ")");
            }
        }
    }

    /** Out of place with a scale (log10 of the batched executor): the twins agree and equal log·scale. */
    @ParameterizedTest
    @MethodSource("org.parax4j.engine.internal.random.RandomKernelsTest#vectorCases")
    void scaledLogOutOfPlaceMatchesScalarTwin(RandomKernelsTest.Impl impl, int n) {
        double[] x = inputs(n, true);
        double scale = 1 / Math.log(10);
        double[] got = new double[n + 3];
        double[] want = new double[n + 3];
        impl.kernels().log(x, 0, got, 3, n, scale);
        RandomKernelsTest.SCALAR.log(x, 0, want, 3, n, scale);
        double[] exp = new double[n + 1];
        impl.kernels().exp(x, 0, exp, 1, n);
        for (int i = 0; i < n; i++) {
            assertEquals(Double.doubleToLongBits(want[3 + i]), Double.doubleToLongBits(got[3 + i]), "log10(" + x[i] + ")");
            assertEquals(Double.doubleToLongBits(org.parax4j.engine.internal.math.LogMath.log(x[i]) * scale),
                    Double.doubleToLongBits(got[3 + i]), "log10(" + x[i] + ")");
            assertEquals(Double.doubleToLongBits(org.parax4j.engine.internal.math.ExpMath.exp(x[i])),
                    Double.doubleToLongBits(exp[1 + i]), "exp(" + x[i] + ")");
        }
    }
}
