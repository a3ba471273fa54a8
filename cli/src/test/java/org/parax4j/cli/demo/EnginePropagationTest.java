package org.parax4j.cli.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.parax4j.engine.examples.ReferenceModel;
import org.parax4j.engine.graph.ModelFunction;
import org.parax4j.engine.montecarlo.MonteCarlo;

/**
 * The engine's propagation against the stored-samples one: two independent samples of the same
 * output distribution, so each statistic's difference is held to five standard errors of a
 * difference. The standard deviation's standard error comes from the kurtosis κ of the engine's own
 * samples of the same function ({@code se(s) = s·√((κ − 1)/(4n))} per sample). At n = 4001 a
 * relative error of the standard deviation is detected with probability ≥ 99 % from
 * {@code 7.33·√2·√((κ − 1)/(4n))}, 11.6 % for normal outputs; the mean from {@code 0.16·σ}.
 */
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
        double[] samples = MonteCarlo.funcSamples(ModelFunction.record(model, ReferenceModel.body(freqs)), 11, n);
        for (int k = 0; k < freqs.length; k++) {
            double se = stored.std()[k] / Math.sqrt(n);
            assertEquals(stored.mean()[k], engine.mean()[k], 5 * Math.sqrt(2) * se, "mean at " + freqs[k]);
            double kurtosis = kurtosis(samples, k, freqs.length);
            double seStd = stored.std()[k] * Math.sqrt((kurtosis - 1) / (4.0 * n));
            assertEquals(stored.std()[k], engine.std()[k], 5 * Math.sqrt(2) * seStd, "std at " + freqs[k]);
            assertEquals(stored.p50()[k], engine.p50()[k], 0.2 * stored.std()[k], "median at " + freqs[k]);
        }
        assertEquals(0, updates.getFirst()[0]);
        assertEquals(n, updates.getLast()[0]);
        assertEquals(engine, new EnginePropagation().run(model, freqs, 11, n, ProgressListener.NONE));
        assertThrows(IllegalArgumentException.class,
                () -> new EnginePropagation().run(model, freqs, 11, 1, ProgressListener.NONE));
    }

    /** {@code m₄/m₂²} of column {@code k} of {@code rows} ({@code out} columns). */
    static double kurtosis(double[] rows, int k, int out) {
        int n = rows.length / out;
        double mean = 0;
        for (int s = 0; s < n; s++) {
            mean += rows[s * out + k];
        }
        mean /= n;
        double m2 = 0;
        double m4 = 0;
        for (int s = 0; s < n; s++) {
            double c = (rows[s * out + k] - mean) * (rows[s * out + k] - mean);
            m2 += c;
            m4 += c * c;
        }
        return n * m4 / (m2 * m2);
    }
}
