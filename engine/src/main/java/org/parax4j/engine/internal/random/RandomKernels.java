package org.parax4j.engine.internal.random;

import org.parax4j.engine.internal.simd.Vectorization;
import org.parax4j.engine.internal.vector.PanamaConstants;

/**
 * The inner loops of counter-based random number generation, implemented twice:
 * {@link ScalarRandomKernels} in plain Java (the reference) and {@link PanamaRandomKernels} with the
 * Vector API.
 *
 * <p>Every method fills {@code out[from, from + length)} with elements {@code index … index + length − 1}
 * of a stream {@code (seed, gamma)} of the generator described in {@link SplitMix}; element {@code j}
 * is a pure function of {@code (seed, gamma, j)}, so any split of a request into calls gives the same
 * bits. Every output is bit-identical between the two implementations at every vector width: both
 * evaluate the same IEEE-exact operation sequences, including the elementary functions of
 * {@link Elementary}.
 *
 * <p>Callers (the public facades) validate arguments; implementations do not re-check, never
 * allocate, and are stateless and thread-safe.
 */
public interface RandomKernels {

    /** The implementation chosen for this JVM: {@code Vectorization.chosen().random()}. */
    static RandomKernels get() {
        return Vectorization.chosen().random();
    }

    /** The plain-Java twin. Allocates it. */
    static RandomKernels scalar() {
        return new ScalarRandomKernels();
    }

    /**
     * The Vector API twin with {@code bits}-bit vectors (for {@code Vectorization}). Allocates it.
     *
     * @throws IllegalArgumentException unless {@code bits} is 128, 256 or 512
     */
    static RandomKernels panama(int bits) {
        return new PanamaRandomKernels(PanamaConstants.doubleSpecies(bits));
    }


    /** Raw 64-bit outputs: {@code out[from + i] = SplitMix.at(seed, gamma, index + i)}. */
    void longs(long seed, long gamma, long index, long[] out, int from, int length);

    /**
     * Uniforms {@code low + width·u} (one fused multiply-add), u the top 53 bits of output
     * {@code index + i} as a multiple of 2⁻⁵³ in [0, 1). With {@code low = 0, width = 1} these are
     * exactly {@code SplittableRandom.nextDouble()} for the golden gamma.
     */
    void uniforms(long seed, long gamma, long index, double low, double width, double[] out, int from, int length);

    /**
     * Normals {@code mean + std·z} (one fused multiply-add), z standard normal by the Box–Muller
     * transform in the block layout of {@link SplitMix#NORMAL_BLOCK}: the radius
     * {@code √(−2 log u₁)} with u₁ in (0, 1] and the angle {@code 2π·u₂} with u₂ in [0, 1), both 53-bit.
     */
    void normals(long seed, long gamma, long index, double mean, double std, double[] out, int from, int length);

    /** Log-normals {@code exp(mu + sigma·z)} with z as in {@link #normals}. */
    void logNormals(long seed, long gamma, long index, double mu, double sigma, double[] out, int from, int length);

    /**
     * Truncated normals by inversion on the lower side of the parent: with u from output
     * {@code index + i} in the open interval (0, 1) (52 bits, midpoints),
     * {@code p = clamp(pLow + u·pWidth, MIN_NORMAL, 1 − 2⁻⁵³)}, {@code z = clamp(Φ⁻¹(p), zLow, zHigh)}
     * (AS 241) and {@code out = clamp(mu + scale·z, low, high)}.
     */
    void truncatedNormals(long seed, long gamma, long index, TruncationConstants constants, double[] out, int from,
            int length);

    /** {@code y[yFrom + i] = fma(a, x[xFrom + i], y[yFrom + i])}; {@code x} and {@code y} ranges may not overlap. */
    void axpy(double a, double[] x, int xFrom, double[] y, int yFrom, int length);

    /** {@code y[from + i] = fma(y[from + i], scale, shift)} in place. */
    void affine(double scale, double shift, double[] y, int from, int length);

    /**
     * {@code z[zFrom + i] = exp(x[xFrom + i])} with
     * {@link org.parax4j.engine.internal.math.ExpMath#exp(double)} (within 1 ulp of {@link Math#exp};
     * +∞ above 709.78, 0 below −708, NaN for NaN); {@code z} may be {@code x} at the same offset.
     * Same bits in both implementations, at every width and JIT tier, so batched model evaluation
     * does not depend on lane positions.
     */
    void exp(double[] x, int xFrom, double[] z, int zFrom, int length);

    /**
     * {@code z[zFrom + i] = log(x[xFrom + i])·scale} (·1 is exact; the vector loop skips it):
     * {@link Elementary#log} (within 4 ulps of {@link Math#log}) for positive normal finite inputs,
     * {@link Math#log} for the others (0, negatives, subnormals, +∞, NaN); {@code z} may be {@code x}
     * at the same offset. Same bits in both implementations.
     */
    void log(double[] x, int xFrom, double[] z, int zFrom, int length, double scale);
}
