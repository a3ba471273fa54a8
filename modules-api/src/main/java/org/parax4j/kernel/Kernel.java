package org.parax4j.kernel;

import java.util.Objects;
import org.parax4j.module.Module;

/**
 * A covariance kernel as a module: its hyperparameters are parameters of the tree, so they can be
 * named, fixed, freed, given priors and sampled like any other.
 *
 * <p>Inputs are points of dimension {@code d}; matrices are row-major: point {@code i} of an
 * {@code n × d} input occupies {@code x[i*d] … x[i*d+d-1]}. The methods here are the scalar
 * reference evaluation (hyperparameters read as scaled values); the engine evaluates the same
 * kernels with SIMD. Implementations are immutable records and thread-safe.
 */
public interface Kernel<K extends Kernel<K>> extends Module<K> {

    /**
     * The kernel value {@code k(x, y)} for two points of the same dimension.
     *
     * @throws IllegalArgumentException when the points differ in length or the kernel's
     *     hyperparameters do not fit the dimension
     */
    double evaluate(double[] x, double[] y);

    /**
     * The kernel value between point {@code i} of {@code x1} and point {@code j} of {@code x2}
     * without copying; {@code d} is the dimension. Not validated: callers check sizes.
     */
    double evaluate(double[] x1, int i, double[] x2, int j, int d);

    /**
     * {@code K(X1, X2)}, row-major {@code n × m}. Allocates the result.
     *
     * @throws IllegalArgumentException when an input does not hold {@code rows·d} finite values,
     *     the hyperparameters do not fit {@code d}, or {@code n·m} exceeds the largest Java array
     *     (the message gives {@code n}, {@code m}, their product and the limit)
     */
    default double[] matrix(double[] x1, int n, double[] x2, int m, int d) {
        int size = KernelInputs.matrixSize(n, m);
        KernelInputs.check("x1", x1, n, d);
        KernelInputs.check("x2", x2, m, d);
        checkDimension(d);
        double[] out = new double[size];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                out[i * m + j] = evaluate(x1, i, x2, j, d);
            }
        }
        return out;
    }

    /** The diagonal {@code k(x_i, x_i)}. Allocates the result. */
    default double[] diagonal(double[] x, int n, int d) {
        KernelInputs.check("x", x, n, d);
        checkDimension(d);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = evaluate(x, i, x, i, d);
        }
        return out;
    }

    /**
     * Checks that the kernel's hyperparameters fit inputs of dimension {@code d} (e.g. one length
     * scale per dimension).
     *
     * @throws IllegalArgumentException naming the parameter, its size and {@code d}
     */
    default void checkDimension(int d) {
        if (d < 1) {
            throw new IllegalArgumentException("input dimension d must be >= 1, got " + d);
        }
    }

    /** The sum kernel {@code this + other}. */
    default SumKernel plus(Kernel<?> other) {
        return new SumKernel(this, Objects.requireNonNull(other, "other"));
    }

    /** The product kernel {@code this · other}. */
    default ProductKernel times(Kernel<?> other) {
        return new ProductKernel(this, Objects.requireNonNull(other, "other"));
    }
}
