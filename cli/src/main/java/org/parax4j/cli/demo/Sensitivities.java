package org.parax4j.cli.demo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.parax4j.engine.graph.ModelFunction;
import org.parax4j.engine.graph.Wrt;
import org.parax4j.module.Module;
import org.parax4j.module.SensitivityKind;

/**
 * Per free flat parameter, the 2-norm over the outputs (frequencies) of its semi-relative
 * ({@code J·θ}) and relative ({@code J·θ/y}) sensitivities, computed exactly with the engine's dual
 * numbers ({@link ModelFunction#funcSensitivity(Module, SensitivityKind, Wrt)}). Immutable: arrays
 * are copied in and out; equality compares them by content.
 *
 * @param names free flat names, in flat order
 * @param semiRelative {@code ‖J·θ‖₂} per parameter (output units)
 * @param relative {@code ‖J·θ/y‖₂} per parameter (dimensionless)
 * @param wrt whether θ is the latent or the physical value
 */
public record Sensitivities(List<String> names, double[] semiRelative, double[] relative, Wrt wrt) {

    /**
     * Checks and copies.
     *
     * @throws IllegalArgumentException when the arrays' lengths differ from the number of names
     */
    public Sensitivities {
        names = List.copyOf(names);
        Objects.requireNonNull(wrt, "wrt");
        if (semiRelative.length != names.size() || relative.length != names.size()) {
            throw new IllegalArgumentException("semiRelative and relative must have " + names.size()
                    + " values (one per name), got " + semiRelative.length + " and " + relative.length);
        }
        semiRelative = semiRelative.clone();
        relative = relative.clone();
    }

    /**
     * The sensitivities of {@code function} at {@code module}. Allocates.
     *
     * @throws IllegalArgumentException when the module's structure differs from the recorded one
     */
    public static <M extends Module<?>> Sensitivities of(ModelFunction<M> function, M module, Wrt wrt) {
        Objects.requireNonNull(function, "function");
        Map<String, double[]> semi = function.funcSensitivity(module, SensitivityKind.SEMI_RELATIVE, wrt);
        Map<String, double[]> rel = function.funcSensitivity(module, SensitivityKind.RELATIVE, wrt);
        List<String> names = new ArrayList<>(semi.keySet());
        double[] s = new double[names.size()];
        double[] r = new double[names.size()];
        for (int i = 0; i < names.size(); i++) {
            s[i] = norm2(semi.get(names.get(i)));
            r[i] = norm2(rel.get(names.get(i)));
        }
        return new Sensitivities(names, s, r, wrt);
    }

    private static double norm2(double[] v) {
        double acc = 0;
        for (double x : v) {
            acc += x * x;
        }
        return Math.sqrt(acc);
    }

    /** {@code ‖J·θ‖₂} per parameter. New array. */
    @Override
    public double[] semiRelative() {
        return semiRelative.clone();
    }

    /** {@code ‖J·θ/y‖₂} per parameter. New array. */
    @Override
    public double[] relative() {
        return relative.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Sensitivities s && names.equals(s.names) && Arrays.equals(semiRelative, s.semiRelative)
                && Arrays.equals(relative, s.relative) && wrt == s.wrt;
    }

    @Override
    public int hashCode() {
        return Objects.hash(names, Arrays.hashCode(semiRelative), Arrays.hashCode(relative), wrt);
    }
}
