package org.parax4j.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.random.RandomGeneratorFactory;
import org.parax4j.engine.bayes.Diagnostics;
import org.parax4j.engine.bayes.LogDensity;
import org.parax4j.engine.bayes.LogisticRegression;
import org.parax4j.engine.bayes.ModelPosterior;
import org.parax4j.engine.bayes.Nuts;
import org.parax4j.engine.bayes.NutsResult;
import org.parax4j.engine.examples.ReferenceModel;
import org.parax4j.engine.fit.LikelihoodFit;
import org.parax4j.engine.graph.ModelFunction;
import org.parax4j.module.Select;

/**
 * NUTS throughput against Stan (issue 19), a plain timed main rather than JMH: one sampling run of
 * 4 chains × (1000 warm-up + 1000 draws) takes seconds, and what is compared is the whole run, as
 * Stan's {@code get_elapsed_time} measures it. Models, as in {@code bench/peers/stan/*.stan}:
 * (a) eight schools, non-centred (10 parameters); (b) logistic regression, 10⁴ rows, 20 predictors
 * plus an intercept ({@link LogisticRegression}, the fused likelihood); (c) the reference model's
 * posterior given the demo's synthetic data (gain, f0, Q, 4 weights; {@link ModelPosterior}, dual
 * numbers). Both samplers use the diagonal metric (Stan's default), the chains run one after the
 * other on one thread (Stan: {@code cores = 1}), and the same data files, which this main writes.
 *
 * <p>Run from the repository root after {@code ./parax4j mvn -q -pl bench -am package -DskipTests}:
 * {@code ./parax4j java --add-modules jdk.incubator.vector -cp bench/target/benchmarks.jar
 * org.parax4j.bench.NutsPeerBench bench/target/nuts-data bench/results/nuts-parax4j.json}, then
 * {@code Rscript bench/peers/stan_peers.R} (see there).
 */
public final class NutsPeerBench {

    static final double[] SCHOOLS_Y = {28, 8, -3, 7, -1, 1, 18, 12};
    static final double[] SCHOOLS_SIGMA = {15, 10, 16, 11, 9, 11, 10, 18};
    static final int ROWS = 10_000;
    static final int PREDICTORS = 20;

    private NutsPeerBench() {}

    /** Eight schools, non-centred, over (μ, ln τ, z₁…z₈): μ ~ N(0, 5), τ ~ Cauchy⁺(0, 5), z ~ N(0, 1). */
    static LogDensity eightSchools() {
        return LogDensity.of(10, (x, g) -> {
            double mu = x[0];
            double tau = Math.exp(x[1]);
            double lp = -mu * mu / 50 - Math.log1p(tau * tau / 25) + x[1];
            g[0] = -mu / 25;
            double dTau = -2 * tau / 25 / (1 + tau * tau / 25);
            for (int j = 0; j < 8; j++) {
                double z = x[2 + j];
                double s2 = SCHOOLS_SIGMA[j] * SCHOOLS_SIGMA[j];
                double d = SCHOOLS_Y[j] - mu - tau * z;
                lp += -0.5 * z * z - 0.5 * d * d / s2;
                double r = d / s2;
                g[0] += r;
                dTau += r * z;
                g[2 + j] = -z + r * tau;
            }
            g[1] = tau * dTau + 1;
            return lp;
        });
    }

    /** A run's figures. */
    record Figures(String model, int dimension, double seconds, long gradients, double minBulkEss, int divergences) {
        String json() {
            return String.format(Locale.ROOT, "{\"model\": \"%s\", \"dimension\": %d, \"seconds\": %.4f, \"gradients\": %d, "
                    + "\"min_bulk_ess\": %.1f, \"ess_per_second\": %.2f, \"gradients_per_second\": %.0f, "
                    + "\"divergences\": %d}", model, dimension, seconds, gradients, minBulkEss, minBulkEss / seconds,
                    gradients / seconds, divergences);
        }
    }

