package org.parax4j.engine.kernel;

import java.util.Objects;
import org.parax4j.engine.internal.vector.VectorSupport;
import org.parax4j.engine.internal.vector.VectorizationProvider;

/**
 * Kernel matrices over row-major input matrices, evaluated by the engine's chosen implementation
 * (Vector API or its plain-Java twin).
 *
 * <p>Inputs are row-major: point {@code i} of an {@code n × d} matrix occupies
 * {@code x[i*d] … x[i*d+d-1]}. Distances are computed from differences, never as
 * {@code ‖x‖²+‖y‖²−2x·y}, so points far from the origin keep full precision. Stateless and
 * thread-safe.
 */
public final class KernelMatrices {

    private KernelMatrices() {}

    /**
     * Fills {@code out} (row-major {@code n × m}) with the RBF kernel
     * {@code exp(−½‖(x1_i − x2_j)/ℓ‖²)}.
     *
     * @param x1 first input, {@code n × d} row-major. Not modified.
     * @param n number of rows of {@code x1}
     * @param x2 second input, {@code m × d} row-major. Not modified.
     * @param m number of rows of {@code x2}
     * @param d input dimension
     * @param lengthScale the length scale ℓ, finite and positive
     * @param out output of length at least {@code n·m}; must not be {@code x1} or {@code x2}. Modified.
     * @throws IllegalArgumentException when a size, the length scale or an input value is invalid;
     *     {@code out} is then unchanged
     */
    public static void rbf(double[] x1, int n, double[] x2, int m, int d, double lengthScale, double[] out) {
        checkInput("x1", x1, n, d);
        checkInput("x2", x2, m, d);
        Objects.requireNonNull(out, "out");
        if (!(lengthScale > 0 && lengthScale < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("lengthScale must be finite and > 0, got " + lengthScale);
        }
        if (out.length < (long) n * m) {
            throw new IllegalArgumentException("out must hold n*m = " + ((long) n * m) + " values, has " + out.length);
        }
        if (out == x1 || out == x2) {
            throw new IllegalArgumentException("out must not be one of the inputs");
        }
        VectorSupport support = VectorizationProvider.support();
        double scale = -0.5 / (lengthScale * lengthScale);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                out[i * m + j] = Math.exp(scale * support.squaredDistance(x1, i * d, x2, j * d, d));
            }
        }
    }

    private static void checkInput(String name, double[] x, int rows, int d) {
        Objects.requireNonNull(x, name);
        if (rows < 0 || d < 1) {
            throw new IllegalArgumentException(name + ": rows must be >= 0 and d >= 1, got rows=" + rows + ", d=" + d);
        }
        if (x.length != (long) rows * d) {
            throw new IllegalArgumentException(name + " must hold rows*d = " + ((long) rows * d)
                    + " values, has " + x.length);
        }
        for (int k = 0; k < x.length; k++) {
            if (!Double.isFinite(x[k])) {
                throw new IllegalArgumentException(name + "[" + (k / d) + "][" + (k % d) + "] must be finite, got " + x[k]);
            }
        }
    }
}
