package org.parax4j.engine.kernel;

/** Textbook formulas of every kernel, written independently of the engine, for tests. */
final class ReferenceKernels {

    private ReferenceKernels() {}

    /** {@code k(x_i, y_j)} for row-major inputs of dimension {@code d}. */
    static double value(Kernel kernel, double[] x, int i, double[] y, int j, int d) {
        return switch (kernel) {
            case Kernel.Rbf k -> Math.exp(-0.5 * r2(k.lengthScales(), x, i, y, j, d));
            case Kernel.Matern k -> {
                double r = Math.sqrt(r2(k.lengthScales(), x, i, y, j, d));
                yield switch (k.nu()) {
                    case HALF -> Math.exp(-r);
                    case THREE_HALVES -> (1 + Math.sqrt(3) * r) * Math.exp(-Math.sqrt(3) * r);
                    case FIVE_HALVES -> (1 + Math.sqrt(5) * r + 5 * r * r / 3) * Math.exp(-Math.sqrt(5) * r);
                };
            }
            case Kernel.RationalQuadratic k -> Math.pow(
                    1 + r2(LengthScales.of(k.lengthScale()), x, i, y, j, d) / (2 * k.alpha()), -k.alpha());
            case Kernel.Periodic k -> {
                double s = 0;
                for (int c = 0; c < d; c++) {
                    double sin = Math.sin(Math.PI * Math.abs(x[i * d + c] - y[j * d + c]) / k.period());
                    s += sin * sin;
                }
                yield Math.exp(-2 * s / (k.lengthScale() * k.lengthScale()));
            }
            case Kernel.Constant k -> k.value();
            case Kernel.WhiteNoise k -> {
                for (int c = 0; c < d; c++) {
                    if (x[i * d + c] != y[j * d + c]) {
                        yield 0;
                    }
                }
                yield k.variance();
            }
            case Kernel.Scaled k -> k.variance() * value(k.kernel(), x, i, y, j, d);
            case Kernel.Sum k -> value(k.left(), x, i, y, j, d) + value(k.right(), x, i, y, j, d);
            case Kernel.Product k -> value(k.left(), x, i, y, j, d) * value(k.right(), x, i, y, j, d);
        };
    }

    private static double r2(LengthScales scales, double[] x, int i, double[] y, int j, int d) {
        double[] l = scales.values();
        double s = 0;
        for (int c = 0; c < d; c++) {
            double t = (x[i * d + c] - y[j * d + c]) / l[l.length == 1 ? 0 : c];
            s += t * t;
        }
        return s;
    }
}
