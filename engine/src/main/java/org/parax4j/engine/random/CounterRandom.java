package org.parax4j.engine.random;

import org.parax4j.engine.internal.random.RandomKernels;
import org.parax4j.engine.internal.random.SplitMix;

/**
 * A counter-based random stream: output {@code i} is a pure function of the seed and {@code i},
 * so a seed gives the same numbers whatever the batch sizes, the vector width or the number of
 * threads that produce them.
 *
 * <p>Algorithm: SplitMix64 used as a counter hash (Steele, Lea and Flood, "Fast splittable
 * pseudorandom number generators", OOPSLA 2014): output {@code i} is
 * {@code mix64(seed + (i + 1)·γ)} with γ = {@code 0x9e3779b97f4a7c15} (2⁶⁴/φ) and {@code mix64}
 * Stafford's variant-13 finaliser. Its authors report that SplitMix64 passes TestU01's BigCrush. The
 * sequence {@code longAt(0), longAt(1), …} is exactly that of
 * {@code new java.util.SplittableRandom(seed).nextLong()}, and {@link #uniformAt} that of its
 * {@code nextDouble()}. The period of one stream is 2⁶⁴; two seeds index the same Weyl sequence at
 * unrelated points, so streams of length n from k seeds overlap with probability about
 * {@code k²·n/2⁶⁴} (as for {@code SplittableRandom}). Not cryptographically secure.
 *
 * <p>Immutable and thread-safe value (equal when the seeds are equal). The bulk methods use the
 * engine's Vector API kernels when available; their integer and uniform outputs are bit-identical to
 * the scalar {@link #longAt} and {@link #uniformAt}.
 *
 * @param seed the seed; any value
 */
public record CounterRandom(long seed) {

    /** The stream with the given seed. Does not allocate beyond the record. */
    public static CounterRandom of(long seed) {
        return new CounterRandom(seed);
    }

    /**
     * An independent-looking stream derived from this one and {@code key}: its seed is
     * {@code mix64(seed + mix64(key ^ γ))}. Used to give each element of a multivariate draw its own
     * stream. Allocates the new record.
     */
    public CounterRandom split(long key) {
        return new CounterRandom(childSeed(seed, key));
    }

    /** The seed of {@code split(key)} without allocating. */
    static long childSeed(long seed, long key) {
        return SplitMix.mix64(seed + SplitMix.mix64(key ^ SplitMix.GOLDEN_GAMMA));
    }

    /**
     * Output {@code index} as 64 random bits.
     *
     * @throws IllegalArgumentException when {@code index < 0}
     */
    public long longAt(long index) {
        Checks.index(index, 1);
        return SplitMix.at(seed, SplitMix.GOLDEN_GAMMA, index);
    }

    /**
     * Output {@code index} as a double in [0, 1): its top 53 bits times 2⁻⁵³.
     *
     * @throws IllegalArgumentException when {@code index < 0}
     */
    public double uniformAt(long index) {
        return (longAt(index) >>> 11) * 0x1.0p-53;
    }

    /**
     * Writes outputs {@code index … index + length − 1} to {@code out[from, from + length)}. Does not
     * allocate.
     *
     * @param out destination; modified
     * @throws IllegalArgumentException when {@code index < 0}, {@code index + length} overflows, or the
     *     range does not fit in {@code out}
     */
    public void longs(long index, long[] out, int from, int length) {
        Checks.index(index, length);
        Checks.range(out == null ? -1 : out.length, from, length, 1);
        RandomKernels.get().longs(seed, SplitMix.GOLDEN_GAMMA, index, out, from, length);
    }

    /**
     * Writes {@code uniformAt(index + i)} to {@code out[from + i]} for {@code i < length}. Does not
     * allocate.
     *
     * @param out destination; modified
     * @throws IllegalArgumentException as {@link #longs}
     */
    public void uniforms(long index, double[] out, int from, int length) {
        Checks.index(index, length);
        Checks.range(out == null ? -1 : out.length, from, length, 1);
        RandomKernels.get().uniforms(seed, SplitMix.GOLDEN_GAMMA, index, 0, 1, out, from, length);
    }
}
