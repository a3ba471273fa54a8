package org.parax4j.engine.random;

/**
 * Sobol' low-discrepancy points (Sobol' 1967), optionally scrambled, in the open unit cube.
 *
 * <p>Direction numbers: Joe and Kuo's {@code new-joe-kuo-6.21201} set ("Constructing Sobol'
 * sequences with better two-dimensional projections", SIAM J. Sci. Comput. 30:2635–2654, 2008),
 * dimensions 1 to {@value #MAX_DIMENSION}, 52 bits. Point i is {@code ⊕ v_j} over the bits j of the
 * Gray code {@code i ^ (i >>> 1)} (Antonov and Saleev 1979), so any point is computed directly from
 * its index; the unscrambled sequence equals Hipparchus' {@code SobolSequenceGenerator}, point by
 * point. Coordinates are {@code (bits + ½)·2⁻⁵²}: the midpoint of the finest cell, never 0 or 1.
 *
 * <p>Scrambling ({@link #scrambled}): Matoušek's random linear matrix scramble plus a random digital
 * shift (Matoušek, "On the L2-discrepancy for anchored boxes", J. Complexity 14:527–556, 1998; as in
 * SciPy's {@code qmc.Sobol}): per dimension k, from the stream {@code rng.split(k)}, a random lower
 * triangular 52×52 bit matrix with unit diagonal multiplies every direction number, and a random
 * 52-bit mask is XORed into every point. Both preserve the (t, m, s)-net structure, so the first 2^m
 * points still put exactly one point in each of the 2^m strata of every coordinate, while the
 * estimator becomes unbiased and its error can be estimated from independent scramblings (seeds).
 *
 * <p>{@link #points} requires a power-of-two count: the balance properties hold only for the first
 * 2^m points. Immutable and thread-safe; {@code points} does not allocate.
 */
public final class SobolDesign {

    /** Highest supported dimension. */
    public static final int MAX_DIMENSION = 40;

    private static final int BITS = 52;

    /** Joe–Kuo rows for dimensions 2 … 40: {s, a, m_1 … m_s}. */
    private static final int[][] JOE_KUO = {
        {1, 0, 1},
        {2, 1, 1, 3},
        {3, 1, 1, 3, 1},
        {3, 2, 1, 1, 1},
        {4, 1, 1, 1, 3, 3},
        {4, 4, 1, 3, 5, 13},
        {5, 2, 1, 1, 5, 5, 17},
        {5, 4, 1, 1, 5, 5, 5},
        {5, 7, 1, 1, 7, 11, 19},
        {5, 11, 1, 1, 5, 1, 1},
        {5, 13, 1, 1, 1, 3, 11},
        {5, 14, 1, 3, 5, 5, 31},
        {6, 1, 1, 3, 3, 9, 7, 49},
        {6, 13, 1, 1, 1, 15, 21, 21},
        {6, 16, 1, 3, 1, 13, 27, 49},
        {6, 19, 1, 1, 1, 15, 7, 5},
        {6, 22, 1, 3, 1, 15, 13, 25},
        {6, 25, 1, 1, 5, 5, 19, 61},
        {7, 1, 1, 3, 7, 11, 23, 15, 103},
        {7, 4, 1, 3, 7, 13, 13, 15, 69},
        {7, 7, 1, 1, 3, 13, 7, 35, 63},
        {7, 8, 1, 3, 5, 9, 1, 25, 53},
        {7, 14, 1, 3, 1, 13, 9, 35, 107},
        {7, 19, 1, 3, 1, 5, 27, 61, 31},
        {7, 21, 1, 1, 5, 11, 19, 41, 61},
        {7, 28, 1, 3, 5, 3, 3, 13, 69},
        {7, 31, 1, 1, 7, 13, 1, 19, 1},
        {7, 32, 1, 3, 7, 5, 13, 19, 59},
        {7, 37, 1, 1, 3, 9, 25, 29, 41},
        {7, 41, 1, 3, 5, 13, 23, 1, 55},
        {7, 42, 1, 3, 7, 3, 13, 59, 17},
        {7, 50, 1, 3, 1, 3, 5, 53, 69},
        {7, 55, 1, 1, 5, 5, 23, 33, 13},
        {7, 56, 1, 1, 7, 7, 1, 61, 123},
        {7, 59, 1, 1, 7, 9, 13, 61, 49},
        {7, 62, 1, 3, 3, 5, 3, 55, 33},
        {8, 14, 1, 3, 1, 15, 31, 13, 49, 245},
        {8, 21, 1, 3, 5, 15, 31, 59, 63, 97},
        {8, 22, 1, 3, 1, 11, 11, 11, 77, 249}
    };

    private final int dimension;
    /** directions[k][j]: direction number j (bit j of the Gray code) of dimension k, scrambled if so built. */
    private final long[][] directions;
    private final long[] shifts;

