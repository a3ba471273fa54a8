package org.parax4j.engine.fit;

/**
 * The optimisers' dot product on slices of {@code double[]} (two interleaved partial sums). The
 * factorisations and solves live in {@link org.parax4j.engine.linalg} ({@code Lu} with partial
 * pivoting for the L-BFGS-B middle matrices, {@code Cholesky} and {@code TriangularSolve} for the
 * Levenberg–Marquardt normal equations and the covariance). Allocation-free, stateless.
 */
final class SmallDense {

    private SmallDense() {}

    /** Dot product of {@code a[aOff..aOff+n)} and {@code b[bOff..bOff+n)}. */
    static double dot(double[] a, int aOff, double[] b, int bOff, int n) {
        double s0 = 0;
        double s1 = 0;
        int i = 0;
        for (; i + 1 < n; i += 2) {
            s0 += a[aOff + i] * b[bOff + i];
            s1 += a[aOff + i + 1] * b[bOff + i + 1];
        }
        if (i < n) {
            s0 += a[aOff + i] * b[bOff + i];
        }
        return s0 + s1;
    }
}
