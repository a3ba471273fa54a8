package org.parax4j.engine.internal.linalg;

/** Plain-Java reference of {@link RbfTraceKernels}. Stateless and thread-safe. */
final class ScalarRbfTraceKernels implements RbfTraceKernels {

    static final ScalarRbfTraceKernels INSTANCE = new ScalarRbfTraceKernels();

    private ScalarRbfTraceKernels() {}

    @Override
    public void accumulate(double[] x, int xOff, int xStride, double[] t, int tOff, int tStride, double[] a,
            double[] f, int ld, int d, int c0, int c1, int i0, int i1, double[] sums, int sOff) {
        int w = c1 - c0;
        for (int i = i0; i < i1; i++) {
            int xr = xOff + (i - i0) * xStride;
            int tr = tOff + (i - i0) * tStride;
            double ai = a[i];
            for (int j = c0, end = Math.min(c1, i); j < end; j++) {
                int u = j - c0;
                double m = Math.fma(a[j], ai, -x[xr + u]) * t[tr + u];
                sums[sOff + d * w + u] += m;
                for (int q = 0; q < d; q++) {
                    double delta = f[q * ld + j] - f[q * ld + i];
                    sums[sOff + q * w + u] = Math.fma(m, delta * delta, sums[sOff + q * w + u]);
                }
            }
        }
    }
}
