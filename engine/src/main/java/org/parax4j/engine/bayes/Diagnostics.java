package org.parax4j.engine.bayes;

import java.util.Arrays;
import org.parax4j.distribution.Normal;
import org.parax4j.engine.internal.special.SpecialFunctions;

/**
 * Convergence diagnostics of Markov chains for one scalar quantity, after Vehtari, Gelman, Simpson,
 * Carpenter and Bürkner, "Rank-normalization, folding, and localization: an improved R̂ for assessing
 * convergence of MCMC", Bayesian Analysis 16(2), 2021, as the R package {@code posterior} computes
 * them: split chains, rank normalisation {@code Φ⁻¹((r − 3/8)/(S + 1/4))} with average ranks for
 * ties, R̂ as the larger of the rank-normalised split-R̂ of the draws and of their folded values
 * {@code |x − median|}, bulk ESS as the ESS of the rank-normalised split chains, MCSE of the mean
 * and of quantiles ({@link #mcseQuantile}), tail ESS as the
 * smaller ESS of the indicators {@code x ≤ q₀.₀₅} and {@code x ≤ q₀.₉₅} (type-7 quantiles), and the
 * ESS itself from Geyer's initial monotone sequence of the multi-chain autocorrelation estimate
 * (Stan's estimator; the autocovariances are summed directly, O(n²) per chain).
 *
 * <p>Input {@code draws[chain][iteration]}: at least 1 chain of at least 4
 * draws, all chains of equal length; an odd chain length drops each chain's last draw before
 * splitting. Every method returns {@code NaN} when a draw is not finite or all draws are equal.
 * Stateless and thread-safe; methods allocate O(chains·iterations).
 */
public final class Diagnostics {

    private static final Normal STANDARD = new Normal(0, 1);

    private Diagnostics() {}

    /**
     * Rank-normalised split-R̂: max of the split-R̂ of the rank-normalised draws and of the
     * rank-normalised folded draws.
     *
     * @throws IllegalArgumentException for ragged input, no chain or fewer than 4 draws per chain
     */
    public static double rhat(double[][] draws) {
        double[][] split = split(draws);
        if (invalid(split)) {
            return Double.NaN;
        }
        double med = quantile(flatten(split), 0.5);
        double[][] folded = new double[split.length][split[0].length];
        for (int c = 0; c < split.length; c++) {
            for (int i = 0; i < split[c].length; i++) {
                folded[c][i] = Math.abs(split[c][i] - med);
            }
        }
        return Math.max(rhatBasic(zScale(split)), rhatBasic(zScale(folded)));
    }

    /** Bulk effective sample size: the ESS of the rank-normalised split chains. Throws as {@link #rhat}. */
    public static double essBulk(double[][] draws) {
        double[][] split = split(draws);
        return invalid(split) ? Double.NaN : essBasic(zScale(split));
    }

    /** Tail effective sample size: min of the ESS of the 5 % and 95 % quantile indicators. Throws as {@link #rhat}. */
    public static double essTail(double[][] draws) {
        double[][] split = split(draws);
        if (invalid(split)) {
            return Double.NaN;
        }
        return Math.min(essQuantile(split, 0.05), essQuantile(split, 0.95));
    }

    /** ESS of the mean: the ESS of the split chains without rank normalisation. Throws as {@link #rhat}. */
    public static double essMean(double[][] draws) {
        double[][] split = split(draws);
        return invalid(split) ? Double.NaN : essBasic(split);
    }

    /**
     * Monte Carlo standard error of the mean: {@code sd / √essMean}, sd the sample standard deviation
     * of all draws. Throws as {@link #rhat}.
     */
    public static double mcseMean(double[][] draws) {
        double[] all = flatten(split(draws));
        double mean = 0;
        for (double v : all) {
            mean += v;
        }
        mean /= all.length;
        double ss = 0;
        for (double v : all) {
            ss += (v - mean) * (v - mean);
        }
        return Math.sqrt(ss / (all.length - 1) / essMean(draws));
    }

