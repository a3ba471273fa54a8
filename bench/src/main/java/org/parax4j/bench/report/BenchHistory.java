package org.parax4j.bench.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.parax4j.json.Json;

/**
 * The benchmark history: {@code bench/run} appends every run's primary scores to a CSV file
 * ({@code commit,date,machine,benchmark,params,score,error,unit}, RFC 4180 quoting) and redraws a
 * chart of it.
 *
 * <p>The chart shows, for the machine of the latest run, one line per benchmark class: at each run,
 * the geometric mean over that class's benchmarks (method and parameters) of their time relative to
 * the benchmark's first run on that machine (throughput scores are inverted, so above 1 is always
 * slower). A run that measured only a subset adds points only to the classes it measured.
 *
 * <p>Usage: {@code BenchHistory <results.json> <history.csv> <history.png> <commit> <date> <machine>}.
 * Stateless; thread-safe (but two processes must not append to one file at once).
 */
public final class BenchHistory {

    /** The CSV header line. */
    public static final String HEADER = "commit,date,machine,benchmark,params,score,error,unit";

    private BenchHistory() {}

    /**
     * One CSV row.
     *
     * @param commit the commit measured ({@code +dirty} when the work tree had changes)
     * @param date when the run was recorded (ISO-8601 UTC)
     * @param machine the machine description
     * @param benchmark {@code Class.method}
     * @param params the JMH parameters, {@code k=v} separated by spaces ({@code threads=N} added when not 1)
     * @param score the primary score
     * @param error the score error (NaN when JMH gave none)
     * @param unit the score unit
     */
    public record Row(String commit, String date, String machine, String benchmark, String params, double score,
            double error, String unit) {

        /** The series this row belongs to: benchmark and parameters. */
        String series() {
            return benchmark + " " + params;
        }

        /** The benchmark class. */
        String benchmarkClass() {
            return benchmark.substring(0, benchmark.lastIndexOf('.'));
        }

        /** Time per operation in seconds-like units (throughput inverted); NaN when the unit is unknown. */
        double time() {
            double perOp = BenchCompare.unitScale(unit, "s/op");
            if (!Double.isNaN(perOp)) {
                return score * perOp;
            }
            double ops = BenchCompare.unitScale(unit, "ops/s");
            return Double.isNaN(ops) ? Double.NaN : 1 / (score * ops);
        }
    }

    /**
     * The history rows of one run.
     *
     * @param results the run's JMH results; not modified
     * @param commit the commit, date and machine to record with every row
     * @return one row per result (allocates)
     */
    public static List<Row> rows(List<JmhResult> results, String commit, String date, String machine) {
        List<Row> rows = new ArrayList<>();
        for (JmhResult r : results) {
            StringBuilder params = new StringBuilder();
            r.params().forEach((k, v) -> params.append(params.isEmpty() ? "" : " ").append(k).append('=').append(v));
            if (r.threads() != 1) {
                params.append(params.isEmpty() ? "" : " ").append("threads=").append(r.threads());
            }
            rows.add(new Row(commit, date, machine, r.benchmarkClass() + "." + r.contender(), params.toString(),
                    r.score(), r.error(), r.unit()));
        }
        return rows;
    }

