package org.parax4j.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.hipparchus.analysis.differentiation.Gradient;
import org.hipparchus.complex.FieldComplex;
import org.hipparchus.util.FieldSinCos;
import org.hipparchus.util.FieldSinhCosh;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.parax4j.engine.EngineOptions;
import org.parax4j.engine.examples.LineResonatorModel;
import org.parax4j.engine.graph.ModelFunction;
import org.parax4j.engine.graph.Workspace;
import org.parax4j.engine.graph.Wrt;

/**
 * Jacobian of the RF example ({@link LineResonatorModel}: lossy line, shunt RLC, line; 201
 * frequencies; |S21| dB, ∠S21, |S11| dB; 8 free parameters) through the recorded graph, against the
 * same circuit in Hipparchus {@code FieldComplex<Gradient>} and one plain evaluation. Both
 * Jacobians are with respect to physical values. {@code recorded} and {@code plain} use the default
 * workspace (all cores: the function is elementwise over its frequencies, so it runs as one strip of
 * frequencies per thread); the {@code OneThread} forms use a single-threaded workspace, as the
 * Hipparchus forms run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class RfJacobianBenchmark {

    private static final double C0 = 299_792_458.0;

    ModelFunction<LineResonatorModel> function;
    Workspace workspace;
    Workspace oneThread;
    double[] theta;
    double[] physical;
    double[] freqs;
    double[] value;
    double[] jac;

    @Setup
    public void setUp() {
        LineResonatorModel model = LineResonatorModel.create();
        function = LineResonatorModel.response(model);
        workspace = function.newWorkspace();
        oneThread = function.newWorkspace(EngineOptions.singleThreaded());
        theta = function.flatValues();
        freqs = LineResonatorModel.frequencies();
        List<String> names = function.freeNames();
        List<String> order = List.of("line_zc", "line_epsEff", "line_length1", "line_length2", "line_alpha",
                "resonator_r", "resonator_l", "resonator_c");
        if (!names.equals(order)) {
            throw new IllegalStateException("free names " + names + ", expected " + order);
        }
        physical = new double[] {model.line().zc().scaledValue()[0], model.line().epsEff().scaledValue()[0],
            model.line().length1().scaledValue()[0], model.line().length2().scaledValue()[0],
            model.line().alpha().scaledValue()[0], model.resonator().r().scaledValue()[0],
            model.resonator().l().scaledValue()[0], model.resonator().c().scaledValue()[0]};
        value = new double[function.outputSize()];
        jac = new double[theta.length * function.outputSize()];
    }

    /** Prints the machine's cache-line hand-off time before each iteration ({@link CoreHandoff}). */
    @Setup(Level.Iteration)
    public void printHandoff() {
        CoreHandoff.print();
    }

    @Benchmark
    public double[] recorded() {
        function.jacobian(theta, Wrt.PHYSICAL, workspace, value, jac);
        return jac;
    }

    @Benchmark
    public double[] hipparchus() {
        hipparchus(freqs, physical, jac);
        return jac;
    }

    @Benchmark
    public double[] hipparchusPairs() {
        hipparchusPairs(freqs, physical, jac);
        return jac;
    }

    @Benchmark
    public double[] plain() {
        function.evaluate(theta, workspace, value);
        return value;
    }

    @Benchmark
    public double[] recordedOneThread() {
        function.jacobian(theta, Wrt.PHYSICAL, oneThread, value, jac);
        return jac;
    }

    @Benchmark
    public double[] plainOneThread() {
        function.evaluate(theta, oneThread, value);
        return value;
    }

    /** The response's Jacobian by {@code FieldComplex<Gradient>}, {@code jac[p·3n + row·n + i]}. */
    static void hipparchus(double[] freqs, double[] p, double[] jac) {
        Variables v = Variables.of(p);
        Gradient sqrtEps = v.eps().sqrt();
        int n = freqs.length;
        for (int i = 0; i < n; i++) {
            double omega = 2 * Math.PI * freqs[i] * 1e9;
            Gradient beta = sqrtEps.multiply(omega / C0);
            Gradient alpha = v.alpha0().multiply(Math.sqrt(freqs[i]));
            FieldComplex<Gradient>[] first =
                    line(new FieldComplex<>(alpha.multiply(v.l1()), beta.multiply(v.l1())), v.zc());
            FieldComplex<Gradient>[] second =
                    line(new FieldComplex<>(alpha.multiply(v.l2()), beta.multiply(v.l2())), v.zc());
            FieldComplex<Gradient> y = new FieldComplex<>(v.r().reciprocal(),
                    v.c().multiply(omega).subtract(v.l().multiply(omega).reciprocal()));
            // The recorded model's association (LineResonatorModel: cascadeSParameters): row vectors
            // (1, ±50)·first, column shunt·second·(1, 1/50)ᵀ, two dot products.
            FieldComplex<Gradient> w1 = second[0].add(second[1].divide(50));
            FieldComplex<Gradient> w2 = second[2].add(second[3].divide(50));
            FieldComplex<Gradient> v2 = y.multiply(w1).add(w2);
            FieldComplex<Gradient> den = first[0].add(first[2].multiply(50)).multiply(w1)
                    .add(first[1].add(first[3].multiply(50)).multiply(v2));
            FieldComplex<Gradient> num = first[0].subtract(first[2].multiply(50)).multiply(w1)
                    .add(first[1].subtract(first[3].multiply(50)).multiply(v2));
            FieldComplex<Gradient> inv = den.reciprocal();
            FieldComplex<Gradient> s21 = inv.multiply(2);
            FieldComplex<Gradient> s11 = num.multiply(inv);
            store(abs2(s21).log10().multiply(10), s21.getImaginaryPart().atan2(s21.getRealPart())
                    .multiply(180 / Math.PI), abs2(s11).log10().multiply(10), n, i, jac);
        }
    }

    /**
     * The same Jacobian by Hipparchus {@code Gradient} on complex pairs: each complex value a
     * {@code (re, im)} pair of gradients, the complex arithmetic written out (no {@code FieldComplex}
     * objects, whose products and quotients go through accurate linear combinations and special-case
     * checks), {@code sinhCosh} and {@code sinCos} shared per argument. The faster of the two
     * Hipparchus formulations; same association as {@link #hipparchus}.
     */
    static void hipparchusPairs(double[] freqs, double[] p, double[] jac) {
        Variables v = Variables.of(p);
        Gradient sqrtEps = v.eps().sqrt();
        Gradient yRe = v.r().reciprocal();
        Gradient[] a = new Gradient[8];
        Gradient[] b = new Gradient[8];
        int n = freqs.length;
        for (int i = 0; i < n; i++) {
            double omega = 2 * Math.PI * freqs[i] * 1e9;
            Gradient beta = sqrtEps.multiply(omega / C0);
            Gradient alpha = v.alpha0().multiply(Math.sqrt(freqs[i]));
            linePairs(alpha.multiply(v.l1()), beta.multiply(v.l1()), v.zc(), a);
            linePairs(alpha.multiply(v.l2()), beta.multiply(v.l2()), v.zc(), b);
            Gradient yIm = v.c().multiply(omega).subtract(v.l().multiply(omega).reciprocal());
            // w1 = B_A + B_B/50, w2 = B_C + B_D/50; v2 = y·w1 + w2
            Gradient w1r = b[0].add(b[2].divide(50));
            Gradient w1i = b[1].add(b[3].divide(50));
            Gradient w2r = b[4].add(b[6].divide(50));
            Gradient w2i = b[5].add(b[7].divide(50));
            Gradient v2r = yRe.multiply(w1r).subtract(yIm.multiply(w1i)).add(w2r);
            Gradient v2i = yRe.multiply(w1i).add(yIm.multiply(w1r)).add(w2i);
            // den = (A + 50C)·w1 + (B + 50D)·v2, num = (A − 50C)·w1 + (B − 50D)·v2
            Gradient pr = a[0].add(a[4].multiply(50));
            Gradient pi = a[1].add(a[5].multiply(50));
            Gradient qr = a[2].add(a[6].multiply(50));
            Gradient qi = a[3].add(a[7].multiply(50));
            Gradient denR = pr.multiply(w1r).subtract(pi.multiply(w1i)).add(qr.multiply(v2r).subtract(qi.multiply(v2i)));
            Gradient denI = pr.multiply(w1i).add(pi.multiply(w1r)).add(qr.multiply(v2i).add(qi.multiply(v2r)));
            Gradient mr = a[0].subtract(a[4].multiply(50));
            Gradient mi = a[1].subtract(a[5].multiply(50));
            Gradient nr = a[2].subtract(a[6].multiply(50));
            Gradient ni = a[3].subtract(a[7].multiply(50));
            Gradient numR = mr.multiply(w1r).subtract(mi.multiply(w1i)).add(nr.multiply(v2r).subtract(ni.multiply(v2i)));
            Gradient numI = mr.multiply(w1i).add(mi.multiply(w1r)).add(nr.multiply(v2i).add(ni.multiply(v2r)));
            Gradient m = denR.square().add(denI.square());
            Gradient invR = denR.divide(m);
            Gradient invI = denI.negate().divide(m);
            Gradient s21r = invR.multiply(2);
            Gradient s21i = invI.multiply(2);
            Gradient s11r = numR.multiply(invR).subtract(numI.multiply(invI));
            Gradient s11i = numR.multiply(invI).add(numI.multiply(invR));
            store(s21r.square().add(s21i.square()).log10().multiply(10), s21i.atan2(s21r).multiply(180 / Math.PI),
                    s11r.square().add(s11i.square()).log10().multiply(10), n, i, jac);
        }
    }

    /**
     * The eight free parameters as Hipparchus variables in the recorded model's units (the lengths in
     * mm, the inductance in nH, the capacitance in pF).
     */
    private record Variables(Gradient zc, Gradient eps, Gradient l1, Gradient l2, Gradient alpha0, Gradient r,
            Gradient l, Gradient c) {

        static Variables of(double[] p) {
            int n = p.length;
            return new Variables(Gradient.variable(n, 0, p[0]), Gradient.variable(n, 1, p[1]),
                    Gradient.variable(n, 2, p[2]).multiply(1e-3), Gradient.variable(n, 3, p[3]).multiply(1e-3),
                    Gradient.variable(n, 4, p[4]), Gradient.variable(n, 5, p[5]),
                    Gradient.variable(n, 6, p[6]).multiply(1e-9), Gradient.variable(n, 7, p[7]).multiply(1e-12));
        }
    }

    /** Frequency {@code i}'s three response rows (|S21| dB, its phase in degrees, |S11| dB) into {@code jac}. */
    private static void store(Gradient db21, Gradient phase, Gradient db11, int n, int i, double[] jac) {
        int out = 3 * n;
        for (int v = 0; v < db21.getFreeParameters(); v++) {
            jac[v * out + i] = db21.getPartialDerivative(v);
            jac[v * out + n + i] = phase.getPartialDerivative(v);
            jac[v * out + 2 * n + i] = db11.getPartialDerivative(v);
        }
    }

    /** A line section's ABCD matrix for {@code γl = gr + j·gi} as pairs: {@code abcd = [A re, A im, B re, B im, C…, D…]}. */
    private static void linePairs(Gradient gr, Gradient gi, Gradient zc, Gradient[] abcd) {
        FieldSinhCosh<Gradient> hyp = gr.sinhCosh();
        FieldSinCos<Gradient> trig = gi.sinCos();
        Gradient chR = hyp.cosh().multiply(trig.cos());
        Gradient chI = hyp.sinh().multiply(trig.sin());
        Gradient shR = hyp.sinh().multiply(trig.cos());
        Gradient shI = hyp.cosh().multiply(trig.sin());
        abcd[0] = chR;
        abcd[1] = chI;
        abcd[2] = shR.multiply(zc);
        abcd[3] = shI.multiply(zc);
        abcd[4] = shR.divide(zc);
        abcd[5] = shI.divide(zc);
        abcd[6] = chR;
        abcd[7] = chI;
    }

    private static Gradient abs2(FieldComplex<Gradient> z) {
        return z.getRealPart().square().add(z.getImaginaryPart().square());
    }

    @SuppressWarnings({"unchecked", "rawtypes"}) // generic array: FieldComplex<Gradient>[] cannot be created directly
    private static FieldComplex<Gradient>[] line(FieldComplex<Gradient> gl, Gradient zc) {
        FieldComplex<Gradient> ch = gl.cosh();
        FieldComplex<Gradient> sh = gl.sinh();
        return new FieldComplex[] {ch, sh.multiply(zc), sh.divide(zc), ch};
    }
}
