package org.parax4j.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.hipparchus.distribution.continuous.TDistribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code BenchMerge} pools one-fork JMH runs of the same benchmark into one row whose statistics are
 * JMH's over all forks (checked against the Student-t formula computed here), keeps other rows as they
 * are, renames, and refuses what it cannot pool.
 */
class BenchMergeTest {

    static final ObjectMapper MAPPER = new ObjectMapper();

    /** One JMH row of one fork, average time in ms/op. */
    static String row(String benchmark, String params, String unit, double... iterations) {
        StringBuilder raw = new StringBuilder();
        double sum = 0;
        for (double v : iterations) {
            raw.append(raw.isEmpty() ? "" : ",").append(v);
            sum += v;
        }
        return """
                {"jmhVersion":"1.37","benchmark":"%s","mode":"avgt","threads":1,"forks":1,"params":{%s},
                 "primaryMetric":{"score":%s,"scoreError":"NaN","scoreConfidence":[0,0],"scorePercentiles":{},
                 "scoreUnit":"%s","rawData":[[%s]]},
                 "secondaryMetrics":{"gc.alloc.rate.norm":{"score":8.0,"scoreError":"NaN","scoreConfidence":[0,0],
                 "scorePercentiles":{},"scoreUnit":"B/op","rawData":[[8.0,8.0]]}}}
                """.formatted(benchmark, params, sum / iterations.length, unit, raw);
    }

    static JsonNode file(String... rows) throws Exception {
        return MAPPER.readTree("[" + String.join(",", rows) + "]");
    }

    static final String GRAM = "org.parax4j.bench.RbfGramBenchmark.engine";

    @Test
    void forksOfOneBenchmarkArePooledWithJmhStatistics() throws Exception {
        JsonNode merged = BenchMerge.merge(List.of(
                file(row(GRAM, "\"n\":\"1024\",\"d\":\"8\"", "ms/op", 1.0, 1.2, 1.1),
                        row(GRAM, "\"d\":\"1\",\"n\":\"1024\"", "ms/op", 0.5, 0.6)),
                file(row(GRAM, "\"d\":\"8\",\"n\":\"1024\"", "ms/op", 1.4, 1.3, 1.5))), Map.of());
        assertEquals(2, merged.size(), "d=8 pooled (parameter order does not matter), d=1 kept");
        JsonNode d8 = merged.get(0);
        assertEquals(2, d8.get("forks").asInt());
        JsonNode p = d8.get("primaryMetric");
        assertEquals("[[1.0,1.2,1.1],[1.4,1.3,1.5]]", p.get("rawData").toString());
        double[] all = {1.0, 1.2, 1.1, 1.4, 1.3, 1.5};
        double mean = 7.5 / 6, ss = 0;
        for (double v : all) {
            ss += (v - mean) * (v - mean);
        }
        double error = new TDistribution(5).inverseCumulativeProbability(1 - 0.001 / 2) * Math.sqrt(ss / 5 / 6);
        assertEquals(mean, p.get("score").asDouble(), 1e-12);
        assertEquals(error, p.get("scoreError").asDouble(), 1e-9);
        assertEquals(mean - error, p.get("scoreConfidence").get(0).asDouble(), 1e-9);
        assertEquals(1.5, p.get("scorePercentiles").get("100.0").asDouble());
        assertEquals(1.0, p.get("scorePercentiles").get("0.0").asDouble());
        assertEquals("[[8.0,8.0],[8.0,8.0]]", d8.get("secondaryMetrics").get("gc.alloc.rate.norm").get("rawData").toString());
        assertEquals(0.55, merged.get(1).get("primaryMetric").get("score").asDouble(), 1e-12);
        assertEquals(1, merged.get(1).get("forks").asInt());
    }

    @Test
    void renamedBenchmarksPoolUnderTheirNewName() throws Exception {
        JsonNode merged = BenchMerge.merge(List.of(file(row("a.B.old", "", "us/op", 2, 2)), file(row("a.B.now", "", "us/op", 4, 4))),
                Map.of("a.B.old", "a.B.now"));
        assertEquals(1, merged.size());
        assertEquals("a.B.now", merged.get(0).get("benchmark").asText());
        assertEquals(3.0, merged.get(0).get("primaryMetric").get("score").asDouble(), 1e-12);
    }

