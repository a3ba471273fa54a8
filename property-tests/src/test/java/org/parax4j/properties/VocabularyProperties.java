package org.parax4j.properties;

import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.parax4j.engine.examples.LineResonatorModel;
import org.parax4j.engine.graph.ModelFunction;
import org.parax4j.engine.graph.Var;
import org.parax4j.module.Meta;
import org.parax4j.module.Module;
import org.parax4j.param.Parameter;
import org.parax4j.properties.gen.Theories;

/**
 * Laws of the recorded-function vocabulary over generated shapes and indices: a strided slice of
 * a matrix either is a named {@link IllegalArgumentException} (exactly when the range or step is
 * invalid) or equals the plain-Java slice, element for element; and the RF example is passive
 * ({@code |S11|² + |S21|² ≤ 1}) for any physical values of its parameters, not only prior draws.
 */
class VocabularyProperties {

    private static final long SEED = 20261205L;

    record Grid(Parameter x, Meta meta) implements Module<Grid> {}

    @Test
    void matrixSlicesAreNamedErrorsOrThePlainJavaSlice() {
        Theories.theory(SEED).withExamples(Theories.examples(200))
                .forAll(integers().between(0, 24), integers().between(-1, 6), integers().between(-1, 6),
                        integers().between(0, 3))
                .check((shape, from, to, step) -> {
                    int rows = 1 + shape / 5;
                    int cols = 1 + shape % 5;
                    double[] values = new double[rows * cols];
                    Arrays.setAll(values, k -> k + 0.5);
                    int axis = (from + to) % 2 == 0 ? 0 : 1;
                    int length = axis == 0 ? rows : cols;
                    boolean valid = step >= 1 && from >= 0 && from <= to && to <= length;
                    double[] got;
                    try {
                        got = ModelFunction.record(new Grid(Parameter.of(values), Meta.NONE),
                                (m, g) -> g.param(m.x()).reshape(rows, cols).slice(axis, from, to, step)).evaluate();
                    } catch (IllegalArgumentException e) {
                        return !valid && e.getMessage().startsWith("slice:");
                    }
                    if (!valid) {
                        return false;
                    }
                    int picked = (to - from + step - 1) / step;
                    int outCols = axis == 0 ? cols : picked;
                    double[] want = new double[(axis == 0 ? picked : rows) * outCols];
                    for (int k = 0; k < want.length; k++) {
                        int r = k / outCols;
                        int c = k % outCols;
                        want[k] = axis == 0 ? values[(from + r * step) * cols + c] : values[r * cols + from + c * step];
                    }
                    return Arrays.equals(want, got);
                });
    }

    @Test
    void theRfExampleIsPassiveForAnyPhysicalValues() {
        double[] freqs = {0.3, 1.7, 2.5, 4.0, 9.0};
        Theories.theory(SEED).withExamples(Theories.examples(100))
                .forAll(doubles().between(5, 200), doubles().between(1, 12), doubles().between(0, 50),
                        doubles().between(1, 5000))
                .check((zc, eps, alpha, r) -> {
                    double lc = 0.05 + (r % 17);
                    LineResonatorModel base = LineResonatorModel.create();
                    LineResonatorModel.Line line = new LineResonatorModel.Line(Parameter.of(zc), Parameter.of(eps),
                            Parameter.of(17), Parameter.of(31), Parameter.of(alpha), Meta.NONE);
                    LineResonatorModel.Resonator res = new LineResonatorModel.Resonator(Parameter.of(r),
                            Parameter.of(lc), Parameter.of(50 / lc), Meta.NONE);
                    LineResonatorModel model = new LineResonatorModel(line, res, base.meta());
                    double[] y = ModelFunction.record(model, LineResonatorModel.responseBody(freqs)).evaluate();
                    int n = freqs.length;
                    for (int i = 0; i < n; i++) {
                        double power = Math.pow(10, y[i] / 10) + Math.pow(10, y[2 * n + i] / 10);
                        if (!(power <= 1 + 1e-12)) {
                            return false;
                        }
                    }
                    return true;
                });
    }
}
