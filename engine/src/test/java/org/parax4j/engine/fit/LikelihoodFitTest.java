package org.parax4j.engine.fit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.parax4j.bijector.Exp;
import org.parax4j.engine.fit.LeastSquaresTest.Quadratic;
import org.parax4j.engine.fit.LeastSquaresTest.Ringdown;
import org.parax4j.engine.graph.ModelFunction;
import org.parax4j.engine.graph.Var;
import org.parax4j.engine.linalg.Lu;
import org.parax4j.module.Meta;
import org.parax4j.param.Parameter;
import org.parax4j.param.Parameters;

/** Maximum likelihood and MAP by L-BFGS-B against closed forms; multi-start reproducibility. */
class LikelihoodFitTest {

    static final double SIGMA = 0.2;

    static ModelFunction<Quadratic> record(Quadratic q) {
        return ModelFunction.record(q, (m, g) -> {
            Var t = g.constant(LeastSquaresTest.T);
            return g.param(m.a()).add(t.mul(g.param(m.b()))).add(t.square().mul(g.param(m.c())));
        });
    }

    static double[] data() {
        double[] y = LeastSquaresTest.quadratic(1, -2, 0.5).evaluate();
        Random rnd = new Random(17);
        for (int i = 0; i < y.length; i++) {
            y[i] += SIGMA * rnd.nextGaussian();
        }
        return y;
    }

    static double[] sigmas() {
        double[] s = new double[LeastSquaresTest.T.length];
        java.util.Arrays.fill(s, SIGMA);
        return s;
    }

    @Test
    void gaussianMaximumLikelihoodIsWeightedLeastSquares() {
        double[] y = data();
        FitResult<Quadratic> ls = LeastSquares.of(LeastSquaresTest.quadratic(0, 0, 0), y).withSigma(sigmas()).fit();
        FitResult<Quadratic> ml = LikelihoodFit.gaussian(LeastSquaresTest.quadratic(0, 0, 0), y, sigmas()).fit();
        assertTrue(ml.converged(), ml.report());
        for (int j = 0; j < 3; j++) {
            assertEquals(ls.parameters().get(j).value(), ml.parameters().get(j).value(), 1e-6, "value " + j);
            assertEquals(ls.parameters().get(j).standardError(), ml.parameters().get(j).standardError(),
                    1e-4 * ls.parameters().get(j).standardError(), "standard error " + j);
        }
        double nll = 0.5 * ls.chiSquare() + y.length * (Math.log(SIGMA) + 0.5 * Math.log(2 * Math.PI));
        assertEquals(nll, ml.objective(), 1e-8);
        assertEquals(2 * nll + 6, ml.aic(), 1e-7);
    }

    @Test
    void mapWithNormalPriorsIsTheConjugatePosteriorMode() {
        double[] y = data();
        double[] mu0 = {0.5, -1, 0};
        double[] s0 = {0.3, 0.5, 0.2};
        Quadratic withPriors = new Quadratic(Parameters.normal(mu0[0], s0[0]), Parameters.normal(mu0[1], s0[1]),
                Parameters.normal(mu0[2], s0[2]), Meta.NONE);
        FitResult<Quadratic> map = LikelihoodFit.gaussian(record(withPriors), y, sigmas()).withPrior().fit();
        // posterior precision XᵀX/σ² + diag(1/s0²), mode = precision⁻¹ (Xᵀy/σ² + μ0/s0²)
        double[] precision = new double[9];
        double[] rhs = new double[3];
        double[] t = LeastSquaresTest.T;
        for (int i = 0; i < t.length; i++) {
            double[] x = {1, t[i], t[i] * t[i]};
            for (int a = 0; a < 3; a++) {
                rhs[a] += x[a] * y[i] / (SIGMA * SIGMA);
                for (int b = 0; b < 3; b++) {
                    precision[a * 3 + b] += x[a] * x[b] / (SIGMA * SIGMA);
                }
            }
        }
        for (int a = 0; a < 3; a++) {
            precision[a * 3 + a] += 1 / (s0[a] * s0[a]);
            rhs[a] += mu0[a] / (s0[a] * s0[a]);
        }
        double[] cov = new double[9];
        int[] pivots = new int[3];
        assertEquals(-1, Lu.factor(precision, 3, pivots));
        Lu.inverse(precision, 3, pivots, cov);
        Lu.solve(precision, 3, pivots, rhs);
        for (int a = 0; a < 3; a++) {
            assertEquals(rhs[a], map.parameters().get(a).value(), 1e-6, "mode " + a + "\n" + map.report());
            assertEquals(Math.sqrt(cov[a * 3 + a]), map.parameters().get(a).standardError(), 1e-4 * Math.sqrt(cov[a * 3 + a]),
                    "posterior sd " + a);
        }
        assertTrue(map.method().startsWith("maximum a posteriori"), map.method());
    }

