package org.parax4j.engine.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parax4j.module.Meta;
import org.parax4j.module.SensitivityKind;
import org.parax4j.param.Parameters;

/** Sensitivity kinds by hand on {@code y = a·x²}, elementwise over x = (2, 0, −1) with a = 3. */
class SensitivityTest {

    static final double A = 3;

    static ModelFunction<Fixtures.Quadratic> quadratic() {
        Fixtures.Quadratic model = new Fixtures.Quadratic(Parameters.free(A), Parameters.free(new double[] {2, 0, -1}),
                Meta.NONE);
        return ModelFunction.record(model, (m, g) -> g.param(m.a()).mul(g.param(m.x()).square()));
    }

    @Test
    void absoluteIsTheJacobian() {
        Map<String, double[]> s = quadratic().funcSensitivity(SensitivityKind.ABSOLUTE);
        assertArrayEquals(new double[] {4, 0, 1}, s.get("a"), 0);                 // dy/da = x²
        assertArrayEquals(new double[] {2 * A * 2, 0, 0}, s.get("x_0"), 0);        // dy_i/dx_j = 2a·x_i·δij
        assertArrayEquals(new double[] {0, 0, 0}, s.get("x_1"), 0);
        assertArrayEquals(new double[] {0, 0, 2 * A * -1}, s.get("x_2"), 0);
    }

    @Test
    void semiRelativeMultipliesByTheLatentValue() {
        Map<String, double[]> s = quadratic().funcSensitivity(SensitivityKind.SEMI_RELATIVE);
        assertArrayEquals(new double[] {4 * A, 0, A}, s.get("a"), 0);              // a·x²
        assertArrayEquals(new double[] {2 * A * 4, 0, 0}, s.get("x_0"), 0);        // 2a·x²
        assertArrayEquals(new double[] {0, 0, 2 * A}, s.get("x_2"), 0);
    }

    @Test
    void relativeDividesByTheOutputAndGuardsZero() {
        Map<String, double[]> s = quadratic().funcSensitivity(SensitivityKind.RELATIVE);
        assertArrayEquals(new double[] {1, 0, 1}, s.get("a"), 1e-15);              // y = 0 at x_1: 0
        assertArrayEquals(new double[] {2, 0, 0}, s.get("x_0"), 1e-15);
        assertArrayEquals(new double[] {0, 0, 2}, s.get("x_2"), 1e-15);
    }

    @Test
    void normsOfAllSensitivities() {
        ModelFunction<Fixtures.Quadratic> f = quadratic();
        // relative: entries 1, 1 (a), 2 (x_0), 2 (x_2), zeros elsewhere
        assertEquals(6, f.funcSensitivity(SensitivityKind.RELATIVE, 1), 1e-14);
        assertEquals(Math.sqrt(10), f.funcSensitivity(SensitivityKind.RELATIVE, 2), 1e-14);
        assertEquals(2, f.funcSensitivity(SensitivityKind.RELATIVE, Double.POSITIVE_INFINITY), 1e-14);
        var e = assertThrows(IllegalArgumentException.class, () -> f.funcSensitivity(SensitivityKind.ABSOLUTE, 3));
        assertEquals("norm must be 1, 2 or Double.POSITIVE_INFINITY, got 3.0", e.getMessage());
    }

    @Test
    void matchesTheModulesApiFiniteDifferenceReference() {
        ModelFunction<Fixtures.Quadratic> f = quadratic();
        for (SensitivityKind kind : SensitivityKind.values()) {
            Map<String, double[]> exact = f.funcSensitivity(kind);
            Map<String, double[]> numeric = OpaqueFunctions.funcSensitivity(f.model(),
                    (Fixtures.Quadratic m) -> f.evaluate(m), kind);
            assertEquals(exact.keySet(), numeric.keySet());
            for (String name : exact.keySet()) {
                assertArrayEquals(exact.get(name), numeric.get(name), 1e-7, kind + " " + name);
            }
        }
    }
}
