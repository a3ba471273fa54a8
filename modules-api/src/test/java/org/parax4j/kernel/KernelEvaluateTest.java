package org.parax4j.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.parax4j.module.Meta;
import org.parax4j.param.Parameter;

/** Each kernel's value at x = (1, 2), y = (2, 4) against a hand computation (‖x − y‖² = 5). */
class KernelEvaluateTest {

    static final double[] X = {1, 2};
    static final double[] Y = {2, 4};

    @Test
    void rbfScalarAndArd() {
        assertEquals(Math.exp(-0.5 * 5 / 4), new RBFKernel(2).evaluate(X, Y), 1e-15);
        RBFKernel ard = new RBFKernel(Parameter.of(new double[] {1, 2}), Meta.NONE);
        // (1/1)² + (2/2)² = 2
        assertEquals(Math.exp(-1), ard.evaluate(X, Y), 1e-15);
        assertEquals(1, ard.evaluate(X, X));
    }

    @Test
    void maternOfEachSmoothness() {
        double r = Math.sqrt(5) / 2;
        assertEquals(Math.exp(-r), new MaternKernel(2, MaternKernel.Smoothness.HALF).evaluate(X, Y), 1e-15);
        double s3 = Math.sqrt(3) * r;
        assertEquals((1 + s3) * Math.exp(-s3), new MaternKernel(2, MaternKernel.Smoothness.THREE_HALVES)
                .evaluate(X, Y), 1e-15);
        double s5 = Math.sqrt(5) * r;
        assertEquals((1 + s5 + s5 * s5 / 3) * Math.exp(-s5), new MaternKernel(2, null).evaluate(X, Y), 1e-15);
    }

    @Test
    void rationalQuadratic() {
        RationalQuadraticKernel k = new RationalQuadraticKernel(Parameter.of(2.0), Parameter.of(3.0), Meta.NONE);
        // r² = 5/4; (1 + r²/(2·3))^(-3)
        assertEquals(Math.pow(1 + 1.25 / 6, -3), k.evaluate(X, Y), 1e-15);
    }

    @Test
    void periodicSumsPerDimension() {
        PeriodicKernel k = new PeriodicKernel(Parameter.of(2.0), Parameter.of(3.0), Meta.NONE);
        double s1 = Math.sin(Math.PI * 1 / 3) / 2;
        double s2 = Math.sin(Math.PI * 2 / 3) / 2;
        assertEquals(Math.exp(-2 * (s1 * s1 + s2 * s2)), k.evaluate(X, Y), 1e-15);
        assertEquals(1, k.evaluate(X, new double[] {4, 5}), 1e-15, "shift by one period");
    }

    @Test
    void constantScaleAndWhiteNoise() {
        assertEquals(2.5, new ConstantKernel(Parameter.of(2.5), Meta.NONE).evaluate(X, Y));
        ScaleKernel scaled = new ScaleKernel(new RBFKernel(2), Parameter.of(3.0), Meta.NONE);
        assertEquals(3 * Math.exp(-0.625), scaled.evaluate(X, Y), 1e-15);
        WhiteNoiseKernel noise = new WhiteNoiseKernel(Parameter.of(0.5), Meta.NONE);
        assertEquals(0, noise.evaluate(X, Y));
        assertEquals(0.5, noise.evaluate(X, X.clone()));
        assertEquals(0.5, noise.evaluate(new double[] {0.0}, new double[] {-0.0}), "== on doubles: 0.0 == -0.0");
        assertEquals(0, noise.evaluate(new double[] {1}, new double[] {Math.nextUp(1.0)}), "no tolerance");
    }

    @Test
    void scaleOfTheParameterIsApplied() {
        RBFKernel k = new RBFKernel(Parameter.builder().value(1).scale(2).build(), Meta.NONE);
        assertEquals(new RBFKernel(2).evaluate(X, Y), k.evaluate(X, Y), 0);
    }

    @Test
    void plusAndTimes() {
        Kernel<?> a = new RBFKernel(2);
        Kernel<?> b = new ConstantKernel(Parameter.of(0.5), Meta.NONE);
        assertEquals(a.evaluate(X, Y) + 0.5, a.plus(b).evaluate(X, Y), 1e-15);
        assertEquals(a.evaluate(X, Y) * 0.5, a.times(b).evaluate(X, Y), 1e-15);
        Kernel<?> nested = a.plus(b).times(a);
        assertEquals((a.evaluate(X, Y) + 0.5) * a.evaluate(X, Y), nested.evaluate(X, Y), 1e-15);
        assertEquals(java.util.List.of("left_left_lengthScale", "left_right_constant", "right_lengthScale"),
                nested.paramNames());
    }

    @Test
    void nonPositiveLengthScaleIsNamed() {
        var zero = assertThrows(IllegalArgumentException.class, () -> new RBFKernel(0));
        assertEquals("lengthScale must be finite and > 0, got 0.0", zero.getMessage());
        var ard = assertThrows(IllegalArgumentException.class,
                () -> new MaternKernel(Parameter.of(new double[] {1, -2}), null, Meta.NONE));
        assertEquals("lengthScale[1] must be finite and > 0, got -2.0", ard.getMessage());
        var period = assertThrows(IllegalArgumentException.class,
                () -> new PeriodicKernel(Parameter.of(1.0), Parameter.of(-1.0), Meta.NONE));
        assertTrue(period.getMessage().contains("period must be finite and > 0, got -1.0"), period.getMessage());
        var variance = assertThrows(IllegalArgumentException.class,
                () -> new WhiteNoiseKernel(Parameter.of(-1.0), Meta.NONE));
        assertTrue(variance.getMessage().contains("variance must be finite and >= 0, got -1.0"), variance.getMessage());
    }

    @Test
    void dimensionMismatchesAreNamed() {
        RBFKernel ard = new RBFKernel(Parameter.of(new double[] {1, 2}), Meta.NONE);
        var e = assertThrows(IllegalArgumentException.class, () -> ard.evaluate(new double[3], new double[3]));
        assertTrue(e.getMessage().contains("lengthScale has 2 elements") && e.getMessage().contains("d = 3"),
                e.getMessage());
        var pair = assertThrows(IllegalArgumentException.class, () -> ard.evaluate(new double[2], new double[3]));
        assertTrue(pair.getMessage().contains("got 2 and 3"), pair.getMessage());
    }
}
