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
        checkSettings(baseSamples, bootstrap, confidence);
        if (mc.sampler().factors().isEmpty()) {
            throw new IllegalArgumentException("the model has no free parameter with a distribution to analyse");
        }
        return fromOutputs(mc.sampler(), seed, outputs(mc, seed, 0, baseSamples, reduction), bootstrap, confidence);
    }

    /**
     * The factors of {@code mc}'s function, in the order of the rows {@code 2 …} of {@link #outputs}
     * and of the indices: parameter groups with a distribution, named by their free flat names joined
     * by '+'. Empty when the model has none (then it cannot be analysed). New list.
     *
     * @throws IllegalArgumentException when {@code mc} is null
     */
    public static List<String> factors(MonteCarlo<?> mc) {
        if (mc == null) {
            throw new IllegalArgumentException("mc must not be null");
        }
        return List.copyOf(mc.sampler().factorNames());
    }

    /**
     * The reduced outputs of base samples {@code first … first + count − 1}: row 0 is {@code f(A)}, row 1
     * {@code f(B)}, row {@code 2 + j} is {@code f(A_B^j)} for factor j. Each value is a pure function of
     * the seed and its sample index, so disjoint ranges computed anywhere (e.g. the partitions of a
     * cluster job) concatenate to the rows of {@code [0, N)} that {@link #analyze} uses. Allocates the
     * {@code (factors + 2)·count} result.
     *
     * @throws IllegalArgumentException when an argument is null, {@code first < 0} or {@code count < 0}
     * @throws SampleOutOfRangeException when a draw has no latent value
     */
    public static double[][] outputs(MonteCarlo<?> mc, long seed, long first, int count, Reduction reduction) {
        if (mc == null || reduction == null) {
            throw new IllegalArgumentException((mc == null ? "mc" : "reduction") + " must not be null");
        }
        if (first < 0 || count < 0) {
            throw new IllegalArgumentException("first and count must be >= 0, got first=" + first + ", count=" + count);
        }
        ParameterSampler sampler = mc.sampler();
        List<int[]> factors = sampler.factors();
        int d = factors.size();
        int free = sampler.numFree();
        int size = mc.outputSize();
        long seedB = CounterRandom.of(seed).split(1).seed();
        double[][] y = new double[d + 2][count];
        CounterRandom[] streamsA = sampler.streams(seed);
        CounterRandom[] streamsB = sampler.streams(seedB);
        mc.forEachBlock(count, (w, start, c) -> {
            sampler.fill(streamsA, first + start, c, w.cols, 0, w.phys, true);
            sampler.fill(streamsB, first + start, c, w.cols2, 0, w.phys, true);
            reduce(w, w.cols, c, reduction, size, y[0], start);
            reduce(w, w.cols2, c, reduction, size, y[1], start);
            for (int j = 0; j < d; j++) {
                System.arraycopy(w.cols, 0, w.cols3, 0, free * c);
                for (int f : factors.get(j)) {
                    System.arraycopy(w.cols2, f * c, w.cols3, f * c, c);
                }
                reduce(w, w.cols3, c, reduction, size, y[2 + j], start);
            }
        });
        return y;
    }

    /**
     * The indices from the reduced outputs of base samples {@code 0 … N−1} (the rows of
     * {@link #outputs}, possibly concatenated from parts): what {@link #analyze} computes after
     * evaluating them, so the same rows give the same bits. Allocates O(N + bootstrap·factors).
     *
     * @param sampler the sampler of the analysed function (its factors and their names)
     * @param seed the seed of the outputs (the bootstrap draws from its {@code split(2)} stream)
     * @param outputs {@code factors + 2} rows of equal length N ≥ 2; not modified
     * @throws IllegalArgumentException when the sampler has no factors, the shape does not match them, N &lt; 2,
     *     {@code bootstrap < 0} or {@code confidence} is not in (0, 1)
     */
    public static SobolIndices fromOutputs(ParameterSampler sampler, long seed, double[][] outputs, int bootstrap,
            double confidence) {
        if (sampler == null || outputs == null) {
            throw new IllegalArgumentException((sampler == null ? "sampler" : "outputs") + " must not be null");
        }
        int d = sampler.factors().size();
        if (d == 0) {
            throw new IllegalArgumentException("the model has no free parameter with a distribution to analyse");
        }
        if (outputs.length != d + 2) {
            throw new IllegalArgumentException("outputs must have factors + 2 = " + (d + 2) + " rows, got "
                    + outputs.length);
        }
        int n = outputs[0].length;
        for (int r = 1; r < outputs.length; r++) {
            if (outputs[r].length != n) {
                throw new IllegalArgumentException("outputs[" + r + "] must have length " + n + " (as outputs[0]), got "
                        + outputs[r].length);
            }
        }
        checkSettings(n, bootstrap, confidence);
        double[] ya = outputs[0];
        double[] yb = outputs[1];
        double[][] yab = Arrays.copyOfRange(outputs, 2, outputs.length);
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

    /** @throws IllegalArgumentException naming the first of N, bootstrap and confidence out of range */
    private static void checkSettings(int baseSamples, int bootstrap, double confidence) {
        if (baseSamples < 2) {
            throw new IllegalArgumentException("baseSamples must be >= 2, got " + baseSamples);
        }
        if (bootstrap < 0) {
            throw new IllegalArgumentException("bootstrap must be >= 0, got " + bootstrap);
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be in (0, 1), got " + confidence);
        }
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
