package org.parax4j.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import smile.math.matrix.Matrix;

/** The benchmark's contenders compute the same matrix, so their timings are comparable. */
class RbfGramBenchmarkTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 8})
    void everyContenderComputesTheSameMatrix(int d) {
        RbfGramBenchmark bench = new RbfGramBenchmark();
        bench.n = 333;
        bench.d = d;
        bench.setUp();
        int n = bench.n;
        double[] naive = bench.naive().clone();
        assertArrayEquals(naive, bench.engine().clone(), 1e-14, "engine");
        assertArrayEquals(naive, bench.engineSingleThreaded().clone(), 1e-14, "single-threaded");
        assertArrayEquals(naive, bench.scalarTwin().clone(), 1e-14, "scalar twin");
        Matrix smile = bench.smile();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                assertEquals(naive[i * n + j], smile.get(i, j), 1e-14, "smile");
            }
        }
        float[] single = bench.engineFloat();
        for (int e = 0; e < naive.length; e++) {
            assertEquals(naive[e], single[e], 1e-6, "float32");
        }
        double[] cross = bench.engineCross().clone();
        double[] expectedCross = new double[n * n];
        NaiveKernels.rbf(bench.x, n, bench.x2, n, d, RbfGramBenchmark.LENGTH_SCALE, expectedCross);
        assertArrayEquals(expectedCross, cross, 1e-14, "cross");
        float[] floatCross = bench.engineFloatCross();
        for (int e = 0; e < expectedCross.length; e++) {
            assertEquals(expectedCross[e], floatCross[e], 1e-6, "float32 cross");
        }
        double[] floor = bench.writeFloor();
        assertEquals(n * n, floor.length);
    }
}
