package org.parax4j.kernel;

import java.util.Objects;
import org.parax4j.param.Parameter;

/** Argument checks and small shared computations for the reference kernels. */
final class KernelInputs {

    private KernelInputs() {}

    /** Checks a row-major {@code rows × d} input: sizes and finiteness, naming the offending element. */
    static void check(String name, double[] x, int rows, int d) {
        Objects.requireNonNull(x, name);
        if (rows < 0 || d < 1) {
            throw new IllegalArgumentException(name + ": rows must be >= 0 and d >= 1, got rows=" + rows + ", d=" + d);
        }
        if (x.length != (long) rows * d) {
            throw new IllegalArgumentException(name + " must hold rows*d = " + ((long) rows * d) + " values, has "
                    + x.length);
        }
        for (int k = 0; k < x.length; k++) {
            if (!Double.isFinite(x[k])) {
                throw new IllegalArgumentException(name + "[" + (k / d) + "][" + (k % d) + "] must be finite, got " + x[k]);
            }
        }
    }

    /** The largest number of elements of a Java array on common JVMs. */
    static final int MAX_ARRAY = Integer.MAX_VALUE - 8;

    /**
     * {@code n·m}, the number of entries of an {@code n × m} matrix.
     *
     * @throws IllegalArgumentException naming both sizes, the product and the limit when the product
     *     exceeds the largest Java array ({@value #MAX_ARRAY} elements)
     */
    static int matrixSize(int n, int m) {
        long size = (long) n * m;
        if (size > MAX_ARRAY) {
            throw new IllegalArgumentException("an n × m = " + n + " × " + m + " kernel matrix has " + size
                    + " entries, more than the " + MAX_ARRAY + " a Java array can hold; compute it in blocks of rows");
        }
        return (int) size;
    }

    /** Checks two points of equal length. */
    static void checkPair(double[] x, double[] y) {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(y, "y");
        if (x.length != y.length || x.length == 0) {
            throw new IllegalArgumentException("points must have the same non-zero dimension, got " + x.length
                    + " and " + y.length);
        }
    }

    /**
     * Checks that a required component is present (module fields may be null when read from JSON).
     *
     * @throws IllegalArgumentException naming the field when {@code value} is null
     */
    static void required(String field, Object value) {
        if (value == null) {
            throw new IllegalArgumentException(field + " is required, got null");
        }
    }

    /** Checks that every element of a length-scale-like parameter is finite and positive. */
    static void checkPositive(String field, Parameter p) {
        required(field, p);
        for (int k = 0; k < p.size(); k++) {
            double v = scaled(p, k);
            if (!(v > 0 && v < Double.POSITIVE_INFINITY)) {
                throw new IllegalArgumentException(field + (p.size() > 1 ? "[" + k + "]" : "")
                        + " must be finite and > 0, got " + v);
            }
        }
    }

    /** Checks that a per-dimension parameter has 1 element or {@code d}. */
    static void checkPerDimension(String field, Parameter p, int d) {
        if (d < 1) {
            throw new IllegalArgumentException("input dimension d must be >= 1, got " + d);
        }
        if (p.size() != 1 && p.size() != d) {
            throw new IllegalArgumentException(field + " has " + p.size() + " elements; it must be a scalar or have one "
                    + "per input dimension (d = " + d + ")");
        }
    }

    /** Scaled value of element {@code k}, without allocating. */
    static double scaled(Parameter p, int k) {
        return p.value(k) * p.scale();
    }

    /** Checks that a scalar parameter is finite and positive (or non-negative with {@code allowZero}). */
    static double positiveScalar(String field, Parameter p, boolean allowZero) {
        required(field, p);
        if (p.size() != 1) {
            throw new IllegalArgumentException(field + " must be a scalar, has " + p.size() + " elements");
        }
        double v = scaled(p, 0);
        boolean ok = allowZero ? v >= 0 && v < Double.POSITIVE_INFINITY : v > 0 && v < Double.POSITIVE_INFINITY;
        if (!ok) {
            throw new IllegalArgumentException(field + " must be finite and " + (allowZero ? ">= 0" : "> 0")
                    + ", got " + v);
        }
        return v;
    }

    /** {@code Σ_k ((x1[i,k] − x2[j,k]) / ℓ_k)²} with ℓ scalar or per dimension (scaled values). */
    static double scaledSquaredDistance(double[] x1, int i, double[] x2, int j, int d, Parameter lengthScale) {
        boolean shared = lengthScale.size() == 1;
        double l0 = scaled(lengthScale, 0);
        double sum = 0;
        for (int k = 0; k < d; k++) {
            double l = shared ? l0 : scaled(lengthScale, k);
            double diff = (x1[i * d + k] - x2[j * d + k]) / l;
            sum += diff * diff;
        }
        return sum;
    }

    /**
     * {@code combine(combine(first, second), more[0])…}: a sum or product of several kernels nested
     * to the left.
     *
     * @throws IllegalArgumentException when a kernel of {@code more} is null, naming its position
     *     (0-based over all kernels) and {@code what}
     */
    static <K extends Kernel<?>> K nestLeft(String what, Kernel<?> first, Kernel<?> second, Kernel<?>[] more,
            java.util.function.BiFunction<Kernel<?>, Kernel<?>, K> combine) {
        K result = combine.apply(first, second);
        for (int i = 0; i < more.length; i++) {
            if (more[i] == null) {
                throw new IllegalArgumentException(what + ": kernel " + (i + 2) + " is null");
            }
            result = combine.apply(result, more[i]);
        }
        return result;
    }
}
