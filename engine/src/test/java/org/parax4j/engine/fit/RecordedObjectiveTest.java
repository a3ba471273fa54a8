package org.parax4j.engine.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.parax4j.bijector.Exp;
import org.parax4j.engine.fit.LeastSquaresTest.Quadratic;
import org.parax4j.engine.graph.ModelFunction;
import org.parax4j.engine.graph.Var;
import org.parax4j.module.Meta;
import org.parax4j.param.Parameter;

/** A recorded scalar function minimised by L-BFGS-B with its dual-number gradient. */
class RecordedObjectiveTest {

    @Test
    void minimisesARecordedScalarFunctionInLatentSpace() {
        // (a − 1)² + 100·(b − a²)² + (c − 3)², c > 0 through Exp
        Quadratic q = new Quadratic(Parameter.of(-1.2), Parameter.of(1),
                Parameter.builder().value(0.5).transform(new Exp()).build(), Meta.NONE);
        ModelFunction<Quadratic> loss = ModelFunction.record(q, (m, g) -> {
            Var a = g.param(m.a());
            Var b = g.param(m.b());
            Var c = g.param(m.c());
            return a.sub(1).square().add(b.sub(a.square()).square().mul(100)).add(c.sub(3).square());
        });
        RecordedObjective<Quadratic> objective = RecordedObjective.of(loss);
        OptimizationResult r = Lbfgsb.defaults().withTolerances(1e-10, 1e-15)
                .minimize(objective, loss.flatValues(), objective.lowerBounds(), objective.upperBounds());
        assertTrue(r.converged(), r.toString());
        Quadratic best = objective.module(r.x());
        assertEquals(1, best.a().value()[0], 1e-6);
        assertEquals(1, best.b().value()[0], 1e-6);
        assertEquals(3, best.c().value()[0], 1e-6);
        assertEquals(Math.log(3), r.x()[2], 1e-6, "latent value of the Exp-transformed c");
    }

    @Test
    void refusesVectorOutputs() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RecordedObjective.of(LeastSquaresTest.quadratic(0, 0, 0)));
        assertTrue(e.getMessage().contains("needs a scalar output, the function has 50 outputs"), e.getMessage());
    }
}
