package org.parax4j.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The Jacobian benchmarks' contenders compute the same Jacobians, so their timings are comparable. */
class JacobianBenchmarksTest {

    static void close(double[] expected, double[] actual, double tol, String what) {
        for (int k = 0; k < expected.length; k++) {
            assertEquals(expected[k], actual[k], tol * Math.max(1, Math.abs(expected[k])), what + " entry " + k);
        }
    }

    @Test
    void gramContendersAgree() {
        DualJacobianBenchmark bench = new DualJacobianBenchmark();
        bench.n = 37;
        bench.d = 8;
        bench.setUp();
        double[] recorded = bench.recorded().clone();
        close(recorded, bench.analyticSimd().clone(), 1e-13, "analytic");
        close(recorded, bench.hipparchus().clone(), 1e-12, "hipparchus");
        close(recorded, bench.finiteDifferences().clone(), 1e-6, "finite differences");
        assertEquals(37 * 37, bench.plain().length);
    }

    @Test
    void referenceContendersAgree() {
        ReferenceJacobianBenchmark bench = new ReferenceJacobianBenchmark();
        bench.setUp();
        double[] recorded = bench.recorded().clone();
        close(recorded, bench.hipparchus().clone(), 1e-12, "hipparchus");
        close(recorded, bench.finiteDifferences().clone(), 1e-6, "finite differences");
    }
}
