import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Java Vector API's ceiling for a double-precision GEMM micro-kernel on this CPU (issue 18):
 * register tiles of fused multiply-adds over packed panels that stay in L1, the C tile loaded and
 * stored once per 256-deep call. {@code 8x3}: 8 rows × 3 vectors of 512 bits (24 accumulators),
 * {@code A} packed 8 per step and pre-negated (broadcast straight from memory), {@code B} packed 24 per
 * step; {@code 6x3}: the same with 6 rows (18 accumulators); {@code u6x3}: the engine's unpacked
 * shape (rows of {@code A} and rows of {@code B} 1000 doubles apart, {@code A} negated per use).
 * Prints the best of five GFlop/s on one thread and the summed rate of two threads.
 *
 * <pre>{@code ./parax4j java --add-modules jdk.incubator.vector bench/FmaCeilingProbe.java}</pre>
 *
 * <p>Needs 512-bit vectors (the lane count is fixed at 8). Allocates only its small operands.
 */
public final class FmaCeilingProbe {
    static final VectorSpecies<Double> S = DoubleVector.SPECIES_512;

    // 8 rows x 3 vectors, A packed (8 per k, pre-negated), B packed (24 per k). C stride ldc.
    static void k8x3(double[] c, int c0, int ldc, double[] a, int ak, double[] b, int bk, int depth) {
        DoubleVector x00 = DoubleVector.fromArray(S, c, c0), x01 = DoubleVector.fromArray(S, c, c0 + 8), x02 = DoubleVector.fromArray(S, c, c0 + 16);
        int c1 = c0 + ldc, c2 = c1 + ldc, c3 = c2 + ldc, c4 = c3 + ldc, c5 = c4 + ldc, c6 = c5 + ldc, c7 = c6 + ldc;
        DoubleVector x10 = DoubleVector.fromArray(S, c, c1), x11 = DoubleVector.fromArray(S, c, c1 + 8), x12 = DoubleVector.fromArray(S, c, c1 + 16);
        DoubleVector x20 = DoubleVector.fromArray(S, c, c2), x21 = DoubleVector.fromArray(S, c, c2 + 8), x22 = DoubleVector.fromArray(S, c, c2 + 16);
        DoubleVector x30 = DoubleVector.fromArray(S, c, c3), x31 = DoubleVector.fromArray(S, c, c3 + 8), x32 = DoubleVector.fromArray(S, c, c3 + 16);
        DoubleVector x40 = DoubleVector.fromArray(S, c, c4), x41 = DoubleVector.fromArray(S, c, c4 + 8), x42 = DoubleVector.fromArray(S, c, c4 + 16);
        DoubleVector x50 = DoubleVector.fromArray(S, c, c5), x51 = DoubleVector.fromArray(S, c, c5 + 8), x52 = DoubleVector.fromArray(S, c, c5 + 16);
        DoubleVector x60 = DoubleVector.fromArray(S, c, c6), x61 = DoubleVector.fromArray(S, c, c6 + 8), x62 = DoubleVector.fromArray(S, c, c6 + 16);
        DoubleVector x70 = DoubleVector.fromArray(S, c, c7), x71 = DoubleVector.fromArray(S, c, c7 + 8), x72 = DoubleVector.fromArray(S, c, c7 + 16);
        for (int k = 0; k < depth; k++, ak += 8, bk += 24) {
            DoubleVector p0 = DoubleVector.fromArray(S, b, bk), p1 = DoubleVector.fromArray(S, b, bk + 8), p2 = DoubleVector.fromArray(S, b, bk + 16);
            DoubleVector q;
            q = DoubleVector.broadcast(S, a[ak]);     x00 = p0.fma(q, x00); x01 = p1.fma(q, x01); x02 = p2.fma(q, x02);
            q = DoubleVector.broadcast(S, a[ak + 1]); x10 = p0.fma(q, x10); x11 = p1.fma(q, x11); x12 = p2.fma(q, x12);
            q = DoubleVector.broadcast(S, a[ak + 2]); x20 = p0.fma(q, x20); x21 = p1.fma(q, x21); x22 = p2.fma(q, x22);
            q = DoubleVector.broadcast(S, a[ak + 3]); x30 = p0.fma(q, x30); x31 = p1.fma(q, x31); x32 = p2.fma(q, x32);
            q = DoubleVector.broadcast(S, a[ak + 4]); x40 = p0.fma(q, x40); x41 = p1.fma(q, x41); x42 = p2.fma(q, x42);
            q = DoubleVector.broadcast(S, a[ak + 5]); x50 = p0.fma(q, x50); x51 = p1.fma(q, x51); x52 = p2.fma(q, x52);
            q = DoubleVector.broadcast(S, a[ak + 6]); x60 = p0.fma(q, x60); x61 = p1.fma(q, x61); x62 = p2.fma(q, x62);
            q = DoubleVector.broadcast(S, a[ak + 7]); x70 = p0.fma(q, x70); x71 = p1.fma(q, x71); x72 = p2.fma(q, x72);
        }
        x00.intoArray(c, c0); x01.intoArray(c, c0 + 8); x02.intoArray(c, c0 + 16);
        x10.intoArray(c, c1); x11.intoArray(c, c1 + 8); x12.intoArray(c, c1 + 16);
        x20.intoArray(c, c2); x21.intoArray(c, c2 + 8); x22.intoArray(c, c2 + 16);
        x30.intoArray(c, c3); x31.intoArray(c, c3 + 8); x32.intoArray(c, c3 + 16);
        x40.intoArray(c, c4); x41.intoArray(c, c4 + 8); x42.intoArray(c, c4 + 16);
        x50.intoArray(c, c5); x51.intoArray(c, c5 + 8); x52.intoArray(c, c5 + 16);
        x60.intoArray(c, c6); x61.intoArray(c, c6 + 8); x62.intoArray(c, c6 + 16);
        x70.intoArray(c, c7); x71.intoArray(c, c7 + 8); x72.intoArray(c, c7 + 16);
    }

