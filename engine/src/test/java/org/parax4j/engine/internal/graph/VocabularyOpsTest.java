package org.parax4j.engine.internal.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BiFunction;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import java.util.function.UnaryOperator;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.LUDecomposition;
import org.hipparchus.special.Erf;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.parax4j.engine.graph.ModelFunction;
import org.parax4j.engine.graph.Recorder;
import org.parax4j.engine.graph.Var;
import org.parax4j.engine.graph.Workspace;
import org.parax4j.engine.graph.Wrt;
import org.parax4j.engine.internal.random.RandomKernels;
import org.parax4j.engine.internal.random.ScalarRandomKernels;
import org.parax4j.module.FiniteDifferences;
import org.parax4j.module.Meta;
import org.parax4j.module.Module;
import org.parax4j.param.Parameter;

/**
 * Every op of the recorded-function vocabulary on two parameter vectors x and y (6 elements each,
 * random in (−1.2, 1.2)): the value against a plain-Java reference ({@link StrictMath},
 * Hipparchus' {@code Erf}, explicit loops), the Jacobian against central differences at three
 * random points, the dual values against the plain ones, and the batched executor (scalar and SIMD
 * twins) against the plain executor sample by sample at tail batch sizes, bit for bit where the op
 * is a vocabulary node (its loops are shared), to 1e-13 where it is composed with exp/log/sum
 * (logsumexp), whose batched forms differ from the plain ones by a few ulps by design.
 */
class VocabularyOpsTest {

    record Pair(Parameter x, Parameter y, Meta meta) implements Module<Pair> {}

    /**
     * One op under test.
     *
     * @param name shown in the test report
     * @param body the recorded function of x and y
     * @param reference the same function in plain Java
     * @param exact whether batched values must equal plain values bit for bit
     */
    record Case(String name, Body body, BiFunction<double[], double[], double[]> reference, boolean exact) {

