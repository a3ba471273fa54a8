package org.parax4j.engine.montecarlo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.parax4j.engine.graph.ModelFunction;
import org.parax4j.engine.graph.Var;
import org.parax4j.module.Meta;
import org.parax4j.module.Module;
import org.parax4j.param.Parameter;
import org.parax4j.param.Parameters;

/** Sobol' indices of the Ishigami function (a = 7, b = 0.1) against their known values. */
class SobolAnalysisTest {

    record Ishigami(Parameter x1, Parameter x2, Parameter x3, Meta meta) implements Module<Ishigami> {}

    static ModelFunction<Ishigami> ishigami() {
        Ishigami m = new Ishigami(Parameters.uniform(-Math.PI, Math.PI, 0.1), Parameters.uniform(-Math.PI, Math.PI, 0.2),
                Parameters.uniform(-Math.PI, Math.PI, 0.3), Meta.NONE);
        return ModelFunction.record(m, (model, g) -> {
            Var s1 = g.param(model.x1()).sin();
            Var s2 = g.param(model.x2()).sin();
            Var x3 = g.param(model.x3());
            return s1.add(s2.square().mul(7)).add(x3.pow(4).mul(0.1).mul(s1));
        });
    }

    @Test
    void ishigamiIndicesMatchTheirKnownValues() {
        // Analytic values (Ishigami and Homma 1990; e.g. Saltelli et al. 2010, Table 1), a = 7, b = 0.1.
        double[] first = {0.3139, 0.4424, 0.0};
        double[] total = {0.5576, 0.4424, 0.2437};
        SobolIndices r = SobolAnalysis.analyze(MonteCarlo.of(ishigami(), 64, 2), 11, 1 << 14, Reduction.element(0),
                200, 0.95);
        assertEquals(3, r.indices().size());
        assertEquals(13.845, r.variance(), 0.4);
        for (int j = 0; j < 3; j++) {
            SobolIndices.Index i = r.indices().get(j);
            assertEquals("x" + (j + 1), i.factor());
            assertEquals(first[j], i.first(), 0.03, "S of " + i.factor());
            assertEquals(total[j], i.total(), 0.03, "S_T of " + i.factor());
            assertTrue(i.firstLow() <= i.first() && i.first() <= i.firstHigh(), i.toString());
            assertTrue(i.totalLow() <= i.total() && i.total() <= i.totalHigh(), i.toString());
            assertTrue(i.firstHigh() - i.firstLow() < 0.1 && i.totalHigh() - i.totalLow() < 0.1, i.toString());
        }
        assertEquals(r, SobolAnalysis.analyze(MonteCarlo.of(ishigami(), 13, 1), 11, 1 << 14, Reduction.element(0),
                200, 0.95), "same result for any threads and batch size");
    }

    @Test
    void outputsComputedInPartsGiveTheSameIndices() {
        MonteCarlo<Ishigami> mc = MonteCarlo.of(ishigami(), 64, 1);
        int n = 1001;
        double[][] whole = SobolAnalysis.outputs(mc, 5, 0, n, Reduction.element(0));
        double[][] joined = new double[whole.length][n];
        for (int[] part : new int[][] {{0, 333}, {333, 334}, {667, 334}}) {
            double[][] y = SobolAnalysis.outputs(mc, 5, part[0], part[1], Reduction.element(0));
            for (int r = 0; r < y.length; r++) {
                System.arraycopy(y[r], 0, joined[r], part[0], part[1]);
            }
        }
        SobolIndices local = SobolAnalysis.analyze(mc, 5, n, Reduction.element(0), 30, 0.9);
        assertEquals(local, SobolAnalysis.fromOutputs(mc.sampler(), 5, joined, 30, 0.9));
        MonteCarloTest.assertMessage("outputs must have factors + 2 = 5 rows, got 4",
                () -> SobolAnalysis.fromOutputs(mc.sampler(), 5, java.util.Arrays.copyOf(joined, 4), 30, 0.9));
    }

    @Test
    void badArgumentsAreNamed() {
        MonteCarlo<Ishigami> mc = MonteCarlo.of(ishigami());
        MonteCarloTest.assertMessage("baseSamples must be >= 2, got 1",
                () -> SobolAnalysis.analyze(mc, 1, 1, Reduction.mean(), 10, 0.9));
        MonteCarloTest.assertMessage("confidence must be in (0, 1), got NaN",
                () -> SobolAnalysis.analyze(mc, 1, 10, Reduction.mean(), 10, Double.NaN));
        MonteCarloTest.assertMessage("reduction must not be null", () -> SobolAnalysis.analyze(mc, 1, 10, null, 10, 0.9));
        MonteCarloTest.assertMessage("output index must be >= 0, got -1", () -> Reduction.element(-1));
    }
}
