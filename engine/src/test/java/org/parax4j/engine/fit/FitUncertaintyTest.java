package org.parax4j.engine.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.parax4j.distribution.MultivariateNormal;
import org.parax4j.engine.examples.ReferenceModel;
import org.parax4j.engine.fit.LeastSquaresTest.Quadratic;
import org.parax4j.engine.graph.ModelFunction;
import org.parax4j.engine.graph.Var;
import org.parax4j.engine.montecarlo.MonteCarlo;
import org.parax4j.engine.stats.Summary;
import org.parax4j.module.ParameterGroup;
import org.parax4j.module.Select;

/** The fit's uncertainty onward (Laplace group, Monte Carlo bands) and {@code merged} of two partial fits. */
class FitUncertaintyTest {

    static ModelFunction<Quadratic> record(Quadratic q) {
        return ModelFunction.record(q, (m, g) -> {
            Var t = g.constant(LeastSquaresTest.T);
            return g.param(m.a()).add(t.mul(g.param(m.b()))).add(t.square().mul(g.param(m.c())));
        });
    }

    static double[] noisy(double[] clean, double sigma, long seed) {
        Random rnd = new Random(seed);
        double[] y = clean.clone();
        for (int i = 0; i < y.length; i++) {
            y[i] += sigma * rnd.nextGaussian();
        }
        return y;
    }

    @Test
    void monteCarloOverTheFitUncertaintyGivesTheLinearPredictionVariance() {
        double[] t = LeastSquaresTest.T;
        double[] y = noisy(LeastSquaresTest.quadratic(1, -2, 0.5).evaluate(), 0.2, 99);
        double[] sigma = new double[t.length];
        java.util.Arrays.fill(sigma, 0.2);
        FitResult<Quadratic> fit = LeastSquares.of(LeastSquaresTest.quadratic(0, 0, 0), y).withSigma(sigma).fit();
        Quadratic uncertain = fit.withFitUncertainty();
        ParameterGroup group = uncertain.paramGroups().get(0);
        assertEquals(fit.names(), group.names());
        MultivariateNormal mvn = (MultivariateNormal) group.distribution();
        assertEquals(fit.parameters().get(1).value(), mvn.mean()[1], 1e-15);
        Summary s = MonteCarlo.of(record(uncertain)).summarize(7, 40_000, new double[] {0.05, 0.95}, null, null);
        double[][] cov = fit.covariance();
        for (int i = 0; i < t.length; i += 7) {
            double[] x = {1, t[i], t[i] * t[i]};
            double var = 0;
            for (int a = 0; a < 3; a++) {
                for (int b = 0; b < 3; b++) {
                    var += x[a] * cov[a][b] * x[b];
                }
            }
            double predicted = fit.module().a().value()[0] + x[1] * fit.module().b().value()[0]
                    + x[2] * fit.module().c().value()[0];
            assertEquals(predicted, s.mean()[i], 4 * Math.sqrt(var / 40_000), "mean at " + i);
            assertEquals(var, s.variance()[i], 0.03 * var, "variance at " + i);
            // the 90 % band is ±1.645 standard deviations
            assertEquals(predicted + 1.645 * Math.sqrt(var), s.percentiles()[1][i], 0.05 * Math.sqrt(var), "95th at " + i);
        }
    }

    @Test
    void singularFitsRefuseToMakeAGroup() {
        ReferenceModel truth = ReferenceModel.create();
        double[] y = noisy(ReferenceModel.function(truth).evaluate(), 0.1, 3);
        FitResult<ReferenceModel> fit = LeastSquares.of(ReferenceModel.function(truth), y).fit();
        IllegalStateException e = assertThrows(IllegalStateException.class, fit::withFitUncertainty);
        assertTrue(e.getMessage().contains("not determined") && e.getMessage().contains("resonator_offsetDb"), e.getMessage());
    }

    @Test
    void twoDisjointFitsMergeIntoTheJointFit() {
        double[] truth = {1, -2, 0.5};
        double[] clean = LeastSquaresTest.quadratic(truth[0], truth[1], truth[2]).evaluate();
        Quadratic initial = LeastSquaresTest.quadratic(0, 0, 0).model();
        // dataset 1 determines a with b and c known; dataset 2 determines b and c with a known
        Quadratic onlyA = initial.withParams(Map.of("b", truth[1], "c", truth[2]))
                .withFreeParamsOnly(Select.names("a"));
        Quadratic onlyBc = initial.withParams(Map.of("a", truth[0])).withFreeParamsOnly(Select.names("b", "c"));
        FitResult<Quadratic> fitA = LeastSquares.of(record(onlyA), noisy(clean, 0.01, 1)).fit();
        FitResult<Quadratic> fitBc = LeastSquares.of(record(onlyBc), noisy(clean, 0.01, 2)).fit();
        Quadratic merged = initial.merged(fitA.module(), fitBc.module());
        assertEquals(fitA.parameter("a").value(), merged.a().value()[0], 0);
        assertEquals(fitBc.parameter("b").value(), merged.b().value()[0], 0);
        assertEquals(fitBc.parameter("c").value(), merged.c().value()[0], 0);
        for (int j = 0; j < 3; j++) {
            assertEquals(truth[j], merged.flatParamValues(Select.all().includeFixed(true))[j], 0.02, "merged " + j);
        }
        // the merged module predicts the clean data
        double[] predicted = record(merged).evaluate();
        for (int i = 0; i < clean.length; i++) {
            assertEquals(clean[i], predicted[i], 0.02, "point " + i);
        }
    }
}
