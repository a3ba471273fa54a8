package org.parax4j.engine.internal.random;

/**
 * The scalar pieces of the counter-based SplitMix64 generator shared by both kernel
 * implementations: the output function, the conversions to doubles and the counter layout of the
 * Box–Muller normals.
 *
 * <p>Output {@code i} of the stream {@code (seed, gamma)} is {@code mix64(seed + (i + 1)·gamma)},
 * the {@code i}-th output of SplitMix64 (Steele, Lea and Flood, "Fast splittable pseudorandom number
 * generators", OOPSLA 2014), whose authors report that it passes TestU01's BigCrush. With the golden
 * gamma this is exactly the sequence of {@link java.util.SplittableRandom#nextLong()} for the same
 * seed. {@code mix64} is Stafford's "variant 13" 64-bit finaliser, as in the JDK.
 *
 * <p>Stateless and thread-safe.
 */
public final class SplitMix {

    /** The odd constant {@code 2⁶⁴/φ} used as the Weyl increment (the JDK's {@code GOLDEN_GAMMA}). */
    public static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

    /** First multiplier of Stafford's variant 13. */
    static final long M1 = 0xbf58476d1ce4e5b9L;

    /** Second multiplier of Stafford's variant 13. */
    static final long M2 = 0x94d049bb133111ebL;

    /** {@code 2⁻⁵³}: one unit in the last place of a 53-bit fraction. */
    static final double TWO_POW_M53 = 0x1.0p-53;

    /** {@code 2⁻⁵²}. */
    static final double TWO_POW_M52 = 0x1.0p-52;

    /** The largest double below 1, {@code 1 − 2⁻⁵³}. */
    static final double ONE_MINUS_ULP = 0x1.fffffffffffffp-1;

    /** {@code 2π}. */
    static final double TWO_PI = 2 * Math.PI;

    /**
     * Normals come in blocks of {@value} elements: element {@code 16b + k} ({@code k < 8}) is
     * {@code r·cos θ} and element {@code 16b + 8 + k} is {@code r·sin θ} of the pair whose radius uses
     * counter {@code 16b + k} and whose angle uses counter {@code 16b + 8 + k}.
     */
    public static final int NORMAL_BLOCK = 16;

    /** Half of {@link #NORMAL_BLOCK}: the number of Box–Muller pairs in a block. */
    public static final int NORMAL_HALF = NORMAL_BLOCK / 2;

    private SplitMix() {}

    /** Stafford's variant 13 finaliser (the JDK's {@code SplittableRandom.mix64}). */
    public static long mix64(long z) {
        z = (z ^ (z >>> 30)) * M1;
        z = (z ^ (z >>> 27)) * M2;
        return z ^ (z >>> 31);
    }

    /** Output {@code counter} of the stream {@code (seed, gamma)}. */
    public static long at(long seed, long gamma, long counter) {
        return mix64(seed + (counter + 1) * gamma);
    }

    /** The top 53 bits as a double in [0, 1) (multiples of 2⁻⁵³), as {@code SplittableRandom.nextDouble}. */
    static double closedOpen(long bits) {
        return (bits >>> 11) * TWO_POW_M53;
    }

    /** The top 53 bits as a double in (0, 1] (multiples of 2⁻⁵³): safe to take the logarithm of. */
    static double openClosed(long bits) {
        return ((bits >>> 11) + 1) * TWO_POW_M53;
    }

    /** The top 52 bits as a double in the open interval (0, 1): {@code (k + ½)·2⁻⁵²}. */
    static double open(long bits) {
        return ((bits >>> 12) + 0.5) * TWO_POW_M52;
    }
}
