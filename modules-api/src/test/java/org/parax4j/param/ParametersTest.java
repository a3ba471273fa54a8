package org.parax4j.param;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parax4j.param.ParameterTest.assertMessage;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.parax4j.distribution.Independent;
import org.parax4j.distribution.Normal;
import org.parax4j.distribution.Uniform;

/** The factories of {@link Parameters}. */
class ParametersTest {

    @Test
    void uniformDefaultsToTheMidpoint() {
        Parameter p = Parameters.uniform(1, 4);
        assertEquals(2.5, p.scalarValue());
        assertEquals(Optional.of(new Uniform(1, 4)), p.distribution());
        assertFalse(p.isFixed());
        assertFalse(p.hasBounds());
        assertEquals(1.5, Parameters.uniform(1, 4, 1.5).scalarValue());
        assertMessage(assertThrows(IllegalArgumentException.class, () -> Parameters.uniform(1, 4, 5)), "value",
                "[1.0, 4.0]", "5.0");
        assertThrows(IllegalArgumentException.class, () -> Parameters.uniform(4, 1));
        assertThrows(IllegalArgumentException.class, () -> Parameters.uniform(Double.NaN, 1));
    }

    @Test
    void uniformVector() {
        Parameter p = Parameters.uniform(new double[] {0, 2}, new double[] {1, 6});
        assertArrayEquals(new double[] {0.5, 4}, p.value());
        assertArrayEquals(new int[] {2}, p.shape());
        assertEquals(Optional.of(new Independent(List.of(new Uniform(0, 1), new Uniform(2, 6)))), p.distribution());
        assertArrayEquals(new double[] {0.25, 5}, Parameters.uniform(new double[] {0, 2}, new double[] {1, 6},
                new double[] {0.25, 5}).value());
        assertMessage(assertThrows(IllegalArgumentException.class,
                () -> Parameters.uniform(new double[] {0, 2}, new double[] {1})), "low", "high", "2", "1");
        assertMessage(assertThrows(IllegalArgumentException.class,
                () -> Parameters.uniform(new double[] {0, 2}, new double[] {1, 6}, new double[] {0.5, 7})),
                "element 1", "value[1]", "7.0");
        assertMessage(assertThrows(IllegalArgumentException.class,
                () -> Parameters.uniform(new double[] {0, 7}, new double[] {1, 6})), "element 1");
        assertThrows(IllegalArgumentException.class, () -> Parameters.uniform(new double[0], new double[0]));
    }

    @Test
    void relativeUniformIsOrderedForNegativeMeans() {
        Parameter p = Parameters.relativeUniform(10, 0.1);
        assertEquals(10.0, p.scalarValue());
        Uniform u = (Uniform) p.distribution().orElseThrow();
        assertEquals(9.0, u.low(), 1e-12);
        assertEquals(11.0, u.high(), 1e-12);
        Uniform neg = (Uniform) Parameters.relativeUniform(-10, 0.1).distribution().orElseThrow();
        assertEquals(-11.0, neg.low(), 1e-12);
        assertEquals(-9.0, neg.high(), 1e-12);
        Parameter v = Parameters.relativeUniform(new double[] {10, -10}, 0.5);
        assertEquals(new Uniform(-15, -5), v.distribution().orElseThrow().marginal(1));
        assertMessage(assertThrows(IllegalArgumentException.class, () -> Parameters.relativeUniform(0, 0.1)),
                "mean", "0.0");
        assertMessage(assertThrows(IllegalArgumentException.class, () -> Parameters.relativeUniform(1, -0.1)),
                "fraction", "-0.1");
        assertMessage(assertThrows(IllegalArgumentException.class,
                () -> Parameters.relativeUniform(new double[] {1, 0}, 0.1)), "mean[1]");
    }

    @Test
    void centeredUniform() {
        Parameter p = Parameters.centeredUniform(2, 0.5);
        assertEquals(2.0, p.scalarValue());
        assertEquals(Optional.of(new Uniform(1.5, 2.5)), p.distribution());
        assertEquals(new Uniform(-1, 1), Parameters.centeredUniform(new double[] {2, 0}, 1).distribution()
                .orElseThrow().marginal(1));
        assertMessage(assertThrows(IllegalArgumentException.class, () -> Parameters.centeredUniform(2, 0)),
                "halfWidth", "0.0");
        assertThrows(IllegalArgumentException.class, () -> Parameters.centeredUniform(Double.NaN, 1));
    }

    @Test
    void normalDefaultsToTheMean() {
        Parameter p = Parameters.normal(1, 0.05);
        assertEquals(1.0, p.scalarValue());
        assertEquals(Optional.of(new Normal(1, 0.05)), p.distribution());
        assertEquals(1.2, Parameters.normal(1, 0.05, 1.2).scalarValue());
        assertThrows(IllegalArgumentException.class, () -> Parameters.normal(1, -1));
        assertThrows(IllegalArgumentException.class, () -> Parameters.normal(1, 1, Double.NaN));
        Parameter v = Parameters.normal(new double[] {0, 0, 0, 0}, new double[] {0.1, 0.1, 0.1, 0.1});
        assertEquals(4, v.distribution().orElseThrow().dimension());
        assertArrayEquals(new double[4], v.value());
        assertArrayEquals(new double[] {1, 2}, Parameters.normal(new double[] {0, 0}, new double[] {1, 1},
                new double[] {1, 2}).value());
        assertThrows(IllegalArgumentException.class,
                () -> Parameters.normal(new double[] {0, 0}, new double[] {1, 1}, new double[] {1}));
    }

    @Test
    void relativeNormal() {
        Parameter p = Parameters.relativeNormal(-20, 0.1);
        assertEquals(-20.0, p.scalarValue());
        assertEquals(Optional.of(new Normal(-20, 2)), p.distribution());
        assertEquals(new Normal(4, 2), Parameters.relativeNormal(new double[] {1, 4}, 0.5).distribution()
                .orElseThrow().marginal(1));
        assertThrows(IllegalArgumentException.class, () -> Parameters.relativeNormal(0, 0.1));
        assertThrows(IllegalArgumentException.class, () -> Parameters.relativeNormal(1, Double.NaN));
    }

    @Test
    void fixedAndFree() {
        assertTrue(Parameters.fixed(50).isFixed());
        assertEquals(50.0, Parameters.fixed(50).scalarValue());
        assertFalse(Parameters.free(50).isFixed());
        assertEquals(Parameter.of(50), Parameters.free(50));
        assertArrayEquals(new double[] {1, 2}, Parameters.fixed(new double[] {1, 2}).value());
        assertTrue(Parameters.fixed(new double[] {1, 2}).isFixed());
        assertEquals(Parameter.of(1, 2), Parameters.free(new double[] {1, 2}));
        assertThrows(IllegalArgumentException.class, () -> Parameters.fixed(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> Parameters.free(new double[0]));
    }
}
