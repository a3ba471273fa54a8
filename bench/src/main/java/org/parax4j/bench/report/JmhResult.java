package org.parax4j.bench.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One row of JMH's JSON result file ({@code -rf json}).
 *
 * @param benchmarkClass simple name of the benchmark class
 * @param contender the benchmark method (one contender)
 * @param mode JMH mode ({@code avgt}, {@code thrpt}, …)
 * @param threads benchmark threads
 * @param params JMH {@code @Param} values, sorted by name
 * @param score primary score
 * @param error primary score error (99.9 % half-width; NaN with too few iterations)
 * @param unit primary score unit
 * @param allocatedBytesPerOp {@code gc.alloc.rate.norm} in B/op, NaN without {@code -prof gc}
 * @param jdk the JDK version the fork ran on
 */
public record JmhResult(String benchmarkClass, String contender, String mode, int threads, Map<String, String> params,
        double score, double error, String unit, double allocatedBytesPerOp, String jdk) {

    /** Whether a larger score is better (throughput modes). */
    public boolean higherIsBetter() {
        return mode.equals("thrpt");
    }

    /** The group this row is compared within: class and parameters. */
    public String group() {
        StringBuilder s = new StringBuilder(benchmarkClass);
        params.forEach((k, v) -> s.append(' ').append(k).append('=').append(v));
        return s.toString();
    }

    /**
     * Parses JMH's JSON array.
     *
     * @throws IllegalArgumentException when a row lacks the fields JMH writes, naming the row
     */
    public static List<JmhResult> parse(JsonNode root) {
        if (!root.isArray()) {
            throw new IllegalArgumentException("a JMH result file is a JSON array, got " + root.getNodeType());
        }
        List<JmhResult> out = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            JsonNode row = root.get(i);
            String benchmark = text(row, "benchmark", i);
            int dot = benchmark.lastIndexOf('.');
            String cls = benchmark.substring(0, dot);
            cls = cls.substring(cls.lastIndexOf('.') + 1);
            Map<String, String> params = new TreeMap<>();
            JsonNode p = row.get("params");
            if (p != null) {
                p.fields().forEachRemaining(e -> params.put(e.getKey(), e.getValue().asText()));
            }
            JsonNode primary = row.get("primaryMetric");
            if (primary == null) {
                throw new IllegalArgumentException("JMH result row " + i + " (" + benchmark + ") has no primaryMetric");
            }
            double alloc = Double.NaN;
            JsonNode secondary = row.get("secondaryMetrics");
            if (secondary != null) {
                for (Iterator<Map.Entry<String, JsonNode>> it = secondary.fields(); it.hasNext();) {
                    Map.Entry<String, JsonNode> e = it.next();
                    if (e.getKey().endsWith("gc.alloc.rate.norm")) {
                        alloc = e.getValue().get("score").asDouble();
                    }
                }
            }
            out.add(new JmhResult(cls, benchmark.substring(dot + 1), text(row, "mode", i), row.path("threads").asInt(1),
                    new LinkedHashMap<>(params), primary.get("score").asDouble(), primary.path("scoreError").asDouble(Double.NaN),
                    text(primary, "scoreUnit", i), alloc, row.path("jdkVersion").asText("?")));
        }
        return out;
    }

    private static String text(JsonNode node, String field, int row) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("JMH result row " + row + " has no text field '" + field + "'");
        }
        return value.asText();
    }
}
