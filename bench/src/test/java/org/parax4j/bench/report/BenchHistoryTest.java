package org.parax4j.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchHistoryTest {

    static List<JmhResult> fixture(String name) throws Exception {
        return BenchCompare.read(BenchCompareTest.fixture(name));
    }

    @Test
    void runsAppendToOneCsvThatReadsBack(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("history.csv");
        String machine = "2 cores, AMD EPYC \"Genoa\", Linux 6.18";
        BenchHistory.append(csv, BenchHistory.rows(fixture("compare-before.json"), "abc123", "2026-12-05T06:00:00Z", machine));
        BenchHistory.append(csv, BenchHistory.rows(fixture("compare-after.json"), "def456+dirty", "2026-12-05T07:00:00Z", machine));
        List<String> lines = Files.readAllLines(csv);
        assertEquals(BenchHistory.HEADER, lines.get(0));
        assertEquals(1 + 7 + 7, lines.size(), "one header, then one line per result");
        assertEquals("abc123,2026-12-05T06:00:00Z,\"2 cores, AMD EPYC \"\"Genoa\"\", Linux 6.18\","
                + "RbfGramBenchmark.engine,d=8 n=1024,2.00000,0.100000,ms/op", lines.get(1));
        List<BenchHistory.Row> rows = BenchHistory.read(csv);
        assertEquals(14, rows.size());
        assertEquals(machine, rows.get(0).machine());
        assertTrue(Double.isNaN(rows.get(5).error()), "a missing error stays NaN");
        assertEquals(50000.0, rows.get(9).score());
    }

    @Test
    void theChartShowsGeometricMeansOfRelativeTimePerClass(@TempDir Path dir) throws Exception {
        String m = "machine A";
        List<BenchHistory.Row> rows = new ArrayList<>();
        rows.addAll(BenchHistory.rows(fixture("compare-before.json"), "abc", "2026-12-05T06:00:00Z", m));
        rows.addAll(BenchHistory.rows(fixture("compare-after.json"), "def", "2026-12-05T07:00:00Z", m));
        rows.addAll(BenchHistory.rows(fixture("compare-after.json"), "ghi", "2026-12-05T08:00:00Z", "machine B"));
        rows.addAll(BenchHistory.rows(fixture("compare-noise.json"), "jkl", "2026-12-05T09:00:00Z", m));
        List<String> labels = new ArrayList<>();
        Map<String, TreeMap<Integer, Double>> series = BenchHistory.relativeTimes(rows, labels);
        assertEquals(List.of("abc 2026-12-05", "def 2026-12-05", "jkl 2026-12-05"), labels, "machine B is left out");
        // RbfGram: engine 2.4/2.0, naive 33/30, smile 9/8 → geometric mean of 1.2, 1.1, 1.125
        assertEquals(Math.cbrt(1.2 * 1.1 * 1.125), series.get("RbfGramBenchmark").get(1), 1e-12);
        assertEquals(Math.sqrt(2.15 / 2.0 * 36.0 / 30.0), series.get("RbfGramBenchmark").get(2), 1e-12, "smile absent");
        assertEquals(0.5, series.get("MonteCarloBenchmark").get(1), 1e-12, "units converted");
        assertEquals(1.2, series.get("RandomBenchmark").get(1), 1e-12, "throughput inverted: above 1 is slower");
        assertEquals(1.0, series.get("FitBenchmark").get(1), 1e-12, "a first appearance is 1");
        assertEquals(1.0, series.get("DualJacobianBenchmark").get(0));
        assertEquals(1, series.get("DualJacobianBenchmark").size());

        Path png = dir.resolve("history.png");
        BenchHistory.writeChart(rows, png);
        byte[] bytes = Files.readAllBytes(png);
        assertTrue(bytes.length > 1000);
        assertEquals((byte) 0x89, bytes[0]);
        assertEquals('P', bytes[1]);
    }

    @Test
    void aForeignFileIsRefusedByName(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("other.csv");
        Files.writeString(csv, "a,b,c\n1,2,3\n");
        var e = assertThrows(IllegalArgumentException.class, () -> BenchHistory.append(csv, List.of()));
        assertTrue(e.getMessage().contains("expected the header"), e.getMessage());
        assertEquals("a,b,c\n1,2,3\n", Files.readString(csv), "a refused append changes nothing");
        Files.writeString(csv, BenchHistory.HEADER + "\nx,y\n");
        e = assertThrows(IllegalArgumentException.class, () -> BenchHistory.read(csv));
        assertTrue(e.getMessage().contains("line 2: expected 8 fields, got 2"), e.getMessage());
    }
}
