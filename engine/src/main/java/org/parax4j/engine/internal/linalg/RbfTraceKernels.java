package org.parax4j.engine.internal.linalg;

import org.parax4j.engine.internal.simd.Vectorization;
import org.parax4j.engine.internal.vector.VectorizationProvider;

/**
 * The inner loop of a Gaussian process's squared-exponential gradient
 * ({@code org.parax4j.engine.gp.RbfGradient}), implemented twice: {@link ScalarRbfTraceKernels} in
 * plain Java (the reference) and {@link PanamaRbfTraceKernels} with the Vector API, columns as lanes.
 * Over one column block of {@code K⁻¹} (as {@code TriangularSolve.BlockVisitor} receives it) it sums,
 * per column, the pair weights {@code m_ij = (a_i·a_j − X_ij)·T_ij} and their products with the squared
 * input distances. Every sum is a chain per column and quantity, rows ascending, so the twins agree
 * bit for bit at every vector width. Callers validate sizes; implementations neither check nor
 * allocate. Stateless and thread-safe.
 */
public interface RbfTraceKernels {

    /**
     * For rows {@code i0 ≤ i < i1} and columns {@code c0 ≤ j < c1} with {@code j < i}, rows ascending
     * within each column, with {@code u = j − c0}, {@code w = c1 − c0}:
     * {@code m = fma(a[j], a[i], −x[xOff + (i − i0)·xStride + u])·t[tOff + (i − i0)·tStride + u]}, then
     * {@code sums[sOff + d·w + u] += m} and, for every {@code q < d},
     * {@code sums[sOff + q·w + u] = fma(m, δ², sums[sOff + q·w + u])} with
     * {@code δ = f[q·ld + j] − f[q·ld + i]}.
     *
     * @param f feature-major inputs: feature {@code q} of point {@code i} at {@code f[q·ld + i]}
     * @param d input dimensions, {@code ≥ 1}
     * @param sums {@code (d + 1)·w} running sums, added to (those of the pairs skipped keep their bits)
     */
    void accumulate(double[] x, int xOff, int xStride, double[] t, int tOff, int tStride, double[] a, double[] f,
            int ld, int d, int c0, int c1, int i0, int i1, double[] sums, int sOff);

    /** The implementation this JVM uses: the Vector API at the chosen width, else the scalar reference. */
    static RbfTraceKernels chosen() {
        return Holder.CHOSEN;
    }

    /** The plain-Java reference. */
    static RbfTraceKernels scalar() {
        return ScalarRbfTraceKernels.INSTANCE;
    }

    /**
     * The Vector API implementation with {@code bits}-bit vectors (for tests and benchmarks).
     *
     * @throws IllegalArgumentException if the width is not available
     */
    static RbfTraceKernels panama(int bits) {
        int preferred = VectorizationProvider.preferredBits();
        if (bits < 128 || Integer.bitCount(bits) != 1 || bits > preferred) {
            throw new IllegalArgumentException("bits must be a power of two in [128, " + preferred + "], got " + bits);
        }
        return PanamaRbfTraceKernels.ofBits(bits);
    }

    /** The chosen implementation, made once (the Panama classes load only when the Vector API is used). */
    final class Holder {
        static final RbfTraceKernels CHOSEN = Vectorization.chosen().simd()
                ? PanamaRbfTraceKernels.ofBits(Vectorization.chosen().bits()) : ScalarRbfTraceKernels.INSTANCE;

        private Holder() {}
    }
}
