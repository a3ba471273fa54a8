package org.parax4j.engine.fit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.parax4j.bijector.Exp;
import org.parax4j.engine.examples.ReferenceModel;
import org.parax4j.engine.graph.ModelFunction;
import org.parax4j.engine.graph.Var;
import org.parax4j.engine.linalg.Lu;
import org.parax4j.module.Meta;
import org.parax4j.module.Module;
import org.parax4j.param.Parameter;

/** Least squares over recorded model functions: statistics, weights, warnings, coverage, recovery, bad input. */
class LeastSquaresTest {

    /** {@code a + b·t + c·t²}: linear in its parameters. */
    public record Quadratic(Parameter a, Parameter b, Parameter c, Meta meta) implements Module<Quadratic> {}

    /** {@code amplitude·exp(−t/tau)·cos(omega·t) + offset}, tau > 0 through Exp. */
    public record Ringdown(Parameter amplitude, Parameter tau, Parameter omega, Parameter offset, Meta meta)
            implements Module<Ringdown> {}

    static final double[] T = grid(50, 0, 2);

    static double[] grid(int n, double lo, double hi) {
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = lo + (hi - lo) * i / (n - 1);
        }
        return t;
    }

    static ModelFunction<Quadratic> quadratic(double a, double b, double c) {
        Quadratic q = new Quadratic(Parameter.of(a), Parameter.of(b), Parameter.of(c), Meta.NONE);
        return ModelFunction.record(q, (m, g) -> {
            Var t = g.constant(T);
            return g.param(m.a()).add(t.mul(g.param(m.b()))).add(t.square().mul(g.param(m.c())));
        });
    }

    static ModelFunction<Ringdown> ringdown(double[] p, double[] t) {
        Ringdown r = new Ringdown(Parameter.of(p[0]), Parameter.builder().value(p[1]).transform(new Exp()).build(),
                Parameter.of(p[2]), Parameter.of(p[3]), Meta.NONE);
        return ModelFunction.record(r, (m, g) -> {
            Var time = g.constant(t);
            Var decay = time.div(g.param(m.tau())).neg().exp();
            return decay.mul(time.mul(g.param(m.omega())).cos()).mul(g.param(m.amplitude())).add(g.param(m.offset()));
        });
    }

    @Test
    void knownSigmaGivesTheTextbookStandardErrors() {
        double[] truth = {1, -2, 0.5};
        double[] y = quadratic(truth[0], truth[1], truth[2]).evaluate();
        double[] sigma = new double[T.length];
        Random rnd = new Random(11);
        for (int i = 0; i < y.length; i++) {
            sigma[i] = 0.1 + 0.05 * (i % 3);
            y[i] += sigma[i] * rnd.nextGaussian();
        }
        FitResult<Quadratic> fit = LeastSquares.of(quadratic(0, 0, 0), y).withSigma(sigma).fit();
        // (XᵀWX)⁻¹ directly
        double[] xtwx = new double[9];
        for (int i = 0; i < T.length; i++) {
            double[] row = {1, T[i], T[i] * T[i]};
            double w = 1 / (sigma[i] * sigma[i]);
            for (int j = 0; j < 3; j++) {
                for (int k = 0; k < 3; k++) {
                    xtwx[j * 3 + k] += w * row[j] * row[k];
                }
            }
        }
        double[] inv = new double[9];
        int[] pivots = new int[3];
        assertEquals(-1, Lu.factor(xtwx, 3, pivots));
        Lu.inverse(xtwx, 3, pivots, inv);
        for (int j = 0; j < 3; j++) {
            assertEquals(Math.sqrt(inv[j * 3 + j]), fit.parameters().get(j).standardError(), 1e-9 * Math.sqrt(inv[j * 3 + j]));
        }
        assertTrue(fit.sigmaGiven());
        // weights 1/σ² give the same values, errors scaled by the reduced χ²
        double[] w = new double[sigma.length];
        for (int i = 0; i < w.length; i++) {
            w[i] = 1 / (sigma[i] * sigma[i]);
        }
        FitResult<Quadratic> weighted = LeastSquares.of(quadratic(0, 0, 0), y).withWeights(w).fit();
        for (int j = 0; j < 3; j++) {
            assertEquals(fit.parameters().get(j).value(), weighted.parameters().get(j).value(), 1e-10);
            assertEquals(fit.parameters().get(j).standardError() * Math.sqrt(fit.reducedChiSquare()),
                    weighted.parameters().get(j).standardError(), 1e-9);
        }
        assertEquals(fit.chiSquare(), weighted.chiSquare(), 1e-10);
    }

    @Test
    void coverageOfNinetyFivePercentIntervalsOnALinearModel() {
        double[] truth = {1, -2, 0.5};
        double[] clean = quadratic(truth[0], truth[1], truth[2]).evaluate();
        LeastSquares<Quadratic> problem = LeastSquares.of(quadratic(0, 0, 0), clean);
        Random rnd = new Random(20261205);
        int datasets = 500;
        int[] inside = new int[3];
        double[] y = new double[clean.length];
        for (int d = 0; d < datasets; d++) {
            for (int i = 0; i < y.length; i++) {
                y[i] = clean[i] + 0.3 * rnd.nextGaussian();
            }
            FitResult<Quadratic> fit = LeastSquares.of(problem.function(), y).fit();
            for (int j = 0; j < 3; j++) {
                FitParameter p = fit.parameters().get(j);
                if (Math.abs(p.value() - truth[j]) <= 1.96 * p.standardError()) {
                    inside[j]++;
                }
            }
        }
        for (int j = 0; j < 3; j++) {
            double coverage = inside[j] / (double) datasets;
            assertTrue(coverage >= 0.925 && coverage <= 0.975, "parameter " + j + " coverage " + coverage);
        }
        System.out.printf("coverage of ±1.96 se over %d datasets: %.3f %.3f %.3f%n", datasets,
                inside[0] / (double) datasets, inside[1] / (double) datasets, inside[2] / (double) datasets);
    }

    @Test
    void zeroNoiseDataOfRandomRingdownsAreFittedBack() {
        double[] t = grid(80, 0, 5);
        for (int seed = 0; seed < 25; seed++) {
            Random rnd = new Random(1000 + seed);
            double[] truth = {0.5 + 1.5 * rnd.nextDouble(), 0.5 + 2.5 * rnd.nextDouble(), 1 + 3 * rnd.nextDouble(),
                -1 + 2 * rnd.nextDouble()};
            double[] y = ringdown(truth, t).evaluate();
            double[] start = {truth[0] * (0.9 + 0.2 * rnd.nextDouble()), truth[1] * (0.9 + 0.2 * rnd.nextDouble()),
                truth[2] * (0.95 + 0.1 * rnd.nextDouble()), truth[3] + 0.2 * (rnd.nextDouble() - 0.5)};
            FitResult<Ringdown> fit = LeastSquares.of(ringdown(start, t), y).fit();
            for (int j = 0; j < 4; j++) {
                assertEquals(truth[j], fit.parameters().get(j).value(), 1e-6 * Math.max(1, Math.abs(truth[j])),
                        "seed " + (1000 + seed) + ", " + fit.parameters().get(j).name() + "\n" + fit.report());
            }
            assertTrue(fit.converged(), "seed " + (1000 + seed));
        }
    }

    @Test
    void gainAndOffsetDbTogetherAreNamedAsNonIdentifiable() {
        ReferenceModel truth = ReferenceModel.create();
        double[] y = ReferenceModel.function(truth).evaluate();
        Random rnd = new Random(5);
        for (int i = 0; i < y.length; i++) {
            y[i] += 0.1 * rnd.nextGaussian();
        }
        ReferenceModel start = truth.withParams(Map.of("resonator_gain", 1.05, "resonator_f0", 2.41));
        FitResult<ReferenceModel> fit = LeastSquares.of(ReferenceModel.function(start), y).fit();
        String warning = fit.warnings().stream().filter(w -> w.startsWith("non-identifiable")).findFirst()
                .orElseThrow(() -> new AssertionError(fit.report()));
        assertTrue(warning.contains("resonator_gain") && warning.contains("resonator_offsetDb"), warning);
        assertTrue(Double.isNaN(fit.parameter("resonator_gain").standardError()));
        assertTrue(fit.report().contains("(not determined)"), fit.report());
    }

    @Test
    void iterationLimitIsWarnedAbout() {
        double[] t = grid(80, 0, 5);
        double[] y = ringdown(new double[] {1, 2, 3, 0.1}, t).evaluate();
        FitResult<Ringdown> fit = LeastSquares.of(ringdown(new double[] {1.3, 1, 2.7, 0}, t), y)
                .withOptimizer(LevenbergMarquardt.defaults().withMaxIterations(2)).fit();
        assertEquals(OptimizerStatus.MAX_ITERATIONS, fit.status());
        assertTrue(fit.warnings().get(0).startsWith("iteration limit (2) reached"), fit.warnings().toString());
        assertTrue(fit.report().contains("NOT converged"), fit.report());
    }

    @Test
    void aReusedWorkspaceGivesTheSameFit() {
        double[] y = quadratic(1, 2, 3).evaluate();
        LeastSquares<Quadratic> problem = LeastSquares.of(quadratic(0, 0, 0), y);
        LeastSquares.Workspace ws = problem.newWorkspace();
        FitResult<Quadratic> a = problem.fit(new double[] {0, 0, 0}, ws);
        FitResult<Quadratic> b = problem.fit(new double[] {0, 0, 0}, ws);
        assertArrayEquals(a.module().flatParamValues(), b.module().flatParamValues());
        assertEquals(1, a.module().a().value()[0], 1e-12);
    }

    @Test
    void badInputIsNamed() {
        ModelFunction<Quadratic> f = quadratic(0, 0, 0);
        double[] y = new double[T.length];
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LeastSquares.of(f, new double[3]));
        assertTrue(e.getMessage().contains("y has length 3, the function has 50 outputs"), e.getMessage());
        y[7] = Double.NaN;
        e = assertThrows(IllegalArgumentException.class, () -> LeastSquares.of(f, y));
        assertTrue(e.getMessage().contains("y[7] must be finite"), e.getMessage());
        LeastSquares<Quadratic> ok = LeastSquares.of(f, new double[T.length]);
        double[] sigma = new double[T.length];
        java.util.Arrays.fill(sigma, 1);
        sigma[4] = 0;
        e = assertThrows(IllegalArgumentException.class, () -> ok.withSigma(sigma));
        assertTrue(e.getMessage().contains("sigma[4] must be finite and > 0, got 0.0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ok.withWeights(new double[T.length]));
        assertTrue(e.getMessage().contains("weights are all zero"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ok.withWeights(new double[2]));
        assertTrue(e.getMessage().contains("weights has length 2, y has 50"), e.getMessage());
        LeastSquares.Workspace foreign = LeastSquares.of(f, new double[T.length]).newWorkspace();
        e = assertThrows(IllegalArgumentException.class, () -> ok.fit(new double[3], foreign));
        assertTrue(e.getMessage().contains("belongs to another"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ok.fit(new double[2], ok.newWorkspace()));
        assertTrue(e.getMessage().contains("latentStart has length 2, the model has 3 free flat parameters [a, b, c]"),
                e.getMessage());
    }
}
