package org.parax4j.engine.examples;

import org.parax4j.bijector.Bijector;
import org.parax4j.bijector.Exp;
import org.parax4j.distribution.Independent;
import org.parax4j.distribution.MultivariateNormal;
import org.parax4j.distribution.Normal;
import org.parax4j.engine.graph.ModelBody;
import org.parax4j.engine.graph.ModelFunction;
import org.parax4j.engine.graph.Var;
import org.parax4j.kernel.RBFKernel;
import org.parax4j.module.Meta;
import org.parax4j.module.Module;
import org.parax4j.module.ParameterGroup;
import org.parax4j.param.Parameter;
import org.parax4j.param.Parameters;

/**
 * The reference model of SPEC §11, written only against the public API: a resonator measured over
 * a frequency grid plus a smooth RBF discrepancy term, in dB:
 * {@code 20·log10(gain / sqrt((1 − (f/f0)²)² + (f/(q·f0))²)) + offsetDb + Σ_j w_j·k(f, c_j)}.
 * It has 9 free flat parameters (gain, f0, q, offsetDb, the kernel's length scale, 4 weights), one
 * fixed one ({@code z0}), a joint group ({@code f0}, {@code q}), two transforms (Exp on {@code q},
 * Softplus on the length scale) and a vector parameter. Shared by the tests, the benchmarks and the
 * command line so that their figures are comparable.
 *
 * @param resonator the resonator
 * @param discrepancy the discrepancy term
 * @param meta optional explicit name and groups
 */
public record ReferenceModel(Resonator resonator, Discrepancy discrepancy, Meta meta) implements Module<ReferenceModel> {

    /** Number of frequency points. */
    public static final int POINTS = 200;
    /** First frequency, GHz. */
    public static final double F_MIN = 1.8;
    /** Last frequency, GHz. */
    public static final double F_MAX = 3.0;
    private static final double[] CENTRES = {1.95, 2.25, 2.55, 2.85};

    /**
     * The resonator.
     *
     * @param gain linear gain, Normal(1.0, 0.05)
     * @param f0 resonant frequency in GHz (joint group with q)
     * @param q quality factor, Exp transform (joint group with f0)
     * @param offsetDb offset in dB, Uniform(−0.5, 0.5)
     * @param z0 reference impedance, Fixed(50) (carried, unused by the response)
     * @param meta the joint group of f0 and q: MultivariateNormal, means (2.4, 35), standard
     *     deviations (0.02, 3), correlation −0.4
     */
    public record Resonator(Parameter gain, Parameter f0, Parameter q, Parameter offsetDb, Parameter z0, Meta meta)
            implements Module<Resonator> {}

    /**
     * The discrepancy term {@code Σ_j w_j·k(f, c_j)} at fixed centres spread over the band.
     *
     * @param kernel RBF kernel, length scale 0.15 GHz with a Softplus transform
     * @param weights 4 weights, Normal(0, 0.1) each
     * @param meta optional explicit name and groups
     */
    public record Discrepancy(RBFKernel kernel, Parameter weights, Meta meta) implements Module<Discrepancy> {}

    /**
     * The model at its nominal values; the weights start at (0.05, −0.08, 0.03, 0.1) so that every
     * derivative is non-trivial. Allocates.
     */
    public static ReferenceModel create() {
        Parameter gain = Parameters.normal(1.0, 0.05);
        Parameter f0 = Parameter.of(2.4);
        Parameter q = Parameter.builder().value(35).transform(new Exp()).build();
        Parameter offsetDb = Parameters.uniform(-0.5, 0.5, 0.0);
        Parameter z0 = Parameters.fixed(50);
        double cov = -0.4 * 0.02 * 3;
        MultivariateNormal joint = new MultivariateNormal(new double[] {2.4, 35},
                new double[][] {{0.02 * 0.02, cov}, {cov, 9}});
        Resonator resonator = new Resonator(gain, f0, q, offsetDb, z0,
                Meta.grouped(ParameterGroup.of(joint, "f0", "q")));
        RBFKernel kernel = new RBFKernel(Parameter.builder().value(0.15).transform(Bijector.positive()).build(),
                Meta.NONE);
        Parameter weights = Parameter.builder().value(new double[] {0.05, -0.08, 0.03, 0.1})
                .distribution(Independent.iid(new Normal(0, 0.1), 4)).build();
        return new ReferenceModel(resonator, new Discrepancy(kernel, weights, Meta.NONE), Meta.NONE);
    }

    /** The 200 frequencies, evenly spaced from 1.8 to 3.0 GHz. New array. */
    public static double[] frequencies() {
        double[] f = new double[POINTS];
        for (int i = 0; i < POINTS; i++) {
            f[i] = F_MIN + (F_MAX - F_MIN) * i / (POINTS - 1);
        }
        return f;
    }

    /** The centres of the discrepancy's basis functions, GHz. New array. */
    public static double[] centres() {
        return CENTRES.clone();
    }

    /** The response as a graph body over {@code freqs} (copied when recorded). */
    public static ModelBody<ReferenceModel> body(double[] freqs) {
        double[] f = freqs.clone();
        return (m, g) -> {
            Resonator r = m.resonator();
            Var freq = g.constant(f);
            Var ratio = freq.div(g.param(r.f0()));
            Var detune = ratio.square().neg().add(1).square();
            Var damping = ratio.div(g.param(r.q())).square();
            Var magnitude = g.param(r.gain()).div(detune.add(damping).sqrt());
            Var kernel = g.kernelMatrix(m.discrepancy().kernel(), f, f.length, CENTRES, CENTRES.length, 1);
            Var discrepancy = kernel.mul(g.param(m.discrepancy().weights())).sum(1);
            return magnitude.log10().mul(20).add(g.param(r.offsetDb())).add(discrepancy);
        };
    }

    /** The response over the 200 reference frequencies, recorded against {@code model}. */
    public static ModelFunction<ReferenceModel> function(ReferenceModel model) {
        return ModelFunction.record(model, body(frequencies()));
    }

    /**
     * The response of {@code model} at {@code freqs} computed directly in plain Java from the module
     * (scaled parameter values and {@code kernel.evaluate}), without the engine: the reference the
     * graph is tested against. Allocates.
     */
    public static double[] response(ReferenceModel model, double[] freqs) {
        Resonator r = model.resonator();
        double gain = r.gain().scaledValue()[0];
        double f0 = r.f0().scaledValue()[0];
        double q = r.q().scaledValue()[0];
        double offset = r.offsetDb().scaledValue()[0];
        double[] w = model.discrepancy().weights().scaledValue();
        double[] out = new double[freqs.length];
        for (int i = 0; i < freqs.length; i++) {
            double ratio = freqs[i] / f0;
            double detune = 1 - ratio * ratio;
            double damping = ratio / q;
            double db = 20 * Math.log10(gain / Math.sqrt(detune * detune + damping * damping));
            double disc = 0;
            for (int j = 0; j < CENTRES.length; j++) {
                disc += w[j] * model.discrepancy().kernel().evaluate(new double[] {freqs[i]}, new double[] {CENTRES[j]});
            }
            out[i] = db + offset + disc;
        }
        return out;
    }
}