    // 6 rows x 3 vectors packed (A 6 per k, B 24 per k)
    static void k6x3(double[] c, int c0, int ldc, double[] a, int ak, double[] b, int bk, int depth) {
        int c1 = c0 + ldc, c2 = c1 + ldc, c3 = c2 + ldc, c4 = c3 + ldc, c5 = c4 + ldc;
        DoubleVector x00 = DoubleVector.fromArray(S, c, c0), x01 = DoubleVector.fromArray(S, c, c0 + 8), x02 = DoubleVector.fromArray(S, c, c0 + 16);
        DoubleVector x10 = DoubleVector.fromArray(S, c, c1), x11 = DoubleVector.fromArray(S, c, c1 + 8), x12 = DoubleVector.fromArray(S, c, c1 + 16);
        DoubleVector x20 = DoubleVector.fromArray(S, c, c2), x21 = DoubleVector.fromArray(S, c, c2 + 8), x22 = DoubleVector.fromArray(S, c, c2 + 16);
        DoubleVector x30 = DoubleVector.fromArray(S, c, c3), x31 = DoubleVector.fromArray(S, c, c3 + 8), x32 = DoubleVector.fromArray(S, c, c3 + 16);
        DoubleVector x40 = DoubleVector.fromArray(S, c, c4), x41 = DoubleVector.fromArray(S, c, c4 + 8), x42 = DoubleVector.fromArray(S, c, c4 + 16);
        DoubleVector x50 = DoubleVector.fromArray(S, c, c5), x51 = DoubleVector.fromArray(S, c, c5 + 8), x52 = DoubleVector.fromArray(S, c, c5 + 16);
        for (int k = 0; k < depth; k++, ak += 6, bk += 24) {
            DoubleVector p0 = DoubleVector.fromArray(S, b, bk), p1 = DoubleVector.fromArray(S, b, bk + 8), p2 = DoubleVector.fromArray(S, b, bk + 16);
            DoubleVector q;
            q = DoubleVector.broadcast(S, a[ak]);     x00 = p0.fma(q, x00); x01 = p1.fma(q, x01); x02 = p2.fma(q, x02);
            q = DoubleVector.broadcast(S, a[ak + 1]); x10 = p0.fma(q, x10); x11 = p1.fma(q, x11); x12 = p2.fma(q, x12);
            q = DoubleVector.broadcast(S, a[ak + 2]); x20 = p0.fma(q, x20); x21 = p1.fma(q, x21); x22 = p2.fma(q, x22);
            q = DoubleVector.broadcast(S, a[ak + 3]); x30 = p0.fma(q, x30); x31 = p1.fma(q, x31); x32 = p2.fma(q, x32);
            q = DoubleVector.broadcast(S, a[ak + 4]); x40 = p0.fma(q, x40); x41 = p1.fma(q, x41); x42 = p2.fma(q, x42);
            q = DoubleVector.broadcast(S, a[ak + 5]); x50 = p0.fma(q, x50); x51 = p1.fma(q, x51); x52 = p2.fma(q, x52);
        }
        x00.intoArray(c, c0); x01.intoArray(c, c0 + 8); x02.intoArray(c, c0 + 16);
        x10.intoArray(c, c1); x11.intoArray(c, c1 + 8); x12.intoArray(c, c1 + 16);
        x20.intoArray(c, c2); x21.intoArray(c, c2 + 8); x22.intoArray(c, c2 + 16);
        x30.intoArray(c, c3); x31.intoArray(c, c3 + 8); x32.intoArray(c, c3 + 16);
        x40.intoArray(c, c4); x41.intoArray(c, c4 + 8); x42.intoArray(c, c4 + 16);
        x50.intoArray(c, c5); x51.intoArray(c, c5 + 8); x52.intoArray(c, c5 + 16);
    }

