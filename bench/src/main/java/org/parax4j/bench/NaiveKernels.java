package org.parax4j.bench;

/** Straightforward loops that the benchmarks use as the "naive" yardstick. */
public final class NaiveKernels {

    private NaiveKernels() {}

    /** RBF kernel matrix by the textbook triple loop over row-major {@code n × d} and {@code m × d} inputs. */
    public static void rbf(double[] x1, int n, double[] x2, int m, int d, double lengthScale, double[] out) {
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                double r2 = 0;
                for (int k = 0; k < d; k++) {
                    double diff = (x1[i * d + k] - x2[j * d + k]) / lengthScale;
                    r2 += diff * diff;
                }
                out[i * m + j] = Math.exp(-0.5 * r2);
            }
        }
    }
}
