package org.parax4j.bench;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import java.util.stream.IntStream;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
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
import org.parax4j.distribution.LogNormal;
import org.parax4j.distribution.Normal;
import org.parax4j.distribution.Uniform;
import org.parax4j.engine.random.CounterRandom;
import org.parax4j.engine.random.VectorSampler;

/**
 * {@code n} (10⁷) standard normals, uniforms on [0, 1) and log-normals {@code exp(N(0, 1))} into one
 * buffer: the engine's counter-based samplers on one thread and on all cores, against
 * {@code java.util.random}'s L64X128MixRandom and SplittableRandom and Apache Commons RNG's
 * XoShiRo256PlusPlus with the ZigguratSampler.NormalizedGaussian (log-normals: those normals plus
 * {@link Math#exp}); and the floors of merely writing {@code n} doubles on one thread and on all
 * cores. Time per call of {@code n} samples; M samples/s = n / time.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class RandomBenchmark {

    @Param({"10000000"})
    int n;

    double[] out;
    int cores;
    CounterRandom counter;
    VectorSampler normal;
    VectorSampler uniform;
    VectorSampler logNormal;
    RandomGenerator l64;
    SplittableRandom splittable;
    UniformRandomProvider xoshiro;
    ContinuousSampler ziggurat;

    @Setup
    public void setUp() {
        out = new double[n];
        cores = Runtime.getRuntime().availableProcessors();
        counter = CounterRandom.of(42);
        normal = VectorSampler.of(new Normal(0, 1));
        uniform = VectorSampler.of(new Uniform(0, 1));
        logNormal = VectorSampler.of(new LogNormal(0, 1));
        l64 = RandomGeneratorFactory.of("L64X128MixRandom").create(42);
        splittable = new SplittableRandom(42);
        xoshiro = RandomSource.XO_SHI_RO_256_PP.create(42L);
        ziggurat = ZigguratSampler.NormalizedGaussian.of(xoshiro);
    }

    // ---- standard normals ----

    @Benchmark
    public double[] normalsParax4j() {
        normal.sample(counter, 0, out, 0, n);
        return out;
    }

    @Benchmark
    public double[] normalsParax4jAllCores() {
        normal.sample(counter, 0, out, 0, n, cores);
        return out;
    }

    @Benchmark
    public double[] normalsCommonsZiggurat() {
        for (int i = 0; i < n; i++) {
            out[i] = ziggurat.sample();
        }
        return out;
    }

    @Benchmark
    public double[] normalsL64X128Mix() {
        for (int i = 0; i < n; i++) {
            out[i] = l64.nextGaussian();
        }
        return out;
    }

    @Benchmark
    public double[] normalsSplittable() {
        for (int i = 0; i < n; i++) {
            out[i] = splittable.nextGaussian();
        }
        return out;
    }

    // ---- uniforms ----

    @Benchmark
    public double[] uniformsParax4j() {
        uniform.sample(counter, 0, out, 0, n);
        return out;
    }

    @Benchmark
    public double[] uniformsParax4jAllCores() {
        uniform.sample(counter, 0, out, 0, n, cores);
        return out;
    }

    @Benchmark
    public double[] uniformsSplittable() {
        for (int i = 0; i < n; i++) {
            out[i] = splittable.nextDouble();
        }
        return out;
    }

    @Benchmark
    public double[] uniformsL64X128Mix() {
        for (int i = 0; i < n; i++) {
            out[i] = l64.nextDouble();
        }
        return out;
    }

    @Benchmark
    public double[] uniformsCommonsXoShiRo() {
        for (int i = 0; i < n; i++) {
            out[i] = xoshiro.nextDouble();
        }
        return out;
    }

    // ---- log-normals ----

    @Benchmark
    public double[] logNormalsParax4j() {
        logNormal.sample(counter, 0, out, 0, n);
        return out;
    }

    @Benchmark
    public double[] logNormalsParax4jAllCores() {
        logNormal.sample(counter, 0, out, 0, n, cores);
        return out;
    }

    @Benchmark
    public double[] logNormalsCommonsZiggurat() {
        for (int i = 0; i < n; i++) {
            out[i] = Math.exp(ziggurat.sample());
        }
        return out;
    }

    @Benchmark
    public double[] logNormalsL64X128Mix() {
        for (int i = 0; i < n; i++) {
            out[i] = Math.exp(l64.nextGaussian());
        }
        return out;
    }

    // ---- floors: merely writing n doubles, nothing computed ----

    /** {@code Arrays.fill} of the whole buffer on one thread: the memory floor of every single-thread sampler. */
    @Benchmark
    public double[] writeFloor() {
        Arrays.fill(out, 1.0);
        return out;
    }

    /**
     * {@code Arrays.fill} of one contiguous part per core, in parallel: the memory floor of the
     * all-cores samplers. When this is not much faster than {@link #writeFloor}, memory bandwidth,
     * not arithmetic, caps what more cores can give a sampler that is already near that floor.
     */
    @Benchmark
    public double[] writeFloorAllCores() {
        int parts = cores;
        IntStream.range(0, parts).parallel()
                .forEach(p -> Arrays.fill(out, (int) ((long) n * p / parts), (int) ((long) n * (p + 1) / parts), 1.0));
        return out;
    }
}
