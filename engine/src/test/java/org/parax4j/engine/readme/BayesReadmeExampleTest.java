package org.parax4j.engine.readme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;
import org.parax4j.engine.bayes.Diagnostics;
import org.parax4j.engine.bayes.ModelPosterior;
import org.parax4j.engine.bayes.Nuts;
import org.parax4j.engine.bayes.NutsResult;
import org.parax4j.engine.examples.ReferenceModel;
import org.parax4j.engine.fit.LikelihoodFit;
import org.parax4j.engine.graph.ModelFunction;
import org.parax4j.module.Select;

/** The README's Bayesian inference example, kept compiling and true. */
class BayesReadmeExampleTest {

    @Test
    void readmeBayesExample() {
        double[] measuredDb = ReferenceModel.function(ReferenceModel.create()).evaluate();
        Random noise = new Random(42);
        for (int i = 0; i < measuredDb.length; i++) {
            measuredDb[i] += 0.1 * noise.nextGaussian();
        }
        double[] sigmaDb = new double[measuredDb.length];
        Arrays.fill(sigmaDb, 0.1);
        // --- README bayes example starts
        ReferenceModel start = ReferenceModel.create()
                .withFreeParamsOnly(Select.names("resonator_gain", "resonator_f0", "resonator_q"))
                .withParams(Map.of("resonator_gain", 1.08, "resonator_f0", 2.42));
        ModelFunction<ReferenceModel> f = ReferenceModel.function(start);
        ModelPosterior<ReferenceModel> posterior =                      // likelihood × priors × |det J|
                ModelPosterior.of(LikelihoodFit.gaussian(f, measuredDb, sigmaDb));
        NutsResult latent = Nuts.defaults().withSeed(1).withChains(2).withWarmup(200).withDraws(200)
                .sample(posterior, posterior.initialLatent(), ForkJoinPool.commonPool()); // chains in parallel
        NutsResult r = latent.mapDraws(posterior::toPhysical);           // physical units
        String table = r.summary(posterior.names());                    // mean, sd, quantiles, ESS, R-hat
        double[][] f0 = r.draws(posterior.names().indexOf("resonator_f0")); // [chain][draw]
        // --- README bayes example ends
        double[] physical = Arrays.stream(f0).flatMapToDouble(Arrays::stream).toArray();
        double mean = Arrays.stream(physical).average().orElseThrow();
        double sd = Math.sqrt(Arrays.stream(physical).map(v -> (v - mean) * (v - mean)).sum() / physical.length);
        assertEquals(2.4, mean, 4 * sd, table);
        assertTrue(sd > 0 && sd < 0.05, table);
        assertTrue(Diagnostics.rhat(f0) < 1.05, table);
        assertEquals(0, r.divergences().size(), table);
        assertTrue(table.contains("resonator_q"), table);
        System.out.println(table + latent.gradientEvaluations());
    }
}
