package org.parax4j.engine.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Every kind of kernel, for tests that must cover them all. */
final class KernelFixtures {

    private KernelFixtures() {}

    /** Named kernels for dimension {@code d} (ARD kernels get {@code d} length scales). */
    static List<Named> all(int d) {
        double[] ard = ardScales(d);
        List<Named> kernels = new ArrayList<>();
        kernels.add(new Named("rbf", Kernel.rbf(0.9)));
        kernels.add(new Named("rbfArd", Kernel.rbfArd(ard)));
        kernels.add(new Named("matern12", Kernel.matern(Kernel.Nu.HALF, 1.3)));
        kernels.add(new Named("matern32", new Kernel.Matern(Kernel.Nu.THREE_HALVES, LengthScales.ard(ard))));
        kernels.add(new Named("matern52", Kernel.matern(Kernel.Nu.FIVE_HALVES, 0.8)));
        kernels.add(new Named("rationalQuadratic", new Kernel.RationalQuadratic(1.1, 0.7)));
        kernels.add(new Named("periodic", new Kernel.Periodic(0.9, 1.7)));
        kernels.add(new Named("constant", new Kernel.Constant(0.3)));
        kernels.add(new Named("whiteNoise", new Kernel.WhiteNoise(0.05)));
        kernels.add(new Named("scaledRbf", Kernel.rbf(1.2).scaled(2.5)));
        kernels.add(new Named("sum", Kernel.rbf(0.7).plus(new Kernel.WhiteNoise(0.1))));
        kernels.add(new Named("product", Kernel.rbf(2.0).times(new Kernel.Periodic(1.0, 2.5)).scaled(1.5)));
        kernels.add(new Named("nested", Kernel.matern(Kernel.Nu.FIVE_HALVES, 1.0).scaled(2)
                .plus(new Kernel.RationalQuadratic(0.5, 2).times(new Kernel.Constant(0.5).plus(Kernel.rbf(3)).scaled(0.5)))
                .plus(new Kernel.WhiteNoise(0.01))));
        return kernels;
    }

    /** Per-dimension length scales {@code 0.6 + 0.15·k}, all different, for ARD kernels. */
    static double[] ardScales(int d) {
        double[] ard = new double[d];
        for (int k = 0; k < d; k++) {
            ard[k] = 0.6 + 0.15 * k;
        }
        return ard;
    }

    /** Uniform points in {@code [-2, 2)^d}, {@code rows × d} row-major. */
    static double[] points(SplittableRandom random, int rows, int d) {
        return random.doubles((long) rows * d, -2, 2).toArray();
    }

    /** {@code x2} with every third row copied from {@code x1} (exercises white-noise equality). */
    static double[] sharing(double[] x1, int n, double[] x2, int m, int d) {
        double[] copy = x2.clone();
        for (int j = 0; j < Math.min(n, m); j += 3) {
            System.arraycopy(x1, j * d, copy, j * d, d);
        }
        return copy;
    }

    /** A kernel with a readable name for parameterised tests. */
    record Named(String name, Kernel kernel) {
        @Override
        public String toString() {
            return name;
        }
    }
}