    private SobolDesign(int dimension, long[][] directions, long[] shifts) {
        this.dimension = dimension;
        this.directions = directions;
        this.shifts = shifts;
    }

    /**
     * The plain Sobol' sequence in {@code dimension} dimensions. Allocates the direction table.
     *
     * @throws IllegalArgumentException when {@code dimension} is not in [1, {@value #MAX_DIMENSION}]
     */
    public static SobolDesign unscrambled(int dimension) {
        checkDimension(dimension);
        long[][] directions = new long[dimension][];
        for (int k = 0; k < dimension; k++) {
            directions[k] = directions(k);
        }
        return new SobolDesign(dimension, directions, new long[dimension]);
    }

    /**
     * A linear-matrix-scrambled and digitally shifted Sobol' sequence; see the class notes.
     * Allocates the direction table.
     *
     * @throws IllegalArgumentException when {@code rng} is null or {@code dimension} is not in
     *     [1, {@value #MAX_DIMENSION}]
     */
    public static SobolDesign scrambled(CounterRandom rng, int dimension) {
        if (rng == null) {
            throw new IllegalArgumentException("rng must not be null");
        }
        checkDimension(dimension);
        long[][] directions = new long[dimension][];
        long[] shifts = new long[dimension];
        long mask = (1L << BITS) - 1;
        for (int k = 0; k < dimension; k++) {
            CounterRandom stream = rng.split(k);
            long[] rows = new long[BITS];
            for (int r = 0; r < BITS; r++) {
                // Row r (output bit r counted from the most significant) reads input bits 0 … r:
                // the diagonal one and random bits for the more significant columns.
                long diagonal = 1L << (BITS - 1 - r);
                long above = ~((diagonal << 1) - 1) & mask;
                rows[r] = diagonal | (stream.longAt(1 + r) & above);
            }
            long[] v = directions(k);
            for (int j = 0; j < BITS; j++) {
                long out = 0;
                for (int r = 0; r < BITS; r++) {
                    out |= (long) (Long.bitCount(rows[r] & v[j]) & 1) << (BITS - 1 - r);
                }
                v[j] = out;
            }
            directions[k] = v;
            shifts[k] = stream.longAt(0) >>> (64 - BITS);
        }
        return new SobolDesign(dimension, directions, shifts);
    }

    private static void checkDimension(int dimension) {
        if (dimension < 1 || dimension > MAX_DIMENSION) {
            throw new IllegalArgumentException("dimension must be in [1, " + MAX_DIMENSION + "], got " + dimension);
        }
    }

    /** The 52 direction numbers of dimension k (0-based), unscrambled. */
    private static long[] directions(int k) {
        long[] v = new long[BITS];
        if (k == 0) {
            for (int j = 0; j < BITS; j++) {
                v[j] = 1L << (BITS - 1 - j);
            }
            return v;
        }
        int[] row = JOE_KUO[k - 1];
        int s = row[0];
        int a = row[1];
        for (int j = 0; j < s; j++) {
            v[j] = (long) row[2 + j] << (BITS - 1 - j);
        }
        for (int j = s; j < BITS; j++) {
            long x = v[j - s] ^ (v[j - s] >>> s);
            for (int l = 1; l < s; l++) {
                if (((a >>> (s - 1 - l)) & 1) != 0) {
                    x ^= v[j - l];
                }
            }
            v[j] = x;
        }
        return v;
    }

    /** The number of dimensions. */
    public int dimension() {
        return dimension;
    }

    /**
     * Writes points {@code 0 … n − 1}; coordinate k of point i goes to {@code out[from + k·n + i]}
     * (the layout of {@link VectorSampler}). Does not allocate.
     *
     * @param n number of points, a power of two
     * @param out destination; {@code out[from, from + dimension·n)} is modified
     * @throws IllegalArgumentException when {@code n} is not a power of two or the range does not fit
     *     in {@code out}; nothing is written then
     */
    public void points(int n, double[] out, int from) {
        if (n < 1 || Integer.bitCount(n) != 1) {
            throw new IllegalArgumentException("n must be a power of two (Sobol' balance needs 2^m points), got " + n);
        }
        Checks.range(out == null ? -1 : out.length, from, n, dimension);
        for (int k = 0; k < dimension; k++) {
            long[] v = directions[k];
            int at = from + k * n;
            for (int i = 0; i < n; i++) {
                long gray = i ^ (i >>> 1);
                long bits = shifts[k];
                for (int j = 0; gray != 0; j++, gray >>>= 1) {
                    if ((gray & 1) != 0) {
                        bits ^= v[j];
                    }
                }
                out[at + i] = (bits + 0.5) * 0x1.0p-52;
            }
        }
    }
}
