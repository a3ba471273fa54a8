package org.parax4j.engine.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;
import org.parax4j.engine.internal.vector.ScalarVectorSupport;
import org.parax4j.engine.internal.vector.VectorSupport;
import org.parax4j.engine.internal.vector.VectorizationProvider;
import org.parax4j.kernel.MaternKernel;
import org.parax4j.kernel.PeriodicKernel;
import org.parax4j.kernel.RBFKernel;
import org.parax4j.kernel.RationalQuadraticKernel;
import org.parax4j.module.Modules;

/**
 * Issue 15, bug 5 (engine): valid hyperparameters at the ends of the double range never give NaN.
 * Every case runs on the scalar twin and the Vector API twin at every width the twin tests use,
 * which must agree bit for bit, and is compared with the kernel's limit and, where it is finite,
 * with the module's scalar reference. Hyperparameters and inputs outside the representable range
 * are refused with the range in the message.
 */
class KernelExtremesTest {

    /** One-dimensional points: equal pairs, whole periods (period 1) and ordinary differences. */
    private static final double[] X1 = {0, 0.3, 2, -0.7, 1e-3};
    private static final double[] X2 = {0, 2, 0.3, 5.5};

    private static List<VectorSupport> twins() {
        List<VectorSupport> twins = new ArrayList<>();
        twins.add(new ScalarVectorSupport());
        for (int bits = 128; bits <= VectorizationProvider.preferredBits(); bits *= 2) {
            twins.add(VectorizationProvider.panama(bits));
        }
        return twins;
    }

    /**
     * {@code K(X1, X2)} and {@code K(X1, X1)} on every twin: bit-identical, never NaN, equal to
     * {@code limit(x − y)}; with {@code module} non-null also equal to the module's finite values.
     */
    private static void check(String name, Kernel kernel, DoubleUnaryOperator limit, org.parax4j.kernel.Kernel<?> module) {
        double[] first = null;
        double[] firstGram = null;
        for (VectorSupport twin : twins()) {
            double[] k = new double[X1.length * X2.length];
            KernelMatrices.matrix(twin, kernel, X1, X1.length, X2, X2.length, 1, k, KernelWorkspace.singleThreaded());
            double[] gram = new double[X1.length * X1.length];
            KernelMatrices.gram(twin, kernel, X1, X1.length, 1, gram, KernelWorkspace.parallel());
            for (int i = 0; i < X1.length; i++) {
                for (int j = 0; j < X2.length; j++) {
                    double want = limit.applyAsDouble(X1[i] - X2[j]);
                    assertEquals(want, k[i * X2.length + j], 1e-15, name + " " + twin + " at (" + i + ", " + j + ")");
                }
                for (int j = 0; j < X1.length; j++) {
                    assertEquals(limit.applyAsDouble(X1[i] - X1[j]), gram[i * X1.length + j], 1e-15,
                            name + " gram " + twin + " at (" + i + ", " + j + ")");
                }
            }
            if (first == null) {
                first = k;
                firstGram = gram;
            } else {
                assertTrue(java.util.Arrays.equals(first, k) && java.util.Arrays.equals(firstGram, gram),
                        name + ": " + twin + " differs from the scalar twin");
            }
        }
        double[] diagonal = KernelMatrices.diagonal(kernel, X1, X1.length, 1);
        for (double v : diagonal) {
            assertEquals(limit.applyAsDouble(0), v, name + " diagonal");
        }
        if (module != null) {
            double[] reference = module.matrix(X1, X1.length, X2, X2.length, 1);
            double[] engine = KernelMatrices.matrix(ModuleKernels.of(module), X1, X1.length, X2, X2.length, 1);
            for (int e = 0; e < reference.length; e++) {
                if (Double.isFinite(reference[e])) {
                    assertEquals(reference[e], engine[e], 1e-15, name + " against the module at " + e);
                }
            }
        }
    }

