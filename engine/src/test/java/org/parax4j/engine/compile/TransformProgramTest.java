package org.parax4j.engine.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.parax4j.bijector.Affine;
import org.parax4j.bijector.Bijector;
import org.parax4j.bijector.Chain;
import org.parax4j.bijector.Exp;
import org.parax4j.bijector.Identity;
import org.parax4j.bijector.Inverse;
import org.parax4j.bijector.Scale;
import org.parax4j.bijector.Shift;
import org.parax4j.bijector.Sigmoid;
import org.parax4j.bijector.Softplus;
import org.parax4j.bijector.Tanh;

class TransformProgramTest {

    static final List<Bijector> CASES = List.of(
            new Identity(), new Exp(), new Softplus(), new Sigmoid(), new Tanh(), new Shift(1.5), new Scale(-2),
            new Affine(1, 3), Chain.of(new Softplus(), new Affine(-1, 2)), new Inverse(new Affine(2, -0.5)),
            new Inverse(Chain.of(new Shift(0.5), new Exp())), Bijector.interval(2, 5),
            new Inverse(new Inverse(new Sigmoid())));

    @Test
    void programsReproduceTheirBijectors() {
        SplittableRandom random = new SplittableRandom(3);
        for (Bijector b : CASES) {
            TransformProgram p = TransformProgram.of(b);
            for (int t = 0; t < 50; t++) {
                double x = random.nextDouble(-3, 3);
                if (!(x > b.domainLower() && x < b.domainUpper())) {
                    continue;
                }
                double y = b.forward(x);
                assertEquals(y, p.forward(x), 1e-14 * Math.max(1, Math.abs(y)), b.name() + " forward at " + x);
                assertEquals(b.inverse(y), p.inverse(y), 1e-12 * Math.max(1, Math.abs(x)), b.name() + " inverse");
                assertEquals(b.forwardDerivative(x), p.derivative(x), 1e-12 * Math.max(1, Math.abs(b.forwardDerivative(x))),
                        b.name() + " derivative at " + x);
                double h = 1e-5;
                double fd = (p.forward(x + h) - p.forward(x - h)) / (2 * h);
                assertEquals(fd, p.derivative(x), 1e-6 * Math.max(1, Math.abs(fd)), b.name() + " vs central difference");
            }
        }
    }

    @Test
    void chainsAndInversesAreFlattenedIntoSteps() {
        assertTrue(TransformProgram.of(new Identity()).isIdentity());
        TransformProgram p = TransformProgram.of(new Inverse(Chain.of(new Shift(0.5), new Exp())));
        assertEquals(2, p.length());
        assertEquals(TransformOp.EXP, p.step(0).op());
        assertTrue(p.step(0).inverted());
        assertEquals(TransformOp.SHIFT, p.step(1).op());
        assertEquals(0.5, p.step(1).arg0());
        assertEquals(TransformOp.AFFINE, TransformProgram.of(new Affine(1, 3)).step(0).op());
        Bijector custom = new Bijector() {
            public double forward(double x) { return x * x * x; }
            public double inverse(double y) { return Math.cbrt(y); }
            public double forwardLogDetJacobian(double x) { return Math.log(3 * x * x); }
            public double inverseLogDetJacobian(double y) { return -forwardLogDetJacobian(inverse(y)); }
            public double forwardDerivative(double x) { return 3 * x * x; }
            public boolean isIncreasing() { return true; }
        };
        TransformProgram opaque = TransformProgram.of(custom);
        assertEquals(TransformOp.OPAQUE, opaque.step(0).op());
        assertEquals(8, opaque.forward(2));
    }
}
