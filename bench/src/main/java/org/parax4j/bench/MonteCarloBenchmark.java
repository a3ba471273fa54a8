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
import org.parax4j.engine.examples.ReferenceModel;
import org.parax4j.engine.graph.ModelFunction;
import org.parax4j.engine.montecarlo.MonteCarlo;

/**
 * Monte Carlo propagation of the reference model (SPEC §11: 200 outputs, 9 free parameters, a joint
 * group): the engine's batched {@code funcSamples} on one thread and on all cores, against the plain
 * loop a user writes without it, {@code model.sampled(rng)} then {@code ModelFunction.evaluate(module)}
 * per sample. Every contender writes {@code samples × 200} doubles into the same preallocated buffer.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class MonteCarloBenchmark {

    @Param("100000")
    int samples;

    /** Samples per block of the engine (the results do not depend on it). */
    @Param("64")
    int batch;

    ReferenceModel model;
    ModelFunction<ReferenceModel> function;
    MonteCarlo<ReferenceModel> single;
    MonteCarlo<ReferenceModel> allCores;
    double[] out;
    long seed = 42;

    @Setup
    public void setUp() {
        model = ReferenceModel.create();
        function = ReferenceModel.function(model);
        single = MonteCarlo.of(function, batch, 1);
        allCores = MonteCarlo.of(function, batch, Runtime.getRuntime().availableProcessors());
        out = new double[samples * function.outputSize()];
    }

    @Benchmark
    public double[] engineSingleThread() {
        single.funcSamples(seed, 0, samples, out, 0);
        return out;
    }

    @Benchmark
    public double[] engineAllCores() {
        allCores.funcSamples(seed, 0, samples, out, 0);
        return out;
    }

    @Benchmark
    public double[] plainLoop() {
        SplittableRandom rng = new SplittableRandom(seed);
        int size = function.outputSize();
        for (int s = 0; s < samples; s++) {
            ReferenceModel drawn = model.sampled(rng);
            System.arraycopy(function.evaluate(drawn), 0, out, s * size, size);
        }
        return out;
    }
}
