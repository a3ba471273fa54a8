package org.parax4j.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.parax4j.json.Json;

/**
 * Turns a JMH JSON result file into a Markdown table and a PNG chart: per benchmark group (class
 * and parameters), each contender's time, error and allocation per operation, and how many times
 * faster the group's reference contender is ({@code engine} if present, else the first row).
 *
 * <p>Usage: {@code BenchReport <results.json> <out.md> <out.png> [machine description]}.
 */
public final class BenchReport {

    /** The contender every other one in a group is compared with, in order of preference. */
    public static final List<String> REFERENCES = List.of("engine", "engineSingleThread", "recorded");

    /** Suffix of the parax4j contender in classes that compare several families (e.g. normalsParax4j). */
    public static final String PARAX4J_SUFFIX = "Parax4j";

    private BenchReport() {}

    /** Command-line entry point. */
    public static void main(String[] args) throws IOException {
        if (args.length < 3) {
            System.err.println("usage: BenchReport <results.json> <out.md> <out.png> [machine description]");
            System.exit(2);
        }
        List<JmhResult> results = JmhResult.parse(Json.readTree(Files.readString(Path.of(args[0])), JmhResult.class));
        String machine = args.length > 3 ? args[3] : "unknown machine";
        Files.writeString(Path.of(args[1]), markdown(results, machine));
        writeChart(results, Path.of(args[2]));
        System.out.println("wrote " + args[1] + " and " + args[2] + " (" + results.size() + " results)");
    }

    /**
     * Rows grouped by {@link JmhResult#group()}, in file order. In a class that names its parax4j
     * contender {@code <family>Parax4j} (e.g. {@code normalsParax4j} beside {@code normalsSplittable}),
     * each family (the lower-case prefix) is its own group.
     */
    static Map<String, List<JmhResult>> groups(List<JmhResult> results) {
        java.util.Set<String> familyClasses = new java.util.HashSet<>();
        results.stream().filter(r -> r.contender().contains(PARAX4J_SUFFIX))
                .forEach(r -> familyClasses.add(r.benchmarkClass()));
        Map<String, List<JmhResult>> groups = new LinkedHashMap<>();
        for (JmhResult r : results) {
            String key = r.group();
            if (familyClasses.contains(r.benchmarkClass())) {
                key = key + " " + r.contender().replaceAll("[A-Z].*$", "");
            }
            groups.computeIfAbsent(key, g -> new ArrayList<>()).add(r);
        }
        return groups;
    }

    /** The reference row of a group: a preferred name, else the single-threaded parax4j family member, else the first. */
    static JmhResult reference(List<JmhResult> group) {
        for (String name : REFERENCES) {
            for (JmhResult r : group) {
                if (r.contender().equals(name)) {
                    return r;
                }
            }
        }
        return group.stream().filter(r -> r.contender().endsWith(PARAX4J_SUFFIX)).findFirst().orElse(group.get(0));
    }

    /** How many times better the reference is than {@code row} (>1: the reference wins). */
    static double referenceSpeedup(JmhResult reference, JmhResult row) {
        return row.higherIsBetter() ? reference.score() / row.score() : row.score() / reference.score();
    }

    /** The Markdown report. */
    public static String markdown(List<JmhResult> results, String machine) {
        StringBuilder md = new StringBuilder();
        md.append("# parax4j benchmarks\n\n");
        md.append("Machine: ").append(machine).append(". JDK ")
                .append(results.isEmpty() ? "?" : results.get(0).jdk())
                .append(". One JMH fork per benchmark; errors are 99.9 % half-widths. "
                        + "\"ref ×\" is how many times faster the group's reference contender (`engine`, "
                        + "`engineSingleThread`, `recorded` or `*Parax4j`) is than the row.\n\n");
        md.append("| group | contender | score | error | unit | alloc B/op | ref × |\n");
        md.append("|---|---|---:|---:|---|---:|---:|\n");
        for (Map.Entry<String, List<JmhResult>> g : groups(results).entrySet()) {
            JmhResult ref = reference(g.getValue());
            for (JmhResult r : g.getValue()) {
                md.append(String.format(Locale.ROOT, "| %s | %s | %.4g | %s | %s | %s | %.2f |%n", g.getKey(),
                        r.contender(), r.score(), Double.isNaN(r.error()) ? "–" : String.format(Locale.ROOT, "%.2g", r.error()),
                        r.unit(), Double.isNaN(r.allocatedBytesPerOp()) ? "–"
                                : String.format(Locale.ROOT, "%.1f", r.allocatedBytesPerOp()),
                        referenceSpeedup(ref, r)));
            }
        }
        return md.toString();
    }

    /** A bar chart of the reference's speed-up over every other contender: one bar per (group, contender). */
    public static void writeChart(List<JmhResult> results, Path png) throws IOException {
        CategoryChart chart = new CategoryChartBuilder().width(1400).height(900)
                .title("parax4j: how many times faster the reference contender is")
                .xAxisTitle("benchmark group / contender").yAxisTitle("times faster than the contender").build();
        chart.getStyler().setXAxisLabelRotation(75);
        chart.getStyler().setYAxisDecimalPattern("#,##0.0");
        chart.getStyler().setLegendVisible(false);
        List<String> labels = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (Map.Entry<String, List<JmhResult>> g : groups(results).entrySet()) {
            JmhResult ref = reference(g.getValue());
            for (JmhResult r : g.getValue()) {
                if (r != ref) {
                    labels.add(g.getKey() + " / " + r.contender());
                    values.add(referenceSpeedup(ref, r));
                }
            }
        }
        if (labels.isEmpty()) {
            labels.add("no comparisons");
            values.add(1.0);
        }
        chart.addSeries("speed-up", labels, values);
        BitmapEncoder.saveBitmap(chart, png.toString(), BitmapEncoder.BitmapFormat.PNG);
    }
}
