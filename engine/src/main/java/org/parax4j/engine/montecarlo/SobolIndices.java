package org.parax4j.engine.montecarlo;

import java.util.List;

/**
 * First-order and total Sobol' sensitivity indices of a scalar model output, one entry per factor,
 * with bootstrap percentile confidence intervals (see {@link SobolAnalysis}). Immutable value.
 *
 * @param indices one entry per factor, in group-table order
 * @param baseSamples N, the size of each of the two base sample sets
 * @param variance the output variance estimate the indices are normalised by
 * @param confidence the confidence level of the intervals, in (0, 1)
 * @param bootstrap number of bootstrap resamples behind the intervals
 */
public record SobolIndices(List<Index> indices, int baseSamples, double variance, double confidence,
        int bootstrap) {

    /** Copies the list. */
    public SobolIndices {
        indices = List.copyOf(indices);
    }

    /**
     * The indices of one factor: a parameter group with a distribution (its free flat names joined by
     * '+'; a correlated group is one factor, since Sobol' indices assume independent factors).
     *
     * @param factor the factor's name
     * @param first first-order index S (Saltelli et al. 2010 estimator)
     * @param firstLow lower confidence bound of S
     * @param firstHigh upper confidence bound of S
     * @param total total index S_T (Jansen 1999 estimator)
     * @param totalLow lower confidence bound of S_T
     * @param totalHigh upper confidence bound of S_T
     */
    public record Index(String factor, double first, double firstLow, double firstHigh, double total,
            double totalLow, double totalHigh) {}
}
