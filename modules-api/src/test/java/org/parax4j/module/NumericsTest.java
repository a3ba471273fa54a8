package org.parax4j.module;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.parax4j.distribution.Normal;
import org.parax4j.module.TestModules.Square;
import org.parax4j.param.Parameter;

/** funcJacobian, funcSensitivity and funcSamples on y = a·x² at x = (0, 1, 2, -3), a = 2. */
class NumericsTest {

    static final double[] X = {0, 1, 2, -3};

    static final Function<Square, double[]> F = m -> {
        double a = m.a().scalarValue();
        double[] y = new double[X.length];
        for (int i = 0; i < X.length; i++) {
            y[i] = a * X[i] * X[i];
        }
        return y;
    };

    static Square square() {
        TestModules.register();
        return new Square(Parameter.builder().value(2).distribution(new Normal(2, 0.1)).build(), Meta.NONE);
    }

    @Test
    void jacobianMatchesTheAnalyticDerivative() {
        Map<String, double[]> j = square().funcJacobian(F);
        assertEquals(List.of("a"), List.copyOf(j.keySet()));
        assertArrayEquals(new double[] {0, 1, 4, 9}, j.get("a"), 1e-8, "dy/da = x²");
    }

    @Test
    void sensitivityKindsByHand() {
        Square m = square();
        assertArrayEquals(new double[] {0, 1, 4, 9}, m.funcSensitivity(F, SensitivityKind.ABSOLUTE).get("a"), 1e-8);
        assertArrayEquals(new double[] {0, 2, 8, 18}, m.funcSensitivity(F, SensitivityKind.SEMI_RELATIVE).get("a"), 1e-8);
        // relative: x²·a / (a·x²) = 1, and 0 where y = 0
        assertArrayEquals(new double[] {0, 1, 1, 1}, m.funcSensitivity(F, SensitivityKind.RELATIVE).get("a"), 1e-8);
    }

    @Test
    void sensitivityNorms() {
        Square m = square();
        assertEquals(28, m.funcSensitivity(F, SensitivityKind.SEMI_RELATIVE, 1), 1e-7);
        assertEquals(Math.sqrt(4 + 64 + 324), m.funcSensitivity(F, SensitivityKind.SEMI_RELATIVE, 2), 1e-7);
        assertEquals(18, m.funcSensitivity(F, SensitivityKind.SEMI_RELATIVE, Double.POSITIVE_INFINITY), 1e-7);
        var e = assertThrows(IllegalArgumentException.class, () -> m.funcSensitivity(F, SensitivityKind.ABSOLUTE, 3));
        assertTrue(e.getMessage().contains("norm must be 1, 2 or Double.POSITIVE_INFINITY, got 3.0"), e.getMessage());
    }

    @Test
    void samplesEvaluateTheFunctionPerDraw() {
        Square m = square();
        double[][] s = m.funcSamples(F, new SplittableRandom(9), 50);
        assertEquals(50, s.length);
        SplittableRandom rng = new SplittableRandom(9);
        for (double[] row : s) {
            Square drawn = m.sampled(rng);
            assertArrayEquals(F.apply(drawn), row, 0);
            assertEquals(row[1], row[2] / 4, 1e-12, "y = a·x² for one a per row");
        }
        var e = assertThrows(IllegalArgumentException.class, () -> m.funcSamples(F, new SplittableRandom(1), -1));
        assertTrue(e.getMessage().contains("numSamples must be >= 0, got -1"), e.getMessage());
    }
}
