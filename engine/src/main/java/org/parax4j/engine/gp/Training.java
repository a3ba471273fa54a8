package org.parax4j.engine.gp;

import org.parax4j.engine.EngineOptions;

/**
 * Checked training data of a {@link GaussianProcess}: a copy of the inputs and the targets after
 * the prior mean is subtracted (and, when normalising, divided by their standard deviation).
 *
 * @param x inputs {@code n × d} (a copy)
 * @param n number of points
 * @param d input dimension
 * @param y transformed targets, {@code (y − offset)/scale}
 * @param offset what was subtracted (constant mean or sample mean)
 * @param scale what was divided by (1 unless normalising)
 * @param alpha the fixed noise variance added to the diagonal
 * @param kernelName the kernel, for error messages
 */
record Training(double[] x, int n, int d, double[] y, double offset, double scale, double alpha, String kernelName) {

    /** Checks and copies. @throws IllegalArgumentException naming a bad size or non-finite entry */
    static Training of(double[] x, int n, int d, double[] y, GaussianProcess gp) {
        if (n < 1 || d < 1) {
            throw new IllegalArgumentException("n and d must be >= 1, got n = " + n + ", d = " + d);
        }
        if (x == null || x.length < (long) n * d) {
            throw new IllegalArgumentException("x must hold n·d = " + (long) n * d + " values, got "
                    + (x == null ? "null" : x.length));
        }
        if (y == null || y.length < n) {
            throw new IllegalArgumentException("y must hold n = " + n + " values, got " + (y == null ? "null" : y.length));
        }
        double[] xc = java.util.Arrays.copyOf(x, n * d);
        for (int i = 0; i < xc.length; i++) {
            if (!Double.isFinite(xc[i])) {
                throw new IllegalArgumentException("x[" + i / d + "][" + i % d + "] must be finite, got " + xc[i]);
            }
        }
        double mean = 0;
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(y[i])) {
                throw new IllegalArgumentException("y[" + i + "] must be finite, got " + y[i]);
            }
            mean += y[i];
        }
        mean /= n;
        double offset = gp.constantMean();
        double scale = 1;
        if (gp.normalizeY()) {
            offset = mean;
            double ss = 0;
            for (int i = 0; i < n; i++) {
                ss += (y[i] - mean) * (y[i] - mean);
            }
            double std = Math.sqrt(ss / n);
            scale = std > 0 ? std : 1;
        }
        double[] yc = new double[n];
        for (int i = 0; i < n; i++) {
            yc[i] = (y[i] - offset) / scale;
        }
        return new Training(xc, n, d, yc, offset, scale, gp.alpha(), gp.kernel().toString());
    }

    /**
     * Refuses a size whose {@code matrices} dense {@code n × n} double matrices (plus 10 % for the
     * rest) cannot fit in this JVM's maximum heap, or exceed a Java array.
     *
     * @throws IllegalArgumentException saying how much heap {@code n} needs and what to do
     */
    static void checkHeap(int n, int matrices, String what) {
        checkHeap(n, matrices, 0, what);
    }

    /**
     * {@link #checkHeap(int, int, String)} with {@code scratch} more doubles held beside the matrices
     * (a fit's factorisation and inverse scratch, {@link #inverseScratch}).
     */
    static void checkHeap(int n, int matrices, long scratch, String what) {
        double need = 1.1 * 8.0 * (matrices * (double) n * n + scratch);
        long max = Runtime.getRuntime().maxMemory();
        if ((long) n * n > Integer.MAX_VALUE - 8 || need > max) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "%s a Gaussian process on n = %d training points holds %d dense n × n double matrices"
                            + "%s (%.2f GB) but the maximum heap is %.2f GB%s: raise the heap (-Xmx%dg), or fit"
                            + " on a random subset of at most %d points, or split the data into groups",
                    what, n, matrices, scratch > 0 ? " and scratch" : "", need / 1e9, max / 1e9,
                    (long) n * n > Integer.MAX_VALUE - 8 ? " and n² exceeds a Java array (n <= 46,340)" : "",
                    (long) Math.ceil(need / (1L << 30)) + 1, largest(matrices, max)));
        }
    }

    /**
     * Doubles of scratch a workspace on {@code options} holds ({@link GpWorkspace#scratchLength}); more
     * than a Java array (a parallelism in the hundreds at the largest n) counts as too much for any heap.
     */
    static long inverseScratch(int n, EngineOptions options) {
        try {
            return GpWorkspace.scratchLength(n, options);
        } catch (IllegalArgumentException e) {
            return Integer.MAX_VALUE; // no array holds it; the check then asks for a heap no JVM here has
        }
    }

    /** The largest n whose matrices fit in {@code max} bytes. */
    static int largest(int matrices, long max) {
        return (int) Math.min(46_340, Math.floor(Math.sqrt(max / (1.1 * matrices * 8.0))));
    }
}
