package org.parax4j.engine.internal.graph;

import java.util.Arrays;
import org.parax4j.engine.internal.size.ArraySizes;

/**
 * The shape of a graph value: rank 0 (scalar), 1 ({@code [n]}) or 2 ({@code [r, c]}), row-major.
 * For broadcasting it is viewed as a matrix {@code rows × cols}: a scalar is {@code 1 × 1}, a
 * vector {@code [n]} is {@code 1 × n} (numpy alignment on the trailing axis).
 *
 * @param dims the dimensions (length 0, 1 or 2), each ≥ 0
 */
public record Shape(int[] dims) {

    /** The scalar shape. */
    public static final Shape SCALAR = new Shape(new int[0]);

    /**
     * Validates the rank and dimensions; copies the array.
     *
     * @throws IllegalArgumentException for a rank above 2, a negative dimension or more elements than
     *     an array holds (naming the dimensions, the element count and the limit)
     */
    public Shape {
        dims = dims.clone();
        if (dims.length > 2) {
            throw new IllegalArgumentException("shape rank must be 0, 1 or 2, got " + Arrays.toString(dims));
        }
        for (int n : dims) {
            if (n < 0) {
                throw new IllegalArgumentException("shape dimensions must be >= 0, got " + Arrays.toString(dims));
            }
        }
        ArraySizes.product("a value of shape " + Arrays.toString(dims), dims.length > 0 ? dims[0] : 1,
                dims.length > 1 ? dims[1] : 1);
    }

    /** A shape of these dimensions. */
    public static Shape of(int... dims) {
        return new Shape(dims);
    }

    /** The dimensions. Copy. */
    @Override
    public int[] dims() {
        return dims.clone();
    }

    /** The rank. */
    public int rank() {
        return dims.length;
    }

    /** Number of elements. */
    public int size() {
        return rows() * cols();
    }

    /** Rows of the matrix view. */
    public int rows() {
        return dims.length == 2 ? dims[0] : 1;
    }

    /** Columns of the matrix view. */
    public int cols() {
        return dims.length == 0 ? 1 : dims[dims.length - 1];
    }

    /**
     * The numpy broadcast of two shapes of rank ≤ 2.
     *
     * @throws IllegalArgumentException when they do not broadcast, naming both, or when the result
     *     has more elements than an array holds (naming both, the result, its size and the limit)
     */
    public static Shape broadcast(Shape a, Shape b) {
        int rank = Math.max(a.rank(), b.rank());
        int[] out = new int[rank];
        for (int k = 0; k < rank; k++) {
            int da = k < rank - a.rank() ? 1 : a.dims[k - (rank - a.rank())];
            int db = k < rank - b.rank() ? 1 : b.dims[k - (rank - b.rank())];
            if (da != db && da != 1 && db != 1) {
                throw new IllegalArgumentException("shapes " + a + " and " + b + " do not broadcast (axis " + k
                        + ": " + da + " vs " + db + ")");
            }
            out[k] = da == 1 ? db : da;
        }
        ArraySizes.product("broadcasting " + a + " with " + b + " to " + Arrays.toString(out),
                rank > 1 ? out[0] : 1, rank > 0 ? out[rank - 1] : 1);
        return new Shape(out);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Shape s && Arrays.equals(dims, s.dims);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(dims);
    }

    @Override
    public String toString() {
        return Arrays.toString(dims);
    }
}