    /**
     * Monte Carlo standard error of the {@code prob} quantile (Vehtari et al. 2021, as {@code posterior}'s
     * {@code mcse_quantile} and ArviZ compute it): with E the ESS of the indicator {@code x ≤ q_prob}
     * of the split chains, the ±1 sd interval of the quantile's rank from the Beta(E·prob + 1,
     * E·(1 − prob) + 1) quantiles a₁, a₂ at Φ(∓1) (0.1586553, 0.8413447), mapped to the sorted S draws
     * (the ⌊a₁·S⌋-th and ⌈a₂·S⌉-th, clamped to [1, S]); the MCSE is half that interval's width.
     *
     * @param prob in (0, 1)
     * @return the MCSE, or NaN as {@link #rhat}
     * @throws IllegalArgumentException for prob outside (0, 1), or as {@link #rhat}
     */
    public static double mcseQuantile(double[][] draws, double prob) {
        if (!(prob > 0 && prob < 1)) {
            throw new IllegalArgumentException("prob must be in (0, 1), got " + prob);
        }
        double[][] split = split(draws);
        if (invalid(split)) {
            return Double.NaN;
        }
        double ess = essQuantile(split, prob);
        if (Double.isNaN(ess)) {
            return Double.NaN;
        }
        double a1 = SpecialFunctions.inverseRegularizedBeta(0.1586553, ess * prob + 1, ess * (1 - prob) + 1);
        double a2 = SpecialFunctions.inverseRegularizedBeta(0.8413447, ess * prob + 1, ess * (1 - prob) + 1);
        int chainLength = draws[0].length;
        double[] sorted = new double[draws.length * chainLength];
        for (int c = 0; c < draws.length; c++) {
            System.arraycopy(draws[c], 0, sorted, c * chainLength, chainLength);
        }
        Arrays.sort(sorted);
        int n = sorted.length;
        double lo = sorted[Math.max((int) Math.floor(a1 * n), 1) - 1];
        double hi = sorted[Math.min((int) Math.ceil(a2 * n), n) - 1];
        return (hi - lo) / 2;
    }

    private static double essQuantile(double[][] split, double prob) {
        double q = quantile(flatten(split), prob);
        double[][] ind = new double[split.length][split[0].length];
        for (int c = 0; c < split.length; c++) {
            for (int i = 0; i < split[c].length; i++) {
                ind[c][i] = split[c][i] <= q ? 1 : 0;
            }
        }
        return invalid(ind) ? Double.NaN : essBasic(ind);
    }

    /** Classic R̂ of chains (no splitting): sqrt(((n−1)/n·W + B/n) / W). */
    static double rhatBasic(double[][] x) {
        int m = x.length;
        int n = x[0].length;
        double[] means = new double[m];
        double w = 0;
        for (int c = 0; c < m; c++) {
            means[c] = mean(x[c]);
            w += variance(x[c], means[c]);
        }
        w /= m;
        double b = n * variance(means, mean(means));
        double varPlus = (n - 1.0) / n * w + b / n;
        return Math.sqrt(varPlus / w);
    }

    /** Stan's multi-chain ESS with Geyer's initial monotone sequence. */
    static double essBasic(double[][] x) {
        int m = x.length;
        int n = x[0].length;
        double[][] acov = new double[m][];
        double[] means = new double[m];
        double meanVar = 0;
        for (int c = 0; c < m; c++) {
            means[c] = mean(x[c]);
            acov[c] = autocovariance(x[c], means[c]);
            meanVar += acov[c][0] * n / (n - 1.0);
        }
        meanVar /= m;
        double varPlus = meanVar * (n - 1.0) / n;
        if (m > 1) {
            varPlus += variance(means, mean(means));
        }
        double[] rho = new double[n];
        rho[0] = 1;
        double even = 1;
        double odd = 1 - (meanVar - meanAcov(acov, 1)) / varPlus;
        rho[1] = odd;
        int t = 1;
        while (t < n - 4 && even + odd > 0) {
            even = 1 - (meanVar - meanAcov(acov, t + 1)) / varPlus;
            odd = 1 - (meanVar - meanAcov(acov, t + 2)) / varPlus;
            if (even + odd >= 0) {
                rho[t + 1] = even;
                rho[t + 2] = odd;
            }
            t += 2;
        }
        int maxT = t;
        if (even > 0) {
            rho[maxT + 1] = even;
        }
        for (t = 1; t <= maxT - 2; t += 2) {
            if (rho[t + 1] + rho[t + 2] > rho[t - 1] + rho[t]) {
                rho[t + 1] = (rho[t - 1] + rho[t]) / 2;
                rho[t + 2] = rho[t + 1];
            }
        }
        double total = (double) m * n;
        double sum = 0;
        for (int i = 0; i <= maxT; i++) {
            sum += rho[i];
        }
        double tau = -1 + 2 * sum + rho[maxT + 1];
        tau = Math.max(tau, 1 / Math.log10(total));
        return total / tau;
    }

