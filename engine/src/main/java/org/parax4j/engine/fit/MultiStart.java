package org.parax4j.engine.fit;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.parax4j.engine.EngineOptions;
import org.parax4j.engine.graph.ModelFunction;
import org.parax4j.engine.internal.concurrent.BestStart;
import org.parax4j.module.Module;
import org.parax4j.module.Modules;
import org.parax4j.module.ParameterGroup;

/**
 * Multi-start: seeded start points and a parallel run that keeps the best fit.
 *
 * <p>Start 0 is the caller's start; start i ≥ 1 is one draw of the free parameters from the
 * module's priors (its parameter groups, joint groups included) with the generator
 * {@code SplittableRandom(seed + i·0x9E3779B97F4A7C15)}; a free element without a prior is drawn
 * uniformly within its latent bounds when both are finite and keeps its start value otherwise.
 * Each start depends only on (seed, i), and the fits run on the calling thread and helpers on
 * {@link EngineOptions#defaults()}, so the result is the same for any executor and number of
 * threads. Stateless.
 */
final class MultiStart {

    private MultiStart() {}

    /** The latent start vectors (count × n). */
    static <M extends Module<?>> double[][] starts(ModelFunction<M> f, double[] first, double[] lower, double[] upper,
            int count, long seed) {
        int n = first.length;
        boolean[] hasPrior = new boolean[n];
        List<String> names = f.freeNames();
        for (ParameterGroup g : f.model().paramGroups()) {
            if (g.distribution() != null) {
                for (String name : g.names()) {
                    int p = names.indexOf(name);
                    if (p >= 0) {
                        hasPrior[p] = true;
                    }
                }
            }
        }
        double[][] out = new double[count][];
        out[0] = first.clone();
        for (int i = 1; i < count; i++) {
            SplittableRandom rng = new SplittableRandom(seed + i * 0x9E3779B97F4A7C15L);
            M drawn = Modules.sameType(f.model(), f.model().sampled(rng));
            double[] x = f.flatOf(drawn);
            for (int p = 0; p < n; p++) {
                if (!hasPrior[p]) {
                    boolean boxed = Double.isFinite(lower[p]) && Double.isFinite(upper[p]);
                    x[p] = boxed ? lower[p] + (upper[p] - lower[p]) * rng.nextDouble() : first[p];
                }
            }
            out[i] = x;
        }
        return out;
    }

    /**
     * Fits from every start in parallel ({@link BestStart}) and returns the best (lowest objective,
     * lowest index on ties) with the count of starts that reached it. A start whose fit fails with an
     * {@link IllegalArgumentException} (e.g. a model not finite there) counts as not reaching it
     * and is named in a warning.
     *
     * @throws IllegalStateException when every start failed, with the first failure's message
     */
    static <M extends Module<?>> FitResult<M> best(double[][] starts, Function<double[], FitResult<M>> fitOne) {
        BestStart.Outcomes<FitResult<M>> o = BestStart.run(EngineOptions.defaults(), starts.length,
                i -> fitOne.apply(starts[i]), FitResult::objective);
        FitResult<M> best = o.bestResult();
        int atBest = 0;
        for (FitResult<M> r : o.results()) {
            if (r != null && Math.abs(r.objective() - best.objective()) <= 1e-6 * Math.abs(best.objective()) + 1e-9) {
                atBest++;
            }
        }
        List<String> warnings = new ArrayList<>();
        for (String f : o.failures()) {
            warnings.add(f.replaceFirst(":", " failed:"));
        }
        return best.withStarts(starts.length, atBest, warnings);
    }
}
