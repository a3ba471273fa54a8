package org.parax4j.bench;

import java.util.Arrays;
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
import org.parax4j.engine.kernel.Kernel;
import org.parax4j.engine.kernel.KernelMatrices;
import org.parax4j.engine.kernel.KernelWorkspace;
import smile.math.kernel.GaussianKernel;
import smile.math.matrix.Matrix;

/**
 * RBF Gram matrix {@code n × n}, length scale 0.8, inputs uniform in {@code [-3, 3)^d}. Contenders:
 * the engine on all cores, on one thread, and its scalar twin (the same call in a JVM started with
 * {@code -Dparax4j.simd=false}); {@code K(X1, X2)} of the same size; the float32 variant (Gram and cross); Smile's
 * {@code GaussianKernel.K} (parallel streams, allocates its matrix); the naive triple loop; and the
 * floor of merely writing {@code n²} doubles on one thread.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
public class RbfGramBenchmark {

    static final double LENGTH_SCALE = 0.8;

    @Param({"1024", "4096"})
    int n;

    @Param({"1", "8"})
    int d;

    double[] x;
    double[] x2;
    double[][] rows;
    float[] xFloat;
    float[] x2Float;
    double[] out;
    float[] outFloat;
    Kernel.Rbf kernel;
    KernelWorkspace parallel;
    KernelWorkspace single;
    GaussianKernel smile;

    @Setup
    public void setUp() {
        SplittableRandom random = new SplittableRandom(1);
        x = random.doubles((long) n * d, -3, 3).toArray();
        x2 = random.doubles((long) n * d, -3, 3).toArray();
        rows = new double[n][];
        xFloat = new float[x.length];
        x2Float = new float[x2.length];
        for (int i = 0; i < n; i++) {
            rows[i] = Arrays.copyOfRange(x, i * d, i * d + d);
        }
        for (int k = 0; k < x.length; k++) {
            xFloat[k] = (float) x[k];
            x2Float[k] = (float) x2[k];
        }
        out = new double[n * n];
        outFloat = new float[n * n];
        kernel = Kernel.rbf(LENGTH_SCALE);
        parallel = KernelWorkspace.parallel();
        single = KernelWorkspace.singleThreaded();
        smile = new GaussianKernel(LENGTH_SCALE);
    }

    /** {@code K(X, X)} on all cores. */
    @Benchmark
    public double[] engine() {
        KernelMatrices.gram(kernel, x, n, d, out, parallel);
        return out;
    }

    /** {@code K(X, X)} on the calling thread. */
    @Benchmark
    public double[] engineSingleThreaded() {
        KernelMatrices.gram(kernel, x, n, d, out, single);
        return out;
    }

    /** The scalar twin: the same call with the Vector API switched off. */
    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Dparax4j.simd=false"})
    public double[] scalarTwin() {
        KernelMatrices.gram(kernel, x, n, d, out, parallel);
        return out;
    }

    /** {@code K(X1, X2)} of the same size on all cores (no symmetry to exploit). */
    @Benchmark
    public double[] engineCross() {
        KernelMatrices.matrix(kernel, x, n, x2, n, d, out, parallel);
        return out;
    }

    /** Float32 {@code K(X, X)} on all cores. */
    @Benchmark
    public float[] engineFloat() {
        KernelMatrices.gram(kernel, xFloat, n, d, outFloat, parallel);
        return outFloat;
    }

    /** Float32 {@code K(X1, X2)} of the same size on all cores (compare with {@link #engineCross}). */
    @Benchmark
    public float[] engineFloatCross() {
        KernelMatrices.matrix(kernel, xFloat, n, x2Float, n, d, outFloat, parallel);
        return outFloat;
    }

    /** Smile 4.x {@code GaussianKernel.K(x)}: parallel, allocates an {@code n × n} matrix per call. */
    @Benchmark
    public Matrix smile() {
        return smile.K(rows);
    }

    /** The textbook triple loop. */
    @Benchmark
    public double[] naive() {
        NaiveKernels.rbf(x, n, x, n, d, LENGTH_SCALE, out);
        return out;
    }

    /** The floor: writing {@code n²} doubles on one thread, nothing computed. */
    @Benchmark
    public double[] writeFloor() {
        Arrays.fill(out, 1.0);
        return out;
    }
}
