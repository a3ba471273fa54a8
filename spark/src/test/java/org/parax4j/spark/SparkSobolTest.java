package org.parax4j.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.parax4j.engine.examples.ReferenceModel;
import org.parax4j.engine.montecarlo.MonteCarlo;
import org.parax4j.engine.montecarlo.Reduction;
import org.parax4j.engine.montecarlo.SobolAnalysis;
import org.parax4j.engine.montecarlo.SobolIndices;

class SparkSobolTest {

    static final ReferenceModel MODEL = ReferenceModel.create();
    static final ModelSpec SPEC = ModelSpec.of(ReferenceModelFactory.NAME, MODEL);

    @Test
    void indicesHaveTheLocalBitsForAnyPartitioning() {
        int n = 3001;
        SobolIndices local = SobolAnalysis.analyze(MonteCarlo.of(ReferenceModel.function(MODEL)), 7, n,
                Reduction.element(100), 40, 0.9);
        for (int partitions : new int[] {1, 3, 8}) {
            SobolIndices d = SparkSobol.analyze(SharedSpark.get(), SPEC, ReducedOutput.element(100), 7, n, partitions,
                    40, 0.9);
            assertEquals(local, d, partitions + " partitions");
        }
        // the indices mean something: at the band centre the resonance (f0, q) dominates
        SobolIndices.Index top = local.indices().stream().max((a, b) -> Double.compare(a.total(), b.total()))
                .orElseThrow();
        assertTrue(top.factor().contains("f0"), local.toString());
        SobolIndices mean = SobolAnalysis.analyze(MonteCarlo.of(ReferenceModel.function(MODEL)), 7, 500,
                Reduction.mean(), 0, 0.9);
        assertEquals(mean, SparkSobol.analyze(SharedSpark.get(), SPEC, ReducedOutput.mean(), 7, 500, 2, 0, 0.9));
    }

    @Test
    void badArgumentsAreNamedBeforeAnyTaskRuns() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SparkSobol.analyze(SharedSpark.get(), SPEC, ReducedOutput.element(0), 1, 1, 2, 10, 0.9));
        assertEquals("baseSamples must be >= 2, got 1", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> SparkSobol.analyze(SharedSpark.get(), SPEC, ReducedOutput.element(0), 1, 10, 2, 10, 1.0));
        assertEquals("confidence must be in (0, 1), got 1.0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ReducedOutput.element(-1));
        assertEquals("output index must be >= 0, got -1", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new ReducedOutput("max", 0));
        assertEquals("kind must be 'element' or 'mean', got max", e.getMessage());
    }
}
