package org.parax4j.engine.internal.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.parax4j.engine.internal.math.CompositeMath;
import org.parax4j.engine.internal.math.LogMath;
import org.parax4j.engine.internal.math.TrigMath;

/**
 * The Vector API forms of the elementwise vocabulary ({@link GraphOps#map}, {@link GraphOps#map2},
 * {@link GraphOps#where}) and of sin, cos, log and log10 against the scalar twin, bit for bit, at
 * every width (128, 256, 512 bits in this JVM) over the tail sizes of {@link GraphOpsTwinTest#sizes},
 * on arguments that include zeros of both signs, infinities, NaN and values beyond sin's reduction
 * range; and the vectorised functions' values against {@link StrictMath} within their stated bounds.
 */
class ElementwiseMapsTwinTest {

    private static final double[] SPECIAL = {0.0, -0.0, 1.0, -1.0, Double.NaN, Double.POSITIVE_INFINITY,
        Double.NEGATIVE_INFINITY, 1e-300, -1e-300, 710, -710, 40, -40, 1e7, -3e9, Double.MIN_VALUE, -0.5, 0.5};

    @BeforeAll
    static void simdOnly() {
        GraphOpsTwinTest.simdOnly();
    }

    /** {@code n + 3} arguments: specials first, then random ones on several scales. */
    private static double[] arguments(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] x = new double[n + 3];
        for (int k = 0; k < x.length; k++) {
            x[k] = k < SPECIAL.length && seed % 2 == 0 ? SPECIAL[(int) ((k + seed) % SPECIAL.length)]
                    : switch (k % 3) {
                        case 0 -> random.nextDouble(-3, 3);
                        case 1 -> random.nextDouble(-800, 800);
                        default -> Math.scalb(random.nextDouble(-1, 1), random.nextInt(-60, 10));
                    };
        }
        return x;
    }

    private static void sameBits(double[] expected, double[] actual, String what) {
        for (int k = 0; k < expected.length; k++) {
            assertEquals(Double.doubleToLongBits(expected[k]), Double.doubleToLongBits(actual[k]),
                    what + " at " + k + ": " + expected[k] + " vs " + actual[k]);
        }
    }

    @ParameterizedTest
    @EnumSource(UnaryFunction.class)
    void mapEqualsTheScalarTwin(UnaryFunction f) {
        GraphOpsTwinTest.sizes().forEach(n -> {
            for (long seed = 0; seed < 4; seed++) {
                double[] x = arguments(n, seed);
                double[] a = new double[n + 4];
                SCALAR.map(f, x, 1, a, 2, n);
                long s = seed;
                GraphOpsTwinTest.atEveryWidth(simd -> {
                    double[] b = new double[n + 4];
                    simd.map(f, x, 1, b, 2, n);
                    sameBits(a, b, f + " n=" + n + " seed=" + s);
                    double[] inPlace = x.clone(); // output aliasing the input, as GraphOps allows
                    simd.map(f, inPlace, 1, inPlace, 1, n);
                    sameBits(java.util.Arrays.copyOfRange(a, 2, n + 2), java.util.Arrays.copyOfRange(inPlace, 1, n + 1),
                            f + " in place n=" + n + " seed=" + s);
                });
            }
        });
    }

    @ParameterizedTest
    @EnumSource(BinaryFunction.class)
    void map2EqualsTheScalarTwinWithEveryBroadcast(BinaryFunction f) {
        GraphOpsTwinTest.sizes().forEach(n -> {
            double[] x = arguments(n, 2);
            double[] y = arguments(n, 3);
            y[1] = x[2]; // ties, for max, min and the comparisons
            for (int xs = 0; xs <= 1; xs++) {
                for (int ys = 0; ys <= 1; ys++) {
                    double[] a = new double[n + 1];
                    SCALAR.map2(f, x, 1, xs, y, 0, ys, a, 1, n);
                    String what = f + " n=" + n + " strides " + xs + "," + ys;
                    int sx = xs;
                    int sy = ys;
                    GraphOpsTwinTest.atEveryWidth(simd -> {
                        double[] b = new double[n + 1];
                        simd.map2(f, x, 1, sx, y, 0, sy, b, 1, n);
                        sameBits(a, b, what);
                    });
                }
            }
        });
    }

    @ParameterizedTest
    @EnumSource(value = Op.class, names = {"LOG", "LOG10", "SIN", "COS"})
    void transcendentalOpsAndDerivativesEqualTheScalarTwinOnEveryArgument(Op op) {
        GraphOpsTwinTest.sizes().forEach(n -> {
            double[] x = arguments(n, 0);
            double[] a = new double[n + 3];
            double[] c = new double[n + 3];
            SCALAR.unary(op, 0, x, 0, a, 0, n);
            SCALAR.derivative(op, 0, x, 0, a, 0, c, 0, n);
            GraphOpsTwinTest.atEveryWidth(simd -> {
                double[] b = new double[n + 3];
                double[] d = new double[n + 3];
                simd.unary(op, 0, x, 0, b, 0, n);
                simd.derivative(op, 0, x, 0, b, 0, d, 0, n);
                sameBits(a, b, op + " n=" + n);
                sameBits(c, d, op + "' n=" + n);
            });
        });
    }

    @ParameterizedTest
    @EnumSource(value = Op.class, names = {"LOG", "SIN", "COS"})
    void transcendentalOpsAreWithinTheirBoundOfStrictMath(Op op) {
        double[] x = arguments(4000, 1);
        double[] z = new double[x.length];
        SCALAR.unary(op, 0, x, 0, z, 0, x.length);
        int ulps = op == Op.LOG ? LogMath.LOG_ULPS : TrigMath.ULPS;
        for (int k = 0; k < x.length; k++) {
            double expected = switch (op) {
                case LOG -> StrictMath.log(x[k]);
                case SIN -> StrictMath.sin(x[k]);
                default -> StrictMath.cos(x[k]);
            };
            within(expected, z[k], ulps, op + "(" + x[k] + ")");
        }
    }

    @ParameterizedTest
    @EnumSource(value = UnaryFunction.class, names = {"TANH", "SIGMOID", "SOFTPLUS", "LOG1P", "EXPM1", "SIGN"})
    void vectorisedFunctionsAreWithinTheirBoundOfStrictMath(UnaryFunction f) {
        double[] x = arguments(20_000, 1);
        for (double v : x) {
            double expected = switch (f) {
                case TANH -> StrictMath.tanh(v);
                case SIGMOID -> v >= 0 ? 1 / (1 + StrictMath.exp(-v)) : StrictMath.exp(v) / (1 + StrictMath.exp(v));
                case SOFTPLUS -> Math.max(v, 0) + StrictMath.log1p(StrictMath.exp(-Math.abs(v)));
                case LOG1P -> StrictMath.log1p(v);
                case EXPM1 -> StrictMath.expm1(v);
                default -> Math.signum(v);
            };
            within(expected, f.value(v), f == UnaryFunction.LOG1P ? LogMath.LOG1P_ULPS
                    : f == UnaryFunction.TANH ? CompositeMath.TANH_ULPS : CompositeMath.ULPS,
                    f + "(" + v + ")");
        }
    }

    /**
     * Within {@code ulps} of {@code expected}; NaN, infinities exactly; a zero of either sign, also for
     * an {@code expected} below {@code 2⁻¹⁰²¹} (the engine's exp flushes below {@code e⁻⁷⁰⁸}).
     */
    private static void within(double expected, double actual, int ulps, String what) {
        if (Math.abs(expected) < 0x1p-1021 && actual == 0) {
            return;
        }
        if (expected == 0 || !Double.isFinite(expected)) {
            assertEquals(expected == 0 ? 0.0 : expected, expected == 0 ? Math.abs(actual) : actual, 0.0, what);
        } else {
            assertEquals(expected, actual, ulps * Math.ulp(expected), what);
        }
    }

    @org.junit.jupiter.api.Test
    void whereEqualsTheScalarTwinWithEveryBroadcast() {
        GraphOpsTwinTest.sizes().forEach(n -> {
            double[] c = arguments(n, 0);
            for (int k = 0; k < c.length; k += 3) {
                c[k] = 0;
            }
            double[] a = arguments(n, 1);
            double[] b = arguments(n, 2);
            for (int strides = 0; strides < 8; strides++) {
                int cs = strides & 1;
                int as = (strides >> 1) & 1;
                int bs = (strides >> 2) & 1;
                double[] z = new double[n + 2];
                SCALAR.where(c, 0, cs, a, 1, as, b, 2, bs, z, 2, n);
                String what = "where n=" + n + " strides " + cs + as + bs;
                GraphOpsTwinTest.atEveryWidth(simd -> {
                    double[] w = new double[n + 2];
                    simd.where(c, 0, cs, a, 1, as, b, 2, bs, w, 2, n);
                    sameBits(z, w, what);
                });
            }
        });
    }

    private static final ScalarGraphOps SCALAR = GraphOpsTwinTest.SCALAR;
}
