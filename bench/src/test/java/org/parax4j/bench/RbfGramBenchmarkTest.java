package org.parax4j.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

/** The benchmark's contenders compute the same matrix, so their timings are comparable. */
class RbfGramBenchmarkTest {

    @Test
    void engineAndNaiveAgree() {
        RbfGramBenchmark bench = new RbfGramBenchmark();
        bench.n = 33;
        bench.d = 8;
        bench.setUp();
        double[] engine = bench.engine().clone();
        double[] naive = bench.naive().clone();
        assertArrayEquals(naive, engine, 1e-14);
    }
}