    // existing engine shape: 6x3 unpacked, A rows stride lda (negated), B stride ldb
    static void u6x3(double[] c, int c0, int ldc, double[] a, int a0, int lda, double[] p, int pk, int ldp, int depth) {
        int c1 = c0 + ldc, c2 = c1 + ldc, c3 = c2 + ldc, c4 = c3 + ldc, c5 = c4 + ldc;
        int a1 = a0 + lda, a2 = a1 + lda, a3 = a2 + lda, a4 = a3 + lda, a5 = a4 + lda;
        DoubleVector x00 = DoubleVector.fromArray(S, c, c0), x01 = DoubleVector.fromArray(S, c, c0 + 8), x02 = DoubleVector.fromArray(S, c, c0 + 16);
        DoubleVector x10 = DoubleVector.fromArray(S, c, c1), x11 = DoubleVector.fromArray(S, c, c1 + 8), x12 = DoubleVector.fromArray(S, c, c1 + 16);
        DoubleVector x20 = DoubleVector.fromArray(S, c, c2), x21 = DoubleVector.fromArray(S, c, c2 + 8), x22 = DoubleVector.fromArray(S, c, c2 + 16);
        DoubleVector x30 = DoubleVector.fromArray(S, c, c3), x31 = DoubleVector.fromArray(S, c, c3 + 8), x32 = DoubleVector.fromArray(S, c, c3 + 16);
        DoubleVector x40 = DoubleVector.fromArray(S, c, c4), x41 = DoubleVector.fromArray(S, c, c4 + 8), x42 = DoubleVector.fromArray(S, c, c4 + 16);
        DoubleVector x50 = DoubleVector.fromArray(S, c, c5), x51 = DoubleVector.fromArray(S, c, c5 + 8), x52 = DoubleVector.fromArray(S, c, c5 + 16);
        for (int k = 0; k < depth; k++, pk += ldp) {
            DoubleVector p0 = DoubleVector.fromArray(S, p, pk), p1 = DoubleVector.fromArray(S, p, pk + 8), p2 = DoubleVector.fromArray(S, p, pk + 16);
            DoubleVector q;
            q = DoubleVector.broadcast(S, -a[a0 + k]); x00 = p0.fma(q, x00); x01 = p1.fma(q, x01); x02 = p2.fma(q, x02);
            q = DoubleVector.broadcast(S, -a[a1 + k]); x10 = p0.fma(q, x10); x11 = p1.fma(q, x11); x12 = p2.fma(q, x12);
            q = DoubleVector.broadcast(S, -a[a2 + k]); x20 = p0.fma(q, x20); x21 = p1.fma(q, x21); x22 = p2.fma(q, x22);
            q = DoubleVector.broadcast(S, -a[a3 + k]); x30 = p0.fma(q, x30); x31 = p1.fma(q, x31); x32 = p2.fma(q, x32);
            q = DoubleVector.broadcast(S, -a[a4 + k]); x40 = p0.fma(q, x40); x41 = p1.fma(q, x41); x42 = p2.fma(q, x42);
            q = DoubleVector.broadcast(S, -a[a5 + k]); x50 = p0.fma(q, x50); x51 = p1.fma(q, x51); x52 = p2.fma(q, x52);
        }
        x00.intoArray(c, c0); x01.intoArray(c, c0 + 8); x02.intoArray(c, c0 + 16);
        x10.intoArray(c, c1); x11.intoArray(c, c1 + 8); x12.intoArray(c, c1 + 16);
        x20.intoArray(c, c2); x21.intoArray(c, c2 + 8); x22.intoArray(c, c2 + 16);
        x30.intoArray(c, c3); x31.intoArray(c, c3 + 8); x32.intoArray(c, c3 + 16);
        x40.intoArray(c, c4); x41.intoArray(c, c4 + 8); x42.intoArray(c, c4 + 16);
        x50.intoArray(c, c5); x51.intoArray(c, c5 + 8); x52.intoArray(c, c5 + 16);
    }