    private static double meanAcov(double[][] acov, int lag) {
        double s = 0;
        for (double[] a : acov) {
            s += a[lag];
        }
        return s / acov.length;
    }

    /** Biased autocovariance (divided by n) at every lag. */
    private static double[] autocovariance(double[] x, double mean) {
        int n = x.length;
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = x[i] - mean;
        }
        double[] out = new double[n];
        for (int lag = 0; lag < n; lag++) {
            double s = 0;
            for (int i = 0; i + lag < n; i++) {
                s += d[i] * d[i + lag];
            }
            out[lag] = s / n;
        }
        return out;
    }

    /** Rank normalisation over all chains jointly, average ranks for ties. */
    static double[][] zScale(double[][] x) {
        int m = x.length;
        int n = x[0].length;
        int total = m * n;
        double[] flat = flatten(x);
        Integer[] order = new Integer[total];
        for (int i = 0; i < total; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(flat[a], flat[b]));
        double[] rank = new double[total];
        int i = 0;
        while (i < total) {
            int j = i;
            while (j + 1 < total && flat[order[j + 1]] == flat[order[i]]) {
                j++;
            }
            double r = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                rank[order[k]] = r;
            }
            i = j + 1;
        }
        double[][] z = new double[m][n];
        for (int c = 0; c < m; c++) {
            for (int k = 0; k < n; k++) {
                z[c][k] = STANDARD.icdf((rank[c * n + k] - 0.375) / (total + 0.25));
            }
        }
        return z;
    }

    /** Each chain's first and second halves as separate chains (odd lengths drop the last draw). */
    static double[][] split(double[][] draws) {
        if (draws == null || draws.length == 0) {
            throw new IllegalArgumentException("draws must hold at least one chain");
        }
        int n = draws[0].length;
        for (int c = 0; c < draws.length; c++) {
            if (draws[c].length != n) {
                throw new IllegalArgumentException("draws[" + c + "] has " + draws[c].length
                        + " draws, draws[0] has " + n + "; chains must have equal length");
            }
        }
        if (n < 4) {
            throw new IllegalArgumentException("each chain needs at least 4 draws, got " + n);
        }
        int half = n / 2;
        double[][] out = new double[2 * draws.length][];
        for (int c = 0; c < draws.length; c++) {
            out[2 * c] = Arrays.copyOfRange(draws[c], 0, half);
            out[2 * c + 1] = Arrays.copyOfRange(draws[c], half, 2 * half);
        }
        return out;
    }

    /** Type-7 (linear interpolation) sample quantile. */
    static double quantile(double[] values, double p) {
        double[] s = values.clone();
        Arrays.sort(s);
        return sortedQuantile(s, p);
    }

    /** The type-7 quantile of values already sorted ascending. */
    static double sortedQuantile(double[] s, double p) {
        double h = (s.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, s.length - 1);
        return s[lo] + (h - lo) * (s[hi] - s[lo]);
    }

    private static boolean invalid(double[][] x) {
        double first = x[0][0];
        boolean constant = true;
        for (double[] chain : x) {
            for (double v : chain) {
                if (!Double.isFinite(v)) {
                    return true;
                }
                constant &= v == first;
            }
        }
        return constant;
    }

    private static double[] flatten(double[][] x) {
        int n = x[0].length;
        double[] out = new double[x.length * n];
        for (int c = 0; c < x.length; c++) {
            System.arraycopy(x[c], 0, out, c * n, n);
        }
        return out;
    }

    private static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }

    private static double variance(double[] x, double mean) {
        double s = 0;
        for (double v : x) {
            s += (v - mean) * (v - mean);
        }
        return s / (x.length - 1);
    }
}
