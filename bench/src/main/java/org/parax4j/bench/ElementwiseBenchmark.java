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
import org.parax4j.engine.graph.Var;
import org.parax4j.engine.graph.Workspace;
import org.parax4j.module.Meta;
import org.parax4j.module.Module;
import org.parax4j.param.Parameter;

/**
 * One plain evaluation of an elementwise recorded function of a 10⁴-element parameter vector:
 * {@code exp(x)}, {@code sin(x)}, {@code tanh(x)}, {@code log1p(|x|)}, {@code sigmoid(x)},
 * {@code softplus(x)}, {@code expm1(x)}, and a mix of the vocabulary's maps
 * ({@code softplus(x) + sigmoid(x)·clamp(x, −1, 1) + log1p(x²)}), each summed to one output so the
 * result stays small. The per-element cost of the graph executor's elementwise loops.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class ElementwiseBenchmark {

    /** A module holding one vector parameter. */
    public record Vector(Parameter x, Meta meta) implements Module<Vector> {}

    @Param({"exp", "sin", "tanh", "mixed", "log1p", "sigmoid", "softplus", "expm1"})
    public String function;

    @Param({"10000"})
    public int size;

    ModelFunction<Vector> recorded;
    Workspace workspace;
    double[] theta;
    double[] out;

    @Setup
    public void setUp() {
        double[] x = new SplittableRandom(1).doubles(size, -3, 3).toArray();
        Vector model = new Vector(Parameter.of(x), Meta.NONE);
        recorded = ModelFunction.record(model, (m, g) -> body(g.param(m.x())).sum());
        workspace = recorded.newWorkspace();
        theta = recorded.flatValues();
        out = new double[recorded.outputSize()];
    }

    private Var body(Var x) {
        return switch (function) {
            case "exp" -> x.exp();
            case "sin" -> x.sin();
            case "tanh" -> x.tanh();
            case "log1p" -> x.abs().log1p();
            case "sigmoid" -> x.sigmoid();
            case "softplus" -> x.softplus();
            case "expm1" -> x.expm1();
            default -> x.softplus().add(x.sigmoid().mul(x.clamp(-1, 1))).add(x.square().log1p());
        };
    }

    @Benchmark
    public double[] plain() {
        recorded.evaluate(theta, workspace, out);
        return out;
    }
}
