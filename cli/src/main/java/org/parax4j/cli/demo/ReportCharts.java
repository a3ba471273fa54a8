package org.parax4j.cli.demo;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The demo's plots, drawn with XChart into images: the response's percentile band, the
 * sensitivity bars and the kernel matrix heat map. Rendering needs {@code java.awt.headless=true}
 * on machines without a display ({@code Main.main} sets it). Stateless; every method allocates its
 * chart or image.
 */
public final class ReportCharts {

    /** Width of every image, pixels. */
    public static final int WIDTH = 960;
    /** Height of the response and heat-map images, pixels. */
    public static final int HEIGHT = 600;

    private ReportCharts() {}

    /**
     * The response over frequency: the 5–95 % band as a filled polygon, the median, and the
     * nominal response, in dB over GHz.
     *
     * @throws IllegalArgumentException when the arrays differ in length
     */
    public static BufferedImage response(double[] freqs, double[] nominal, Summary summary) {
        return BitmapEncoder.getBufferedImage(responseChart(freqs, nominal, summary));
    }

    /** The chart {@link #response} draws. Throws as {@link #response}. */
    static XYChart responseChart(double[] freqs, double[] nominal, Summary summary) {
        int n = freqs.length;
        if (nominal.length != n || summary.size() != n) {
            throw new IllegalArgumentException("freqs, nominal and summary must have the same length, got " + n
                    + ", " + nominal.length + " and " + summary.size());
        }
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT)
                .title(String.format(Locale.ROOT, "Response: %,d Monte Carlo samples", summary.samples()))
                .xAxisTitle("frequency (GHz)").yAxisTitle("response (dB)").build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        chart.getStyler().setXAxisDecimalPattern("0.0#");
        chart.getStyler().setXAxisMin(freqs[0]);
        chart.getStyler().setXAxisMax(freqs[n - 1]);
        chart.getStyler().setYAxisDecimalPattern("0");
        addBand(chart, "5-95 % band", freqs, summary.p5(), summary.p95());
        XYSeries median = chart.addSeries("median", freqs, summary.p50());
        median.setMarker(SeriesMarkers.NONE);
        median.setLineColor(new Color(25, 70, 140));
        XYSeries nominalSeries = chart.addSeries("nominal", freqs, nominal);
        nominalSeries.setMarker(SeriesMarkers.NONE);
        nominalSeries.setLineColor(new Color(200, 60, 40));
        if (n >= 2) {
            addRoundTickAnchor(chart, (freqs[0] + freqs[1]) / 2, nominal[0]);
        }
        return chart;
    }

    /**
     * Adds a shaded band between {@code lo} and {@code hi} over {@code x} (a closed polygon, light
     * blue, no markers).
     */
    static void addBand(XYChart chart, String name, double[] x, double[] lo, double[] hi) {
        int n = x.length;
        double[] bandX = new double[2 * n];
        double[] bandY = new double[2 * n];
        for (int i = 0; i < n; i++) {
            bandX[i] = x[i];
            bandY[i] = hi[i];
            bandX[2 * n - 1 - i] = x[i];
            bandY[2 * n - 1 - i] = lo[i];
        }
        XYSeries band = chart.addSeries(name, bandX, bandY);
        band.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
        band.setFillColor(new Color(70, 130, 180, 90));
        band.setLineColor(new Color(70, 130, 180, 90));
        band.setMarker(SeriesMarkers.NONE);
    }

    /**
     * Makes XChart label the x axis at round, evenly spaced values. XChart 3.8 puts the ticks of an
     * axis whose x values are all equally spaced (the demo's 200 frequencies) on data points, every
     * k-th one, which gives uneven labels (1.8, 1.85, 1.9, 1.94, ...); with one x value off that
     * grid it uses its number tick calculator, whose ticks are multiples of a round step. The anchor
     * is that one value: a single point inside the plotted range, with no line, no marker and no
     * legend entry, so nothing of it is drawn.
     */
    static void addRoundTickAnchor(XYChart chart, double offGridX, double y) {
        XYSeries anchor = chart.addSeries("round x ticks", new double[] {offGridX}, new double[] {y});
        anchor.setMarker(SeriesMarkers.NONE);
        anchor.setShowInLegend(false);
        anchor.setLineColor(new Color(0, 0, 0, 0));
    }

    /**
     * Two bar charts stacked in one image: the semi-relative and the relative sensitivity norms per
     * parameter.
     */
    public static BufferedImage sensitivities(Sensitivities s) {
        Objects.requireNonNull(s, "s");
        String space = s.wrt().name().toLowerCase(Locale.ROOT);
        CategoryChart semi = bars("Semi-relative sensitivity ||J·θ||₂ over frequency (θ " + space + ")",
                "dB", s.names(), s.semiRelative(), new Color(70, 130, 180));
        CategoryChart rel = bars("Relative sensitivity ||J·θ/y||₂ over frequency (θ " + space + ")",
                "dimensionless", s.names(), s.relative(), new Color(200, 120, 40));
        BufferedImage top = BitmapEncoder.getBufferedImage(semi);
        BufferedImage bottom = BitmapEncoder.getBufferedImage(rel);
        BufferedImage image = new BufferedImage(WIDTH, top.getHeight() + bottom.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.drawImage(top, 0, 0, null);
            g.drawImage(bottom, 0, top.getHeight(), null);
        } finally {
            g.dispose();
        }
        return image;
    }

    /**
     * One bar per parameter on a logarithmic axis, so that norms spanning several decades (1760 dB
     * next to 0.2 dB in the demo) all show: the axis runs from the decade below the smallest positive
     * value to the decade above the largest. A norm of exactly 0 cannot be drawn on it; its category
     * is labelled {@code name = 0} and gets no bar. With no positive value the axis is linear.
     */
    static CategoryChart bars(String title, String unit, List<String> names, double[] values, Color color) {
        List<String> categories = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        for (int i = 0; i < names.size(); i++) {
            double v = values[i];
            boolean drawable = v > 0 && Double.isFinite(v);
            categories.add(drawable ? names.get(i) : names.get(i) + (v == 0 ? " = 0" : " = " + v));
            ys.add(drawable ? v : null);
            if (drawable) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        boolean log = max > 0;
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT * 3 / 4).title(title)
                .xAxisTitle("parameter").yAxisTitle(log ? unit + ", log scale" : unit).build();
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setXAxisLabelRotation(20);
        chart.getStyler().setSeriesColors(new Color[] {color});
        chart.getStyler().setYAxisDecimalPattern("0.###");
        chart.getStyler().setLabelsVisible(true);
        chart.getStyler().setLabelsFontColorAutomaticEnabled(false);
        chart.getStyler().setLabelsFontColor(Color.DARK_GRAY);
        if (log) {
            chart.getStyler().setYAxisLogarithmic(true);
            chart.getStyler().setYAxisMin(decadeBelow(min));
            chart.getStyler().setYAxisMax(Math.pow(10, Math.ceil(Math.log10(max))));
        }
        if (categories.isEmpty()) {
            categories.add("(no free parameters)");
            ys.add(0.0);
        }
        chart.addSeries("sensitivity", categories, ys);
        return chart;
    }

    /** The largest power of ten strictly below {@code v > 0}, so that the smallest bar has a height. */
    static double decadeBelow(double v) {
        double decade = Math.pow(10, Math.floor(Math.log10(v)));
        return decade < v ? decade : decade / 10;
    }

    /**
     * The kernel matrix {@code k[i·n + j] = k(f_i, f_j)} as a heat map with frequency on both axes.
     *
     * @throws IllegalArgumentException when {@code k} does not hold {@code n²} values
     */
    public static BufferedImage kernelHeatMap(String title, double[] freqs, double[] k) {
        int n = freqs.length;
        if (k.length != (long) n * n) {
            throw new IllegalArgumentException("k must hold n*n = " + ((long) n * n) + " values for " + n
                    + " frequencies, got " + k.length);
        }
        HeatMapChart chart = new HeatMapChartBuilder().width(WIDTH).height(HEIGHT + 100).title(title)
                .xAxisTitle("frequency f (GHz)").yAxisTitle("frequency f' (GHz)").build();
        chart.getStyler().setPlotContentSize(1);
        chart.getStyler().setShowValue(false);
        chart.getStyler().setXAxisMaxLabelCount(0);
        chart.getStyler().setAxisTicksMarksVisible(false);
        chart.getStyler().setMin(Math.min(0, Arrays.stream(k).min().orElse(0)));
        chart.getStyler().setMax(Math.max(1, Arrays.stream(k).max().orElse(1)));
        chart.getStyler().setDrawBorder(false);
        chart.getStyler().setHeatMapValueDecimalPattern("0.0#");
        chart.getStyler().setRangeColors(new Color[] {new Color(255, 255, 255), new Color(120, 170, 220),
                new Color(20, 50, 120)});
        List<String> labels = roundLabels(freqs, 0.1);
        List<Number[]> cells = new ArrayList<>(n * n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                cells.add(new Number[] {i, j, k[i * n + j]});
            }
        }
        chart.addSeries("k(f, f')", labels, labels, cells);
        return BitmapEncoder.getBufferedImage(chart);
    }

    /**
     * Category labels with round, evenly spaced values: XChart labels a heat map's cells by category,
     * every k-th one, and no cell sits at a round frequency, so each multiple of {@code step} inside
     * the range labels the cell nearest to it (at most half a cell off) and the other cells get a
     * blank label (one space: XChart cannot lay out an empty one). Allocates the list.
     *
     * @param values ascending cell positions
     * @param step the label spacing, e.g. 0.1
     * @return one label per value
     */
    static List<String> roundLabels(double[] values, double step) {
        List<String> labels = new ArrayList<>(java.util.Collections.nCopies(values.length, " "));
        if (values.length == 0) {
            return labels;
        }
        int decimals = Math.max(0, (int) Math.ceil(-Math.log10(step) - 1e-9));
        double first = Math.ceil(values[0] / step - 1e-9);
        double last = Math.floor(values[values.length - 1] / step + 1e-9);
        for (double k = first; k <= last; k++) {
            double target = k * step;
            int nearest = 0;
            for (int i = 1; i < values.length; i++) {
                if (Math.abs(values[i] - target) < Math.abs(values[nearest] - target)) {
                    nearest = i;
                }
            }
            labels.set(nearest, String.format(Locale.ROOT, "%." + decimals + "f", target));
        }
        return labels;
    }

    /**
     * Writes an image as PNG, creating parent folders.
     *
     * @throws IOException when the file cannot be written
     */
    public static void writePng(BufferedImage image, Path file) throws IOException {
        Objects.requireNonNull(image, "image");
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        if (!ImageIO.write(image, "png", file.toFile())) {
            throw new IOException("no PNG writer available for " + file);
        }
    }
}
