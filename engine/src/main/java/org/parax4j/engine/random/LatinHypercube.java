package org.parax4j.engine.random;

import java.util.List;
import org.parax4j.distribution.UnivariateDistribution;

/**
 * Latin hypercube designs (McKay, Beckman and Conover, Technometrics 21:239–245, 1979): n points
 * in d dimensions such that in every dimension each of the n strata {@code [i/n, (i+1)/n)} holds
 * exactly one point. Dimension k uses the stream {@code rng.split(k)}: a Fisher–Yates permutation
 * of the strata from its outputs {@code 1 … n−1} (index drawn as the high word of
 * {@code output × (i+1)}, Lemire's method without rejection; bias below (i+1)/2⁶⁴) and a jitter
 * within each stratum from its outputs {@code n … 2n−1}, a 52-bit uniform in the open interval
 * (0, 1). The design is a pure function of the seed, n and d. Any n ≥ 1 is allowed (no
 * power-of-two requirement).
 *
 * <p>Layout as {@link VectorSampler}: coordinate k of point s goes to {@code out[from + k·n + s]}.
 * Stateless and thread-safe; each call allocates one {@code int[n]} permutation.
 */
public final class LatinHypercube {

    private LatinHypercube() {}

    /**
     * Writes an n-point design in the open unit cube (0, 1)^d.
     *
     * @param out destination; {@code out[from, from + d·n)} is modified
     * @throws IllegalArgumentException when {@code rng} is null, {@code n < 1}, {@code dimension < 1},
     *     or the range does not fit in {@code out}; nothing is written then
     */
    public static void unitCube(CounterRandom rng, int n, int dimension, double[] out, int from) {
        check(rng, n, dimension, out, from);
        int[] permutation = new int[n];
        for (int k = 0; k < dimension; k++) {
            column(rng.split(k), n, permutation, out, from + k * n);
        }
    }

    /**
     * Writes an n-point design for independent marginals: coordinate k is
     * {@code marginals.get(k).icdf(u)} of the unit-cube design's coordinate u, so each marginal is
     * stratified into n equal-probability strata.
     *
     * @param marginals one distribution per dimension, none null; not modified
     * @param out destination; {@code out[from, from + marginals.size()·n)} is modified
     * @throws IllegalArgumentException as {@link #unitCube}, or when {@code marginals} is null, empty
     *     or holds null
     */
    public static void design(CounterRandom rng, int n, List<? extends UnivariateDistribution> marginals, double[] out,
            int from) {
        if (marginals == null || marginals.isEmpty()) {
            throw new IllegalArgumentException("marginals must be a non-empty list, got " + marginals);
        }
        for (int k = 0; k < marginals.size(); k++) {
            if (marginals.get(k) == null) {
                throw new IllegalArgumentException("marginals[" + k + "] must not be null");
            }
        }
        unitCube(rng, n, marginals.size(), out, from);
        for (int k = 0; k < marginals.size(); k++) {
            UnivariateDistribution d = marginals.get(k);
            for (int s = 0; s < n; s++) {
                out[from + k * n + s] = d.icdf(out[from + k * n + s]);
            }
        }
    }

    private static void column(CounterRandom stream, int n, int[] permutation, double[] out, int at) {
        for (int i = 0; i < n; i++) {
            permutation[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = (int) Math.unsignedMultiplyHigh(stream.longAt(i), i + 1L);
            int t = permutation[i];
            permutation[i] = permutation[j];
            permutation[j] = t;
        }
        for (int s = 0; s < n; s++) {
            double u = ((stream.longAt((long) n + s) >>> 12) + 0.5) * 0x1.0p-52;
            double v = (permutation[s] + u) / n;
            out[at + s] = Math.min(v, Math.nextDown(1.0));
        }
    }

    private static void check(CounterRandom rng, int n, int dimension, double[] out, int from) {
        if (rng == null) {
            throw new IllegalArgumentException("rng must not be null");
        }
        if (n < 1) {
            throw new IllegalArgumentException("n must be >= 1, got " + n);
        }
        if (dimension < 1) {
            throw new IllegalArgumentException("dimension must be >= 1, got " + dimension);
        }
        Checks.range(out == null ? -1 : out.length, from, n, dimension);
    }
}