    static Figures run(String name, LogDensity density, double[] init) {
        Nuts nuts = Nuts.defaults().withSeed(1);
        // JIT warm-up, not timed: short runs for at least 5 s (the steady state, as JMH would measure it;
        // Stan's compiled model needs none, its compilation took a minute before)
        long warm = System.nanoTime();
        do {
            nuts.withWarmup(100).withDraws(100).sample(density, init, Runnable::run);
        } while (System.nanoTime() - warm < 5_000_000_000L);
        long t0 = System.nanoTime();
        NutsResult r = nuts.sample(density, init, Runnable::run);
        double seconds = (System.nanoTime() - t0) * 1e-9;
        double minEss = Double.POSITIVE_INFINITY;
        for (int k = 0; k < r.dimension(); k++) {
            minEss = Math.min(minEss, Diagnostics.essBulk(r.draws(k)));
        }
        Figures f = new Figures(name, r.dimension(), seconds, r.gradientEvaluations(), minEss, r.divergences().size());
        System.out.println(f.json());
        return f;
    }

    /**
     * Writes the data files and the parax4j figures.
     *
     * @param args data folder, JSON output file
     */
    public static void main(String[] args) throws IOException {
        Path data = Path.of(args.length > 0 ? args[0] : "bench/target/nuts-data");
        Path out = Path.of(args.length > 1 ? args[1] : "bench/results/nuts-parax4j.json");
        Files.createDirectories(data);
        // (b) logistic regression: X ~ N(0, 1), β ~ N(0, 0.5²), α = −0.3
        Random rnd = new Random(19);
        double[] design = new double[ROWS * PREDICTORS];
        double[] beta = new double[PREDICTORS];
        for (int c = 0; c < PREDICTORS; c++) {
            beta[c] = 0.5 * rnd.nextGaussian();
        }
        int[] y = new int[ROWS];
        StringBuilder csv = new StringBuilder();
        for (int i = 0; i < ROWS; i++) {
            double eta = -0.3;
            for (int c = 0; c < PREDICTORS; c++) {
                design[i * PREDICTORS + c] = rnd.nextGaussian();
                eta += design[i * PREDICTORS + c] * beta[c];
            }
            y[i] = rnd.nextDouble() < 1 / (1 + Math.exp(-eta)) ? 1 : 0;
            csv.append(y[i]);
            for (int c = 0; c < PREDICTORS; c++) {
                csv.append(',').append(design[i * PREDICTORS + c]);
            }
            csv.append('\n');
        }
        Files.writeString(data.resolve("logistic.csv"), csv);
        // (c) the demo's synthetic data: nominal response + 0.1 dB noise from L64X128MixRandom(42)
        double[] freqs = ReferenceModel.frequencies();
        double[] yRef = ReferenceModel.response(ReferenceModel.create(), freqs);
        var noise = RandomGeneratorFactory.of("L64X128MixRandom").create(42);
        StringBuilder ref = new StringBuilder();
        for (int i = 0; i < freqs.length; i++) {
            yRef[i] += 0.1 * noise.nextGaussian();
            ref.append(freqs[i]).append(',').append(yRef[i]).append('\n');
        }
        Files.writeString(data.resolve("reference.csv"), ref);
        double[] sigma = new double[freqs.length];
        Arrays.fill(sigma, 0.1);
        ReferenceModel start = ReferenceModel.create().withParams(Map.of("resonator_gain", 1.08, "resonator_f0", 2.42,
                "resonator_q", 40.0)).withFixedParams(Select.names("resonator_offsetDb", "discrepancy_kernel_lengthScale"));
        ModelFunction<ReferenceModel> f = ModelFunction.record(start, ReferenceModel.body(freqs));
        ModelPosterior<ReferenceModel> posterior = ModelPosterior.of(LikelihoodFit.gaussian(f, yRef, sigma));
        Files.writeString(data.resolve("reference-init.csv"), String.join(",", posterior.names()) + "\n"
                + String.join(",", Arrays.stream(posterior.toPhysical(posterior.initialLatent()))
                        .mapToObj(Double::toString).toList()) + "\n");

        List<Figures> figures = new ArrayList<>();
        figures.add(run("eight_schools_nc", eightSchools(), null));
        figures.add(run("logistic", LogisticRegression.of(design, PREDICTORS, y, 2.5, 1), null));
        figures.add(run("reference", posterior, posterior.initialLatent()));
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, "[\n  " + String.join(",\n  ", figures.stream().map(Figures::json).toList()) + "\n]\n");
        System.out.println("wrote " + out);
    }
}
