package org.parax4j.bench;

import org.junit.jupiter.api.Test;

/** The RF Jacobian benchmark's contenders compute the same Jacobian, so their timings are comparable. */
class RfJacobianBenchmarkTest {

    @Test
    void recordedAndHipparchusJacobiansAgree() {
        RfJacobianBenchmark bench = new RfJacobianBenchmark();
        bench.setUp();
        double[] recorded = bench.recorded().clone();
        JacobianBenchmarksTest.close(recorded, bench.hipparchus().clone(), 1e-10, "hipparchus");
        JacobianBenchmarksTest.close(recorded, bench.hipparchusPairs().clone(), 1e-10, "hipparchus pairs");
    }
}
