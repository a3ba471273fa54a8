package org.parax4j.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.parax4j.module.Meta;
import org.parax4j.param.Parameter;

/** Every kernel has a short constructor from plain numbers, equal to its canonical form. */
class KernelConstructorsTest {

    private static Parameter p(double v) {
        return Parameter.of(v);
    }

    @Test
    void shortConstructorsEqualTheCanonicalOnes() {
        RBFKernel rbf = new RBFKernel(0.5);
        assertEquals(new RBFKernel(p(0.5), Meta.NONE), rbf);
        assertEquals(new RBFKernel(Parameter.of(new double[] {0.5, 2}), Meta.NONE), new RBFKernel(new double[] {0.5, 2}));
        assertEquals(new MaternKernel(p(0.7), MaternKernel.Smoothness.FIVE_HALVES, Meta.NONE), new MaternKernel(0.7));
        assertEquals(new MaternKernel(p(0.7), MaternKernel.Smoothness.HALF, Meta.NONE),
                new MaternKernel(0.7, MaternKernel.Smoothness.HALF));
        assertEquals(new RationalQuadraticKernel(p(0.3), p(2), Meta.NONE), new RationalQuadraticKernel(0.3, 2));
        assertEquals(new PeriodicKernel(p(0.3), p(1.5), Meta.NONE), new PeriodicKernel(0.3, 1.5));
        assertEquals(new ConstantKernel(p(2), Meta.NONE), new ConstantKernel(2));
        assertEquals(new WhiteNoiseKernel(p(0.01), Meta.NONE), new WhiteNoiseKernel(0.01));
        assertEquals(new ScaleKernel(rbf, p(3), Meta.NONE), new ScaleKernel(rbf, 3));
        assertEquals(new ScaleKernel(rbf, p(1), Meta.NONE), new ScaleKernel(rbf));
        assertEquals(0.0, new ConstantKernel(0).evaluate(new double[] {1}, new double[] {2}), "zero is a valid constant");
        assertEquals(0.0, new WhiteNoiseKernel(0).evaluate(new double[] {1}, new double[] {1}));
    }

    @Test
    void shortConstructorsValidateLikeTheCanonicalOnes() {
        var e = assertThrows(IllegalArgumentException.class, () -> new PeriodicKernel(0.3, -1));
        assertTrue(e.getMessage().contains("period"), e.getMessage());
        var f = assertThrows(IllegalArgumentException.class, () -> new RationalQuadraticKernel(0, 1));
        assertTrue(f.getMessage().contains("lengthScale"), f.getMessage());
    }

    @Test
    void ofNestsToTheLeft() {
        RBFKernel a = new RBFKernel(1);
        WhiteNoiseKernel b = new WhiteNoiseKernel(0.1);
        ConstantKernel c = new ConstantKernel(2);
        assertEquals(new SumKernel(new SumKernel(a, b), c), SumKernel.of(a, b, c));
        assertEquals(new ProductKernel(a, b), ProductKernel.of(a, b));
        assertEquals(List.of("left_left_lengthScale", "left_right_variance", "right_constant"),
                ProductKernel.of(a, b, c).flatParamNames());
        double[] x = {0.3};
        double[] y = {0.9};
        assertEquals(a.evaluate(x, y) * b.evaluate(x, y) * c.evaluate(x, y), ProductKernel.of(a, b, c).evaluate(x, y),
                1e-15);
        var e = assertThrows(IllegalArgumentException.class, () -> SumKernel.of(a, b, c, null));
        assertTrue(e.getMessage().contains("kernel 3 is null"), e.getMessage());
    }
}
