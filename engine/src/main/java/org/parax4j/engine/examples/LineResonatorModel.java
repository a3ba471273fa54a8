package org.parax4j.engine.examples;

import org.parax4j.engine.graph.ComplexMatrix2;
import org.parax4j.engine.graph.ComplexVar;
import org.parax4j.engine.graph.ModelBody;
import org.parax4j.engine.graph.ModelFunction;
import org.parax4j.engine.graph.Recorder;
import org.parax4j.engine.graph.Var;
import org.parax4j.module.Meta;
import org.parax4j.module.Module;
import org.parax4j.param.Parameter;
import org.parax4j.param.Parameters;

/**
 * An RF example written in complex arithmetic: a lossy transmission line, a shunt RLC resonator to
 * ground and a second section of the same line, cascaded as ABCD matrices and measured between
 * 50 Ω ports over {@value #POINTS} frequencies from 1 to 4 GHz. The line has characteristic
 * impedance {@code zc}, effective permittivity {@code epsEff} (so {@code β = ω√ε_eff / c₀}) and a
 * skin-effect loss {@code α(f) = alpha·√(f / 1 GHz)} Np/m; the resonator's admittance is
 * {@code Y = 1/R + j(ωC − 1/(ωL))}. Its outputs are |S21| in dB, the phase of S21 in degrees and
 * |S11| in dB, or the real and imaginary parts of S11 and S21. Every parameter has a prior (for
 * Monte Carlo); all 8 are free.
 *
 * @param line the transmission line
 * @param resonator the shunt resonator
 * @param meta optional explicit name and groups
 */
public record LineResonatorModel(Line line, Resonator resonator, Meta meta) implements Module<LineResonatorModel> {

    /** Number of frequency points. */
    public static final int POINTS = 201;
    /** First frequency, GHz. */
    public static final double F_MIN = 1.0;
    /** Last frequency, GHz. */
    public static final double F_MAX = 4.0;
    /** The port impedance, Ω. */
    public static final double Z0 = 50;
    /** Speed of light in vacuum, m/s. */
    static final double C0 = 299_792_458.0;

    /**
     * The line: two sections of one line type.
     *
     * @param zc characteristic impedance, Ω; Normal(52, 1)
     * @param epsEff effective relative permittivity; uniform ±5 % around 2.2
     * @param length1 length of the first section, mm; uniform ±5 % around 20
     * @param length2 length of the second section, mm; uniform ±5 % around 30
     * @param alpha loss at 1 GHz, Np/m; uniform ±20 % around 1.5
     * @param meta optional explicit name and groups
     */
    public record Line(Parameter zc, Parameter epsEff, Parameter length1, Parameter length2, Parameter alpha,
            Meta meta) implements Module<Line> {}

    /**
     * The shunt resonator (resonant near 2.5 GHz).
     *
     * @param r parallel resistance, Ω; uniform ±10 % around 200
     * @param l inductance, nH; uniform ±5 % around 2
     * @param c capacitance, pF; uniform ±5 % around 2
     * @param meta optional explicit name and groups
     */
    public record Resonator(Parameter r, Parameter l, Parameter c, Meta meta) implements Module<Resonator> {}

    /** The model at its nominal values. Allocates. */
    public static LineResonatorModel create() {
        Line line = new Line(Parameters.normal(52, 1), Parameters.relativeUniform(2.2, 0.05),
                Parameters.relativeUniform(20, 0.05), Parameters.relativeUniform(30, 0.05),
                Parameters.relativeUniform(1.5, 0.2), Meta.NONE);
        Resonator res = new Resonator(Parameters.relativeUniform(200, 0.1), Parameters.relativeUniform(2, 0.05),
                Parameters.relativeUniform(2, 0.05), Meta.NONE);
        return new LineResonatorModel(line, res, Meta.NONE);
    }

    /** The {@value #POINTS} frequencies, evenly spaced from 1 to 4 GHz. New array. */
    public static double[] frequencies() {
        double[] f = new double[POINTS];
        for (int i = 0; i < POINTS; i++) {
            f[i] = F_MIN + (F_MAX - F_MIN) * i / (POINTS - 1);
        }
        return f;
    }

    /** The cascade's ABCD matrix over {@code freqs} (GHz) as recorded values. */
    public static ComplexMatrix2 abcd(LineResonatorModel m, Recorder g, double[] freqs) {
        ComplexMatrix2[] s = stages(m, g, freqs);
        return s[0].matmul(s[1]).matmul(s[2]);
    }

    /**
     * The cascade's three ABCD stages over {@code freqs} (GHz) as recorded values: line section 1,
     * the shunt resonator, line section 2.
     */
    public static ComplexMatrix2[] stages(LineResonatorModel m, Recorder g, double[] freqs) {
        Line line = m.line();
        Resonator res = m.resonator();
        Var f = g.constant(freqs);
        Var omega = f.mul(2 * Math.PI * 1e9);
        Var betaPerMetre = omega.mul(g.param(line.epsEff()).sqrt()).div(C0);
        Var alphaPerMetre = f.sqrt().mul(g.param(line.alpha()));
        Var zc = g.param(line.zc());
        ComplexMatrix2 first = section(alphaPerMetre, betaPerMetre, g.param(line.length1()), zc);
        ComplexMatrix2 second = section(alphaPerMetre, betaPerMetre, g.param(line.length2()), zc);
        Var susceptance = omega.mul(g.param(res.c())).mul(1e-12)
                .sub(g.constant(1).div(omega.mul(g.param(res.l())).mul(1e-9)));
        ComplexVar y = ComplexVar.of(g.param(res.r()).pow(-1), susceptance);
        return new ComplexMatrix2[] {first, ComplexMatrix2.shunt(y), second};
    }

    private static ComplexMatrix2 section(Var alpha, Var beta, Var lengthMm, Var zc) {
        Var metres = lengthMm.mul(1e-3);
        return ComplexMatrix2.line(ComplexVar.of(alpha.mul(metres), beta.mul(metres)), zc);
    }

    /** The response body over {@code freqs} (GHz, copied): rows |S21| dB, ∠S21 degrees, |S11| dB → {@code [3, n]}. */
    public static ModelBody<LineResonatorModel> responseBody(double[] freqs) {
        double[] f = freqs.clone();
        return (m, g) -> {
            ComplexVar[] s = ComplexMatrix2.cascadeSParameters(Z0, stages(m, g, f));
            return Var.stack(s[1].db(), s[1].arg().mul(180 / Math.PI), s[0].db());
        };
    }

    /** The S-parameter body over {@code freqs} (GHz, copied): rows Re S11, Im S11, Re S21, Im S21 → {@code [4, n]}. */
    public static ModelBody<LineResonatorModel> sParameterBody(double[] freqs) {
        double[] f = freqs.clone();
        return (m, g) -> {
            ComplexVar[] s = ComplexMatrix2.cascadeSParameters(Z0, stages(m, g, f));
            return Var.stack(s[0].re(), s[0].im(), s[1].re(), s[1].im());
        };
    }

    /** The response over the {@value #POINTS} frequencies, recorded against {@code model}. */
    public static ModelFunction<LineResonatorModel> response(LineResonatorModel model) {
        return ModelFunction.record(model, responseBody(frequencies()));
    }
}
