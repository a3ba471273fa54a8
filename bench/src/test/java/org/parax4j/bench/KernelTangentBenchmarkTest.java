package org.parax4j.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.parax4j.engine.kernel.KernelTangents;

/**
 * The planes the benchmark times are the engine's, and its store floors write the bytes they claim
 * (every element of the value and of every plane), so the ratios in the results files compare like
 * with like.
 */
class KernelTangentBenchmarkTest {

    @ParameterizedTest
    @ValueSource(ints = {37, 64})
    void theScaledStoreFloorWritesEveryElementOfTheValueAndThePlanes(int n) {
        KernelTangentBenchmark bench = setUp(n);
        double[] planes = bench.floorScaledStore().clone();
        double[] value = bench.value.clone();
        int size = n * n;
        int count = KernelTangents.count(bench.kernel);
        assertEquals(9, count);
        assertEquals(count * size, planes.length);
        for (int e = 0; e < size; e++) {
            assertEquals(bench.weights[e] * 0.5, value[e], "value " + e);
            for (int q = 0; q < count; q++) {
                assertEquals(bench.weights[e] * (q + 1.5), planes[q * size + e], "plane " + q + ", element " + e);
            }
        }
        Arrays.fill(bench.planes, 0);
        Arrays.fill(bench.value, 0);
        assertArrayEquals(planes, bench.floorScaledStoreOneThread().clone(), "one thread");
        assertArrayEquals(value, bench.value, "one thread's value");
    }

    @ParameterizedTest
    @ValueSource(ints = {37, 64})
    void allCoresAndOneThreadGiveTheSamePlanes(int n) {
        KernelTangentBenchmark bench = setUp(n);
        double[] planes = bench.planes().clone();
        double[] value = bench.value.clone();
        assertArrayEquals(planes, bench.planesOneThread().clone());
        assertArrayEquals(value, bench.value);
        assertArrayEquals(value, bench.plain().clone());
    }

    private static KernelTangentBenchmark setUp(int n) {
        KernelTangentBenchmark bench = new KernelTangentBenchmark();
        bench.n = n;
        bench.kernelName = "ardRbfScaled";
        bench.setUp();
        return bench;
    }
}