        Case(String name, BiFunction<Var, Var, Var> body, BiFunction<double[], double[], double[]> reference,
                boolean exact) {
            this(name, (x, y, g) -> body.apply(x, y), reference, exact);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** A recorded function of x and y that may add constants through g. */
    @FunctionalInterface
    interface Body {
        Var apply(Var x, Var y, Recorder g);
    }

    private static final int N = 6;

    private static Case unary(String name, UnaryOperator<Var> op, DoubleUnaryOperator ref) {
        return new Case(name, (x, y) -> op.apply(x), (x, y) -> Arrays.stream(x).map(ref).toArray(), true);
    }

    private static Case binary(String name, BiFunction<Var, Var, Var> op, DoubleBinaryOperator ref) {
        return new Case(name, op, (x, y) -> {
            double[] z = new double[x.length];
            for (int k = 0; k < z.length; k++) {
                z[k] = ref.applyAsDouble(x[k], y[k]);
            }
            return z;
        }, true);
    }

    /** {@code m[r][c]} of a row-major matrix with {@code cols} columns. */
    private static double el(double[] m, int cols, int r, int c) {
        return m[r * cols + c];
    }

    static List<Case> cases() {
        List<Case> cases = new ArrayList<>(List.of(
                unary("tan", Var::tan, StrictMath::tan),
                unary("tanh", Var::tanh, StrictMath::tanh),
                unary("atan", Var::atan, StrictMath::atan),
                unary("asin", x -> x.mul(0.7).asin(), v -> StrictMath.asin(0.7 * v)),
                unary("acos", x -> x.mul(0.7).acos(), v -> StrictMath.acos(0.7 * v)),
                unary("sinh", Var::sinh, StrictMath::sinh),
                unary("cosh", Var::cosh, StrictMath::cosh),
                unary("log1p", x -> x.mul(0.8).log1p(), v -> StrictMath.log1p(0.8 * v)),
                unary("expm1", Var::expm1, StrictMath::expm1),
                unary("erf", x -> x.mul(3).erf(), v -> Erf.erf(3 * v)),
                unary("erfc", x -> x.mul(3).erfc(), v -> Erf.erfc(3 * v)),
                unary("sigmoid", x -> x.mul(20).sigmoid(), v -> 1 / (1 + Math.exp(-20 * v))),
                unary("softplus", x -> x.mul(20).softplus(), v -> Math.log1p(Math.exp(20 * v))),
                unary("sign", Var::sign, Math::signum),
                binary("atan2", Var::atan2, StrictMath::atan2),
                binary("hypot", Var::hypot, StrictMath::hypot),
                binary("maximum", Var::maximum, Math::max),
                binary("minimum", Var::minimum, Math::min),
                binary("clamp", (x, y) -> x.clamp(-0.5, 0.6), (a, b) -> Math.min(Math.max(a, -0.5), 0.6)),
                binary("gt", Var::gt, (a, b) -> a > b ? 1 : 0),
                binary("le", Var::le, (a, b) -> a <= b ? 1 : 0),
                binary("where", (x, y) -> Var.where(x.gt(y), x.exp(), y.square()),
                        (a, b) -> a > b ? Math.exp(a) : b * b),
                new Case("whereNaNBranch", (x, y) -> Var.where(x.gt(0), x.log(), y), (x, y) -> {
                    double[] z = new double[N];
                    for (int k = 0; k < N; k++) {
                        z[k] = x[k] > 0 ? Math.log(x[k]) : y[k];
                    }
                    return z;
                }, false),
                new Case("at", (x, y) -> x.at(2).add(x.at(-1)), (x, y) -> new double[] {x[2] + x[N - 1]}, true),
                new Case("atMatrix", (x, y) -> x.reshape(2, 3).at(1, 2).mul(x.reshape(2, 3).at(0).sum()),
                        (x, y) -> new double[] {x[5] * (x[0] + x[1] + x[2])}, false),
                new Case("slice", (x, y) -> x.slice(1, 5), (x, y) -> Arrays.copyOfRange(x, 1, 5), true),
                new Case("strided", (x, y) -> x.slice(1, 6, 2), (x, y) -> new double[] {x[1], x[3], x[5]}, true),
                new Case("sliceAxis1", (x, y) -> x.reshape(2, 3).slice(1, 0, 3, 2),
                        (x, y) -> new double[] {x[0], x[2], x[3], x[5]}, true),
                new Case("gather", (x, y) -> x.gather(5, 0, 0, -2), (x, y) -> new double[] {x[5], x[0], x[0], x[4]},
                        true),
                new Case("transpose", (x, y) -> x.reshape(2, 3).transpose(),
                        (x, y) -> new double[] {x[0], x[3], x[1], x[4], x[2], x[5]}, true),
                new Case("concat", (x, y) -> Var.concat(x, y.slice(0, 2)),
                        (x, y) -> new double[] {x[0], x[1], x[2], x[3], x[4], x[5], y[0], y[1]}, true),
                new Case("concatAxis1", (x, y) -> Var.concat(1, x.reshape(3, 2), y.reshape(3, 2).slice(1, 0, 1, 1)),
                        (x, y) -> new double[] {x[0], x[1], y[0], x[2], x[3], y[2], x[4], x[5], y[4]}, true),
                new Case("stack", (x, y) -> Var.stack(x.slice(0, 3), y.slice(3, 6)),
                        (x, y) -> new double[] {x[0], x[1], x[2], y[3], y[4], y[5]}, true),
                new Case("max", (x, y) -> x.max(), (x, y) -> new double[] {Arrays.stream(x).max().orElseThrow()}, true),
                new Case("minAxis0", (x, y) -> x.reshape(2, 3).min(0),
                        (x, y) -> new double[] {Math.min(x[0], x[3]), Math.min(x[1], x[4]), Math.min(x[2], x[5])}, true),
                new Case("maxAxis1", (x, y) -> x.reshape(2, 3).max(1),
                        (x, y) -> new double[] {Math.max(Math.max(x[0], x[1]), x[2]), Math.max(Math.max(x[3], x[4]),
                            x[5])}, true),
                new Case("prod", (x, y) -> x.prod(), (x, y) -> new double[] {Arrays.stream(x).reduce(1, (a, b) -> a * b)},
                        true),
                new Case("prodAxis1", (x, y) -> x.reshape(3, 2).prod(1),
                        (x, y) -> new double[] {x[0] * x[1], x[2] * x[3], x[4] * x[5]}, true),
                new Case("logsumexp", (x, y) -> x.mul(30).logsumexp(), (x, y) -> new double[] {lse(x, 30, 0, 1, N)},
                        false),
                new Case("logsumexpAxis1", (x, y) -> x.reshape(2, 3).logsumexp(1),
                        (x, y) -> new double[] {lse(x, 1, 0, 1, 3), lse(x, 1, 3, 1, 3)}, false),
                new Case("logsumexpAxis0", (x, y) -> x.reshape(2, 3).logsumexp(0),
                        (x, y) -> new double[] {lse(x, 1, 0, 3, 2), lse(x, 1, 1, 3, 2), lse(x, 1, 2, 3, 2)}, false),
                new Case("cumsum", (x, y) -> x.cumsum(), (x, y) -> {
                    double[] z = x.clone();
                    for (int k = 1; k < N; k++) {
                        z[k] += z[k - 1];
                    }
                    return z;
                }, true),
                new Case("cumsumAxis0", (x, y) -> x.reshape(3, 2).cumsum(0),
                        (x, y) -> new double[] {x[0], x[1], x[0] + x[2], x[1] + x[3], x[0] + x[2] + x[4],
                            x[1] + x[3] + x[5]}, true),
                new Case("cumsumAxis1", (x, y) -> x.reshape(2, 3).cumsum(1),
                        (x, y) -> new double[] {x[0], x[0] + x[1], x[0] + x[1] + x[2], x[3], x[3] + x[4],
                            x[3] + x[4] + x[5]}, true),
                new Case("diff", (x, y) -> x.diff(), (x, y) -> {
                    double[] z = new double[N - 1];
                    for (int k = 0; k < z.length; k++) {
                        z[k] = x[k + 1] - x[k];
                    }
                    return z;
                }, true),
                new Case("matmul", (x, y) -> x.reshape(2, 3).matmul(y.reshape(3, 2)), (x, y) -> {
                    double[] z = new double[4];
                    for (int r = 0; r < 2; r++) {
                        for (int c = 0; c < 2; c++) {
                            for (int q = 0; q < 3; q++) {
                                z[r * 2 + c] += el(x, 3, r, q) * el(y, 2, q, c);
                            }
                        }
                    }
                    return z;
                }, true),
                new Case("matvec", (x, y) -> x.reshape(3, 2).matmul(y.slice(0, 2)),
                        (x, y) -> new double[] {x[0] * y[0] + x[1] * y[1], x[2] * y[0] + x[3] * y[1],
                            x[4] * y[0] + x[5] * y[1]}, true),
                new Case("solve2x2", (x, y, g) -> square(g, x.slice(0, 4), 2).solve(y.slice(0, 2)), (x, y) -> {
                    double a = x[0] + 3;
                    double d = x[3] + 3;
                    double det = a * d - x[1] * x[2];
                    return new double[] {(d * y[0] - x[1] * y[1]) / det, (a * y[1] - x[2] * y[0]) / det};
                }, true),
                new Case("solve3x3", (x, y, g) -> square(g, Var.concat(x, y.slice(0, 3)), 3).solve(y.reshape(3, 2)),
                        (x, y) -> Arrays.stream(hipparchus(x, y).getSolver().solve(new Array2DRowRealMatrix(
                            new double[][] {{y[0], y[1]}, {y[2], y[3]}, {y[4], y[5]}})).getData())
                            .flatMapToDouble(Arrays::stream).toArray(), true),
                new Case("det3x3", (x, y, g) -> square(g, Var.concat(x, y.slice(0, 3)), 3).det(),
                        (x, y) -> new double[] {hipparchus(x, y).getDeterminant()}, true),
                new Case("inverse2x2", (x, y, g) -> square(g, x.slice(0, 4), 2).inverse(), (x, y) -> {
                    double a = x[0] + 3;
                    double d = x[3] + 3;
                    double det = a * d - x[1] * x[2];
                    return new double[] {d / det, -x[1] / det, -x[2] / det, a / det};
                }, true),
                new Case("outer", (x, y) -> x.slice(0, 2).outer(y.slice(0, 3)),
                        (x, y) -> new double[] {x[0] * y[0], x[0] * y[1], x[0] * y[2], x[1] * y[0], x[1] * y[1],
                            x[1] * y[2]}, true)));
        return cases;
    }

    /** The n×n matrix of these n² values plus (n + 1)·I, so that it is well conditioned. */
    private static Var square(Recorder g, Var values, int n) {
        double[] shift = new double[n * n];
        for (int k = 0; k < n; k++) {
            shift[k * n + k] = n + 1;
        }
        return values.reshape(n, n).add(g.constant(shift, n, n));
    }

    /** Hipparchus' LU of {@link #square} over (x, y[0..2]) with n = 3. */
    private static LUDecomposition hipparchus(double[] x, double[] y) {
        double[] v = {x[0], x[1], x[2], x[3], x[4], x[5], y[0], y[1], y[2]};
        double[][] m = new double[3][3];
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                m[r][c] = v[r * 3 + c] + (r == c ? 4 : 0);
            }
        }
        return new LUDecomposition(new Array2DRowRealMatrix(m));
    }