    /** 1 for equal points, 0 otherwise: the limit ℓ → 0 of every stationary kernel. */
    private static double equalOnly(double delta) {
        return delta == 0 ? 1 : 0;
    }

    @Test
    void lengthScalesWhoseReciprocalOverflowsGiveTheLimitForEqualAndDistinctPoints() {
        double tiny = 1e-310;
        check("rbf", Kernel.rbf(tiny), KernelExtremesTest::equalOnly, new RBFKernel(tiny));
        check("rbfArd", Kernel.rbfArd(tiny), KernelExtremesTest::equalOnly, null);
        for (Kernel.Nu nu : Kernel.Nu.values()) {
            MaternKernel.Smoothness smoothness = MaternKernel.Smoothness.values()[nu.ordinal()];
            // The module's Matérn 3/2 and 5/2 give (1 + ∞)·0 = NaN for distinct points; compared where finite.
            check("matern " + nu, Kernel.matern(nu, tiny), KernelExtremesTest::equalOnly, new MaternKernel(tiny,
                    smoothness));
        }
        check("rationalQuadratic", new Kernel.RationalQuadratic(tiny, 1), KernelExtremesTest::equalOnly,
                Modules.create(RationalQuadraticKernel.class, Map.of("lengthScale", tiny, "alpha", 1.0)));
        check("scaled sum", Kernel.rbf(tiny).plus(Kernel.matern(Kernel.Nu.FIVE_HALVES, tiny)).scaled(3),
                delta -> 6 * equalOnly(delta), null);
    }

    @Test
    void overflowingScaledDistancesGiveZeroNotNaN() {
        // r² = (1/1e-300)² overflows; the Matérn polynomial at r = ∞ (and r² at r ≈ 1e200) would give ∞·0.
        for (double l : new double[] {1e-300, 1e-200}) {
            for (Kernel.Nu nu : Kernel.Nu.values()) {
                check("matern " + nu + " ℓ=" + l, Kernel.matern(nu, l), KernelExtremesTest::equalOnly,
                        new MaternKernel(l, MaternKernel.Smoothness.values()[nu.ordinal()]));
            }
            // The rational quadratic's log1p(+∞) gave NaN; Math.log1p gives ∞, so the module gives 0.
            check("rationalQuadratic ℓ=" + l, new Kernel.RationalQuadratic(l, 1), KernelExtremesTest::equalOnly,
                    Modules.create(RationalQuadraticKernel.class, Map.of("lengthScale", l, "alpha", 1.0)));
        }
    }

    @Test
    void periodicWithALengthScaleWhoseSquareUnderflowsIsOneAtWholePeriodsOnly() {
        // At whole periods the engine's sin(π·2) is exactly 0, the module's Math.sin(2π) is 2.4e-16, which
        // over ℓ = 1e-160 makes the module's value 0 there; elsewhere they agree.
        DoubleUnaryOperator limit = delta -> delta == Math.rint(delta) ? 1 : 0;
        check("periodic", new Kernel.Periodic(1e-160, 1), limit, null);
        PeriodicKernel module = Modules.create(PeriodicKernel.class, Map.of("lengthScale", 1e-160, "period", 1.0));
        double[] reference = module.matrix(X1, X1.length, X2, X2.length, 1);
        double[] engine = KernelMatrices.matrix(ModuleKernels.of(module), X1, X1.length, X2, X2.length, 1);
        for (int e = 0; e < reference.length; e++) {
            double delta = X1[e / X2.length] - X2[e % X2.length];
            assertEquals(delta == 0 || delta != Math.rint(delta) ? reference[e] : 1, engine[e], "entry " + e);
        }
    }