    @Test
    void mapInLatentSpaceIncludesTheTransformJacobian() {
        // one exp-transformed parameter with a Normal prior and data that barely inform it: the
        // latent posterior density is N(τ; 2, 0.5)·τ (Jacobian of τ = e^s), whose mode solves
        // −(τ − 2)τ/0.25 + 1 = 0, i.e. τ = 1 + sqrt(1 + 0.25) = 2.1180...
        double[] t = {0, 1};
        Ringdown r = new Ringdown(Parameters.fixed(0),
                Parameter.builder().value(1.5).transform(new Exp()).distribution(new org.parax4j.distribution.Normal(2, 0.5)).build(),
                Parameters.fixed(1), Parameters.fixed(0), Meta.NONE);
        ModelFunction<Ringdown> f = ModelFunction.record(r, (m, g) -> {
            Var time = g.constant(t);
            return time.div(g.param(m.tau())).neg().exp().mul(g.param(m.amplitude()));
        });
        FitResult<Ringdown> map = LikelihoodFit.gaussian(f, new double[] {0, 0}, new double[] {1, 1}).withPrior().fit();
        assertEquals(1 + Math.sqrt(1.25), map.parameters().get(0).value(), 1e-6, map.report());
    }

    @Test
    void multiStartFindsTheGlobalMinimumReproducibly() {
        double[] t = LeastSquaresTest.grid(400, 0, 20);
        double[] truth = {1, 20, 3.5, 0.1};
        double[] y = LeastSquaresTest.ringdown(truth, t).evaluate();
        // starts drawn from the uniform prior on omega: some end in local minima (so fewer than all reach the best)
        Ringdown start = new Ringdown(Parameters.normal(1, 0.3),
                Parameter.builder().value(10).transform(new Exp()).build(), Parameters.uniform(0.5, 5, 2),
                Parameters.normal(0, 0.2), Meta.NONE);
        ModelFunction<Ringdown> f = ModelFunction.record(start, (m, g) -> {
            Var time = g.constant(t);
            Var decay = time.div(g.param(m.tau())).neg().exp();
            return decay.mul(time.mul(g.param(m.omega())).cos()).mul(g.param(m.amplitude())).add(g.param(m.offset()));
        });
        LeastSquares<Ringdown> problem = LeastSquares.of(f, y);
        FitResult<Ringdown> multi = problem.fitMultiStart(40, 42);
        assertEquals(3.5, multi.parameter("omega").value(), 1e-6, multi.report());
        assertTrue(multi.chiSquare() < 1e-12, multi.report());
        assertEquals(40, multi.starts());
        assertTrue(multi.startsReachingBest() >= 1 && multi.startsReachingBest() < 40, multi.report());
        assertTrue(multi.report().contains("# starts           = 40 (" + multi.startsReachingBest() + " reached the best)"),
                multi.report());
        FitResult<Ringdown> again = problem.fitMultiStart(40, 42);
        assertArrayEquals(multi.module().flatParamValues(), again.module().flatParamValues());
        assertEquals(multi.startsReachingBest(), again.startsReachingBest());
    }

    @Test
    void studentTResistsOutliersWhereTheGaussianDoesNot() {
        double[] truth = {1, -2, 0.5};
        double[] y = LeastSquaresTest.quadratic(truth[0], truth[1], truth[2]).evaluate();
        Random rnd = new Random(23);
        for (int i = 0; i < y.length; i++) {
            y[i] += 0.05 * rnd.nextGaussian();
        }
        y[10] += 3;
        y[25] += 4;
        y[40] -= 3;
        double[] s = new double[y.length];
        java.util.Arrays.fill(s, 0.05);
        FitResult<Quadratic> gauss = LikelihoodFit.gaussian(LeastSquaresTest.quadratic(0, 0, 0), y, s).fit();
        FitResult<Quadratic> robust = LikelihoodFit.studentT(LeastSquaresTest.quadratic(0, 0, 0), y, s, 3).fit();
        assertTrue(robust.converged(), robust.report());
        double worstGauss = 0;
        for (int j = 0; j < 3; j++) {
            assertEquals(truth[j], robust.parameters().get(j).value(), 0.1, "Student-t " + j + "\n" + robust.report());
            worstGauss = Math.max(worstGauss, Math.abs(gauss.parameters().get(j).value() - truth[j]));
        }
        assertTrue(worstGauss > 0.1, "the Gaussian fit should be pulled by the outliers: " + gauss.report());
        // the objective is the Student-t NLL: lnΓ(3/2) = ln(√π/2), lnΓ(2) = 0
        double[] f = LeastSquaresTest.quadratic(robust.parameters().get(0).value(), robust.parameters().get(1).value(),
                robust.parameters().get(2).value()).evaluate();
        double nll = 0;
        for (int i = 0; i < y.length; i++) {
            double r = (f[i] - y[i]) / 0.05;
            nll += 2 * Math.log1p(r * r / 3) + Math.log(0.05) + Math.log(Math.sqrt(Math.PI) / 2) + 0.5 * Math.log(3 * Math.PI);
        }
        assertEquals(nll, robust.objective(), 1e-9 * Math.abs(nll));
        assertEquals(Math.log(24), LikelihoodFit.lnGamma(5), 1e-13);
        assertEquals(0.5 * Math.log(Math.PI), LikelihoodFit.lnGamma(0.5), 1e-13);
    }