    // in-register ceiling: C tile (8x24) stays hot; A packed 8 x 256, B packed 256 x 24 (both in L1)
    static double run(String kind, int reps) {
        int depth = 256;
        double[] a = new double[8 * depth], b = new double[24 * depth], c = new double[8 * 24];
        java.util.Arrays.fill(a, 1e-9); java.util.Arrays.fill(b, 1e-9);
        double[] au = new double[1000 * 8], pu = new double[1000 * depth];
        java.util.Arrays.fill(au, 1e-9); java.util.Arrays.fill(pu, 1e-9);
        double[] cu = new double[8 * 1000];
        long t = System.nanoTime();
        for (int r = 0; r < reps; r++) {
            switch (kind) {
                case "8x3" -> k8x3(c, 0, 24, a, 0, b, 0, depth);
                case "6x3" -> k6x3(c, 0, 24, a, 0, b, 0, depth);
                case "u6x3" -> u6x3(cu, 0, 1000, pu, 0, 1000, pu, 0, 1000, depth);
            }
        }
        long dt = System.nanoTime() - t;
        int rows = kind.equals("8x3") ? 8 : 6;
        return 2.0 * rows * 24 * depth * reps / dt; // GFlop/s
    }

    public static void main(String[] args) throws Exception {
        int reps = 200_000;
        for (String kind : args.length > 0 ? args : new String[]{"8x3", "6x3", "u6x3"}) {
            for (int w = 0; w < 3; w++) run(kind, reps);
            double best1 = 0;
            for (int i = 0; i < 5; i++) best1 = Math.max(best1, run(kind, reps));
            ExecutorService ex = Executors.newFixedThreadPool(2);
            double best2 = 0;
            for (int i = 0; i < 5; i++) {
                Future<Double> f1 = ex.submit(() -> run(kind, reps));
                Future<Double> f2 = ex.submit(() -> run(kind, reps));
                best2 = Math.max(best2, f1.get() + f2.get());
            }
            ex.shutdown();
            System.out.printf("%-5s 1 thread best %.1f GFlop/s; 2 threads best sum %.1f GFlop/s%n", kind, best1, best2);
        }
    }
}
