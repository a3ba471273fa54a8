package org.parax4j.engine.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.hipparchus.complex.Complex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.parax4j.module.Meta;
import org.parax4j.module.Module;
import org.parax4j.param.Parameter;

/**
 * Complex values in recorded functions: every {@link ComplexVar} and {@link ComplexMatrix2}
 * operation against Hipparchus' {@link Complex} on points in all four quadrants (to 1e-14
 * relative), its Jacobian (through the real and imaginary parts) against central differences, and
 * a series and a shunt RLC circuit against their closed forms, values and derivatives.
 */
class ComplexVarTest {

    record Operands(Parameter a, Parameter b, Parameter c, Parameter d, Meta meta) implements Module<Operands> {}

    private static final double[] A = {0.7, -1.3, -0.4, 1.1, 2.5};
    private static final double[] B = {0.9, 0.6, -1.7, -0.2, 0.3};
    private static final double[] C = {-0.5, 1.4, 0.8, -1.2, 0.6};
    private static final double[] D = {1.2, -0.3, 0.5, -0.9, -1.6};

    /**
     * One complex op.
     *
     * @param name the test name
     * @param recorded on z = a + jb and w = c + jd
     * @param reference the same on Hipparchus complex numbers
     */
    record Case(String name, BiFunction<ComplexVar, ComplexVar, ComplexVar> recorded,
            BiFunction<Complex, Complex, Complex> reference) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Case> cases() {
        return List.of(
                new Case("add", ComplexVar::add, Complex::add),
                new Case("sub", ComplexVar::sub, Complex::subtract),
                new Case("mul", ComplexVar::mul, Complex::multiply),
                new Case("div", ComplexVar::div, Complex::divide),
                new Case("reciprocal", (z, w) -> z.reciprocal(), (z, w) -> z.reciprocal()),
                new Case("conj", (z, w) -> z.conj(), (z, w) -> z.conjugate()),
                new Case("neg", (z, w) -> z.neg(), (z, w) -> z.negate()),
                new Case("mulJ", (z, w) -> z.mulJ(), (z, w) -> z.multiply(Complex.I)),
                new Case("exp", (z, w) -> z.exp(), (z, w) -> z.exp()),
                new Case("log", (z, w) -> z.log(), (z, w) -> z.log()),
                new Case("sqrt", (z, w) -> z.sqrt(), (z, w) -> z.sqrt()),
                new Case("cosh", (z, w) -> z.cosh(), (z, w) -> z.cosh()),
                new Case("sinh", (z, w) -> z.sinh(), (z, w) -> z.sinh()),
                new Case("polar", (z, w) -> ComplexVar.polar(z.abs(), z.arg()), (z, w) -> z),
                new Case("absArgDb", (z, w) -> ComplexVar.of(z.abs(), z.arg()).add(z.db()),
                        (z, w) -> new Complex(z.norm() + 20 * Math.log10(z.norm()), z.getArgument())),
                new Case("realTimesComplex", (z, w) -> ComplexVar.real(z.re()).mul(w).sub(ComplexVar.imaginary(z.im())),
                        (z, w) -> w.multiply(z.getReal()).subtract(new Complex(0, z.getImaginary()))),
                new Case("imaginaryOverComplex", (z, w) -> ComplexVar.imaginary(z.im()).div(w).add(z.div(w.re())),
                        (z, w) -> new Complex(0, z.getImaginary()).divide(w).add(z.divide(w.getReal()))),
                new Case("zeroAndOne", (z, w) -> ComplexMatrix2.series(z).matmul(ComplexMatrix2.shunt(w)).a()
                        .add(ComplexMatrix2.shunt(w).b().mul(z)), (z, w) -> z.multiply(w).add(1)),
                new Case("det", (z, w) -> new ComplexMatrix2(z, w, w.mul(z), z.sqrt()).det(),
                        (z, w) -> z.multiply(z.sqrt()).subtract(w.multiply(w.multiply(z)))),
                new Case("inverseTimesSelf", (z, w) -> {
                    ComplexMatrix2 m = new ComplexMatrix2(z, w, w.exp(), z.conj());
                    ComplexMatrix2 p = m.inverse().matmul(m);
                    return p.a().add(p.b().mulJ()).add(p.c().mul(3)).add(p.d().mul(5));
                }, (z, w) -> new Complex(6)),
                new Case("solve", (z, w) -> {
                    ComplexVar[] x = new ComplexMatrix2(z, w, w.exp(), z.conj()).solve(z.mul(w), w);
                    return x[0].add(x[1].mulJ());
                }, (z, w) -> {
                    Complex det = z.multiply(z.conjugate()).subtract(w.multiply(w.exp()));
                    Complex x1 = z.conjugate().multiply(z.multiply(w)).subtract(w.multiply(w)).divide(det);
                    Complex x2 = z.multiply(w).subtract(w.exp().multiply(z.multiply(w))).divide(det);
                    return x1.add(x2.multiply(Complex.I));
                }));
    }

