package org.parax4j.bench.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jmh.util.ListStatistics;

/**
 * Merges JMH JSON result files ({@code -rf json}) into one, pooling the forks of the same benchmark:
 * {@code bench/before-after} runs every benchmark in several one-fork JMH runs per side, interleaved
 * with the other side, and merges each side's runs into one file that {@code bench/compare} reads.
 *
 * <p>Usage: {@code BenchMerge [--rename FROM=TO]... [--primary METRIC] OUT.json IN.json...}. Rows are matched by
 * benchmark name, mode, threads and parameters; matching rows become one row whose {@code rawData}
 * holds every input fork (in input order) and whose score, error, confidence interval and percentiles
 * are recomputed from all measured iterations with JMH's own statistics (the 99.9 % Student-t
 * interval JMH reports for several forks), so the merged row reads as one JMH run with that many
 * forks. Secondary metrics (e.g. {@code -prof gc}) are pooled the same way when every matching row
 * has them with raw data, and dropped otherwise; a metric written as one figure per run with an empty
 * {@code rawData} (JMH's {@code perfnorm} profiler) counts that figure as one value per fork.
 * {@code --primary METRIC} then makes that secondary metric the primary one (see
 * {@link #merge(List, Map, String)}). {@code --rename FROM=TO} renames benchmark
 * {@code FROM} (a full name, {@code org.parax4j.bench.Class.method}) to {@code TO} before matching,
 * for a benchmark renamed between the two commits compared. The output keeps the first appearance
 * order. Stateless; thread-safe.
 */
public final class BenchMerge {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** JMH's confidence level for {@code scoreError} and {@code scoreConfidence}. */
    private static final double CONFIDENCE = 0.999;

    /** The percentiles JMH writes in {@code scorePercentiles}. */
    private static final double[] PERCENTILES = {0.0, 50.0, 90.0, 95.0, 99.0, 99.9, 99.99, 99.999, 99.9999, 100.0};

    private BenchMerge() {}

    /**
     * Merges JMH result arrays.
     *
     * @param inputs parsed JMH JSON arrays; not modified
     * @param renames benchmark full names to replace ({@code FROM → TO}); not modified
     * @return a new JMH JSON array, one row per benchmark, mode, threads and parameters
     * @throws IllegalArgumentException when an input is not a JSON array, a row lacks the fields JMH
     *     writes, or rows to pool lack {@code rawData} (e.g. sample-mode histograms) or disagree on the unit
     */
    public static ArrayNode merge(List<JsonNode> inputs, Map<String, String> renames) {
        return merge(inputs, renames, null);
    }

