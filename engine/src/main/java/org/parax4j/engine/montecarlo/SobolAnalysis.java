package org.parax4j.engine.montecarlo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.parax4j.engine.random.CounterRandom;

/**
 * Variance-based (Sobol') sensitivity analysis of a scalar reduction of a model's output, by the
 * pick-and-freeze scheme of Saltelli (2002): two independent base sets A and B of N parameter draws
 * (A is samples {@code 0 … N−1} of the seed, B the same of the seed's {@code split(1)} stream), and for
 * each factor j the set A with factor j's columns taken from B. With {@code V} the variance of
 * {@code f(A) ∪ f(B)}:
 * <ul>
 *   <li>first order (Saltelli et al. 2010, Comput. Phys. Commun. 181:259–270):
 *       {@code S_j = mean(f(B)·(f(A_B^j) − f(A))) / V};</li>
 *   <li>total (Jansen 1999, Comput. Phys. Commun. 117:35–43):
 *       {@code S_Tj = mean((f(A) − f(A_B^j))²) / (2V)}.</li>
 * </ul>
 * A factor is a parameter group with a distribution (held parameters are not factors); correlated
 * groups are kept whole, so the indices are those of independent groups. Confidence intervals are
 * bootstrap percentile intervals over resamples of the N rows (indices drawn from the seed's
 * {@code split(2)} stream). Costs {@code N·(factors + 2)} model evaluations through
 * {@link MonteCarlo}. Reproducible for a seed whatever the threads and batch size. Stateless.
 */
public final class SobolAnalysis {

    private SobolAnalysis() {}

    /**
     * The first-order and total indices of {@code reduction} of the outputs of {@code mc}'s function.
     * Allocates O(N·factors) doubles.
     *
     * @param mc the runner (its function, sampler, threads and batch size)
     * @param seed the seed
     * @param baseSamples N, {@code ≥ 2}
     * @param reduction the scalar studied (e.g. {@link Reduction#element})
     * @param bootstrap number of bootstrap resamples, {@code ≥ 0} (0: intervals are NaN)
     * @param confidence interval level in (0, 1), e.g. 0.95
     * @throws IllegalArgumentException for a null or out-of-range argument, or a model without factors
     * @throws SampleOutOfRangeException when a draw has no latent value
     */
    public static SobolIndices analyze(MonteCarlo<?> mc, long seed, int baseSamples, Reduction reduction,
            int bootstrap, double confidence) {
        if (mc == null || reduction == null) {
            throw new IllegalArgumentException((mc == null ? "mc" : "reduction") + " must not be null");
        }
        if (baseSamples < 2) {
            throw new IllegalArgumentException("baseSamples must be >= 2, got " + baseSamples);
        }
        if (bootstrap < 0) {
            throw new IllegalArgumentException("bootstrap must be >= 0, got " + bootstrap);
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be in (0, 1), got " + confidence);
        }
        ParameterSampler sampler = mc.sampler();
        List<int[]> factors = sampler.factors();
        int d = factors.size();
        if (d == 0) {
            throw new IllegalArgumentException("the model has no free parameter with a distribution to analyse");
        }
        int n = baseSamples;
        int free = sampler.numFree();
        int size = mc.outputSize();
        long seedB = CounterRandom.of(seed).split(1).seed();
        double[] ya = new double[n];
        double[] yb = new double[n];
        double[][] yab = new double[d][n];
        CounterRandom[] streamsA = sampler.streams(seed);
        CounterRandom[] streamsB = sampler.streams(seedB);
        mc.forEachBlock(n, (w, start, count) -> {
            sampler.fill(streamsA, start, count, w.cols, 0, w.phys, true);
            sampler.fill(streamsB, start, count, w.cols2, 0, w.phys, true);
            reduce(w, w.cols, count, reduction, size, ya, start);
            reduce(w, w.cols2, count, reduction, size, yb, start);
            for (int j = 0; j < d; j++) {
                System.arraycopy(w.cols, 0, w.cols3, 0, free * count);
                for (int f : factors.get(j)) {
                    System.arraycopy(w.cols2, f * count, w.cols3, f * count, count);
                }
                reduce(w, w.cols3, count, reduction, size, yab[j], start);
            }
        });
        int[] all = new int[n];
        Arrays.setAll(all, i -> i);
        double[] point = estimate(ya, yb, yab, all);
        double[][] boot = new double[2 * d][bootstrap];
        CounterRandom rng = CounterRandom.of(seed).split(2);
        double[] u = new double[n];
        int[] idx = new int[n];
        for (int r = 0; r < bootstrap; r++) {
            rng.uniforms((long) r * n, u, 0, n);
            for (int i = 0; i < n; i++) {
                idx[i] = (int) (u[i] * n);
            }
            double[] e = estimate(ya, yb, yab, idx);
            for (int k = 0; k < 2 * d; k++) {
                boot[k][r] = e[k];
            }
        }
        List<String> names = sampler.factorNames();
        List<SobolIndices.Index> out = new ArrayList<>();
        for (int j = 0; j < d; j++) {
            double[] cs = interval(boot[j], confidence);
            double[] ct = interval(boot[d + j], confidence);
            out.add(new SobolIndices.Index(names.get(j), point[j], cs[0], cs[1], point[d + j], ct[0], ct[1]));
        }
        return new SobolIndices(out, n, point[2 * d], confidence, bootstrap);
    }

    private static void reduce(MonteCarlo<?>.Worker w, double[] cols, int count, Reduction reduction, int size,
            double[] y, int start) {
        int batch = w.rows.length / size;
        for (int done = 0; done < count; done += batch) {
            int c = Math.min(batch, count - done);
            w.evaluate(cols, count, done, c, w.rows, 0);
            for (int s = 0; s < c; s++) {
                y[start + done + s] = reduction.apply(w.rows, s * size, size);
            }
        }
    }

    /** {@code [S_0 … S_{d−1}, S_T0 … S_T{d−1}, V]} over the rows {@code idx}. */
    private static double[] estimate(double[] ya, double[] yb, double[][] yab, int[] idx) {
        int d = yab.length;
        int n = idx.length;
        double mean = 0;
        for (int i : idx) {
            mean += ya[i] + yb[i];
        }
        mean /= 2.0 * n;
        double v = 0;
        for (int i : idx) {
            double a = ya[i] - mean;
            double b = yb[i] - mean;
            v += a * a + b * b;
        }
        v /= 2.0 * n - 1;
        double[] out = new double[2 * d + 1];
        for (int j = 0; j < d; j++) {
            double first = 0;
            double total = 0;
            for (int i : idx) {
                double diff = yab[j][i] - ya[i];
                first += yb[i] * diff;
                total += diff * diff;
            }
            out[j] = first / n / v;
            out[d + j] = total / (2.0 * n) / v;
        }
        out[2 * d] = v;
        return out;
    }

    /** Percentile interval of the bootstrap values (nearest rank); NaN when there are none. */
    private static double[] interval(double[] values, double confidence) {
        if (values.length == 0) {
            return new double[] {Double.NaN, Double.NaN};
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double alpha = (1 - confidence) / 2;
        int lo = (int) Math.floor(alpha * (sorted.length - 1));
        int hi = (int) Math.ceil((1 - alpha) * (sorted.length - 1));
        return new double[] {sorted[lo], sorted[hi]};
    }
}
