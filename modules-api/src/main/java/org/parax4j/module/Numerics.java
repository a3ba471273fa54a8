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

    private static <M extends Module<M>> double[] call(Function<? super M, double[]> func, M module) {
        double[] y = func.apply(module);
        if (y == null) {
            throw new IllegalArgumentException("the model function returned null");
        }
        return y;
    }

    static <M extends Module<M>> Map<String, double[]> jacobian(M module, Function<? super M, double[]> func) {
        Objects.requireNonNull(func, "func");
        LOG.debug("funcJacobian: opaque function, central finite differences over {} latent parameters",
                module.numFlatParams());
        List<String> names = module.flatParamNames();
        double[][] rows = FiniteDifferences.centralJacobian(theta -> call(func, module.withParams(theta)),
                module.flatParamValues());
        Map<String, double[]> out = new LinkedHashMap<>();
        for (int k = 0; k < rows.length; k++) {
            out.put(names.get(k), rows[k]);
        }
        return Collections.unmodifiableMap(out);
    }

    static <M extends Module<M>> Map<String, double[]> sensitivity(M module, Function<? super M, double[]> func,
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
                s[i] = kind.of(s[i], theta[k], y[i]);
            }
            out.put(e.getKey(), s);
            k++;
        }
        return Collections.unmodifiableMap(out);
    }

    static <M extends Module<M>> double sensitivityNorm(M module, Function<? super M, double[]> func,
            SensitivityKind kind, double norm) {
        return SensitivityKind.norm(sensitivity(module, func, kind).values(), norm);
    }

    static <M extends Module<M>> double[][] samples(M module, Function<? super M, double[]> func, RandomGenerator rng,
            int numSamples) {
        Objects.requireNonNull(func, "func");
        Objects.requireNonNull(rng, "rng");
        if (numSamples < 0) {
            throw new IllegalArgumentException("numSamples must be >= 0, got " + numSamples);
        }
        ModuleDistribution distribution = module.distribution();
        double[][] out = new double[numSamples][];
        for (int s = 0; s < numSamples; s++) {
            out[s] = call(func, module.withParams(distribution.sample(rng)));
        }
        return out;
    }
}
