package org.parax4j.spark;

import java.lang.management.ManagementFactory;
import org.apache.spark.sql.SparkSession;
import org.parax4j.engine.examples.ReferenceModel;
import org.parax4j.engine.montecarlo.MonteCarlo;

/**
 * The README's throughput table, all rows in one JVM and one session:
 * {@code SparkThroughput [samples]} (default 2²⁰) measures, for the reference model (200 outputs),
 * the engine's own evaluation on one thread ({@code funcSamples}, the ceiling), the local
 * {@code MonteCarlo.summarize} (mean and variance) on 1 and 2 threads, and the distributed
 * summarize in {@code local[1]} and {@code local[2]}, without and with KLL percentiles of all
 * outputs. Each row: one warm-up, then the best of three, as samples per wall-clock second and
 * per CPU second of the whole process (the second is what a dedicated core would give, and stays
 * meaningful on a shared machine).
 */
public final class SparkThroughput {

    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private SparkThroughput() {
    }

    /** Runs the measurement; see the class comment for the argument. */
    public static void main(String[] args) {
        long n = args.length > 0 ? Long.parseLong(args[0]) : 1 << 20;
        double[] probs = {0.05, 0.5, 0.95};
        ReferenceModel model = ReferenceModel.create();
        System.out.printf("reference model, %d samples, load average %.2f%n", n,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        MonteCarlo<ReferenceModel> one = MonteCarlo.of(ReferenceModel.function(model), 64, 1);
        double[] rows = new double[PartitionSummary.CHUNK * one.outputSize()];
        row("engine funcSamples only, 1 thread", n, () -> {
            for (long at = 0; at < n; at += PartitionSummary.CHUNK) {
                one.funcSamples(1, at, (int) Math.min(PartitionSummary.CHUNK, n - at), rows, 0);
            }
        });
        for (int threads : new int[] {1, 2}) {
            MonteCarlo<ReferenceModel> mc = MonteCarlo.of(ReferenceModel.function(model), 64, threads);
            row("MonteCarlo.summarize, " + threads + " thread(s)", n,
                    () -> mc.summarize(1, (int) n, new double[0], null, null));
        }
        for (String master : new String[] {"local[1]", "local[2]"}) {
            SparkSession spark = SparkSession.builder().master(master).appName("parax4j-throughput")
                    .config("spark.ui.enabled", "false").config("spark.driver.bindAddress", "127.0.0.1")
                    .config("spark.driver.host", "127.0.0.1").getOrCreate();
            SparkMonteCarlo smc = SparkMonteCarlo.of(spark, ModelSpec.of(ReferenceModelFactory.NAME, model));
            int partitions = master.equals("local[1]") ? 2 : 4;
            row("Spark " + master + ", " + partitions + " partitions, mean and variance", n,
                    () -> smc.summarize(1, n, partitions, new double[0], SparkMonteCarlo.DEFAULT_K));
            row("Spark " + master + ", " + partitions + " partitions, with KLL of 200 outputs", n,
                    () -> smc.summarize(1, n, partitions, probs, SparkMonteCarlo.DEFAULT_K));
            spark.stop();
        }
    }

    private static void row(String name, long n, Runnable run) {
        run.run();
        long wall = Long.MAX_VALUE;
        long cpu = Long.MAX_VALUE;
        for (int r = 0; r < 3; r++) {
            long c0 = OS.getProcessCpuTime();
            long t0 = System.nanoTime();
            run.run();
            wall = Math.min(wall, System.nanoTime() - t0);
            cpu = Math.min(cpu, OS.getProcessCpuTime() - c0);
        }
        System.out.printf("%-62s %,12.0f samples/s wall %,12.0f per CPU-second%n", name, n / (wall / 1e9),
                n / (cpu / 1e9));
    }
}
