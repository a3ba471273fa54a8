package org.parax4j.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.parax4j.bench.report.BenchCompare.Comparison;
import org.parax4j.bench.report.BenchCompare.Verdict;

/**
 * {@code bench/compare} on fixture JMH files: {@code compare-before.json} against
 * {@code compare-after.json} holds a 20 % time regression with disjoint intervals, a 10 % slowdown
 * whose intervals overlap, a 2× improvement reported in another unit, a throughput regression, a
 * change within the threshold, a result without an interval and one benchmark only in each file;
 * {@code compare-noise.json} holds only changes inside the noise.
 */
class BenchCompareTest {

    static Path fixture(String name) throws URISyntaxException {
        return Path.of(BenchCompareTest.class.getResource(name).toURI());
    }

    static BenchCompare.Result compare(String before, String after, double threshold) throws Exception {
        return BenchCompare.compare(BenchCompare.read(fixture(before)), BenchCompare.read(fixture(after)), threshold);
    }

    static Map<String, Comparison> byName(BenchCompare.Result result) {
        return result.rows().stream().collect(Collectors.toMap(Comparison::name, Function.identity()));
    }

    /** Runs the command line, returning its exit status and (via {@code out[0]}) its output. */
    static int run(String[] out, String... args) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        int status = BenchCompare.run(args, new PrintStream(o, true, StandardCharsets.UTF_8),
                new PrintStream(e, true, StandardCharsets.UTF_8));
        out[0] = o.toString(StandardCharsets.UTF_8) + e.toString(StandardCharsets.UTF_8);
        return status;
    }

    @Test
    void aSlowdownBeyondTheThresholdWithDisjointIntervalsIsARegression() throws Exception {
        Map<String, Comparison> rows = byName(compare("compare-before.json", "compare-after.json", 0.05));
        Comparison gram = rows.get("RbfGramBenchmark.engine d=8 n=1024");
        assertEquals(Verdict.REGRESSION, gram.verdict());
        assertEquals(1.2, gram.ratio(), 1e-12);
        assertEquals(2.3 / 2.1, gram.ratioLow(), 1e-12);
        assertEquals(2.5 / 1.9, gram.ratioHigh(), 1e-12);
        Comparison normals = rows.get("RandomBenchmark.normalsParax4j");
        assertEquals(Verdict.REGRESSION, normals.verdict(), "a throughput drop is a slowdown");
        assertEquals(500.0 / 600.0, normals.ratio(), 1e-12);
        assertEquals(1.2, normals.slowdown(), 1e-12);
        assertEquals(Verdict.REGRESSION, rows.get("RbfGramBenchmark.smile d=8 n=1024").verdict(),
                "a result without an interval is compared as a point");
    }

    @Test
    void overlappingIntervalsAreNotFlaggedWhateverTheRatio() throws Exception {
        Comparison naive = byName(compare("compare-before.json", "compare-after.json", 0.05))
                .get("RbfGramBenchmark.naive d=8 n=1024");
        assertEquals(Verdict.NOISE, naive.verdict());
        assertEquals(1.1, naive.ratio(), 1e-12);
        BenchCompare.Result noise = compare("compare-before.json", "compare-noise.json", 0.05);
        assertFalse(noise.regressed());
        assertEquals(Verdict.NOISE, byName(noise).get("RbfGramBenchmark.naive d=8 n=1024").verdict(), "20 % slower, overlapping");
        String[] out = new String[1];
        assertEquals(0, run(out, fixture("compare-before.json").toString(), fixture("compare-noise.json").toString()), out[0]);
        assertTrue(out[0].contains("0 regression(s)"), out[0]);
    }

    @Test
    void improvementsAndUnchangedRowsAreShownAcrossUnits() throws Exception {
        BenchCompare.Result result = compare("compare-before.json", "compare-after.json", 0.05);
        Map<String, Comparison> rows = byName(result);
        Comparison mc = rows.get("MonteCarloBenchmark.engine samples=100000");
        assertEquals(Verdict.FASTER, mc.verdict());
        assertEquals(0.5, mc.ratio(), 1e-12, "50000 us/op after 100 ms/op before");
        assertEquals(Verdict.SAME, rows.get("ReferenceJacobianBenchmark.recorded").verdict());
        assertEquals("DualJacobianBenchmark n=256", result.onlyBefore().get(0).group());
        assertEquals("FitBenchmark", result.onlyAfter().get(0).group());
        String report = BenchCompare.report(result);
        assertTrue(report.contains("faster 2.00×"), report);
        assertTrue(report.contains("REGRESSION 20.0 % slower"), report);
        assertTrue(report.contains("noise (+10.0 %, intervals overlap)"), report);
        assertTrue(report.contains("[1.095, 1.316]"), report);
        assertTrue(report.contains("only before: DualJacobianBenchmark n=256 hipparchus"), report);
        assertTrue(report.contains("6 compared, 3 regression(s), 1 faster; threshold 5.0 %"), report);
    }

    @Test
    void theCommandLineExitsNonZeroOnARegressionAndHonoursTheThreshold() throws Exception {
        String before = fixture("compare-before.json").toString();
        String after = fixture("compare-after.json").toString();
        String[] out = new String[1];
        assertEquals(1, run(out, before, after), out[0]);
        assertTrue(out[0].contains("REGRESSION"), out[0]);
        assertEquals(0, run(out, "--threshold", "25", before, after), out[0]);
        assertTrue(out[0].contains("threshold 25.0 %") && !out[0].contains("REGRESSION"), out[0]);
        assertEquals(1, run(out, "--threshold=15%", before, after), out[0]);
        assertTrue(out[0].contains("2 regression(s)"), out[0]);
    }

    @Test
    void usageAndInputErrorsExitWithTwoAndSayWhy() throws Exception {
        String before = fixture("compare-before.json").toString();
        String[] out = new String[1];
        assertEquals(2, run(out, before), out[0]);
        assertTrue(out[0].contains("expected two result files, got 1"), out[0]);
        assertEquals(2, run(out, "--threshold", "-1", before, before), out[0]);
        assertTrue(out[0].contains("--threshold: expected a percentage >= 0, got '-1'"), out[0]);
        assertEquals(2, run(out, "--threshold", "five", before, before), out[0]);
        assertEquals(2, run(out, before, before + ".missing"), out[0]);
        assertThrows(IllegalArgumentException.class, () -> BenchCompare.compare(java.util.List.of(), java.util.List.of(), Double.NaN));
    }

    @Test
    void anIntervalReachingZeroGivesAnOpenRatioIntervalAndNoVerdictBeyondNoise() {
        JmhResult before = new JmhResult("B", "m", "avgt", 1, Map.of(), 7.0, 16.0, "us/op", Double.NaN, "25");
        JmhResult after = new JmhResult("B", "m", "avgt", 1, Map.of(), 9.0, 15.0, "us/op", Double.NaN, "25");
        Comparison c = BenchCompare.compare(before, after, 0.05);
        assertEquals(0.0, c.ratioLow());
        assertEquals(Double.POSITIVE_INFINITY, c.ratioHigh());
        assertEquals(Verdict.NOISE, c.verdict());
        String report = BenchCompare.report(new BenchCompare.Result(java.util.List.of(c), java.util.List.of(), java.util.List.of(), 0.05));
        assertTrue(report.contains("[0.000, ∞]"), report);
        JmhResult other = new JmhResult("B", "m", "avgt", 1, Map.of(), 9.0, 1.0, "ops/s", Double.NaN, "25");
        assertEquals(Verdict.INCOMPARABLE, BenchCompare.compare(before, other, 0.05).verdict());
    }

    @Test
    void unitsConvert() {
        assertEquals(1e-3, BenchCompare.unitScale("us/op", "ms/op"), 1e-18);
        assertEquals(1e3, BenchCompare.unitScale("ops/ms", "ops/s"), 1e-9);
        assertTrue(Double.isNaN(BenchCompare.unitScale("ops/s", "ms/op")));
        assertTrue(Double.isNaN(BenchCompare.unitScale("B/op", "furlongs/op")));
    }
}
