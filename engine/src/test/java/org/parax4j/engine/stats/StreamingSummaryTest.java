package org.parax4j.engine.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.hipparchus.stat.descriptive.rank.Percentile;
import org.junit.jupiter.api.Test;
import org.parax4j.distribution.LogNormal;
import org.parax4j.distribution.Normal;
import org.parax4j.engine.random.CounterRandom;
import org.parax4j.engine.random.VectorSampler;

/** The streaming summaries against the summaries of the stored samples. */
class StreamingSummaryTest {

    static final int N = 100_000;
    static final double[] P = {0.05, 0.5, 0.95};

    /** N rows of (normal, log-normal, normal) as row-major data. */
    static double[] rows() {
        double[] columns = new double[3 * N];
        CounterRandom rng = CounterRandom.of(7);
        VectorSampler.of(new Normal(1, 2)).sample(rng, 0, columns, 0, N);
        VectorSampler.of(new LogNormal(0, 0.5)).sample(rng.split(1), 0, columns, N, N);
        VectorSampler.of(new Normal(-3, 0.1)).sample(rng.split(2), 0, columns, 2 * N, N);
        double[] rows = new double[3 * N];
        for (int s = 0; s < N; s++) {
            for (int j = 0; j < 3; j++) {
                rows[s * 3 + j] = columns[j * N + s];
            }
        }
        return rows;
    }

    static double[] column(double[] rows, int j) {
        double[] c = new double[N];
        for (int s = 0; s < N; s++) {
            c[s] = rows[s * 3 + j];
        }
        return c;
    }

    @Test
    void meansAndVariancesEqualTheStoredSampleOnes() {
        double[] rows = rows();
        StreamingSummary acc = new StreamingSummary(3, P);
        acc.addRows(rows, 0, N);
        Summary summary = acc.summary();
        assertEquals(N, summary.count());
        for (int j = 0; j < 3; j++) {
            double[] c = column(rows, j);
            double mean = Arrays.stream(c).sum() / N;
            double variance = Arrays.stream(c).map(v -> (v - mean) * (v - mean)).sum() / (N - 1);
            assertEquals(mean, summary.mean()[j], 1e-12 * Math.max(1, Math.abs(mean)));
            assertEquals(variance, summary.variance()[j], 1e-10 * variance);
            assertEquals(Math.sqrt(variance / N), summary.meanError()[j], 1e-10 * Math.sqrt(variance / N));
        }
    }

    @Test
    void percentilesAreWithinTheirErrorOfTheStoredSamplePercentiles() {
        double[] rows = rows();
        StreamingSummary acc = new StreamingSummary(3, P);
        for (int s = 0; s < N; s++) {
            acc.add(rows, 3 * s);
        }
        Summary summary = acc.summary();
        for (int j = 0; j < 3; j++) {
            double[] c = column(rows, j);
            for (int k = 0; k < P.length; k++) {
                double stored = new Percentile().withEstimationType(Percentile.EstimationType.R_7).evaluate(c, 100 * P[k]);
                double error = summary.percentileErrors()[k][j];
                assertTrue(error > 0 && error < 0.05 * Math.sqrt(summary.variance()[j]), "error " + error);
                assertEquals(stored, summary.percentiles()[k][j], 5 * error, "output " + j + " p=" + P[k]);
            }
        }
        // For the N(1, 2) output the error should be close to the asymptotic √(p(1−p)/n)/f(x_p).
        Normal normal = new Normal(1, 2);
        for (int k = 0; k < P.length; k++) {
            double expected = Math.sqrt(P[k] * (1 - P[k]) / N) / normal.prob(normal.icdf(P[k]));
            assertEquals(expected, summary.percentileErrors()[k][0], 0.25 * expected, "p=" + P[k]);
        }
    }