    /**
     * Appends rows to a CSV file, writing the header first when the file is new or empty.
     *
     * @param csv the file; modified
     * @param rows the rows to append
     * @throws IOException when the file cannot be written
     * @throws IllegalArgumentException when an existing file does not start with {@link #HEADER}
     */
    public static void append(Path csv, List<Row> rows) throws IOException {
        StringBuilder text = new StringBuilder();
        if (!Files.exists(csv) || Files.size(csv) == 0) {
            text.append(HEADER).append('\n');
        } else {
            String first = Files.readAllLines(csv, StandardCharsets.UTF_8).get(0);
            if (!first.equals(HEADER)) {
                throw new IllegalArgumentException(csv + ": expected the header '" + HEADER + "', found '" + first + "'");
            }
        }
        for (Row r : rows) {
            text.append(String.join(",", quote(r.commit()), quote(r.date()), quote(r.machine()), quote(r.benchmark()),
                    quote(r.params()), number(r.score()), number(r.error()), quote(r.unit()))).append('\n');
        }
        Files.writeString(csv, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /**
     * Reads a history file.
     *
     * @param csv the file; not modified
     * @return its rows in file order (allocates)
     * @throws IOException when it cannot be read
     * @throws IllegalArgumentException when the header or a row is malformed, naming the line
     */
    public static List<Row> read(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
            throw new IllegalArgumentException(csv + ": expected the header '" + HEADER + "' on line 1");
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            List<String> f = fields(lines.get(i));
            if (f.size() != 8) {
                throw new IllegalArgumentException(csv + " line " + (i + 1) + ": expected 8 fields, got " + f.size());
            }
            try {
                rows.add(new Row(f.get(0), f.get(1), f.get(2), f.get(3), f.get(4), Double.parseDouble(f.get(5)),
                        Double.parseDouble(f.get(6)), f.get(7)));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(csv + " line " + (i + 1) + ": score or error is not a number", e);
            }
        }
        return rows;
    }

    /** Splits one CSV line (RFC 4180: quoted fields, doubled quotes inside). */
    static List<String> fields(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    f.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    f.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(f.toString());
                f.setLength(0);
            } else {
                f.append(c);
            }
        }
        out.add(f.toString());
        return out;
    }

    private static String quote(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }

    private static String number(double x) {
        return Double.isNaN(x) ? "NaN" : String.format(Locale.ROOT, "%.6g", x);
    }

    /**
     * The chart's data: for the machine of the last row, per benchmark class, per run (distinct
     * commit and date, in file order) the geometric mean of the class's times relative to each
     * benchmark's first run on that machine.
     *
     * @param rows history rows in file order; not modified
     * @param runLabels receives one label per run (short commit and day); modified
     * @return class → (run index → relative time), runs numbered from 0 in file order (allocates)
     */
    static Map<String, TreeMap<Integer, Double>> relativeTimes(List<Row> rows, List<String> runLabels) {
        Map<String, TreeMap<Integer, Double>> out = new TreeMap<>();
        runLabels.clear();
        if (rows.isEmpty()) {
            return out;
        }
        String machine = rows.get(rows.size() - 1).machine();
        Map<String, Integer> runs = new LinkedHashMap<>();
        Map<String, Double> firstTime = new LinkedHashMap<>();
        Map<String, Map<Integer, double[]>> logSums = new TreeMap<>();
        for (Row r : rows) {
            double t = r.time();
            if (!r.machine().equals(machine) || !(t > 0) || Double.isInfinite(t)) {
                continue;
            }
            int run = runs.computeIfAbsent(r.commit() + "\n" + r.date(), k -> {
                runLabels.add(label(r));
                return runs.size();
            });
            double first = firstTime.computeIfAbsent(r.series(), k -> t);
            double[] sum = logSums.computeIfAbsent(r.benchmarkClass(), k -> new TreeMap<>())
                    .computeIfAbsent(run, k -> new double[2]);
            sum[0] += Math.log(t / first);
            sum[1]++;
        }
        logSums.forEach((cls, perRun) -> {
            TreeMap<Integer, Double> series = new TreeMap<>();
            perRun.forEach((run, s) -> series.put(run, Math.exp(s[0] / s[1])));
            out.put(cls, series);
        });
        return out;
    }

    private static String label(Row r) {
        String commit = r.commit().length() > 9 ? r.commit().substring(0, 9) : r.commit();
        String day = r.date().length() > 10 ? r.date().substring(0, 10) : r.date();
        return commit + " " + day;
    }

    /**
     * Draws the history chart (see the class comment).
     *
     * @param rows history rows; not modified
     * @param png the image to write; modified
     * @throws IOException when it cannot be written
     */
    public static void writeChart(List<Row> rows, Path png) throws IOException {
        List<String> labels = new ArrayList<>();
        Map<String, TreeMap<Integer, Double>> series = relativeTimes(rows, labels);
        XYChart chart = new XYChartBuilder().width(1400).height(800)
                .title("parax4j benchmark history" + (rows.isEmpty() ? "" : " on " + rows.get(rows.size() - 1).machine()))
                .xAxisTitle("run (commit, date)").yAxisTitle("time relative to the first run (geometric mean per class)")
                .build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setYAxisDecimalPattern("0.00");
        chart.getStyler().setXAxisLabelRotation(45);
        chart.setCustomXAxisTickLabelsFormatter(x -> {
            int i = (int) Math.round(x);
            return Math.abs(x - i) < 1e-9 && i >= 0 && i < labels.size() ? labels.get(i) : "";
        });
        if (series.isEmpty()) {
            chart.addSeries("no runs yet", new double[] {0}, new double[] {1});
        }
        series.forEach((cls, points) -> {
            double[] x = points.keySet().stream().mapToDouble(Integer::doubleValue).toArray();
            double[] y = points.values().stream().mapToDouble(Double::doubleValue).toArray();
            chart.addSeries(cls, x, y).setMarker(SeriesMarkers.CIRCLE);
        });
        BitmapEncoder.saveBitmap(chart, png.toString(), BitmapEncoder.BitmapFormat.PNG);
    }

    /** Command-line entry point: appends the run to the history and redraws the chart. */
    public static void main(String[] args) throws IOException {
        if (args.length != 6) {
            System.err.println("usage: BenchHistory <results.json> <history.csv> <history.png> <commit> <date> <machine>");
            System.exit(2);
        }
        List<JmhResult> results = JmhResult.parse(Json.readTree(Files.readString(Path.of(args[0])), JmhResult.class));
        Path csv = Path.of(args[1]);
        append(csv, rows(results, args[3], args[4], args[5]));
        List<Row> history = read(csv);
        writeChart(history, Path.of(args[2]));
        System.out.println("appended " + results.size() + " rows to " + csv + " (" + history.size() + " in all); drew " + args[2]);
    }
}
