package org.parax4j.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parax4j.json.Json;

class BenchReportTest {

    static final String SAMPLE = """
            [
              {"jmhVersion": "1.37", "benchmark": "org.parax4j.bench.RbfGramBenchmark.engine", "mode": "avgt",
               "threads": 1, "forks": 1, "jdkVersion": "25.0.3", "params": {"n": "1024", "d": "8"},
               "primaryMetric": {"score": 2.0, "scoreError": 0.1, "scoreUnit": "ms/op"},
               "secondaryMetrics": {"gc.alloc.rate.norm": {"score": 0.02, "scoreUnit": "B/op"}}},
              {"jmhVersion": "1.37", "benchmark": "org.parax4j.bench.RbfGramBenchmark.naive", "mode": "avgt",
               "threads": 1, "forks": 1, "jdkVersion": "25.0.3", "params": {"n": "1024", "d": "8"},
               "primaryMetric": {"score": 30.0, "scoreError": "NaN", "scoreUnit": "ms/op"},
               "secondaryMetrics": {}},
              {"jmhVersion": "1.37", "benchmark": "org.parax4j.bench.SamplerBenchmark.engine", "mode": "thrpt",
               "threads": 1, "forks": 1, "jdkVersion": "25.0.3", "params": {},
               "primaryMetric": {"score": 600.0, "scoreError": 5, "scoreUnit": "ops/s"}, "secondaryMetrics": {}},
              {"jmhVersion": "1.37", "benchmark": "org.parax4j.bench.SamplerBenchmark.commons", "mode": "thrpt",
               "threads": 1, "forks": 1, "jdkVersion": "25.0.3", "params": {},
               "primaryMetric": {"score": 200.0, "scoreError": 5, "scoreUnit": "ops/s"}, "secondaryMetrics": {}}
            ]
            """;

    @Test
    void ratiosCompareEveryContenderWithTheEngine() {
        List<JmhResult> results = JmhResult.parse(Json.readTree(SAMPLE, JmhResult.class));
        assertEquals(4, results.size());
        assertEquals("RbfGramBenchmark d=8 n=1024", results.get(0).group());
        assertEquals(0.02, results.get(0).allocatedBytesPerOp());
        String md = BenchReport.markdown(results, "test machine");
        assertTrue(md.contains("| RbfGramBenchmark d=8 n=1024 | naive | 30.00 | – | ms/op | – | 15.00 |"), md);
        assertTrue(md.contains("| SamplerBenchmark | commons | 200.0 | 5.0 | ops/s | – | 3.00 |"), md);
        assertEquals("engine", BenchReport.reference(results.subList(0, 2)).contender());
        assertTrue(md.contains("| RbfGramBenchmark d=8 n=1024 | engine | 2.000 | 0.10 | ms/op | 0.0 | 1.00 |"), md);
    }

    @Test
    void familiesOfOneClassAreSeparateGroupsWithTheParax4jMemberAsReference() {
        String json = """
                [
                 {"benchmark": "x.RandomBenchmark.normalsParax4j", "mode": "avgt", "params": {},
                  "primaryMetric": {"score": 2.0, "scoreError": 0.1, "scoreUnit": "ms/op"}},
                 {"benchmark": "x.RandomBenchmark.normalsSplittable", "mode": "avgt", "params": {},
                  "primaryMetric": {"score": 8.0, "scoreError": 0.1, "scoreUnit": "ms/op"}},
                 {"benchmark": "x.RandomBenchmark.uniformsParax4j", "mode": "avgt", "params": {},
                  "primaryMetric": {"score": 1.0, "scoreError": 0.1, "scoreUnit": "ms/op"}},
                 {"benchmark": "x.RandomBenchmark.uniformsSplittable", "mode": "avgt", "params": {},
                  "primaryMetric": {"score": 3.0, "scoreError": 0.1, "scoreUnit": "ms/op"}}
                ]
                """;
        String md = BenchReport.markdown(JmhResult.parse(Json.readTree(json, JmhResult.class)), "m");
        assertTrue(md.contains("| RandomBenchmark normals | normalsSplittable | 8.000 | 0.10 | ms/op | – | 4.00 |"), md);
        assertTrue(md.contains("| RandomBenchmark uniforms | uniformsSplittable | 3.000 | 0.10 | ms/op | – | 3.00 |"), md);
    }

    @Test
    void chartIsAPng(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("chart.png");
        BenchReport.writeChart(JmhResult.parse(Json.readTree(SAMPLE, JmhResult.class)), png);
        byte[] bytes = Files.readAllBytes(png);
        assertTrue(bytes.length > 1000);
        assertEquals((byte) 0x89, bytes[0]);
        assertEquals('P', bytes[1]);
    }

    @Test
    void rowsWithoutTheirFieldsAreNamed() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> JmhResult.parse(Json.readTree("[{\"benchmark\": \"a.B.c\", \"mode\": \"avgt\"}]", JmhResult.class)));
        assertTrue(e.getMessage().contains("row 0") && e.getMessage().contains("primaryMetric"), e.getMessage());
    }
}