    @Test
    void unrepresentableHyperparametersAndInputsAreRefusedWithTheRange() {
        IllegalArgumentException period = assertThrows(IllegalArgumentException.class,
                () -> new Kernel.Periodic(1, 1e-320));
        assertTrue(period.getMessage().startsWith("period must be in [5.56268464626800"), period.getMessage());
        assertTrue(period.getMessage().endsWith("got 1.0E-320"), period.getMessage());
        IllegalArgumentException alpha = assertThrows(IllegalArgumentException.class,
                () -> new Kernel.RationalQuadratic(1, 1e-310));
        assertTrue(alpha.getMessage().startsWith("alpha must be in [2.78"), alpha.getMessage());
        IllegalArgumentException mixed = assertThrows(IllegalArgumentException.class,
                () -> KernelMatrices.gram(Kernel.rbfArd(1, 1e-310), new double[] {0, 1}, 1, 2));
        assertTrue(mixed.getMessage().startsWith("lengthScales[1] = 1.0E-310 is below 5.56"), mixed.getMessage());
        IllegalArgumentException far = assertThrows(IllegalArgumentException.class,
                () -> KernelMatrices.matrix(Kernel.rbf(1e308), new double[] {1e308}, 1, new double[] {-1e308}, 1, 1));
        assertTrue(far.getMessage().startsWith("x1[0][0] must be in [-8.988465674311579E307, 8.988465674311579E307]"),
                far.getMessage());
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
                () -> KernelMatrices.matrix(Kernel.rbf(1), new double[] {0}, 1, new double[] {Double.NaN}, 1, 1));
        assertEquals("x2[0][0] must be finite, got NaN", nan.getMessage());
        // Just inside the range the difference is exact: (4e307 − (−4e307))/8e307 = 1, k = e^{−1/2}.
        double[] k = KernelMatrices.matrix(Kernel.rbf(8e307), new double[] {4e307}, 1, new double[] {-4e307}, 1, 1);
        assertEquals(Math.exp(-0.5), k[0], 1e-15);
        assertEquals(new RBFKernel(8e307).matrix(new double[] {4e307}, 1, new double[] {-4e307}, 1, 1)[0], k[0], 1e-15);
    }

    @Test
    void float32RefusesLengthScalesBelowTheFloatRangeAndStaysFiniteAboveIt() {
        float[] out = new float[4];
        IllegalArgumentException tiny = assertThrows(IllegalArgumentException.class, () -> KernelMatrices.gram(
                Kernel.rbf(1e-39), new float[] {0, 1}, 2, 1, out, KernelWorkspace.singleThreaded()));
        assertTrue(tiny.getMessage().startsWith("float32 RBF: lengthScale must be at least 2.93"), tiny.getMessage());
        assertTrue(tiny.getMessage().contains("got 1.0E-39"), tiny.getMessage());
        IllegalArgumentException far = assertThrows(IllegalArgumentException.class, () -> KernelMatrices.gram(
                Kernel.rbf(1e300), new float[] {3e38f, -3e38f}, 2, 1, out, KernelWorkspace.singleThreaded()));
        assertTrue(far.getMessage().startsWith("x[0][0] must be in [-1.7014117"), far.getMessage());
        for (VectorSupport twin : twins()) {
            // 1/1e300 underflows float: the weight is the smallest float, the kernel 1 (the module's value).
            float[] k = new float[4];
            KernelMatrices.gram(twin, Kernel.rbf(1e300), new float[] {1e38f, -1e38f}, 2, 1, k,
                    KernelWorkspace.singleThreaded());
            assertTrue(java.util.Arrays.equals(new float[] {1, 1, 1, 1}, k), twin + ": " + java.util.Arrays.toString(k));
            // 1/3e-39 is a finite float: distinct points give 0, equal ones 1.
            KernelMatrices.gram(twin, Kernel.rbf(3e-39), new float[] {0, 1e-3f}, 2, 1, k,
                    KernelWorkspace.singleThreaded());
            assertTrue(java.util.Arrays.equals(new float[] {1, 0, 0, 1}, k), twin + ": " + java.util.Arrays.toString(k));
        }
    }
}
