package org.parax4j.engine.montecarlo;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.parax4j.module.Module;
import org.parax4j.module.Modules;

/**
 * Engine-backed draws of a module's parameters by seed: the draw of index {@code i} is sample
 * {@code i} of {@link ParameterSampler} (and so of {@link MonteCarlo#funcSamples}) for the same
 * seed. {@code modules-api}'s {@code Module.sampled(RandomGenerator)} and
 * {@code ModuleDistribution.sample} keep their scalar sampler; use these for draws that match the
 * batched path. Stateless; every method compiles the module and allocates.
 */
public final class ModuleSampling {

    private ModuleSampling() {}

    /**
     * {@code module} with the free parameters of draw 0 of {@code seed}: {@code sampled(module, seed, 0)}.
     *
     * @throws IllegalArgumentException when {@code module} is null or has a distribution without a
     *     vectorised sampler
     * @throws SampleOutOfRangeException when the draw has no latent value
     */
    public static <M extends Module<?>> M sampled(M module, long seed) {
        return sampled(module, seed, 0);
    }

    /**
     * {@code module} with the free parameters of draw {@code index} of {@code seed}, set through their
     * latent values exactly as {@code module.withParams(double[])} takes them.
     *
     * @throws IllegalArgumentException as {@link #sampled(Module, long)}, or when {@code index < 0}
     */
    public static <M extends Module<?>> M sampled(M module, long seed, long index) {
        ParameterSampler sampler = ParameterSampler.of(module);
        return Modules.sameType(module, module.withParams(sampler.sampleLatentRows(seed, index, 1)));
    }

    /**
     * Draw 0 of {@code seed} as physical values by free flat name, in flat order (the form of
     * {@code ModuleDistribution.sample}); held parameters give their values. Unmodifiable.
     *
     * @throws IllegalArgumentException as {@link #sampled(Module, long)}
     */
    public static Map<String, Double> sample(Module<?> module, long seed) {
        ParameterSampler sampler = ParameterSampler.of(module);
        int n = sampler.numFree();
        double[] phys = new double[n];
        sampler.samplePhysical(seed, 0, 1, phys, 0, new double[sampler.scratchSize(1)]);
        List<String> names = sampler.layout().freeNames();
        Map<String, Double> out = new LinkedHashMap<>();
        for (int f = 0; f < n; f++) {
            out.put(names.get(f), phys[f]);
        }
        return Collections.unmodifiableMap(out);
    }
}
