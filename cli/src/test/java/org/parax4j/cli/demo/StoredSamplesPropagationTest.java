package org.parax4j.cli.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.parax4j.engine.examples.ReferenceModel;

class StoredSamplesPropagationTest {

    private final Propagation propagation = new StoredSamplesPropagation();
    private final double[] freqs = {1.9, 2.35, 2.4, 2.8};

    @Test
    void summaryMatchesADirectComputationOnTheSameDraws() {
        int n = 501;
        ReferenceModel model = ReferenceModel.create();
        List<long[]> updates = new ArrayList<>();
        Summary s = propagation.run(model, freqs, 11, n, (done, total) -> updates.add(new long[] {done, total}));
        // the same draws, evaluated in plain Java without the engine
        RandomGenerator rng = SeededRandom.of(11);
        double[][] y = new double[freqs.length][n];
        for (int i = 0; i < n; i++) {
            double[] r = ReferenceModel.response(model.sampled(rng), freqs);
            for (int k = 0; k < freqs.length; k++) {
                y[k][i] = r[k];
            }
        }
        for (int k = 0; k < freqs.length; k++) {
            double[] x = y[k].clone();
            Arrays.sort(x);
            double mean = Arrays.stream(x).average().orElseThrow();
            double var = Arrays.stream(x).map(v -> (v - mean) * (v - mean)).sum() / (n - 1);
            double tol = 1e-5 * Math.max(1, Math.abs(mean));
            assertEquals(mean, s.mean()[k], tol);
            assertEquals(Math.sqrt(var), s.std()[k], tol);
            // n = 501: h = 500·p is an integer for 5 %, 50 % and 95 %
            assertEquals(x[25], s.p5()[k], tol);
            assertEquals(x[250], s.p50()[k], tol);
            assertEquals(x[475], s.p95()[k], tol);
        }
        assertEquals(0, updates.getFirst()[0]);
        assertEquals(n, updates.getLast()[0]);
        assertTrue(updates.size() <= 202, "progress updates: " + updates.size());
    }

    @Test
    void sameSeedSameSummaryOtherSeedOtherSummary() {
        ReferenceModel model = ReferenceModel.create();
        Summary a = propagation.run(model, freqs, 5, 300, ProgressListener.NONE);
        assertEquals(a, propagation.run(model, freqs, 5, 300, ProgressListener.NONE));
        assertTrue(!a.equals(propagation.run(model, freqs, 6, 300, ProgressListener.NONE)));
    }

    @Test
    void percentileInterpolatesBetweenOrderStatistics() {
        float[] x = {1, 2, 3, 4, 5};
        assertEquals(1, StoredSamplesPropagation.percentile(x, 0), 0);
        assertEquals(1.2, StoredSamplesPropagation.percentile(x, 0.05), 1e-12);
        assertEquals(3, StoredSamplesPropagation.percentile(x, 0.5), 0);
        assertEquals(4.8, StoredSamplesPropagation.percentile(x, 0.95), 1e-12);
        assertEquals(5, StoredSamplesPropagation.percentile(x, 1), 0);
    }

    @Test
    void rejectsBadArguments() {
        ReferenceModel model = ReferenceModel.create();
        assertEquals("samples must be >= 2, got 1", assertThrows(IllegalArgumentException.class,
                () -> propagation.run(model, freqs, 1, 1, ProgressListener.NONE)).getMessage());
        assertEquals("freqs[1] must be finite, got NaN", assertThrows(IllegalArgumentException.class,
                () -> propagation.run(model, new double[] {2, Double.NaN}, 1, 10, ProgressListener.NONE)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> propagation.run(model, new double[0], 1, 10, ProgressListener.NONE));
    }

    @Test
    void progressBarRedrawsInPlaceOnATerminal() {
        StringWriter text = new StringWriter();
        ProgressBar bar = new ProgressBar(new PrintWriter(text), true, "MC");
        for (int i = 0; i <= 1000; i++) {
            bar.update(i, 1000);
        }
        String s = text.toString();
        assertEquals(101, s.chars().filter(c -> c == '\r').count(), "one redraw per percent");
        assertTrue(s.contains("MC [##############################] 100% 1,000/1,000"), s);
        assertTrue(s.endsWith(System.lineSeparator()), s);
        assertThrows(IllegalArgumentException.class, () -> bar.update(5, 4));
    }
}
