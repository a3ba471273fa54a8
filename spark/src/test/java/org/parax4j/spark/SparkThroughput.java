package org.parax4j.spark;

import org.apache.spark.sql.SparkSession;
import org.parax4j.engine.examples.ReferenceModel;
import org.parax4j.engine.montecarlo.MonteCarlo;

/**
 * The README's throughput figures: {@code SparkThroughput <master> <samples> <partitions>} runs the
 * distributed summarize of the reference model (mean, variance, and KLL percentiles of all 200
 * outputs) once to warm up, then three times, and prints the best samples per second; with
 * {@code local} it prints the local {@code MonteCarlo.summarize} on one thread for comparison.
 */
public final class SparkThroughput {

    private SparkThroughput() {
    }

    /** Runs the measurement; see the class comment for the arguments. */
    public static void main(String[] args) {
        String master = args[0];
        long n = Long.parseLong(args[1]);
        int partitions = Integer.parseInt(args[2]);
        double[] probs = {0.05, 0.5, 0.95};
        if (master.equals("local")) {
            MonteCarlo<ReferenceModel> mc = MonteCarlo.of(ReferenceModel.function(ReferenceModel.create()), 64, 1);
            mc.summarize(1, (int) n, probs, null, null);
            long best = Long.MAX_VALUE;
            for (int r = 0; r < 3; r++) {
                long t0 = System.nanoTime();
                mc.summarize(1, (int) n, probs, null, null);
                best = Math.min(best, System.nanoTime() - t0);
            }
            System.out.printf("local MonteCarlo.summarize, 1 thread: %.0f samples/s%n", n / (best / 1e9));
            return;
        }
        SparkSession spark = SparkSession.builder().master(master).appName("parax4j-throughput")
                .config("spark.ui.enabled", "false").config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.driver.host", "127.0.0.1").getOrCreate();
        SparkMonteCarlo smc = SparkMonteCarlo.of(spark, ModelSpec.of(ReferenceModelFactory.NAME,
                ReferenceModel.create()));
        for (double[] p : new double[][] {new double[0], probs}) {
            smc.summarize(1, n, partitions, p, SparkMonteCarlo.DEFAULT_K);
            long best = Long.MAX_VALUE;
            for (int r = 0; r < 3; r++) {
                long t0 = System.nanoTime();
                smc.summarize(1, n, partitions, p, SparkMonteCarlo.DEFAULT_K);
                best = Math.min(best, System.nanoTime() - t0);
            }
            System.out.printf("%s, %d partitions, %s: %.0f samples/s%n", master, partitions,
                    p.length == 0 ? "mean and variance" : "with KLL percentiles of 200 outputs", n / (best / 1e9));
        }
        spark.stop();
    }
}
