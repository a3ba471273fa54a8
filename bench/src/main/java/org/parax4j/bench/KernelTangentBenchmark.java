package org.parax4j.bench;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.TimeUnit;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
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
import org.parax4j.engine.kernel.KernelTangents;
import org.parax4j.engine.kernel.KernelWorkspace;

/**
 * The kernel tangent tiles against one plain Gram matrix of the same size ({@code n²}, d = 8, all
 * cores): {@code plain} is {@link KernelMatrices#gram}; {@code planes} the value and every
 * {@code ∂K/∂log θ} plane ({@link KernelTangents#gram}); {@code contraction} the Gaussian-process
 * form {@code Σ W∘∂K/∂log θ} ({@link KernelTangents#contractGram}), which stores no plane. Kernels:
 * ARD RBF × variance (9 hyperparameters), rational quadratic × variance (3), periodic × variance
 * (3), and, for the fusion check, {@code RBF · Constant} against {@code Scaled(RBF)}.
 *
 * <p>Three floors measure what storing the planes costs by itself (the output, {@code (p + 1)·n²}
 * doubles, 5.2 MB for ARD at 256², is larger than L2), each splitting rows over every core like the
 * engine: {@code floorStore} writes the same bytes with no arithmetic ({@code Arrays.fill}, a
 * store-only intrinsic stream, 1.3–1.5× faster here than stores of computed numbers);
 * {@code floorScaledStore} writes each of them as a multiple of one n² source in the shape of the
 * engine's plane sweeps (four vector loads, then four stores, each plane's stores starting where
 * the engine aligns them), a plain load-multiply-store loop, not a proven lower bound;
 * {@code floorGramCopies} is a plain Gram followed by {@code p} scaled copies of it. The
 * {@code OneThread} forms run on the calling thread only.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
public class KernelTangentBenchmark {

    @Param({"256"})
    int n;

    @Param({"ardRbfScaled", "rqScaled", "periodicScaled", "rbfTimesConstant", "rbfScaled"})
    String kernelName;

    static final int D = 8;

    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    /**
     * Planes start their vector loop at an array index {@code ≡ 2 (mod 4)}, as the engine's plane
     * sweeps do ({@code PanamaTangentTiles.ALIGNED_RESIDUE}): HotSpot puts a large array's data 16
     * bytes after a region boundary, so those elements start on 32-byte boundaries.
     */
    private static final int ALIGNED_RESIDUE = 2;

    double[] x;
    double[] value;
    double[] planes;
    double[] weights;
    double[] gradient;
    Kernel kernel;
    KernelWorkspace workspace;
    KernelWorkspace oneThread;

    @Setup
    public void setUp() {
        SplittableRandom random = new SplittableRandom(1);
        x = random.doubles((long) n * D, -2, 2).toArray();
        double[] ard = new double[D];
        for (int k = 0; k < D; k++) {
            ard[k] = 0.8 + 0.1 * k;
        }
        kernel = switch (kernelName) {
            case "ardRbfScaled" -> Kernel.rbfArd(ard).scaled(1.5);
            case "rqScaled" -> new Kernel.RationalQuadratic(1.2, 0.8).scaled(1.5);
            case "periodicScaled" -> new Kernel.Periodic(1.1, 2.5).scaled(1.5);
            case "rbfTimesConstant" -> Kernel.rbf(1.2).times(new Kernel.Constant(1.5));
            case "rbfScaled" -> Kernel.rbf(1.2).scaled(1.5);
            default -> throw new IllegalArgumentException(kernelName);
        };
        int p = KernelTangents.count(kernel);
        value = new double[n * n];
        planes = new double[p * n * n];
        weights = random.doubles((long) n * n, -1, 1).toArray();
        gradient = new double[p];
        workspace = KernelWorkspace.parallel();
        oneThread = KernelWorkspace.singleThreaded();
    }

    /** Prints the machine's cache-line hand-off time before each iteration ({@link CoreHandoff}). */
    @Setup(Level.Iteration)
    public void printHandoff() {
        CoreHandoff.print();
    }

    @Benchmark
    public double[] plain() {
        KernelMatrices.gram(kernel, x, n, D, value, workspace);
        return value;
    }

    @Benchmark
    public double[] planes() {
        KernelTangents.gram(kernel, KernelTangents.Wrt.LOG, x, n, D, value, planes, workspace);
        return planes;
    }

    /** {@link #plain} on the calling thread only (steadier on a shared machine than two cores). */
    @Benchmark
    public double[] plainOneThread() {
        KernelMatrices.gram(kernel, x, n, D, value, oneThread);
        return value;
    }

    /** {@link #planes} on the calling thread only. */
    @Benchmark
    public double[] planesOneThread() {
        KernelTangents.gram(kernel, KernelTangents.Wrt.LOG, x, n, D, value, planes, oneThread);
        return planes;
    }

    /** Floor: writes the value and every plane (the bytes {@link #planes} writes), no arithmetic. */
    @Benchmark
    public double[] floorStore() {
        onEveryCore(this::filledRows);
        return planes;
    }

    /** {@link #floorStore} on the calling thread only: the store rate of one core, no hand-off. */
    @Benchmark
    public double[] floorStoreOneThread() {
        filledRows(0, n);
        return planes;
    }

    /** Rows {@code [lo, hi)} of the value and of each plane filled with a constant ({@code Arrays.fill}). */
    private void filledRows(int lo, int hi) {
        int planeCount = planes.length / (n * n);
        Arrays.fill(value, lo * n, hi * n, 1.0);
        for (int q = 0; q < planeCount; q++) {
            Arrays.fill(planes, q * n * n + lo * n, q * n * n + hi * n, q);
        }
    }

    /**
     * Floor: the value and every plane written by Vector API loops, each a multiple of one source
     * matrix (four loads, then four multiplies and stores), rows split over every core.
     */
    @Benchmark
    public double[] floorScaledStore() {
        onEveryCore(this::scaledRows);
        return planes;
    }

    /** {@link #floorScaledStore} on the calling thread only. */
    @Benchmark
    public double[] floorScaledStoreOneThread() {
        scaledRows(0, n);
        return planes;
    }

    /**
     * Rows {@code [lo, hi)} of the value and of each plane, each a multiple of the {@code n²} weights
     * (an L2-resident source, as the value is to the engine's plane sweep).
     */
    private void scaledRows(int lo, int hi) {
        int planeCount = planes.length / (n * n);
        int lanes = SPECIES.length();
        int from = lo * n;
        int to = hi * n;
        for (int q = -1; q < planeCount; q++) {
            double[] out = q < 0 ? value : planes;
            int o = q < 0 ? 0 : q * n * n;
            double scale = q + 1.5;
            DoubleVector c = DoubleVector.broadcast(SPECIES, scale);
            int e = Math.min(to, from + Math.floorMod(ALIGNED_RESIDUE - o - from, 4));
            for (int h = from; h < e; h++) {
                out[o + h] = weights[h] * scale;
            }
            for (; e + 4 * lanes <= to; e += 4 * lanes) {
                DoubleVector v0 = DoubleVector.fromArray(SPECIES, weights, e);
                DoubleVector v1 = DoubleVector.fromArray(SPECIES, weights, e + lanes);
                DoubleVector v2 = DoubleVector.fromArray(SPECIES, weights, e + 2 * lanes);
                DoubleVector v3 = DoubleVector.fromArray(SPECIES, weights, e + 3 * lanes);
                v0.mul(c).intoArray(out, o + e);
                v1.mul(c).intoArray(out, o + e + lanes);
                v2.mul(c).intoArray(out, o + e + 2 * lanes);
                v3.mul(c).intoArray(out, o + e + 3 * lanes);
            }
            for (; e < to; e++) {
                out[o + e] = weights[e] * scale;
            }
        }
    }

    /** Floor: a plain Gram, then each plane as a scaled copy of it (same traffic as {@link #planes}). */
    @Benchmark
    public double[] floorGramCopies() {
        KernelMatrices.gram(kernel, x, n, D, value, workspace);
        int planeCount = planes.length / (n * n);
        onEveryCore((lo, hi) -> {
            for (int q = 0; q < planeCount; q++) {
                double c = 0.5 + q;
                int o = q * n * n;
                for (int e = lo * n; e < hi * n; e++) {
                    planes[o + e] = c * value[e];
                }
            }
        });
        return planes;
    }

    /** Runs {@code rows} over {@code [0, n)} cut into one part per core, the caller taking part 0. */
    private void onEveryCore(RowRange rows) {
        int parts = Math.min(Runtime.getRuntime().availableProcessors(), n);
        ForkJoinTask<?>[] tasks = new ForkJoinTask<?>[parts];
        for (int t = 1; t < parts; t++) {
            int lo = n * t / parts;
            int hi = n * (t + 1) / parts;
            tasks[t] = ForkJoinPool.commonPool().submit(() -> rows.run(lo, hi));
        }
        rows.run(0, n / parts);
        for (int t = 1; t < parts; t++) {
            tasks[t].join();
        }
    }

    @FunctionalInterface
    private interface RowRange {
        void run(int lo, int hi);
    }

    @Benchmark
    public double[] contraction() {
        KernelTangents.contractGram(kernel, KernelTangents.Wrt.LOG, x, n, D, weights, gradient, workspace);
        return gradient;
    }
}
