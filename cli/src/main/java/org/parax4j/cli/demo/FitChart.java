package org.parax4j.cli.demo;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.Locale;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.parax4j.engine.fit.FitResult;
import org.parax4j.engine.graph.ModelFunction;
import org.parax4j.engine.graph.Wrt;
import org.parax4j.module.Module;

/**
 * The fit plot: measurements, the fitted response and its 90 % band over frequency, and below the
 * residuals with a Gaussian-process discrepancy fitted to them ({@link GpDiscrepancy}: its mean and
 * 90 % band; from 3 points). The band is the linearised one, {@code f ± 1.645·sqrt(diag(J·C·Jᵀ))} with the
 * fit's latent covariance C and the exact latent Jacobian J at the optimum (it needs no sampling,
 * so no draw can leave a transform's domain). Stateless; allocates the image.
 */
public final class FitChart {

    private FitChart() {}

    /**
     * Draws the plot.
     *
     * @param fitted the model function recorded on the fitted module (its free parameters are the fit's)
     * @param fit the fit
     * @param freqs frequencies, GHz
     * @param data the measurements
     * @throws IllegalArgumentException when the lengths differ
     */
    public static <M extends Module<?>> BufferedImage of(ModelFunction<M> fitted, FitResult<M> fit, double[] freqs,
            double[] data) {
        XYChart[] charts = charts(fitted, fit, freqs, data);
        BufferedImage a = BitmapEncoder.getBufferedImage(charts[0]);
        BufferedImage b = BitmapEncoder.getBufferedImage(charts[1]);
        BufferedImage image = new BufferedImage(ReportCharts.WIDTH, a.getHeight() + b.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.drawImage(a, 0, 0, null);
            g.drawImage(b, 0, a.getHeight(), null);
        } finally {
            g.dispose();
        }
        return image;
    }

    /** The two charts of {@link #of}: data, fit and band on top; residuals below. */
    static <M extends Module<?>> XYChart[] charts(ModelFunction<M> fitted, FitResult<M> fit, double[] freqs,
            double[] data) {
        int m = freqs.length;
        if (data.length != m || fitted.outputSize() != m) {
            throw new IllegalArgumentException("freqs, data and the function's output must have the same length, got "
                    + m + ", " + data.length + " and " + fitted.outputSize());
        }
        int n = fitted.numFree();
        double[] value = new double[m];
        double[] jt = new double[n * m];
        fitted.jacobian(fitted.flatValues(), Wrt.LATENT, fitted.newWorkspace(), value, jt);
        double[][] c = fit.latentCovariance();
        double[] lo = new double[m];
        double[] hi = new double[m];
        double[] residual = new double[m];
        boolean banded = Double.isFinite(c[0][0]);
        for (int i = 0; i < m; i++) {
            double var = 0;
            for (int a = 0; a < n && banded; a++) {
                for (int b = 0; b < n; b++) {
                    var += jt[a * m + i] * c[a][b] * jt[b * m + i];
                }
            }
            double half = 1.6448536269514722 * Math.sqrt(Math.max(var, 0));
            lo[i] = value[i] - half;
            hi[i] = value[i] + half;
            residual[i] = data[i] - value[i];
        }
        XYChart top = new XYChartBuilder().width(ReportCharts.WIDTH).height(ReportCharts.HEIGHT)
                .title(String.format(Locale.ROOT, "Fit: %d points, reduced chi-square %.4g", m, fit.reducedChiSquare()))
                .xAxisTitle("frequency (GHz)").yAxisTitle("response (dB)").build();
        top.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        top.getStyler().setXAxisDecimalPattern("0.0#");
        if (banded) {
            ReportCharts.addBand(top, "90 % band (linearised)", freqs, lo, hi);
        }
        XYSeries points = top.addSeries("measured", freqs, data);
        points.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        points.setMarker(SeriesMarkers.CIRCLE);
        points.setMarkerColor(new Color(90, 90, 90));
        XYSeries line = top.addSeries("fit", freqs, value);
        line.setMarker(SeriesMarkers.NONE);
        line.setLineColor(new Color(200, 60, 40));
        GpDiscrepancy gp = m >= 3 ? GpDiscrepancy.fit(freqs, residual) : null;
        String title = gp == null ? "Residuals (measured − fit)" : String.format(Locale.ROOT,
                "Residuals (measured − fit) and a GP discrepancy (σ = %.2g dB, ℓ = %.2g GHz)", gp.signalSd(residual),
                gp.lengthScale());
        XYChart bottom = new XYChartBuilder().width(ReportCharts.WIDTH).height(ReportCharts.HEIGHT / 2)
                .title(title).xAxisTitle("frequency (GHz)").yAxisTitle("dB").build();
        bottom.getStyler().setLegendVisible(gp != null);
        bottom.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        bottom.getStyler().setXAxisDecimalPattern("0.0#");
        if (gp != null) {
            ReportCharts.addBand(bottom, "GP 90 % band", freqs, gp.lo(), gp.hi());
        }
        XYSeries res = bottom.addSeries("residual", freqs, residual);
        res.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        res.setMarker(SeriesMarkers.CIRCLE);
        if (gp != null) {
            XYSeries gpMean = bottom.addSeries("GP mean", freqs, gp.mean());
            gpMean.setMarker(SeriesMarkers.NONE);
            gpMean.setLineColor(new Color(25, 70, 140));
        }
        if (m >= 2) {
            ReportCharts.addRoundTickAnchor(top, (freqs[0] + freqs[1]) / 2, value[0]);
            ReportCharts.addRoundTickAnchor(bottom, (freqs[0] + freqs[1]) / 2, residual[0]);
        }
        return new XYChart[] {top, bottom};
    }
}
