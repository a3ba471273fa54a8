package org.parax4j.engine.internal.random;

/**
 * Precomputed constants of a truncated-normal inversion sampler (see
 * {@link RandomKernels#truncatedNormals}); the interval is mirrored, when needed, so that inversion
 * happens on the lower side of the parent normal where the probabilities keep full relative accuracy.
 *
 * @param pLow Φ(zLow)
 * @param pWidth Φ(zHigh) − Φ(zLow)
 * @param zLow lower end of the (possibly mirrored) standardised interval
 * @param zHigh upper end of the (possibly mirrored) standardised interval
 * @param mu mean of the parent normal
 * @param scale σ, or −σ when the interval was mirrored
 * @param low lower end of the support in physical space
 * @param high upper end of the support in physical space
 */
public record TruncationConstants(double pLow, double pWidth, double zLow, double zHigh, double mu, double scale,
        double low, double high) {}