    /** {@code log Σ_q e^(s·x[from + q·step])} for q < n. */
    private static double lse(double[] x, double s, int from, int step, int n) {
        double acc = 0;
        for (int q = 0; q < n; q++) {
            acc += Math.exp(s * x[from + q * step]);
        }
        return Math.log(acc);
    }

    private static ModelFunction<Pair> function(Case c, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] x = rng.doubles(N, -1.2, 1.2).toArray();
        double[] y = rng.doubles(N, -1.2, 1.2).toArray();
        Pair model = new Pair(Parameter.of(x), Parameter.of(y), Meta.NONE);
        return ModelFunction.record(model, (m, g) -> c.body().apply(g.param(m.x()), g.param(m.y()), g));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void valueEqualsThePlainJavaReference(Case c) {
        for (long seed = 1; seed <= 3; seed++) {
            ModelFunction<Pair> f = function(c, seed);
            double[] got = f.evaluate();
            double[] want = c.reference().apply(f.model().x().value(), f.model().y().value());
            assertEquals(want.length, got.length, c + " size");
            for (int k = 0; k < want.length; k++) {
                assertEquals(want[k], got[k], 1e-14 * Math.max(1, Math.abs(want[k])), c + " element " + k);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void jacobianEqualsCentralDifferences(Case c) {
        for (long seed = 1; seed <= 3; seed++) {
            ModelFunction<Pair> f = function(c, seed);
            double[] flat = f.flatValues();
            int out = f.outputSize();
            double[] value = new double[out];
            double[] jac = new double[f.numFree() * out];
            Workspace ws = f.newWorkspace();
            f.jacobian(flat, Wrt.LATENT, ws, value, jac);
            double[] plain = new double[out];
            f.evaluate(flat, f.newWorkspace(), plain);
            org.junit.jupiter.api.Assertions.assertArrayEquals(plain, value, 0, c + ": dual values equal plain values");
            double[][] fd = FiniteDifferences.centralJacobian(theta -> {
                double[] yv = new double[out];
                f.evaluate(theta, ws, yv);
                return yv;
            }, flat);
            for (int p = 0; p < fd.length; p++) {
                for (int k = 0; k < out; k++) {
                    double j = jac[p * out + k];
                    assertTrue(Double.isFinite(j), c + " finite");
                    assertEquals(fd[p][k], j, 1e-6 * Math.max(1, Math.abs(j)), c + " d out[" + k + "]/d flat[" + p + "]");
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void batchedTwinsEqualThePlainExecutorAtTailSizes(Case c) {
        ModelFunction<Pair> f = function(c, 7);
        GraphDef g = GraphAccess.graph(f);
        double[] latent = GraphAccess.latent(f);
        int free = g.layout().numFree();
        int out = g.outputShape().size();
        for (int count : new int[] {1, 3, 4, 8, 9, 17}) {
            SplittableRandom rng = new SplittableRandom(count);
            double[] cols = rng.doubles((long) free * count, -1.2, 1.2).toArray();
            double[] scalar = batch(new BatchExecutor(new ScalarGraphOps(), new ScalarRandomKernels()), g, latent,
                    cols, count);
            double[] simd = batch(new BatchExecutor(GraphOps.get(), RandomKernels.get()), g, latent, cols,
                    count);
            assertEquals(Arrays.toString(scalar), Arrays.toString(simd), c + ": twins at count " + count);
            Workspace ws = f.newWorkspace();
            double[] flat = new double[free];
            double[] want = new double[out];
            for (int b = 0; b < count; b++) {
                for (int fi = 0; fi < free; fi++) {
                    flat[fi] = cols[fi * count + b];
                }
                f.evaluate(flat, ws, want);
                for (int k = 0; k < out; k++) {
                    double tol = c.exact() ? 0 : 1e-13 * Math.max(1, Math.abs(want[k]));
                    assertEquals(want[k], scalar[b * out + k], tol, c + " sample " + b + " of " + count + ", out " + k);
                }
            }
        }
    }

    private static double[] batch(BatchExecutor exec, GraphDef g, double[] latent, double[] cols, int count) {
        boolean[] varies = new boolean[g.layout().size()];
        Arrays.fill(varies, true);
        BatchScratch s = new BatchScratch(g, latent, varies, count);
        exec.run(s, cols, 0, count, count);
        double[] out = new double[count * g.outputShape().size()];
        exec.output(s, count, out, 0);
        return out;
    }
}
