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
import org.parax4j.engine.graph.ModelFunction;
import org.parax4j.engine.graph.Workspace;
import org.parax4j.engine.graph.Wrt;

/**
 * Jacobian of a scaled ARD RBF Gram matrix ({@code n × n}, d = 8, 9 latent hyperparameters):
 * the generic recorded-graph dual path against a hand-written SIMD analytic Jacobian, Hipparchus
 * {@code Gradient} (hipparchus-core, see the bench pom), central finite differences over the
 * engine's own plain evaluation (18 evaluations), and one plain evaluation.
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

    @Benchmark
    public double[] plain() {
        function.evaluate(theta, workspace, value);
        return value;
    }
}
