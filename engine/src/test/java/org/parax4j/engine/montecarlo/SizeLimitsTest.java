package org.parax4j.engine.montecarlo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.parax4j.engine.examples.ReferenceModel;
import org.parax4j.engine.graph.ModelFunction;
import org.parax4j.engine.graph.Var;

/**
 * Issue 15, engine part of bug 11 and two weak spots: sizes too large for an array (or the heap)
 * are refused with the sizes and the limit in the message, never a bare
 * {@code ArithmeticException("integer overflow")}; {@code summarize} names the output and the sample
 * of a non-finite value.
 */
class SizeLimitsTest {

    static final ReferenceModel MODEL = ReferenceModel.create();
    static final ModelFunction<ReferenceModel> F = MonteCarloTest.F;
    static final String LIMIT = String.valueOf(Integer.MAX_VALUE - 8);

    static void assertNamed(Executable call, String... parts) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), () -> "'" + part + "' missing from: " + e.getMessage());
        }
    }

    @Test
    void kernelMatrixOf50000PointsSquaredNamesTheSizesAndTheLimit() {
        double[] x = new double[50_000];
        assertNamed(() -> ModelFunction.record(MODEL, (m, g) -> g.kernelMatrix(m.discrepancy().kernel(), x, 50_000, x,
                50_000, 1)), "50000 × 50000", "2500000000", LIMIT);
    }

    @Test
    void broadcastingToTooManyElementsNamesBothShapesAndTheLimit() {
        double[] v = new double[50_000];
        assertNamed(() -> ModelFunction.record(MODEL, (m, g) -> {
            Var row = g.constant(v);
            Var column = g.constant(v, 50_000, 1);
            return row.add(column);
        }), "[50000]", "[50000, 1]", "[50000, 50000]", "2500000000", LIMIT);
    }

    @Test
    void hugeBatchSizesAreRefusedWhenTheRunnerIsBuilt() {
        assertNamed(() -> MonteCarlo.of(F, 1 << 28, 1), "batchSize 268435456", LIMIT, "the largest batchSize");
        assertNamed(() -> MonteCarlo.of(F, 1 << 26, 1), "batchSize 67108864", LIMIT, "the largest batchSize");
        // The largest batch size the message names is accepted.
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MonteCarlo.of(F, 1 << 26, 1));
        String message = e.getMessage();
        int largest = Integer.parseInt(message.replaceAll(".*the largest batchSize for this model is (\\d+).*", "$1"));
        assertEquals(largest, MonteCarlo.of(F, largest, 1).batchSize());
        assertNamed(() -> MonteCarlo.of(F, largest + 1, 1), "batchSize " + (largest + 1));
    }

    @Test
    void funcSamplesBeyondAnArrayOrTheHeapSuggestsSummarize() {
        MonteCarlo<ReferenceModel> mc = MonteCarlo.of(F, 64, 1);
        int out = F.outputSize();
        int most = (Integer.MAX_VALUE - 8) / out;
        assertNamed(() -> mc.funcSamples(1, most + 1), (most + 1) + "·" + out, LIMIT, "summarize");
        long bytes = 8L * most * out;
        assumeTrue(Runtime.getRuntime().maxMemory() < bytes, "the test JVM's heap holds " + bytes + " bytes");
        assertNamed(() -> mc.funcSamples(1, most), most + "·" + out, "maximum heap", "summarize");
    }

    @Test
    void summarizeNamesTheOutputAndTheSampleOfANonFiniteValue() {
        // sqrt(w + 0.25) of the four weights (Normal(0, 0.1) each): NaN for the rare draws below −0.25.
        ModelFunction<ReferenceModel> f = ModelFunction.record(MODEL, (m, g) -> g.param(m.discrepancy().weights())
                .add(0.25).sqrt());
        MonteCarlo<ReferenceModel> mc = MonteCarlo.of(f, 16, 2);
        double[] samples = mc.funcSamples(7, 2000);
        int first = 0;
        while (first < samples.length && Double.isFinite(samples[first])) {
            first++;
        }
        assertTrue(first < samples.length, "some draw is below -0.25");
        assertTrue(first >= 4 * 80, "the first NaN is not in the first round: " + first);
        int sample = first / 4;
        int output = first % 4;
        assertNamed(() -> mc.summarize(7, 2000, new double[] {0.5}, null, null),
                "output " + output + " of sample " + sample + " is NaN", "seed 7");
        assertNamed(() -> MonteCarlo.of(f, 5, 1).summarize(7, 2000, new double[0], null, null),
                "output " + output + " of sample " + sample + " is NaN");
    }
}
