package org.parax4j.engine.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hipparchus.complex.Complex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.parax4j.engine.graph.ModelFunction;
import org.parax4j.engine.graph.Workspace;
import org.parax4j.engine.graph.Wrt;
import org.parax4j.engine.montecarlo.MonteCarlo;
import org.parax4j.module.FiniteDifferences;

/**
 * The RF example against the same circuit computed in plain Java complex arithmetic (Hipparchus'
 * {@link Complex}, ABCD matrices multiplied by hand): S-parameters to 1e-12 relative, the
 * response's Jacobian against central differences, and passivity ({@code |S11|² + |S21|² ≤ 1},
 * the line and resonator being lossy) over Monte Carlo draws from the priors.
 */
class LineResonatorModelTest {

    private static final int N = LineResonatorModel.POINTS;

    /** {S11, S21} at {@code fGhz}, from the model's scaled values, without the engine. */
    static Complex[] reference(LineResonatorModel m, double fGhz) {
        LineResonatorModel.Line line = m.line();
        LineResonatorModel.Resonator res = m.resonator();
        double omega = 2 * Math.PI * fGhz * 1e9;
        double beta = omega * Math.sqrt(line.epsEff().scaledValue()[0]) / LineResonatorModel.C0;
        double alpha = line.alpha().scaledValue()[0] * Math.sqrt(fGhz);
        double zc = line.zc().scaledValue()[0];
        Complex[] first = line(new Complex(alpha, beta).multiply(line.length1().scaledValue()[0] * 1e-3), zc);
        Complex[] second = line(new Complex(alpha, beta).multiply(line.length2().scaledValue()[0] * 1e-3), zc);
        Complex y = new Complex(1 / res.r().scaledValue()[0], omega * res.c().scaledValue()[0] * 1e-12
                - 1 / (omega * res.l().scaledValue()[0] * 1e-9));
        Complex[] shunt = {Complex.ONE, Complex.ZERO, y, Complex.ONE};
        Complex[] t = times(times(first, shunt), second);
        double z0 = LineResonatorModel.Z0;
        Complex den = t[0].add(t[1].divide(z0)).add(t[2].multiply(z0)).add(t[3]);
        Complex s11 = t[0].add(t[1].divide(z0)).subtract(t[2].multiply(z0)).subtract(t[3]).divide(den);
        return new Complex[] {s11, new Complex(2).divide(den)};
    }

    private static Complex[] line(Complex gl, double zc) {
        Complex ch = gl.cosh();
        Complex sh = gl.sinh();
        return new Complex[] {ch, sh.multiply(zc), sh.divide(zc), ch};
    }

    private static Complex[] times(Complex[] p, Complex[] q) {
        return new Complex[] {p[0].multiply(q[0]).add(p[1].multiply(q[2])), p[0].multiply(q[1]).add(p[1].multiply(q[3])),
            p[2].multiply(q[0]).add(p[3].multiply(q[2])), p[2].multiply(q[1]).add(p[3].multiply(q[3]))};
    }

    @Test
    void sParametersEqualThePlainJavaComplexReference() {
        LineResonatorModel m = LineResonatorModel.create();
        double[] f = LineResonatorModel.frequencies();
        double[] s = ModelFunction.record(m, LineResonatorModel.sParameterBody(f)).evaluate();
        double worst = 0;
        for (int i = 0; i < N; i++) {
            Complex[] want = reference(m, f[i]);
            Complex s11 = new Complex(s[i], s[N + i]);
            Complex s21 = new Complex(s[2 * N + i], s[3 * N + i]);
            worst = Math.max(worst, s11.subtract(want[0]).norm() / want[0].norm());
            worst = Math.max(worst, s21.subtract(want[1]).norm() / want[1].norm());
        }
        System.out.printf("line + resonator: S-parameters vs plain Java complex, max relative error %.2e%n", worst);
        assertTrue(worst < 1e-12, "max relative error " + worst);
        double[] r = LineResonatorModel.response(m).evaluate();
        double minS21 = 0;
        for (int i = 0; i < N; i++) {
            Complex[] want = reference(m, f[i]);
            assertEquals(20 * Math.log10(want[1].norm()), r[i], 1e-11, "|S21| dB at " + f[i]);
            assertEquals(Math.toDegrees(want[1].getArgument()), r[N + i], 1e-9, "phase at " + f[i]);
            assertEquals(20 * Math.log10(want[0].norm()), r[2 * N + i], 1e-9, "|S11| dB at " + f[i]);
            minS21 = Math.min(minS21, r[i]);
        }
        assertTrue(minS21 < -3, "the resonator shows as a notch in |S21|, min " + minS21 + " dB");
    }

    @Test
    void jacobianEqualsCentralDifferences() {
        ModelFunction<LineResonatorModel> fn = LineResonatorModel.response(LineResonatorModel.create());
        assertEquals(8, fn.numFree());
        double[] flat = fn.flatValues();
        int out = fn.outputSize();
        double[] value = new double[out];
        double[] jac = new double[fn.numFree() * out];
        Workspace ws = fn.newWorkspace();
        fn.jacobian(flat, Wrt.LATENT, ws, value, jac);
        double[][] fd = FiniteDifferences.centralJacobian(theta -> {
            double[] y = new double[out];
            fn.evaluate(theta, ws, y);
            return y;
        }, flat);
        double worst = 0;
        int compared = 0;
        for (int p = 0; p < fd.length; p++) {
            for (int k = 0; k < out; k++) {
                boolean nearWrap = k >= N && k < 2 * N && Math.abs(value[k]) > 179;
                if (!nearWrap) {
                    double j = jac[p * out + k];
                    worst = Math.max(worst, Math.abs(j - fd[p][k]) / Math.max(1, Math.abs(j)));
                    compared++;
                }
            }
        }
        System.out.printf("line + resonator: Jacobian vs central differences, max relative error %.2e%n", worst);
        assertTrue(compared > fd.length * out * 9 / 10, "most entries compared: " + compared);
        assertTrue(worst < 1e-6, "max relative error " + worst);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void passiveOverMonteCarloDraws(long seed) {
        ModelFunction<LineResonatorModel> fn = LineResonatorModel.response(LineResonatorModel.create());
        int draws = 200;
        double[] y = MonteCarlo.funcSamples(fn, seed, draws);
        double worst = 0;
        double spread = 0;
        for (int d = 0; d < draws; d++) {
            for (int i = 0; i < N; i++) {
                double s21 = Math.pow(10, y[d * 3 * N + i] / 10);
                double s11 = Math.pow(10, y[d * 3 * N + 2 * N + i] / 10);
                worst = Math.max(worst, s11 + s21);
                spread = Math.max(spread, Math.abs(y[d * 3 * N + i] - y[i]));
            }
        }
        assertTrue(worst < 1, "|S11|² + |S21|² <= 1 in every draw, max " + worst);
        assertTrue(spread > 0.1, "the draws differ (max |S21| dB spread " + spread + ")");
    }
}
