package org.parax4j.engine.internal.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.parax4j.engine.internal.simd.Vectorization;

/**
 * Every {@link PanamaMath} function equals its scalar function bit for bit, lane by lane, at every
 * Vector API width this CPU has (128, 256, 512 bits, all in this JVM), on special values, range
 * edges and random arguments over each domain; the vector is filled at every offset of the input
 * so each value visits every lane. (The vectors are built in {@link PanamaMathLanes}.)
 */
class PanamaMathTwinTest {

    static List<Integer> widths() {
        List<Integer> bits = Vectorization.panamaWidths();
        assumeTrue(!bits.isEmpty(), "jdk.incubator.vector is not loaded: no Vector API twin to compare");
        return bits;
    }

    private static final double[] SPECIAL = {0.0, -0.0, 1.0, -1.0, 0.5, -0.5, 0.25, 1.5, Math.PI, -Math.PI / 2,
        Double.MIN_VALUE, Double.MIN_NORMAL, Math.nextDown(Double.MIN_NORMAL), Double.MAX_VALUE, -Double.MAX_VALUE,
        Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN, ExpMath.MIN, Math.nextDown(ExpMath.MIN),
        ExpMath.MAX, Math.nextUp(ExpMath.MAX), 709.9, -745.2, 1e-300, 0x1p51, -0x1p51, Math.nextDown(0x1p51),
        0x1p50 + 0.5, 0x1p60, TrigMath.REDUCTION_LIMIT, Math.nextUp(TrigMath.REDUCTION_LIMIT), 1e22, Math.sqrt(2),
        Math.sqrt(0.5), Math.nextDown(-1.0), Math.nextUp(-1.0), -1e-17, 1e-17};

    /** Special values, then random arguments on several scales (both signs). */
    private static double[] arguments() {
        SplittableRandom random = new SplittableRandom(42);
        double[] x = new double[SPECIAL.length + 6000];
        System.arraycopy(SPECIAL, 0, x, 0, SPECIAL.length);
        for (int i = SPECIAL.length; i < x.length; i++) {
            x[i] = switch (i % 6) {
                case 0 -> random.nextDouble(-2, 2);
                case 1 -> random.nextDouble(-750, 750);
                case 2 -> random.nextDouble(-1e6, 1e6);
                case 3 -> Math.scalb(random.nextDouble(), random.nextInt(-1074, 1024));
                case 4 -> random.nextDouble(-1, 0);
                default -> random.nextDouble(0, 1);
            };
        }
        return x;
    }

    private static void assertTwin(int bits, String name, DoubleUnaryOperator scalar) {
        double[] x = arguments();
        int lanes = bits / Double.SIZE;
        double[] got = new double[lanes];
        for (int i = 0; i + lanes < x.length; i++) {
            PanamaMathLanes.apply(bits, name, x, i, got);
            for (int lane = 0; lane < lanes; lane++) {
                double arg = x[i + lane];
                assertEquals(Double.doubleToLongBits(scalar.applyAsDouble(arg)), Double.doubleToLongBits(got[lane]),
                        () -> name + "(" + arg + ") at " + bits + " bits");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("widths")
    void expLogAndLog1pEqualTheScalarFunctions(int bits) {
        assertTwin(bits, "exp", ExpMath::exp);
        assertTwin(bits, "log", LogMath::log);
        assertTwin(bits, "log1p", LogMath::log1p);
        double[] x = arguments();
        int lanes = bits / Double.SIZE;
        double[] got = new double[lanes];
        for (int i = 0; i + lanes <= x.length; i++) {
            PanamaMathLanes.apply(bits, "logNormal", x, i, got);
            for (int lane = 0; lane < lanes; lane++) {
                double arg = x[i + lane];
                if (arg >= Double.MIN_NORMAL && arg <= Double.MAX_VALUE) {
                    assertEquals(Double.doubleToLongBits(LogMath.logNormal(arg)), Double.doubleToLongBits(got[lane]),
                            () -> "logNormal(" + arg + ") at " + bits + " bits");
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("widths")
    void compositesEqualTheScalarFunctions(int bits) {
        assertTwin(bits, "expm1", CompositeMath::expm1);
        assertTwin(bits, "tanh", CompositeMath::tanh);
        assertTwin(bits, "sigmoid", CompositeMath::sigmoid);
        assertTwin(bits, "softplus", CompositeMath::softplus);
        assertTwin(bits, "sign", CompositeMath::sign);
        double[] x = arguments();
        int lanes = bits / Double.SIZE;
        double[] got = new double[lanes];
        for (int i = 0; i + lanes < x.length; i++) {
            PanamaMathLanes.apply(bits, "hypot", x, i, got);
            for (int lane = 0; lane < lanes; lane++) {
                double a = x[i + lane];
                double b = x[i + lane + 1];
                assertEquals(Double.doubleToLongBits(CompositeMath.hypot(a, b)), Double.doubleToLongBits(got[lane]),
                        () -> "hypot(" + a + ", " + b + ") at " + bits + " bits");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("widths")
    void sineAndCosineFormsEqualTheScalarFunctions(int bits) {
        assertTwin(bits, "sinPi", TrigMath::sinPi);
        // sin and cos: lanes beyond the reduction limit are the caller's (0 stands in for them).
        assertTwin(bits, "sin", x -> TrigMath.sin(Math.abs(x) <= TrigMath.REDUCTION_LIMIT ? x : 0));
        assertTwin(bits, "cos", x -> TrigMath.cos(Math.abs(x) <= TrigMath.REDUCTION_LIMIT ? x : 0));
        // The angle functions of random bits, through the kernels and the quadrant selection.
        SplittableRandom random = new SplittableRandom(7);
        int lanes = bits / Double.SIZE;
        long[] k = new long[lanes];
        double[] got = new double[lanes];
        for (int i = 0; i < 2000; i++) {
            for (int lane = 0; lane < lanes; lane++) {
                k[lane] = random.nextLong() >>> 11;
            }
            PanamaMathLanes.ofBits(bits, k, true, got);
            for (int lane = 0; lane < lanes; lane++) {
                assertEquals(TrigMath.sinOfBits(k[lane]), got[lane], 0.0, "sinOfBits " + k[lane]);
            }
            PanamaMathLanes.ofBits(bits, k, false, got);
            for (int lane = 0; lane < lanes; lane++) {
                assertEquals(TrigMath.cosOfBits(k[lane]), got[lane], 0.0, "cosOfBits " + k[lane]);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("widths")
    void floatExpEqualsTheScalarFunctionInRange(int bits) {
        SplittableRandom random = new SplittableRandom(5);
        int lanes = bits / Float.SIZE;
        float[] x = new float[4000 + lanes];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (i % 2 == 0 ? random.nextDouble(ExpMath.MIN_F, ExpMath.MAX_F) : random.nextDouble(-2, 2));
        }
        x[0] = ExpMath.MIN_F;
        x[1] = ExpMath.MAX_F;
        x[2] = 0f;
        float[] got = new float[lanes];
        for (int i = 0; i + lanes <= x.length; i++) {
            PanamaMathLanes.expFloat(bits, x, i, got);
            for (int lane = 0; lane < lanes; lane++) {
                assertEquals(Float.floatToIntBits(ExpMath.exp(x[i + lane])), Float.floatToIntBits(got[lane]),
                        "exp(" + x[i + lane] + "f) at " + bits + " bits");
            }
        }
    }
}
