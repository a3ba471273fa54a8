package org.parax4j.cli.demo;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.parax4j.engine.bayes.NutsResult;

/**
 * The plots of a NUTS run: per parameter a trace (draw against iteration, one line per chain) and a
 * marginal density (a 40-bin histogram of each chain's draws drawn as a line), stacked one parameter
 * per row; and the posterior band of the response against the prior Monte Carlo band and the data.
 * Stateless; allocates the images.
 */
public final class PosteriorCharts {

    private static final int ROW_HEIGHT = 150;
    private static final int BINS = 40;
    private static final Color[] CHAIN_COLORS = {new Color(25, 70, 140), new Color(200, 60, 40),
        new Color(40, 140, 60), new Color(150, 90, 170), new Color(230, 150, 30), new Color(90, 90, 90)};

    private PosteriorCharts() {}

    /** Traces: one row per parameter, one line per chain. */
    public static BufferedImage traces(NutsResult physical) {
        List<XYChart> rows = new ArrayList<>();
        for (String name : physical.names()) {
            double[][] x = physical.draws(name);
            XYChart c = row(name + " (trace)");
            double[] it = new double[x[0].length];
            Arrays.setAll(it, i -> i);
            for (int ch = 0; ch < x.length; ch++) {
                XYSeries s = c.addSeries("chain " + ch, it, x[ch]);
                s.setMarker(SeriesMarkers.NONE);
                s.setLineColor(CHAIN_COLORS[ch % CHAIN_COLORS.length]);
                s.setLineWidth(0.6f);
            }
            rows.add(c);
        }
        return stack(rows);
    }

    /** Marginal densities: one row per parameter, one histogram line per chain. */
    public static BufferedImage densities(NutsResult physical) {
        List<XYChart> rows = new ArrayList<>();
        for (String name : physical.names()) {
            double[][] x = physical.draws(name);
            double lo = physical.quantile(name, 0);
            double hi = physical.quantile(name, 1);
            double width = hi > lo ? (hi - lo) / BINS : 1;
            XYChart c = row(name + " (marginal density)");
            for (int ch = 0; ch < x.length; ch++) {
                double[] centre = new double[BINS];
                double[] density = new double[BINS];
                for (int b = 0; b < BINS; b++) {
                    centre[b] = lo + (b + 0.5) * width;
                }
                for (double v : x[ch]) {
                    density[Math.min(BINS - 1, (int) ((v - lo) / width))] += 1 / (x[ch].length * width);
                }
                XYSeries s = c.addSeries("chain " + ch, centre, density);
                s.setMarker(SeriesMarkers.NONE);
                s.setLineColor(CHAIN_COLORS[ch % CHAIN_COLORS.length]);
            }
            rows.add(c);
        }
        return stack(rows);
    }

    /**
     * The response: prior 90 % Monte Carlo band, posterior 90 % band and median, and the data.
     *
     * @param posteriorBand and {@code priorBand}: 5 %, 50 %, 95 % quantiles per frequency
     */
    public static BufferedImage bands(double[] freqs, double[] data, double[][] posteriorBand, double[][] priorBand,
            int draws) {
        XYChart chart = new XYChartBuilder().width(ReportCharts.WIDTH).height(ReportCharts.HEIGHT)
                .title(String.format(Locale.ROOT, "Posterior (%,d NUTS draws) against prior 90 %% bands", draws))
                .xAxisTitle("frequency (GHz)").yAxisTitle("response (dB)").build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        chart.getStyler().setXAxisDecimalPattern("0.0#");
        ReportCharts.addBand(chart, "prior 5-95 %", freqs, priorBand[0], priorBand[2]);
        ReportCharts.addBand(chart, "posterior 5-95 %", freqs, posteriorBand[0], posteriorBand[2]);
        XYSeries post = chart.getSeriesMap().get("posterior 5-95 %");
        post.setFillColor(new Color(200, 60, 40, 140));
        post.setLineColor(new Color(200, 60, 40, 200));
        XYSeries points = chart.addSeries("measured", freqs, data);
        points.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        points.setMarker(SeriesMarkers.CIRCLE);
        points.setMarkerColor(new Color(90, 90, 90));
        XYSeries median = chart.addSeries("posterior median", freqs, posteriorBand[1]);
        median.setMarker(SeriesMarkers.NONE);
        median.setLineColor(new Color(150, 30, 20));
        if (freqs.length >= 2) {
            ReportCharts.addRoundTickAnchor(chart, (freqs[0] + freqs[1]) / 2, data[0]);
        }
        return BitmapEncoder.getBufferedImage(chart);
    }

    private static XYChart row(String title) {
        XYChart c = new XYChartBuilder().width(ReportCharts.WIDTH).height(ROW_HEIGHT).title(title).build();
        c.getStyler().setLegendVisible(false);
        c.getStyler().setChartTitleFont(c.getStyler().getChartTitleFont().deriveFont(11f));
        return c;
    }

    private static BufferedImage stack(List<XYChart> rows) {
        BufferedImage image = new BufferedImage(ReportCharts.WIDTH, ROW_HEIGHT * rows.size(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            for (int i = 0; i < rows.size(); i++) {
                g.drawImage(BitmapEncoder.getBufferedImage(rows.get(i)), 0, i * ROW_HEIGHT, null);
            }
        } finally {
            g.dispose();
        }
        return image;
    }
}
