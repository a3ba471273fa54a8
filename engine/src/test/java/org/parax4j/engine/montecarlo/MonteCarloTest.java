package org.parax4j.engine.montecarlo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parax4j.engine.compile.Layout;
import org.parax4j.engine.examples.ReferenceModel;
import org.parax4j.engine.graph.ModelFunction;
import org.parax4j.engine.graph.Workspace;
import org.parax4j.engine.stats.Summary;

/** funcSamples and summarize of the reference model: reproducibility, agreement, streaming, errors. */
class MonteCarloTest {

    static final ReferenceModel MODEL = ReferenceModel.create();
    static final ModelFunction<ReferenceModel> F = ReferenceModel.function(MODEL);
    static final long SEED = 20261124L;

    @Test
    void sameBitsForAnyThreadCountAndBatchSize() {
        int n = 1000;
        double[] base = MonteCarlo.of(F, 64, 1).funcSamples(SEED, n);
        assertEquals(n * F.outputSize(), base.length);
        assertArrayEquals(base, MonteCarlo.of(F, 64, 2).funcSamples(SEED, n));
        assertArrayEquals(base, MonteCarlo.of(F, 7, 2).funcSamples(SEED, n));
        assertArrayEquals(base, MonteCarlo.of(F, 200, 1).funcSamples(SEED, n));
        assertArrayEquals(base, MonteCarlo.of(F, 1, 1).funcSamples(SEED, n));
        double[] part = new double[500 * F.outputSize()];
        MonteCarlo.of(F, 33, 2).funcSamples(SEED, 300, 500, part, 0);
        assertArrayEquals(Arrays.copyOfRange(base, 300 * F.outputSize(), 800 * F.outputSize()), part);
        assertTrue(!Arrays.equals(base, MonteCarlo.of(F, 64, 1).funcSamples(SEED + 1, n)), "the seed matters");
    }

    @Test
    void agreesWithPlainEvaluateToAFewUlps() {
        int n = 300;
        MonteCarlo<ReferenceModel> mc = MonteCarlo.of(F, 64, 2);
        double[] batched = mc.funcSamples(SEED, n);
        double[] rows = mc.sampler().sampleLatentRows(SEED, 0, n);
        int p = F.numFree();
        int out = F.outputSize();
        Workspace ws = F.newWorkspace();
        double[] y = new double[out];
        double worst = 0;
        for (int s = 0; s < n; s++) {
            F.evaluate(Arrays.copyOfRange(rows, s * p, (s + 1) * p), ws, y);
            for (int k = 0; k < out; k++) {
                double want = y[k];
                double got = batched[s * out + k];
                worst = Math.max(worst, Math.abs(got - want) / Math.max(1, Math.abs(want)));
            }
        }
        assertTrue(worst < 1e-13, "largest relative difference " + worst);
        double[] direct = ReferenceModel.response(MODEL.withParams(Arrays.copyOf(rows, p)), ReferenceModel.frequencies());
        for (int k = 0; k < out; k++) {
            assertEquals(direct[k], batched[k], 1e-11 * Math.max(1, Math.abs(direct[k])));
        }
    }

    @Test
    void heldAndFixedParametersKeepTheirValues() {
        ParameterSampler sampler = ParameterSampler.of(F);
        Layout layout = sampler.layout();
        int ls = layout.element("discrepancy_kernel_lengthScale");
        int f = layout.freeNames().indexOf("discrepancy_kernel_lengthScale");
        double[] rows = sampler.sampleLatentRows(SEED, 0, 50);
        for (int s = 0; s < 50; s++) {
            assertEquals(F.flatValues()[f], rows[s * sampler.numFree() + f]);
        }
        assertTrue(!sampler.varies(ls));
        assertTrue(!sampler.varies(layout.element("resonator_z0")));
        assertTrue(sampler.varies(layout.element("resonator_q")));
    }

    @Test
    void streamingSummaryEqualsStoredSamples() {
        int n = 3000;
        double[] probs = {0.05, 0.5, 0.95};
        MonteCarlo<ReferenceModel> mc = MonteCarlo.of(F, 64, 2);
        Summary s = mc.summarize(SEED, n, probs, null, null);
        assertEquals(s, MonteCarlo.of(F, 17, 1).summarize(SEED, n, probs, ProgressListener.NONE,
                CancellationToken.none()), "same summary for any threads and batch size");
        double[] stored = mc.funcSamples(SEED, n);
        int out = F.outputSize();
        double[] col = new double[n];
        for (int k = 0; k < out; k++) {
            double mean = 0;
            for (int i = 0; i < n; i++) {
                col[i] = stored[i * out + k];
                mean += col[i];
            }
            mean /= n;
            double ss = 0;
            for (double v : col) {
                ss += (v - mean) * (v - mean);
            }
            double variance = ss / (n - 1);
            assertEquals(mean, s.mean()[k], 1e-12 * Math.max(1, Math.abs(mean)), "mean of output " + k);
            assertEquals(variance, s.variance()[k], 1e-10 * variance, "variance of output " + k);
            Arrays.sort(col);
            for (int q = 0; q < probs.length; q++) {
                double empirical = col[(int) Math.round(probs[q] * (n - 1))];
                double err = s.percentileErrors()[q][k];
                assertEquals(empirical, s.percentiles()[q][k], 4 * err + 1e-9,
                        "percentile " + probs[q] + " of output " + k);
            }
        }
    }