    @Test
    void fewRowsGiveExactInterpolatedPercentiles() {
        StreamingSummary acc = new StreamingSummary(1, 0.25, 0.5);
        acc.addRows(new double[] {4, 1, 3}, 0, 3);
        Summary s = acc.summary();
        assertEquals(1.0 + 0.5 * 2, s.percentiles()[0][0]);
        assertEquals(3.0, s.percentiles()[1][0]);
        assertTrue(Double.isNaN(s.percentileErrors()[0][0]));
        assertEquals(8.0 / 3, s.mean()[0], 1e-15);
        assertEquals(7.0 / 3, s.variance()[0], 1e-15);
    }

    @Test
    void emptyAndSingleRowSummaries() {
        StreamingSummary acc = new StreamingSummary(2, 0.5);
        Summary empty = acc.summary();
        assertEquals(0, empty.count());
        assertTrue(Double.isNaN(empty.mean()[0]) && Double.isNaN(empty.percentiles()[0][1]));
        acc.add(new double[] {0, 5, 6}, 1);
        assertArrayEquals(new double[] {5, 6}, acc.summary().mean());
        assertTrue(Double.isNaN(acc.summary().variance()[0]));
    }

    @Test
    void mergedMomentsEqualOneAccumulatorOverAllRows() {
        double[] rows = rows();
        StreamingSummary whole = new StreamingSummary(3);
        whole.addRows(rows, 0, N);
        StreamingSummary left = new StreamingSummary(3);
        StreamingSummary right = new StreamingSummary(3);
        left.addRows(rows, 0, 12_345);
        right.addRows(rows, 3 * 12_345, N - 12_345);
        left.merge(right);
        left.merge(new StreamingSummary(3));
        Summary a = whole.summary();
        Summary b = left.summary();
        assertEquals(a.count(), b.count());
        for (int j = 0; j < 3; j++) {
            assertEquals(a.mean()[j], b.mean()[j], 1e-12 * Math.max(1, Math.abs(a.mean()[j])));
            assertEquals(a.variance()[j], b.variance()[j], 1e-10 * a.variance()[j]);
        }
        assertEquals(N - 12_345, right.count());
    }

    @Test
    void invalidInputIsRejectedAndChangesNothing() {
        assertThrows(IllegalArgumentException.class, () -> new StreamingSummary(0));
        IllegalArgumentException p = assertThrows(IllegalArgumentException.class, () -> new StreamingSummary(1, 0.5, 1.0));
        assertTrue(p.getMessage().contains("probabilities[1] must be in (0, 1), got 1.0"), p.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new StreamingSummary(1, Double.NaN));
        StreamingSummary acc = new StreamingSummary(2, 0.5);
        acc.add(new double[] {1, 2}, 0);
        Summary before = acc.summary();
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
                () -> acc.addRows(new double[] {1, 2, 3, Double.NaN}, 0, 2));
        assertTrue(nan.getMessage().contains("data[3] must be finite, got NaN"), nan.getMessage());
        assertThrows(IllegalArgumentException.class, () -> acc.addRows(new double[3], 0, 2));
        assertThrows(IllegalArgumentException.class, () -> acc.addRows(null, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> acc.addRows(new double[3], -1, 1));
        assertEquals(before, acc.summary());
        assertThrows(IllegalArgumentException.class, () -> acc.merge(new StreamingSummary(3)));
        assertThrows(UnsupportedOperationException.class, () -> acc.merge(new StreamingSummary(2)));
    }

    @Test
    void summariesAreImmutableValues() {
        StreamingSummary acc = new StreamingSummary(1, 0.5);
        acc.add(new double[] {2}, 0);
        Summary s = acc.summary();
        s.mean()[0] = 99;
        s.percentiles()[0][0] = 99;
        assertEquals(2.0, s.mean()[0]);
        assertEquals(2.0, s.percentiles()[0][0]);
        assertEquals(s, acc.summary());
        assertEquals(s.hashCode(), acc.summary().hashCode());
    }
}