    private static ModelFunction<Operands> function(Case c) {
        Operands model = new Operands(Parameter.of(A), Parameter.of(B), Parameter.of(C), Parameter.of(D), Meta.NONE);
        return ModelFunction.record(model, (m, g) -> {
            ComplexVar z = ComplexVar.of(g.param(m.a()), g.param(m.b()));
            ComplexVar w = ComplexVar.of(g.param(m.c()), g.param(m.d()));
            ComplexVar r = c.recorded().apply(z, w);
            return Var.concat(r.re().add(g.constant(new double[A.length])), r.im().add(g.constant(new double[A.length])));
        });
    }

    @ParameterizedTest
    @MethodSource("cases")
    void valueEqualsHipparchusComplex(Case c) {
        double[] got = function(c).evaluate();
        int n = A.length;
        for (int k = 0; k < n; k++) {
            Complex want = c.reference().apply(new Complex(A[k], B[k]), new Complex(C[k], D[k]));
            double err = new Complex(got[k], got[n + k]).subtract(want).norm() / Math.max(1, want.norm());
            assertTrue(err < 1e-14, c + " element " + k + ": got " + got[k] + " + j" + got[n + k] + ", want " + want
                    + " (relative error " + err + ")");
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void jacobianEqualsCentralDifferences(Case c) {
        ModelFunction<Operands> f = function(c);
        double[] flat = f.flatValues();
        double[] jac = new double[f.numFree() * f.outputSize()];
        f.jacobian(flat, Wrt.LATENT, f.newWorkspace(), null, jac);
        double err = Fixtures.maxRelErr(jac, Fixtures.finiteDifferences(f, flat));
        assertTrue(err < 1e-7, c + ": max relative error " + err);
    }

    record Rlc(Parameter r, Parameter l, Parameter c, Meta meta) implements Module<Rlc> {}

    /** Series R + jωL + 1/(jωC): |Z|, arg Z and their derivatives in closed form; at ω₀ = 1/√(LC), Z = R. */
    @Test
    void seriesRlcImpedanceMatchesItsClosedForm() {
        double r = 12;
        double l = 3e-9;
        double cap = 1.5e-12;
        double w0 = 1 / Math.sqrt(l * cap);
        double[] omega = {0.3 * w0, 0.9 * w0, w0, 1.7 * w0, 4 * w0};
        ModelFunction<Rlc> f = ModelFunction.record(new Rlc(Parameter.of(r), Parameter.of(l), Parameter.of(cap),
                Meta.NONE), (m, g) -> {
                    Var w = g.constant(omega);
                    ComplexVar zr = ComplexVar.real(g.param(m.r()));
                    ComplexVar zl = ComplexVar.imaginary(w.mul(g.param(m.l())));
                    ComplexVar zc = ComplexVar.imaginary(w.mul(g.param(m.c()))).reciprocal();
                    ComplexVar z = zr.add(zl).add(zc);
                    return Var.concat(z.abs(), z.arg());
                });
        int n = omega.length;
        double[] value = new double[2 * n];
        double[] jac = new double[3 * 2 * n];
        f.jacobian(f.flatValues(), Wrt.LATENT, f.newWorkspace(), value, jac);
        for (int k = 0; k < n; k++) {
            double x = omega[k] * l - 1 / (omega[k] * cap);
            double mag = Math.sqrt(r * r + x * x);
            assertEquals(mag, value[k], 1e-13 * mag, "|Z| at " + k);
            assertEquals(Math.atan2(x, r), value[n + k], 1e-13, "arg Z at " + k);
            double dxdl = omega[k];
            double dxdc = 1 / (omega[k] * cap * cap);
            double[] dMag = {r / mag, x * dxdl / mag, x * dxdc / mag};
            double[] dArg = {-x / (mag * mag), r * dxdl / (mag * mag), r * dxdc / (mag * mag)};
            for (int p = 0; p < 3; p++) {
                assertEquals(dMag[p], jac[p * 2 * n + k], 1e-12 * Math.abs(dMag[p]), "d|Z|/dparam " + p + " at " + k);
                assertEquals(dArg[p], jac[p * 2 * n + n + k], 1e-12 * Math.abs(dArg[p]) + 1e-300,
                        "d arg Z/dparam " + p + " at " + k);
            }
        }
        assertEquals(r, value[2], 1e-12 * r, "|Z(ω₀)| = R");
        assertEquals(0, value[n + 2], 1e-12, "arg Z(ω₀) = 0");
    }

    /** A shunt R‖L‖C between 50 Ω ports: S21 = 2/(2 + Z0·Y), at resonance 2R/(2R + Z0), in dB. */
    @Test
    void shuntResonatorS21MatchesItsClosedForm() {
        double r = 80;
        double l = 2e-9;
        double cap = 3e-12;
        double w0 = 1 / Math.sqrt(l * cap);
        double[] omega = {0.5 * w0, w0, 2 * w0};
        Function<Rlc, double[]> recorded = model -> ModelFunction.record(model, (m, g) -> {
            Var w = g.constant(omega);
            ComplexVar y = ComplexVar.of(g.param(m.r()).pow(-1), w.mul(g.param(m.c())).sub(w.mul(g.param(m.l())).pow(-1)));
            ComplexVar s21 = ComplexMatrix2.shunt(y).s21(50);
            return Var.concat(s21.db(), ComplexMatrix2.shunt(y).s11(50).abs());
        }).evaluate();
        double[] got = recorded.apply(new Rlc(Parameter.of(r), Parameter.of(l), Parameter.of(cap), Meta.NONE));
        for (int k = 0; k < omega.length; k++) {
            Complex yk = new Complex(1 / r, omega[k] * cap - 1 / (omega[k] * l));
            Complex s21 = new Complex(2).divide(yk.multiply(50).add(2));
            assertEquals(20 * Math.log10(s21.norm()), got[k], 1e-12, "S21 dB at " + k);
            assertEquals(yk.multiply(-50).divide(yk.multiply(50).add(2)).norm(), got[omega.length + k], 1e-14,
                    "|S11| at " + k);
        }
        assertEquals(20 * Math.log10(2 * r / (2 * r + 50)), got[1], 1e-12, "at resonance");
        Rlc model = new Rlc(Parameter.of(r), Parameter.of(l), Parameter.of(cap), Meta.NONE);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModelFunction.record(model,
                (m, g) -> ComplexMatrix2.shunt(ComplexVar.real(g.param(m.r()))).s21(0).re()));
        assertTrue(e.getMessage().contains("port impedance z0 must be positive and finite, got 0.0"), e.getMessage());
    }
    /**
     * {@code sParameters} (shared nodes) and the cascade form {@code cascadeSParameters(z0, stages...)}
     * (vector products, no matrix product) give the values and Jacobian of {@code s11} and
     * {@code s21} of the product apart.
     */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(booleans = {false, true})
    void sParametersTogetherEqualS11AndS21Apart(boolean ofCascade) {
        java.util.concurrent.atomic.AtomicBoolean cascade = new java.util.concurrent.atomic.AtomicBoolean(ofCascade);
        double[] omega = {1e9, 1.6e10, 4e10};
        java.util.function.BiFunction<Boolean, Rlc, ModelFunction<Rlc>> body = (together, model) ->
                ModelFunction.record(model, (m, g) -> {
                    Var w = g.constant(omega);
                    ComplexVar z = ComplexVar.of(g.param(m.r()), w.mul(g.param(m.l())));
                    ComplexMatrix2 t = ComplexMatrix2.series(z).matmul(ComplexMatrix2.shunt(
                            ComplexVar.imaginary(w.mul(g.param(m.c())))));
                    ComplexVar[] s = together ? t.sParameters(50) : new ComplexVar[] {t.s11(50), t.s21(50)};
                    if (cascade.get()) {
                        s = ComplexMatrix2.cascadeSParameters(50, ComplexMatrix2.series(z), ComplexMatrix2.shunt(
                                ComplexVar.imaginary(w.mul(g.param(m.c())))), ComplexMatrix2.line(
                                ComplexVar.of(w.mul(1e-11), w.mul(2e-10)), g.param(m.r()).mul(3)));
                        if (!together) {
                            ComplexMatrix2 product = t.matmul(ComplexMatrix2.line(ComplexVar.of(w.mul(1e-11),
                                    w.mul(2e-10)), g.param(m.r()).mul(3)));
                            s = new ComplexVar[] {product.s11(50), product.s21(50)};
                        }
                    }
                    return Var.concat(s[0].re(), s[0].im(), s[1].re(), s[1].im());
                });
        Rlc model = new Rlc(Parameter.of(20), Parameter.of(2e-9), Parameter.of(3e-12), Meta.NONE);
        ModelFunction<Rlc> joint = body.apply(true, model);
        ModelFunction<Rlc> apart = body.apply(false, model);
        double[] v1 = new double[12];
        double[] v2 = new double[12];
        double[] j1 = new double[36];
        double[] j2 = new double[36];
        joint.jacobian(joint.flatValues(), Wrt.PHYSICAL, joint.newWorkspace(), v1, j1);
        apart.jacobian(apart.flatValues(), Wrt.PHYSICAL, apart.newWorkspace(), v2, j2);
        for (int k = 0; k < 12; k++) {
            assertEquals(v2[k], v1[k], 1e-14 * Math.max(1, Math.abs(v2[k])), "value " + k);
        }
        for (int k = 0; k < 36; k++) {
            assertEquals(j2[k], j1[k], 1e-12 * Math.max(1e-300, Math.abs(j2[k])) + 1e-30, "jacobian " + k);
        }
        assertTrue(Math.abs(j2[0]) > 0, "the Jacobian is not trivially zero");
        assertThrows(IllegalArgumentException.class, () -> ModelFunction.record(model,
                (m, g) -> ComplexMatrix2.cascadeSParameters(50)[0].re()), "no stage");
    }
}