    @Test
    void fittedSigmaIsTheRmsResidualAndLeavesTheParametersOfTheKnownSigmaFit() {
        double[] y = data();
        FitResult<Quadratic> known = LikelihoodFit.gaussian(LeastSquaresTest.quadratic(0, 0, 0), y, sigmas()).fit();
        LikelihoodFit.SigmaFit<Quadratic> fitted =
                LikelihoodFit.gaussianFittedSigma(LeastSquaresTest.quadratic(0, 0, 0), y).fitSigma();
        assertTrue(fitted.fit().converged(), fitted.fit().report());
        int m = y.length;
        // σ̂² = Σ residual² / N at the known-σ optimum (the maximum-likelihood closed form)
        double rms = SIGMA * Math.sqrt(known.chiSquare() / m);
        assertEquals(rms, fitted.sigma(), 1e-6 * rms);
        // Laplace: var(ln σ) = 1/(2N)
        assertEquals(fitted.sigma() / Math.sqrt(2.0 * m), fitted.sigmaStandardError(), 1e-3 * fitted.sigmaStandardError());
        assertTrue(Math.abs(fitted.sigma() - SIGMA) < 3 * fitted.sigmaStandardError(),
                fitted.sigma() + " ± " + fitted.sigmaStandardError() + " vs the true " + SIGMA);
        for (int j = 0; j < 3; j++) {
            assertEquals(known.parameters().get(j).value(), fitted.fit().parameters().get(j).value(), 1e-6, "value " + j);
            // errors scale with σ̂ / σ
            double expected = known.parameters().get(j).standardError() * fitted.sigma() / SIGMA;
            assertEquals(expected, fitted.fit().parameters().get(j).standardError(), 1e-3 * expected, "error " + j);
        }
        assertTrue(fitted.fit().method().contains("fitted sigma"), fitted.fit().method());
        assertThrows(IllegalStateException.class,
                () -> LikelihoodFit.gaussian(LeastSquaresTest.quadratic(0, 0, 0), y, sigmas()).fitSigma());
    }

    @Test
    void fittedSigmaGradientMatchesCentralDifferences() {
        double[] y = data();
        ScalarObjective obj = LikelihoodFit.gaussianFittedSigma(LeastSquaresTest.quadratic(0, 0, 0), y).objective();
        double[] x = {0.7, -1.3, 0.2, Math.log(0.35)};
        double[] g = new double[4];
        obj.evaluate(x, g);
        double[] scratch = new double[4];
        for (int j = 0; j < 4; j++) {
            double h = 1e-6;
            double[] xp = x.clone();
            double[] xm = x.clone();
            xp[j] += h;
            xm[j] -= h;
            double fd = (obj.evaluate(xp, scratch) - obj.evaluate(xm, scratch)) / (2 * h);
            assertEquals(fd, g[j], 1e-6 * Math.max(1, Math.abs(fd)), "gradient " + j);
        }
        assertTrue(Math.abs(g[3]) > 1, "the ln sigma gradient is exercised away from the optimum: " + g[3]);
    }

    @Test
    void aJointPriorWithAFixedMemberIsTheConditionalPriorOfTheFreeOnes() {
        // a, b ~ N(0, [[1, .5], [.5, 1]]) jointly, b fixed at 1, c free and uninformed: the data say
        // nothing about a (its coefficient multiplies zeros), so the MAP of a is the conditional mean
        // E[a | b = 1] = 0.5 (the fit crashed on the fixed member's missing latent index before)
        org.parax4j.distribution.MultivariateNormal joint = new org.parax4j.distribution.MultivariateNormal(
                new double[] {0, 0}, new double[][] {{1, 0.5}, {0.5, 1}});
        Quadratic q = new Quadratic(Parameter.of(0.2), Parameters.fixed(1), Parameter.of(0.0),
                Meta.grouped(org.parax4j.module.ParameterGroup.of(joint, "a", "b")));
        double[] t = {0, 1, 2, 3};
        ModelFunction<Quadratic> f = ModelFunction.record(q, (m, g) -> {
            Var time = g.constant(t);
            return g.param(m.a()).mul(g.constant(new double[4])).add(time.mul(g.param(m.c())));
        });
        FitResult<Quadratic> fit = LikelihoodFit.gaussian(f, new double[] {0, 1, 2, 3}, new double[] {1, 1, 1, 1})
                .withPrior().fit();
        assertEquals(0.5, fit.parameter("a").value(), 1e-5, fit.report());
        assertEquals(1.0, fit.parameter("c").value(), 1e-5, fit.report());
    }
}
