package org.parax4j.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.parax4j.engine.examples.ReferenceModel;
import org.parax4j.engine.graph.ModelFunction;
import org.parax4j.engine.graph.Workspace;
import org.parax4j.engine.graph.Wrt;

/**
 * Jacobian of the reference model (SPEC §11: 200 frequencies, 9 free parameters) through the
 * recorded graph, against Hipparchus {@code Gradient}, central finite differences over the engine's
 * plain evaluation, and one plain evaluation.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class ReferenceJacobianBenchmark {

    ModelFunction<ReferenceModel> function;
    Workspace workspace;
    double[] theta;
    double[] freqs;
    double[] centres;
    double[] value;
    double[] jac;
    double[] plus;
    double[] minus;
    double[] yp;
    double[] ym;

    @Setup
    public void setUp() {
        function = ReferenceModel.function(ReferenceModel.create());
        workspace = function.newWorkspace();
        theta = function.flatValues();
        freqs = ReferenceModel.frequencies();
        centres = ReferenceModel.centres();
        int out = function.outputSize();
        value = new double[out];
        jac = new double[theta.length * out];
        plus = theta.clone();
        minus = theta.clone();
        yp = new double[out];
        ym = new double[out];
    }

    @Benchmark
    public double[] recorded() {
        function.jacobian(theta, Wrt.LATENT, workspace, value, jac);
        return jac;
    }

    @Benchmark
    public double[] hipparchus() {
        JacobianYardsticks.hipparchusReference(freqs, centres, theta, jac);
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
