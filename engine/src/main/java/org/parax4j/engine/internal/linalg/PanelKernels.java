package org.parax4j.engine.internal.linalg;

import org.parax4j.engine.internal.simd.Vectorization;
import org.parax4j.engine.internal.vector.PanamaConstants;
import org.parax4j.engine.internal.vector.VectorizationProvider;

/**
 * The one inner kernel of the dense linear algebra (the GEMM/SYRK-like panel update), implemented
 * twice: {@link ScalarPanelKernels} in plain Java (the reference) and {@link PanamaPanelKernels}
 * with the Vector API. Both compute every output element as the same chain of fused multiply-adds
 * in the same order ({@code k} ascending), so they agree bit for bit at every vector width.
 * Callers validate sizes; implementations neither check nor allocate. Stateless and thread-safe.
 */
public interface PanelKernels {

    /**
     * For {@code r < rows}, {@code j < cols}: {@code c[cOff + r·cStride + j]} becomes the fold over
     * {@code k = 0 … depth−1} (ascending) of {@code acc ← fma(−a[aOff + r·aRowStride + k·aColStride],
     * p[pOff + k·pStride + j], acc)}, starting from its old value: {@code C ← C − A·P}, each element
     * rounded once per term.
     */
    void subtractProduct(double[] c, int cOff, int cStride, double[] a, int aOff, int aRowStride, int aColStride,
            double[] p, int pOff, int pStride, int rows, int cols, int depth);

    /**
     * {@link #subtractProduct} restricted to a lower trapezoid: row {@code r} updates only its
     * columns {@code j < min(cols, r + diagonal + 1)} (none when that is not positive), each by the
     * same chain; other elements are neither read nor written. The diagonal tiles of a symmetric
     * update ({@code diagonal} = the first row's distance below the first column).
     */
    void subtractProductLower(double[] c, int cOff, int cStride, double[] a, int aOff, int aRowStride,
            int aColStride, double[] p, int pOff, int pStride, int rows, int cols, int depth, int diagonal);

    /** The implementation this JVM uses: {@code Vectorization.chosen().linalg()}. */
    static PanelKernels chosen() {
        return Vectorization.chosen().linalg();
    }

    /** The plain-Java reference. */
    static PanelKernels scalar() {
        return ScalarPanelKernels.INSTANCE;
    }

    /**
     * The Vector API implementation with {@code bits}-bit vectors (for tests and benchmarks).
     *
     * @throws IllegalArgumentException if the width is not available
     * @throws IllegalStateException if {@code jdk.incubator.vector} is not loaded
     */
    static PanelKernels panama(int bits) {
        int preferred = VectorizationProvider.preferredBits();
        if (bits < 128 || Integer.bitCount(bits) != 1 || bits > preferred) {
            throw new IllegalArgumentException("bits must be a power of two in [128, " + preferred + "], got " + bits);
        }
        return PanamaPanelKernels.ofBits(bits);
    }

    /** Widest vector of this CPU (for tests iterating widths). */
    static int preferredBits() {
        return PanamaConstants.preferredBits();
    }
}