    @Test
    void progressIsReportedAndCancellationStopsTheRun() {
        MonteCarlo<ReferenceModel> mc = MonteCarlo.of(F, 16, 1);
        List<long[]> calls = new ArrayList<>();
        mc.summarize(SEED, 1000, new double[] {0.5}, (done, total) -> calls.add(new long[] {done, total}), null);
        assertEquals(1000, calls.getLast()[0]);
        for (int i = 0; i < calls.size(); i++) {
            assertEquals(1000, calls.get(i)[1]);
            assertTrue(i == 0 || calls.get(i)[0] > calls.get(i - 1)[0]);
        }
        assertTrue(calls.size() > 1);
        CancellationToken token = new CancellationToken();
        SamplingCancelledException e = assertThrows(SamplingCancelledException.class,
                () -> mc.summarize(SEED, 1000, new double[] {0.5}, (done, total) -> token.cancel(), token));
        assertEquals(256, e.done(), "one round of 16 batches of 16 samples");
    }

    @Test
    void badArgumentsAreNamed() {
        MonteCarlo<ReferenceModel> mc = MonteCarlo.of(F);
        assertMessage("numSamples must be >= 0, got -1", () -> mc.funcSamples(SEED, -1));
        assertMessage("function must not be null", () -> MonteCarlo.of(null));
        assertMessage("batchSize must be >= 1, got 0", () -> MonteCarlo.of(F, 0, 1));
        assertMessage("threads must be >= 1, got 0", () -> MonteCarlo.of(F, 8, 0));
        assertMessage("index must be >= 0, got -3", () -> mc.funcSamples(SEED, -3, 1, new double[200], 0));
        assertMessage("out must hold [from, from + numSamples*outputSize) = [0, 400), has length 200",
                () -> mc.funcSamples(SEED, 0, 2, new double[200], 0));
        assertMessage("out must not be null", () -> mc.funcSamples(SEED, 0, 2, null, 0));
        assertMessage("probabilities must not be null", () -> mc.summarize(SEED, 10, null, null, null));
        assertMessage("probabilities[0] must be in (0, 1), got NaN",
                () -> mc.summarize(SEED, 10, new double[] {Double.NaN}, null, null));
        assertMessage("count must be >= 0, got -1",
                () -> mc.sampler().sampleLatent(SEED, 0, -1, new double[9], 0, new double[9]));
        assertMessage("scratch must hold 20 doubles, has 1",
                () -> mc.sampler().sampleLatent(SEED, 0, 10, new double[90], 0, new double[1]));
        assertMessage("module must not be null", () -> ParameterSampler.of((ReferenceModel) null));
        assertEquals(0, mc.funcSamples(SEED, 0).length);
        assertEquals(0, mc.summarize(SEED, 0, new double[0], null, null).count());
    }

    static void assertMessage(String message, org.junit.jupiter.api.function.Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertEquals(message, e.getMessage());
    }

    @Test
    void moduleSamplingMatchesTheBatchedPathAtIndexZero() {
        ParameterSampler sampler = ParameterSampler.of(MODEL);
        double[] first = sampler.sampleLatentRows(SEED, 0, 1);
        ReferenceModel drawn = ModuleSampling.sampled(MODEL, SEED);
        assertArrayEquals(first, drawn.flatParamValues());
        assertArrayEquals(Arrays.copyOf(sampler.sampleLatentRows(SEED, 5, 1), first.length),
                ModuleSampling.<ReferenceModel>sampled(MODEL, SEED, 5).flatParamValues());
        Map<String, Double> physical = ModuleSampling.sample(MODEL, SEED);
        assertEquals(MODEL.flatParamNames(), List.copyOf(physical.keySet()));
        assertEquals(0.15, physical.get("discrepancy_kernel_lengthScale"), 1e-15);
        double[] y = MonteCarlo.of(F).funcSamples(SEED, 1);
        assertArrayEquals(F.evaluate(drawn), y, 1e-12);
    }
}
