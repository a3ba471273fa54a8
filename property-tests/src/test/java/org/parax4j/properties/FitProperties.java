package org.parax4j.properties;

import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

import org.junit.jupiter.api.Test;
import org.parax4j.bijector.Bijector;
import org.parax4j.bijector.Exp;
import org.parax4j.bijector.Softplus;
import org.parax4j.engine.fit.FitResult;
import org.parax4j.engine.fit.LeastSquares;
import org.parax4j.engine.graph.ModelFunction;
import org.parax4j.engine.graph.Var;
import org.parax4j.module.Meta;
import org.parax4j.module.Module;
import org.parax4j.param.Parameter;
import org.parax4j.param.Parameters;
import org.parax4j.properties.gen.Theories;

/**
 * Least squares recovers generated identifiable models from zero-noise data (issue 17): a sum of
 * one or two decaying exponentials plus an offset, {@code y = a1·e^(−r1·t) + a2·e^(−r2·t) + c}, with
 * generated amplitudes, rates whose transform is generated (none, {@code Exp} or {@code Softplus}, so
 * the fit runs in different latent spaces), the second term and the offset generated free or fixed,
 * and the rates at least a factor 3 apart (which keeps the exponentials distinguishable on the grid,
 * so the model is identifiable). Every fit from a start 5–10 % off must converge to the true values
 * within 1e-6 relative (absolute below 1).
 */
class FitProperties {

    private static final long SEED = 17L;

    /** Two decaying exponentials and an offset. */
    public record Decays(Parameter a1, Parameter r1, Parameter a2, Parameter r2, Parameter offset, Meta meta)
            implements Module<Decays> {}

    private static final double[] T = grid(60, 0, 4);

    @Test
    void zeroNoiseDataOfGeneratedIdentifiableModelsAreFittedBack() {
        Theories.theory(SEED).withExamples(Theories.examples(40))
                .forAll(integers().between(0, 59), doubles().between(0.5, 2.0), doubles().between(0.3, 1.0),
                        doubles().between(3.0, 6.0))
                .check((shape, amplitude, rate, ratio) -> {
                    int kind = shape % 3;
                    Bijector positive = kind == 0 ? null : kind == 1 ? new Exp() : new Softplus();
                    double offset = (shape / 12 - 2) * 0.4; // -0.8 … 0.8
                    boolean twoTerms = (shape / 3) % 2 == 1;
                    boolean freeOffset = (shape / 6) % 2 == 1;
                    double[] truth = {amplitude, rate, -0.7 * amplitude, rate * ratio, offset};
                    double[] start = {amplitude * 1.08, rate * 0.93, -0.7 * amplitude * 0.92, rate * ratio * 1.06,
                        offset + 0.05};
                    double[] y = model(truth, truth, positive, twoTerms, freeOffset).evaluate();
                    FitResult<Decays> fit = LeastSquares.of(model(start, truth, positive, twoTerms, freeOffset), y)
                            .fit();
                    if (!fit.converged()) {
                        return false;
                    }
                    double[] got = {
                        fit.module().a1().value()[0], fit.module().r1().value()[0], fit.module().a2().value()[0],
                        fit.module().r2().value()[0], fit.module().offset().value()[0]};
                    for (int j = 0; j < truth.length; j++) {
                        if (!(Math.abs(got[j] - truth[j]) <= 1e-6 * Math.max(1, Math.abs(truth[j])))) {
                            return false;
                        }
                    }
                    return true;
                });
    }

    /**
     * The model started at {@code p}; a fixed second term or offset takes its value from {@code truth}
     * (a fixed parameter is not fitted, so it must already be right).
     */
    private static ModelFunction<Decays> model(double[] p, double[] truth, Bijector positive, boolean twoTerms,
            boolean freeOffset) {
        Decays d = new Decays(Parameter.of(p[0]), rate(p[1], positive),
                twoTerms ? Parameter.of(p[2]) : Parameters.fixed(truth[2]),
                twoTerms ? rate(p[3], positive) : Parameters.fixed(truth[3]),
                freeOffset ? Parameter.of(p[4]) : Parameters.fixed(truth[4]), Meta.NONE);
        return ModelFunction.record(d, (m, g) -> {
            Var t = g.constant(T);
            Var first = t.mul(g.param(m.r1())).neg().exp().mul(g.param(m.a1()));
            Var second = t.mul(g.param(m.r2())).neg().exp().mul(g.param(m.a2()));
            return first.add(second).add(g.param(m.offset()));
        });
    }

    private static Parameter rate(double value, Bijector positive) {
        return positive == null ? Parameter.of(value) : Parameter.builder().value(value).transform(positive).build();
    }

    private static double[] grid(int n, double lo, double hi) {
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = lo + (hi - lo) * i / (n - 1);
        }
        return t;
    }
}
