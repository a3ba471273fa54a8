package org.parax4j.engine.readme;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parax4j.engine.graph.ComplexMatrix2;
import org.parax4j.engine.graph.ComplexVar;
import org.parax4j.engine.graph.ModelFunction;
import org.parax4j.engine.graph.Var;
import org.parax4j.module.Meta;
import org.parax4j.module.Module;
import org.parax4j.param.Parameter;

/** The README's recorded-function vocabulary example, kept compiling and true. */
class VocabularyReadmeExampleTest {

    public record Rlc(Parameter r, Parameter l, Parameter c, Meta meta) implements Module<Rlc> {}

    @Test
    void readmeVocabularyExample() {
        // --- README vocabulary example starts
        Rlc rlc = new Rlc(Parameter.of(40), Parameter.of(2), Parameter.of(2), Meta.NONE);   // Ω, nH, pF
        double[] ghz = {2.0, 2.5, 3.0};
        ModelFunction<Rlc> s21 = ModelFunction.record(rlc, (m, g) -> {
            Var w = g.constant(ghz).mul(2e9 * Math.PI);
            ComplexVar y = ComplexVar.of(g.param(m.r()).pow(-1),                  // Y = 1/R + j(ωC − 1/(ωL))
                    w.mul(g.param(m.c())).mul(1e-12).sub(w.mul(g.param(m.l())).mul(1e-9).pow(-1)));
            ComplexVar s = ComplexMatrix2.shunt(y).s21(50);                      // shunt ABCD → S21, 50 Ω ports
            return Var.stack(s.db(), s.arg());                                   // [2, 3]: dB and phase
        });
        Map<String, double[]> jac = s21.funcJacobian();                         // d(dB, phase)/d(R, L, C)
        ModelFunction<Rlc> misc = ModelFunction.record(rlc, (m, g) -> {
            Var v = Var.stack(g.param(m.r()), g.param(m.l()), g.param(m.c()));   // [40, 2, 2]
            Var picked = Var.where(v.gt(10), v.log1p(), v.tanh());               // elementwise select
            return Var.concat(picked.cumsum(), v.slice(1, 3).logsumexp().reshape(1), v.at(-1).erf().reshape(1));
        });
        double[] values = misc.evaluate();                                       // [log 41, +tanh 2, +tanh 2, lse, erf 2]
        // --- README vocabulary example ends
        double[] out = s21.evaluate();
        for (int k = 0; k < ghz.length; k++) {
            double w = 2e9 * Math.PI * ghz[k];
            double b = w * 2e-12 - 1 / (w * 2e-9);
            double re = 2 + 50.0 / 40;
            double im = 50 * b;
            assertEquals(10 * Math.log10(4 / (re * re + im * im)), out[k], 1e-12, "dB at " + ghz[k]);
            assertEquals(Math.atan2(-im, re), out[3 + k], 1e-12, "phase at " + ghz[k]);
        }
        assertEquals(6, jac.get("r").length);
        double t = Math.tanh(2);
        double[] want = {Math.log(41), Math.log(41) + t, Math.log(41) + 2 * t, 2 + Math.log(2), 0.9953222650189527};
        for (int k = 0; k < want.length; k++) {
            assertEquals(want[k], values[k], 1e-15 * Math.max(1, Math.abs(want[k])), "misc " + k);
        }
    }
}
