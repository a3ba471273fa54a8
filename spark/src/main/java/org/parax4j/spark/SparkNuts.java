package org.parax4j.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.sql.SparkSession;
import org.parax4j.engine.bayes.ModelPosterior;
import org.parax4j.engine.bayes.Nuts;
import org.parax4j.engine.bayes.NutsResult;
import org.parax4j.engine.fit.LikelihoodFit;

/**
 * NUTS chains spread over Spark executors, one chain per task. Task c rebuilds the posterior from
 * the {@link ModelSpec} and the data ({@link #posterior}) and runs {@link Nuts#sampleChain}(c), which
 * draws from the chain's own counter-based stream; the driver joins the one-chain results in chain
 * order ({@link NutsResult#concat}). The result therefore equals the local
 * {@code nuts.sample(posterior(spec, x, y, sigma), init, executor)} bit for bit, draws and sampler
 * statistics, whichever executor ran which chain and however often a task was retried. Stateless.
 */
public final class SparkNuts {

    private SparkNuts() {
    }

    /**
     * The posterior a task samples: {@code ModelPosterior.of(LikelihoodFit.gaussian(spec.function(x), y, sigma))}.
     * Allocates.
     *
     * @throws IllegalArgumentException as {@link LikelihoodFit#gaussian} and {@link ModelPosterior#of}
     * @throws IllegalStateException when this JVM lacks the model's factory or a module class
     */
    public static ModelPosterior<?> posterior(ModelSpec spec, double[] x, double[] y, double[] sigma) {
        return ModelPosterior.of(LikelihoodFit.gaussian(spec.function(x), y, sigma));
    }

    /**
     * Samples the posterior of {@code spec}'s model given data {@code y ± sigma} at inputs {@code x}
     * with {@code nuts}' settings, one Spark task per chain.
     *
     * @param x the model's inputs (the factory's {@code function(model, x)}), or null for its default
     * @param init the latent start of every chain, or null for each chain's random start in (−2, 2)ᵈ
     * @return the chains in order, as the local {@code nuts.sample} returns them
     * @throws IllegalArgumentException when an argument is null, the data do not fit the model or
     *     {@code init} has the wrong length (checked on the driver before any task runs)
     * @throws IllegalStateException when the driver lacks the model's factory or a module class
     */
    public static NutsResult sample(SparkSession spark, ModelSpec spec, double[] x, double[] y, double[] sigma,
            Nuts nuts, double[] init) {
        if (spark == null || spec == null || y == null || sigma == null || nuts == null) {
            throw new IllegalArgumentException("spark, spec, y, sigma and nuts must not be null");
        }
        int d = posterior(spec, x, y, sigma).dimension();
        if (init != null && init.length != d) {
            throw new IllegalArgumentException("init has length " + init.length + ", the posterior has dimension " + d);
        }
        List<NutsResult> chains = new ArrayList<>(SparkMonteCarlo.tasks(spark, nuts.chains())
                .map(new ChainTask(spec, x, y, sigma, nuts, init)).collect());
        return NutsResult.concat(chains);
    }

    /** One chain: the spec, the data, the settings and the start travel; the posterior is rebuilt. */
    private record ChainTask(ModelSpec spec, double[] x, double[] y, double[] sigma, Nuts nuts, double[] init)
            implements Function<Integer, NutsResult>, Serializable {
        @Override
        public NutsResult call(Integer chain) {
            return nuts.sampleChain(posterior(spec, x, y, sigma), init, chain);
        }
    }
}
