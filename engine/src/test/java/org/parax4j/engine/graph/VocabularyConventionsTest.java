package org.parax4j.engine.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.parax4j.module.Meta;
import org.parax4j.module.Module;
import org.parax4j.param.Parameter;

/**
 * The vocabulary's stated conventions and errors: erf/erfc against published high-precision
 * values, the derivative at max/min ties (½ each, which is also what central differences give),
 * and a named {@link IllegalArgumentException} for every bad shape, index, axis or constant
 * domain (the recording then goes on).
 */
class VocabularyConventionsTest {

    record Vec(Parameter x, Meta meta) implements Module<Vec> {}

    private static ModelFunction<Vec> record(double[] x, Function<Var, Var> body) {
        return ModelFunction.record(new Vec(Parameter.of(x), Meta.NONE), (m, g) -> body.apply(g.param(m.x())));
    }

    private static double[] jacobian(ModelFunction<Vec> f) {
        double[] jac = new double[f.numFree() * f.outputSize()];
        f.jacobian(f.flatValues(), Wrt.LATENT, f.newWorkspace(), null, jac);
        return jac;
    }

    /** Values to 30 digits (Abramowitz and Stegun, Table 7.1, and Wolfram Alpha). */
    @ParameterizedTest
    @CsvSource({
        "erf, 0.5, 0.520499877813046537682746653892",
        "erf, 1, 0.842700792949714869341220635083",
        "erf, 2, 0.995322265018952734162069256367",
        "erf, -0.1, -0.112462916018284892203275071744",
        "erf, 1e-10, 1.12837916709551257389615890312e-10",
        "erfc, 3, 2.20904969985854413727761295823e-5",
        "erfc, 5, 1.53745979442803485018834348538e-12",
        "erfc, 10, 2.08848758376254475700078629801e-45",
        "erfc, -1, 1.84270079294971486934122063508"})
    void errorFunctionsMatchPublishedValues(String fn, double x, double want) {
        double got = record(new double[] {x}, v -> fn.equals("erf") ? v.erf() : v.erfc()).evaluate()[0];
        assertEquals(want, got, 2e-16 * Math.abs(want), fn + "(" + x + ")");
    }

    @Test
    void maximumAndMinimumSplitTheDerivativeEvenlyAtATie() {
        double[] atTie = jacobian(record(new double[] {0.5}, v -> v.maximum(0.5).add(v.minimum(0.5).mul(3))));
        assertEquals(0.5 + 1.5, atTie[0], 0, "½ from max plus 3·½ from min");
        double[] fd = org.parax4j.module.FiniteDifferences.centralJacobian(t -> new double[] {Math.max(t[0], 0.5)
            + 3 * Math.min(t[0], 0.5)}, new double[] {0.5})[0];
        assertEquals(fd[0], atTie[0], 1e-9, "central differences give the same at the tie");
        double[] reduced = jacobian(record(new double[] {1, 0.2, 1, -3}, v -> v.max().add(v.min())));
        assertArrayEquals(new double[] {0.5, 0, 0.5, 1}, reduced, 0, "ties of the max share; the min is unique");
        double[] clamped = jacobian(record(new double[] {-2, 0.3, 2, 1}, v -> v.clamp(-1, 1)));
        assertArrayEquals(new double[] {0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0.5}, clamped, 0,
                "clamp: 0 outside, 1 inside, ½ on a bound");
    }

    @Test
    void whereTakesTheDerivativeOfTheSelectedBranchOnly() {
        double[] jac = jacobian(record(new double[] {-1, 4}, v -> Var.where(v.gt(0), v.sqrt(), v.mul(2))));
        assertArrayEquals(new double[] {2, 0, 0, 0.25}, jac, 0, "sqrt(-1) is NaN but unselected");
    }

    @Test
    void productDerivativeIsExactWithAZeroFactor() {
        double[] jac = jacobian(record(new double[] {2, 0, 3}, Var::prod));
        assertArrayEquals(new double[] {0, 6, 0}, jac, 0);
    }

    @Test
    void solveAndDetPivotPastAZeroLeadingEntry() {
        ModelFunction<Vec> f = record(new double[] {0, 2, 3, 1}, v -> {
            Var a = v.reshape(2, 2);
            return Var.concat(a.solve(v.recorder().constant(4, 5)), a.det().reshape(1), a.inverse().reshape(4));
        });
        // [[0, 2], [3, 1]]·x = (4, 5): x = (1, 2); det = −6; inverse = [[−1/6, 1/3], [1/2, 0]]
        assertArrayEquals(new double[] {1, 2, -6, -1.0 / 6, 1.0 / 3, 0.5, 0}, f.evaluate(), 1e-15);
        double[] jac = jacobian(f);
        double err = Fixtures.maxRelErr(jac, Fixtures.finiteDifferences(f, f.flatValues()));
        assertTrue(err < 1e-8, "max relative error vs central differences " + err);
    }

