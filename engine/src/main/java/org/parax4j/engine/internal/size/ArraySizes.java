package org.parax4j.engine.internal.size;

/**
 * Overflow-checked array sizes with messages that name the sizes and the limit, for the checks
 * that used to surface as a bare {@code ArithmeticException("integer overflow")}. Stateless.
 */
public final class ArraySizes {

    /** The largest array length the engine asks for: {@code Integer.MAX_VALUE − 8}, as the JDK's collections. */
    public static final int MAX_ARRAY = Integer.MAX_VALUE - 8;

    private ArraySizes() {}

    /**
     * {@code a·b} as an array length. Allocates nothing unless it throws.
     *
     * @param what what is being sized, the subject of the message, e.g. {@code "shape [50000, 50000]"}
     * @param a first factor, {@code ≥ 0}
     * @param b second factor, {@code ≥ 0}
     * @throws IllegalArgumentException when a factor is negative or the product exceeds
     *     {@link #MAX_ARRAY}; the message names {@code what}, both factors, the product and the limit
     */
    public static int product(String what, long a, long b) {
        long size = Math.multiplyHigh(a, b) == 0 && a * b >= 0 ? a * b : Long.MAX_VALUE;
        if (a < 0 || b < 0 || size > MAX_ARRAY) {
            throw new IllegalArgumentException(what + " needs " + a + "·" + b
                    + (size == Long.MAX_VALUE ? "" : " = " + size) + " elements, more than the largest Java array ("
                    + MAX_ARRAY + " elements)");
        }
        return (int) size;
    }
}
