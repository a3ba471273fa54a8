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
import org.parax4j.engine.kernel.KernelMatrices;

/** RBF Gram matrix into a caller buffer: the engine against the naive loop. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
public class RbfGramBenchmark {

    @Param({"1024"})
    int n;

    @Param({"1", "8"})
    int d;

    double[] x;
    double[] out;

    @Setup
    public void setUp() {
        x = new SplittableRandom(1).doubles((long) n * d, -3, 3).toArray();
        out = new double[n * n];
    }

    @Benchmark
    public double[] engine() {
        KernelMatrices.rbf(x, n, x, n, d, 0.8, out);
        return out;
    }

    @Benchmark
    public double[] naive() {
        NaiveKernels.rbf(x, n, x, n, d, 0.8, out);
        return out;
    }
}
