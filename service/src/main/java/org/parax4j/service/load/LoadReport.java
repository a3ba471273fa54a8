package org.parax4j.service.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;

/**
 * Writes load results as a Markdown table and a PNG chart (XChart): closed-loop throughput and p99
 * latency against clients (one series per target), and open-loop achieved throughput, p50 and p99
 * against the offered rate; latency axes are logarithmic.
 * Stateless; rendering needs {@code java.awt.headless=true} on machines without a display.
 */
public final class LoadReport {

    private LoadReport() {}

    /** The Markdown table of {@code results}, one row each, with a header line. */
    public static String markdown(String title, List<LoadResult> results) {
        StringBuilder sb = new StringBuilder("### ").append(title).append("\n\n")
                .append("| target | mode | clients | offered req/s | requests | throughput req/s | p50 ms | p99 ms "
                        + "| p99.9 ms | max ms | errors | GC pauses | GC pause ms | heap after MiB |\n")
                .append("|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n");
        for (LoadResult r : results) {
            sb.append(String.format(Locale.ROOT, "| %s | %s | %d | %s | %d | %.0f | %.3f | %.3f | %.3f | %.3f | %d | %d "
                            + "| %.1f | %.0f |%n", r.target(), r.mode(), r.clients(),
                    r.offeredRate() > 0 ? String.format(Locale.ROOT, "%.0f", r.offeredRate()) : "-", r.requests(),
                    r.throughput(), r.p50(), r.p99(), r.p999(), r.max(), r.errors(), r.gcPauses(), r.gcPauseMs(),
                    r.heapAfterMb()));
        }
        return sb.toString();
    }

    /** Writes {@code markdown} to {@code file}, creating its directory. */
    public static void write(Path file, String markdown) throws IOException {
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        Files.writeString(file, markdown, StandardCharsets.UTF_8);
    }

    /**
     * Writes the PNG chart: closed-loop throughput and p99 against clients (logarithmic axis), and, when
     * there are open-loop results, their achieved throughput, p50 and p99 against the offered rate.
     */
    public static void chart(Path png, String title, List<LoadResult> results) throws IOException {
        List<XYChart> charts = new ArrayList<>();
        XYChart throughput = chart(title + ": throughput (closed loop)", "clients", "requests / s");
        XYChart p99 = chart("p99 latency (closed loop)", "clients", "ms");
        for (Map.Entry<String, List<LoadResult>> e : byTarget(results, "closed").entrySet()) {
            double[] x = e.getValue().stream().mapToDouble(LoadResult::clients).toArray();
            throughput.addSeries(e.getKey(), x, e.getValue().stream().mapToDouble(LoadResult::throughput).toArray());
            p99.addSeries(e.getKey(), x, e.getValue().stream().mapToDouble(LoadResult::p99).toArray());
        }
        charts.add(throughput);
        charts.add(p99);
        p99.getStyler().setYAxisLogarithmic(true);
        Map<String, List<LoadResult>> open = byTarget(results, "open");
        if (!open.isEmpty()) {
            XYChart achieved = chart("achieved throughput (open loop)", "offered requests / s", "requests / s");
            XYChart latency = chart("p50 and p99 latency (open loop)", "offered requests / s", "ms");
            latency.getStyler().setYAxisLogarithmic(true);
            for (Map.Entry<String, List<LoadResult>> e : open.entrySet()) {
                double[] x = e.getValue().stream().mapToDouble(LoadResult::offeredRate).toArray();
                achieved.addSeries(e.getKey(), x, e.getValue().stream().mapToDouble(LoadResult::throughput).toArray());
                latency.addSeries(e.getKey() + " p50", x, e.getValue().stream().mapToDouble(LoadResult::p50).toArray());
                latency.addSeries(e.getKey() + " p99", x, e.getValue().stream().mapToDouble(LoadResult::p99).toArray());
            }
            charts.add(achieved);
            charts.add(latency);
        }
        if (png.getParent() != null) {
            Files.createDirectories(png.getParent());
        }
        BitmapEncoder.saveBitmap(charts, (charts.size() + 1) / 2, 2, png.toString(), BitmapEncoder.BitmapFormat.PNG);
    }

    private static XYChart chart(String title, String x, String y) {
        XYChart c = new XYChartBuilder().width(640).height(420).title(title).xAxisTitle(x).yAxisTitle(y).build();
        c.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        c.getStyler().setXAxisLogarithmic(x.equals("clients"));
        c.getStyler().setXAxisDecimalPattern("#,##0");
        return c;
    }

    private static Map<String, List<LoadResult>> byTarget(List<LoadResult> results, String mode) {
        Map<String, List<LoadResult>> out = new LinkedHashMap<>();
        for (LoadResult r : results) {
            if (r.mode().equals(mode)) {
                out.computeIfAbsent(r.target(), k -> new ArrayList<>()).add(r);
            }
        }
        return out;
    }
}
