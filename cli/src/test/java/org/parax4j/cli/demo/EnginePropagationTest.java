package org.parax4j.cli.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.parax4j.engine.examples.ReferenceModel;

class EnginePropagationTest {

    private final double[] freqs = {1.9, 2.35, 2.4, 2.8};

    @Test
    void agreesInDistributionWithStoredSamplesAndIsReproducible() {
        int n = 4001;
        ReferenceModel model = ReferenceModel.create();
        List<long[]> updates = new ArrayList<>();
        Summary engine = new EnginePropagation().run(model, freqs, 11, n,
                (done, total) -> updates.add(new long[] {done, total}));
        Summary stored = new StoredSamplesPropagation().run(model, freqs, 11, n, ProgressListener.NONE);
        for (int k = 0; k < freqs.length; k++) {
            double se = stored.std()[k] / Math.sqrt(n);
            assertEquals(stored.mean()[k], engine.mean()[k], 5 * Math.sqrt(2) * se, "mean at " + freqs[k]);
            assertEquals(stored.std()[k], engine.std()[k], 0.1 * stored.std()[k], "std at " + freqs[k]);
            assertEquals(stored.p50()[k], engine.p50()[k], 0.2 * stored.std()[k], "median at " + freqs[k]);
        }
        assertEquals(0, updates.getFirst()[0]);
        assertEquals(n, updates.getLast()[0]);
        assertEquals(engine, new EnginePropagation().run(model, freqs, 11, n, ProgressListener.NONE));
        assertThrows(IllegalArgumentException.class,
                () -> new EnginePropagation().run(model, freqs, 11, 1, ProgressListener.NONE));
    }
}