    @Test
    void badShapesIndicesAndDomainsAreNamedErrorsThatRecordNothing() {
        record(new double[] {0.1, 0.2, 0.3, 0.4, 0.5, 0.6}, x -> {
            Var m = x.reshape(2, 3);
            String[][] cases = {
                {"at: index 6 is out of range for length 6", "at6"},
                {"at: index -7 is out of range", "at-7"},
                {"at needs a vector or a matrix, got a scalar", "scalarAt"},
                {"at(i, j) needs a matrix", "vectorAt2"},
                {"at(i, j) column: index 3 is out of range for length 3", "at13"},
                {"slice: need 0 <= from <= to <= 6", "slice47"},
                {"slice: step must be >= 1, got 0", "step0"},
                {"slice: axis must be in [0, 2)", "axis2"},
                {"gather: index 9 is out of range", "gather9"},
                {"concat along axis 0: part 1 has shape [3, 2]", "concatMismatch"},
                {"concat needs vectors or matrices, part 0 is a scalar", "concatScalar"},
                {"stack needs equal shapes, part 1 has [5]", "stackMismatch"},
                {"stack needs scalars or vectors", "stackMatrix"},
                {"matmul: inner dimensions differ, [2, 3] × [2, 3]", "matmul"},
                {"matmul needs vectors or matrices", "matmulScalar"},
                {"max(axis) needs a matrix, got shape [6]", "maxAxis"},
                {"prod: axis must be 0 or 1, got 2", "prodAxis"},
                {"asin: constant element 1 must be in [-1, 1], got 1.5", "asin"},
                {"log1p: constant element 0 must be >= -1, got -2.0", "log1p"},
                {"clamp needs lo <= hi, got lo 1.0, hi 0.0", "clamp"},
                {"shapes [2, 3] and [2] do not broadcast", "where"},
                {"shapes [6] and [4] do not broadcast", "atan2"},
                {"outer needs scalars or vectors", "outer"},
                {"solve needs a non-empty square matrix, got shape [2, 3]", "solveShape"},
                {"solve: the right-hand side must be [2] or [2, k] for a 2x2 matrix, got shape [3]", "solveRhs"},
                {"det needs a non-empty square matrix, got shape [6]", "detVector"},
            };
            for (String[] c : cases) {
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> bad(c[1], x, m), c[1]);
                assertTrue(e.getMessage().contains(c[0]), c[1] + ": message was: " + e.getMessage());
            }
            return x;
        });
    }

    private static Var bad(String which, Var x, Var m) {
        return switch (which) {
            case "at6" -> x.at(6);
            case "at-7" -> x.at(-7);
            case "scalarAt" -> x.sum().at(0);
            case "vectorAt2" -> x.at(0, 0);
            case "at13" -> m.at(1, 3);
            case "slice47" -> x.slice(4, 7);
            case "step0" -> x.slice(0, 6, 0);
            case "axis2" -> m.slice(2, 0, 1, 1);
            case "gather9" -> x.gather(1, 9);
            case "concatMismatch" -> Var.concat(m, m.transpose());
            case "concatScalar" -> Var.concat(x.sum(), x);
            case "stackMismatch" -> Var.stack(x, x.slice(0, 5));
            case "stackMatrix" -> Var.stack(m, m);
            case "matmul" -> m.matmul(m);
            case "matmulScalar" -> m.matmul(x.sum());
            case "maxAxis" -> x.max(0);
            case "prodAxis" -> m.prod(2);
            case "asin" -> constants(x, 0.5, 1.5).asin();
            case "log1p" -> constants(x, -2).log1p();
            case "clamp" -> x.clamp(1, 0);
            case "where" -> Var.where(m, m, x.slice(0, 2));
            case "atan2" -> x.atan2(x.slice(0, 4));
            case "outer" -> m.outer(x);
            case "solveShape" -> m.solve(x);
            case "solveRhs" -> x.slice(0, 4).reshape(2, 2).solve(x.slice(0, 3));
            case "detVector" -> x.det();
            default -> throw new IllegalStateException(which);
        };
    }

    /** A recorded constant vector in the same recording as {@code x}. */
    private static Var constants(Var x, double... values) {
        return x.recorder().constant(values);
    }
}