    /**
     * Merges JMH result arrays as {@link #merge(List, Map)}, then makes secondary metric
     * {@code primary} each row's primary metric (e.g. {@code task-clock} of
     * {@code -prof perfnorm:events=task-clock}: CPU milliseconds of the whole JVM per operation, which
     * preemption by other processes does not inflate), so that {@code bench/compare} compares it.
     *
     * @param primary a secondary metric's name, or null to keep JMH's primary metric
     * @return a new JMH JSON array; rows without that metric are left out
     * @throws IllegalArgumentException as {@link #merge(List, Map)}, or when no row has {@code primary}
     */
    public static ArrayNode merge(List<JsonNode> inputs, Map<String, String> renames, String primary) {
        ArrayNode merged = pooled(inputs, renames);
        if (primary == null) {
            return merged;
        }
        ArrayNode out = MAPPER.createArrayNode();
        for (JsonNode row : merged) {
            JsonNode metric = row.path("secondaryMetrics").get(primary);
            if (metric != null) {
                ObjectNode promoted = ((ObjectNode) row).deepCopy();
                promoted.set("primaryMetric", metric);
                // CPU time per operation: lower is better whatever the benchmark's own mode
                promoted.put("mode", "avgt");
                promoted.set("secondaryMetrics", MAPPER.createObjectNode());
                out.add(promoted);
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("--primary: no row has the secondary metric '" + primary + "'");
        }
        return out;
    }

    private static ArrayNode pooled(List<JsonNode> inputs, Map<String, String> renames) {
        Map<String, List<JsonNode>> groups = new LinkedHashMap<>();
        for (int f = 0; f < inputs.size(); f++) {
            JsonNode input = inputs.get(f);
            if (!input.isArray()) {
                throw new IllegalArgumentException("input " + (f + 1) + ": a JMH result file is a JSON array, got "
                        + input.getNodeType());
            }
            for (int i = 0; i < input.size(); i++) {
                ObjectNode row = input.get(i).deepCopy();
                JsonNode name = row.get("benchmark");
                if (name == null || !name.isTextual() || !row.path("primaryMetric").isObject()) {
                    throw new IllegalArgumentException("input " + (f + 1) + " row " + i
                            + ": expected a JMH row with 'benchmark' and 'primaryMetric'");
                }
                row.put("benchmark", renames.getOrDefault(name.asText(), name.asText()));
                groups.computeIfAbsent(key(row), k -> new ArrayList<>()).add(row);
            }
        }
        ArrayNode out = MAPPER.createArrayNode();
        groups.forEach((key, rows) -> out.add(rows.size() == 1 ? rows.get(0) : pool(key, rows)));
        return out;
    }

    /** The matching key: benchmark, mode, threads and the parameters sorted by name. */
    private static String key(JsonNode row) {
        Map<String, String> params = new TreeMap<>();
        row.path("params").properties().forEach(e -> params.put(e.getKey(), e.getValue().asText()));
        return row.get("benchmark").asText() + " " + row.path("mode").asText() + " threads="
                + row.path("threads").asInt(1) + " " + params;
    }

    /** One row for several rows of the same key: the first row's fields, the pooled metrics. */
    private static ObjectNode pool(String key, List<JsonNode> rows) {
        ObjectNode merged = ((ObjectNode) rows.get(0)).deepCopy();
        int forks = 0;
        for (JsonNode row : rows) {
            forks += row.path("forks").asInt(1);
        }
        merged.put("forks", forks);
        merged.set("primaryMetric", poolMetric(key, "primaryMetric", rows.stream().map(r -> r.get("primaryMetric")).toList()));
        ObjectNode secondary = MAPPER.createObjectNode();
        for (Iterator<String> it = rows.get(0).path("secondaryMetrics").fieldNames(); it.hasNext();) {
            String metric = it.next();
            List<JsonNode> parts = rows.stream().map(r -> r.path("secondaryMetrics").path(metric)).toList();
            if (parts.stream().allMatch(p -> p.path("rawData").isArray())) {
                secondary.set(metric, poolMetric(key, metric, parts));
            }
        }
        merged.set("secondaryMetrics", secondary);
        return merged;
    }

    /** Pools one metric's forks and recomputes JMH's statistics over all of their iterations. */
    private static ObjectNode poolMetric(String key, String metric, List<JsonNode> parts) {
        ObjectNode merged = ((ObjectNode) parts.get(0)).deepCopy();
        String unit = parts.get(0).path("scoreUnit").asText();
        ArrayNode forks = MAPPER.createArrayNode();
        ListStatistics stats = new ListStatistics();
        for (JsonNode part : parts) {
            if (!part.path("rawData").isArray()) {
                throw new IllegalArgumentException(key + ": " + metric
                        + " has no rawData to pool (only average-time and throughput runs can be merged)");
            }
            if (!part.path("scoreUnit").asText().equals(unit)) {
                throw new IllegalArgumentException(key + ": " + metric + " units differ: " + unit + " and "
                        + part.path("scoreUnit").asText());
            }
            int values = 0;
            for (JsonNode fork : part.get("rawData")) {
                values += fork.size();
            }
            if (values == 0) {
                // a profiler's per-run figure (perfnorm writes its score and an empty rawData): one value
                forks.add(MAPPER.createArrayNode().add(part.path("score").asDouble()));
                stats.addValue(part.path("score").asDouble());
                continue;
            }
            for (JsonNode fork : part.get("rawData")) {
                forks.add(fork);
                fork.forEach(v -> stats.addValue(v.asDouble()));
            }
        }
        merged.put("score", stats.getMean());
        merged.set("scoreError", number(stats.getMeanErrorAt(CONFIDENCE)));
        double[] interval = stats.getConfidenceIntervalAt(CONFIDENCE);
        merged.set("scoreConfidence", MAPPER.createArrayNode().add(number(interval[0])).add(number(interval[1])));
        ObjectNode percentiles = MAPPER.createObjectNode();
        for (double p : PERCENTILES) {
            percentiles.put(Double.toString(p), stats.getPercentile(p));
        }
        merged.set("scorePercentiles", percentiles);
        merged.set("rawData", forks);
        return merged;
    }

    /** A JSON number, or the text {@code "NaN"} as JMH writes a NaN (one iteration has no interval). */
    private static JsonNode number(double value) {
        return Double.isNaN(value) ? MAPPER.getNodeFactory().textNode("NaN") : MAPPER.getNodeFactory().numberNode(value);
    }

    /**
     * Runs the merge for the command line and returns the exit status (0 written, 2 a usage or input
     * error), writing errors to {@code err}.
     *
     * @param args {@code [--rename FROM=TO]... [--primary METRIC] OUT.json IN.json...}
     * @param err where usage and input errors go
     * @return the exit status
     */
    public static int run(String[] args, PrintStream err) {
        Map<String, String> renames = new LinkedHashMap<>();
        List<String> files = new ArrayList<>();
        String primary = null;
        try {
            for (int i = 0; i < args.length; i++) {
                if (args[i].equals("--primary")) {
                    if (i + 1 == args.length) {
                        throw new IllegalArgumentException("--primary: expected a secondary metric's name after it");
                    }
                    primary = args[++i];
                } else if (args[i].equals("--rename")) {
                    if (i + 1 == args.length) {
                        throw new IllegalArgumentException("--rename: expected FROM=TO after it");
                    }
                    String pair = args[++i];
                    int eq = pair.indexOf('=');
                    if (eq <= 0 || eq == pair.length() - 1) {
                        throw new IllegalArgumentException("--rename: expected FROM=TO, got '" + pair + "'");
                    }
                    renames.put(pair.substring(0, eq), pair.substring(eq + 1));
                } else {
                    files.add(args[i]);
                }
            }
            if (files.size() < 2) {
                throw new IllegalArgumentException("expected an output file and at least one input file, got "
                        + files.size() + " file(s)");
            }
            List<JsonNode> inputs = new ArrayList<>();
            for (String file : files.subList(1, files.size())) {
                try {
                    inputs.add(MAPPER.readTree(Files.readString(Path.of(file))));
                } catch (IOException e) {
                    throw new IOException(file + ": " + e.getMessage(), e);
                }
            }
            ArrayNode merged = merge(inputs, renames, primary);
            Files.writeString(Path.of(files.get(0)), MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(merged) + "\n");
            return 0;
        } catch (IllegalArgumentException | IOException e) {
            err.println("BenchMerge: " + e.getMessage());
            err.println("usage: BenchMerge [--rename FROM=TO]... [--primary METRIC] OUT.json IN.json...   (JMH -rf json files)");
            return 2;
        }
    }

    /** Command-line entry point; exits with {@link #run}'s status. */
    public static void main(String[] args) {
        System.exit(run(args, System.err));
    }
}
