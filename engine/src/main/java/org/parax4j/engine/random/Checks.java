package org.parax4j.engine.random;

/** Argument checks shared by the random package; messages name the argument and both values. */
final class Checks {

    private Checks() {}

    /** {@code index ≥ 0} and {@code index + length} without overflow. */
    static void index(long index, long length) {
        if (index < 0) {
            throw new IllegalArgumentException("index must be >= 0, got " + index);
        }
        if (length > Long.MAX_VALUE - index) {
            throw new IllegalArgumentException("index + count must not exceed " + Long.MAX_VALUE + ", got index="
                    + index + ", count=" + length);
        }
    }

    /**
     * {@code [from, from + dimension·count)} lies inside an array of length {@code arrayLength}
     * ({@code −1} for a null array).
     */
    static void range(int arrayLength, int from, int count, int dimension) {
        if (arrayLength < 0) {
            throw new IllegalArgumentException("out must not be null");
        }
        if (count < 0) {
            throw new IllegalArgumentException("count must be >= 0, got " + count);
        }
        if (from < 0) {
            throw new IllegalArgumentException("from must be >= 0, got " + from);
        }
        long end = from + (long) dimension * count;
        if (end > arrayLength) {
            throw new IllegalArgumentException("out is too short: from + dimension*count = " + from + " + "
                    + dimension + "*" + count + " = " + end + " > out.length = " + arrayLength);
        }
    }

    /** {@code threads ≥ 1}. */
    static void threads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
    }
}