    /** A row with perfnorm's task-clock: one figure per run, empty rawData. */
    static String withTaskClock(String row, double msPerOp) throws Exception {
        com.fasterxml.jackson.databind.node.ObjectNode r = (com.fasterxml.jackson.databind.node.ObjectNode) MAPPER.readTree(row);
        ((com.fasterxml.jackson.databind.node.ObjectNode) r.get("secondaryMetrics")).set("task-clock", MAPPER.readTree(
                "{\"score\":" + msPerOp + ",\"scoreError\":\"NaN\",\"scoreUnit\":\"#/op\",\"rawData\":[[]]}"));
        return r.toString();
    }

    @Test
    void perRunProfilerFiguresPoolAsOneValuePerForkAndCanBecomeThePrimaryMetric() throws Exception {
        List<JsonNode> runs = List.of(file(withTaskClock(row(GRAM, "", "ms/op", 3, 3), 0.9), row("a.B.other", "", "ms/op", 1, 1)),
                file(withTaskClock(row(GRAM, "", "ms/op", 5, 5), 1.1)));
        JsonNode merged = BenchMerge.merge(runs, Map.of());
        JsonNode clock = merged.get(0).get("secondaryMetrics").get("task-clock");
        assertEquals("[[0.9],[1.1]]", clock.get("rawData").toString());
        assertEquals(1.0, clock.get("score").asDouble(), 1e-12);
        JsonNode cpu = BenchMerge.merge(runs, Map.of(), "task-clock");
        assertEquals(1, cpu.size(), "the row without task-clock is left out");
        assertEquals(1.0, cpu.get(0).get("primaryMetric").get("score").asDouble(), 1e-12);
        assertEquals(4.0, merged.get(0).get("primaryMetric").get("score").asDouble(), 1e-12);
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> BenchMerge.merge(List.of(file(row(GRAM, "", "ms/op", 1, 1))), Map.of(), "task-clock"));
        assertTrue(none.getMessage().contains("no row has the secondary metric 'task-clock'"), none.getMessage());
    }

    @Test
    void differentUnitsOrMissingRawDataAreRefused() throws Exception {
        IllegalArgumentException units = assertThrows(IllegalArgumentException.class, () -> BenchMerge.merge(
                List.of(file(row(GRAM, "", "ms/op", 1, 1)), file(row(GRAM, "", "us/op", 1, 1))), Map.of()));
        assertTrue(units.getMessage().contains("units differ: ms/op and us/op"), units.getMessage());
        JsonNode histogram = file(row(GRAM, "", "ms/op", 1, 1));
        ((com.fasterxml.jackson.databind.node.ObjectNode) histogram.get(0).get("primaryMetric")).remove("rawData");
        IllegalArgumentException raw = assertThrows(IllegalArgumentException.class,
                () -> BenchMerge.merge(List.of(histogram, file(row(GRAM, "", "ms/op", 1, 1))), Map.of()));
        assertTrue(raw.getMessage().contains("has no rawData"), raw.getMessage());
        assertThrows(IllegalArgumentException.class, () -> BenchMerge.merge(List.of(MAPPER.readTree("{}")), Map.of()));
    }

    @Test
    void theCommandLineWritesAFileBenchCompareReads(@TempDir Path dir) throws Exception {
        Path a = dir.resolve("a.json"), b = dir.resolve("b.json"), out = dir.resolve("out.json");
        Files.writeString(a, file(row("x.Y.old", "", "ms/op", 1.0, 1.1, 0.9)).toString());
        Files.writeString(b, file(row("x.Y.old", "", "ms/op", 1.0, 1.2, 0.8)).toString());
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        assertEquals(0, BenchMerge.run(new String[] {"--rename", "x.Y.old=x.Y.new", out.toString(), a.toString(), b.toString()}, e));
        List<JmhResult> read = BenchCompare.read(out);
        assertEquals(1, read.size());
        assertEquals("new", read.get(0).contender());
        assertEquals(1.0, read.get(0).score(), 1e-12);
        assertTrue(read.get(0).error() > 0);
        assertEquals(2, BenchMerge.run(new String[] {out.toString()}, e));
        assertEquals(2, BenchMerge.run(new String[] {"--rename", "nonsense", out.toString(), a.toString()}, e));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--rename: expected FROM=TO, got 'nonsense'"));
    }
}
