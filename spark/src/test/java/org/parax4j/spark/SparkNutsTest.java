package org.parax4j.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.parax4j.engine.bayes.ModelPosterior;
import org.parax4j.engine.bayes.Nuts;
import org.parax4j.engine.bayes.NutsResult;
import org.parax4j.engine.examples.ReferenceModel;
import org.parax4j.engine.fit.LikelihoodFit;
import org.parax4j.engine.graph.ModelFunction;

class SparkNutsTest {

    @Test
    void chainsOnExecutorsHaveTheLocalDraws() {
        double[][] data = SparkFitsTest.group(3);
        double[] sigma = new double[data[0].length];
        Arrays.fill(sigma, 0.05);
        ReferenceModel model = ReferenceModel.create();
        ModelFunction<ReferenceModel> f = ModelFunction.record(model, ReferenceModel.body(data[0]));
        ModelPosterior<ReferenceModel> local = ModelPosterior.of(LikelihoodFit.gaussian(f, data[1], sigma));
        Nuts nuts = Nuts.defaults().withSeed(5).withWarmup(60).withDraws(30).withChains(4).withMaxTreeDepth(6);
        double[] init = local.initialLatent();
        NutsResult expected = nuts.sample(local, init, Runnable::run);
        NutsResult spark = SparkNuts.sample(SharedSpark.get(), ModelSpec.of(ReferenceModelFactory.NAME, model),
                data[0], data[1], sigma, nuts, init);
        assertEquals(4, spark.chains());
        long distinct = Arrays.stream(expected.chainDraws(0)).distinct().count();
        assertEquals(true, distinct > expected.drawsPerChain(), "chain 0 moves: " + distinct + " distinct values");
        for (int c = 0; c < 4; c++) {
            assertArrayEquals(expected.chainDraws(c), spark.chainDraws(c), "chain " + c);
        }
        assertArrayEquals(expected.stepSizes(), spark.stepSizes());
        assertArrayEquals(expected.meanAcceptance(), spark.meanAcceptance());
        assertEquals(expected.gradientEvaluations(), spark.gradientEvaluations());
        assertEquals(expected.summary(local.names()), spark.summary(local.names()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SparkNuts.sample(
                SharedSpark.get(), ModelSpec.of(ReferenceModelFactory.NAME, model), data[0], data[1], sigma, nuts,
                new double[2]));
        assertEquals("init has length 2, the posterior has dimension " + init.length, e.getMessage());
    }
}
