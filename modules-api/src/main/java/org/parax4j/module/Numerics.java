package org.parax4j.module;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reference implementations of the model-function methods over opaque Java functions: Jacobians
 * by central finite differences in the latent flat vector, sensitivities from those, and Monte
 * Carlo samples by repeated {@link Module#sampled}. The engine offers exact dual-number
 * derivatives and vectorised sampling for recorded functions.
 */
final class Numerics {

    private static final Logger LOG = LoggerFactory.getLogger(Numerics.class);

    private Numerics() {}

    @SuppressWarnings("unchecked")
    private static <M extends Module> double[] call(Function<M, double[]> func, Module module) {
        double[] y = func.apply((M) module);
        if (y == null) {
            throw new IllegalArgumentException("the model function returned null");
        }
        return y;
    }

    static <M extends Module> Map<String, double[]> jacobian(Module module, Function<M, double[]> func) {
        Objects.requireNonNull(func, "func");
        LOG.debug("funcJacobian: opaque function, central finite differences over {} latent parameters",
                module.numFlatParams());
        List<String> names = module.flatParamNames();
        double[] theta = module.flatParamValues();
        int outputs = call(func, module).length;
        Map<String, double[]> out = new LinkedHashMap<>();
        for (int k = 0; k < theta.length; k++) {
            double h = 1e-6 * Math.max(1, Math.abs(theta[k]));
            double[] plus = theta.clone();
            double[] minus = theta.clone();
            plus[k] += h;
            minus[k] -= h;
            double[] yp = call(func, module.withParams(plus));
            double[] ym = call(func, module.withParams(minus));
            if (yp.length != outputs || ym.length != outputs) {
                throw new IllegalArgumentException("the model function must return the same length for every input, got "
                        + outputs + " and " + yp.length);
            }
            double[] d = new double[outputs];
            for (int i = 0; i < outputs; i++) {
                d[i] = (yp[i] - ym[i]) / (2 * h);
            }
            out.put(names.get(k), d);
        }
        return Collections.unmodifiableMap(out);
    }

    static <M extends Module> Map<String, double[]> sensitivity(Module module, Function<M, double[]> func,
            SensitivityKind kind) {
        Objects.requireNonNull(kind, "kind");
        Map<String, double[]> jacobian = jacobian(module, func);
        if (kind == SensitivityKind.ABSOLUTE) {
            return jacobian;
        }
        double[] y = call(func, module);
        double[] theta = module.flatParamValues();
        Map<String, double[]> out = new LinkedHashMap<>();
        int k = 0;
        for (Map.Entry<String, double[]> e : jacobian.entrySet()) {
            double[] s = e.getValue().clone();
            for (int i = 0; i < s.length; i++) {
                s[i] *= theta[k];
                if (kind == SensitivityKind.RELATIVE) {
                    s[i] = y[i] == 0 ? 0 : s[i] / y[i];
                }
            }
            out.put(e.getKey(), s);
            k++;
        }
        return Collections.unmodifiableMap(out);
    }

    static <M extends Module> double sensitivityNorm(Module module, Function<M, double[]> func,
            SensitivityKind kind, double norm) {
        if (norm != 1 && norm != 2 && norm != Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("norm must be 1, 2 or Double.POSITIVE_INFINITY, got " + norm);
        }
        double acc = 0;
        for (double[] s : sensitivity(module, func, kind).values()) {
            for (double v : s) {
                double a = Math.abs(v);
                acc = norm == 1 ? acc + a : norm == 2 ? acc + a * a : Math.max(acc, a);
            }
        }
        return norm == 2 ? Math.sqrt(acc) : acc;
    }

    static <M extends Module> double[][] samples(Module module, Function<M, double[]> func, RandomGenerator rng,
            int numSamples) {
        Objects.requireNonNull(func, "func");
        Objects.requireNonNull(rng, "rng");
        if (numSamples < 0) {
            throw new IllegalArgumentException("numSamples must be >= 0, got " + numSamples);
        }
        ModuleDistribution distribution = module.distribution();
        double[][] out = new double[numSamples][];
        for (int s = 0; s < numSamples; s++) {
            out[s] = call(func, distribution.sampledModule(rng));
        }
        return out;
    }
}
