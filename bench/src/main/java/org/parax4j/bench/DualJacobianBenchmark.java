package org.parax4j.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.parax4j.engine.EngineOptions;
import org.parax4j.engine.graph.ModelFunction;
import org.parax4j.engine.graph.Workspace;
import org.parax4j.engine.graph.Wrt;

/**
 * Jacobian of a scaled ARD RBF Gram matrix ({@code n × n}, d = 8, 9 latent hyperparameters):
 * the generic recorded-graph dual path against a hand-written SIMD analytic Jacobian, Hipparchus
 * {@code Gradient} (hipparchus-core, see the bench pom), central finite differences over the
 * engine's own plain evaluation (18 evaluations), one plain evaluation, and {@link #storeFloor}:
 * only writing the value and the 9 derivative matrices.
 *
 * <p><b>Why "≥ 30× faster than central differences" cannot hold here.</b> Central differences cost
 * 18 plain evaluations P, so the ratio is {@code 18·P/J}. Every derivative {@code dK/dθ_e =
 * K·δ_e²/ℓ_e³·dℓ_e/dθ_e}, {@code dK/dθ_σ = K} contains the kernel value, so the Jacobian J does
 * all the work of one plain evaluation (n² exponentials and d·n² squared differences) and then
 * writes 9 more matrices: {@code J ≥ P + 9·T} with T the cost of one derivative plane. Hence
 * {@code 18·P/J < 18} for any implementation, whatever its memory layout; 30× would need J ≤ 0.6·P,
 * less than computing K once. Memory traffic is not what limits it: the value is 256² doubles = 512
 * KiB, the 9 planes 4.5 MiB, and {@link #storeFloor} writes all of them in 50–60 µs on the 2-core
 * AMD EPYC (Zen 4, AVX-512) test machine (4.5 MiB into L2/L3 at ~100 GB/s), against 140–160 µs
 * for P. What remains per plane is about 4 vector operations (δ = x̃_i − x̃_j, δ², ·c, ·σ²g) and a
 * store per 8 entries, T ≈ 15 µs, so the expected ratio is {@code 18·P/(P + 9·T)} ≈ 9–10× (the
 * results file bench/results/dual-2026-11-24-fused.txt has the measured figures), and making P
 * faster lowers it. The targets that can hold are the ones against Hipparchus (≥ 50×)
 * and the hand-written analytic Jacobian (within 1.5×).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class DualJacobianBenchmark {

    @Param({"256"})
    int n;

    @Param({"8"})
    int d;

    double[] x;
    double[] xt;
    double[] theta;
    double[] value;
    double[] jac;
    double[] plus;
    double[] minus;
    double[] yp;
    double[] ym;
    ModelFunction<GramModel> function;
    Workspace workspace;
    Workspace oneThread;

    @Setup
    public void setUp() {
        x = new SplittableRandom(1).doubles((long) n * d, -2, 2).toArray();
        xt = new double[n * d];
        for (int i = 0; i < n; i++) {
            for (int e = 0; e < d; e++) {
                xt[e * n + i] = x[i * d + e];
            }
        }
        double[] points = x;
        function = ModelFunction.record(GramModel.of(d), (m, g) -> g.kernelMatrix(m.kernel(), points, n, points, n, d));
        workspace = function.newWorkspace();
        oneThread = function.newWorkspace(EngineOptions.singleThreaded());
        theta = function.flatValues();
        value = new double[n * n];
        jac = new double[theta.length * n * n];
        plus = theta.clone();
        minus = theta.clone();
        yp = new double[n * n];
        ym = new double[n * n];
    }

    @Benchmark
    public double[] recorded() {
        function.jacobian(theta, Wrt.LATENT, workspace, value, jac);
        return jac;
    }

    /** {@link #recorded} on the calling thread alone (recorded uses all cores of the engine's default). */
    @Benchmark
    public double[] recordedOneThread() {
        function.jacobian(theta, Wrt.LATENT, oneThread, value, jac);
        return jac;
    }

    @Benchmark
    public double[] analyticSimd() {
        JacobianYardsticks.analyticGram(x, xt, n, d, theta, value, jac);
        return jac;
    }

    @Benchmark
    public double[] hipparchus() {
        JacobianYardsticks.hipparchusGram(x, n, d, theta, jac);
        return jac;
    }

    @Benchmark
    public double[] finiteDifferences() {
        FiniteDifferences.jacobian(function, workspace, theta, plus, minus, yp, ym, jac);
        return jac;
    }

    /** Writes the value and the 9 derivative planes with a constant: the store traffic any Jacobian pays. */
    @Benchmark
    public double[] storeFloor() {
        java.util.Arrays.fill(value, 1.0);
        java.util.Arrays.fill(jac, 1.0);
        return jac;
    }

    @Benchmark
    public double[] plain() {
        function.evaluate(theta, workspace, value);
        return value;
    }

    /** {@link #plain} on the calling thread alone. */
    @Benchmark
    public double[] plainOneThread() {
        function.evaluate(theta, oneThread, value);
        return value;
    }
}
