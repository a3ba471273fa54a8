package org.parax4j.cli.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.internal.chartpart.Chart;
import org.parax4j.engine.examples.ReferenceModel;

/**
 * The demo's charts: the response's frequency ticks are round and evenly spaced; the sensitivity
 * bars use a log axis on which every positive norm has a bar. The tick labels are read from XChart's
 * axis after rendering (its internals, through reflection: they are not public API).
 */
class ReportChartsTest {

    private static List<String> xTickLabels(Chart<?, ?> chart) throws ReflectiveOperationException {
        BitmapEncoder.getBufferedImage(chart);
        Field pairField = Chart.class.getDeclaredField("axisPair");
        pairField.setAccessible(true);
        Object pair = pairField.get(chart);
        Method xAxis = pair.getClass().getDeclaredMethod("getXAxis");
        xAxis.setAccessible(true);
        Object axis = xAxis.invoke(pair);
        Method calculator = axis.getClass().getDeclaredMethod("getAxisTickCalculator");
        calculator.setAccessible(true);
        Object calc = calculator.invoke(axis);
        Method labels = calc.getClass().getMethod("getTickLabels");
        labels.setAccessible(true);
        @SuppressWarnings("unchecked")
        List<String> result = (List<String>) labels.invoke(calc);
        return result;
    }

    @Test
    void responseFrequencyTicksAreRoundAndEven() throws Exception {
        double[] freqs = ReferenceModel.frequencies();
        int n = freqs.length;
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = 10 + Math.sin(i * 0.05);
        }
        Summary summary = new Summary(100, y, y, y, y, y);
        assertRoundEvenXTicks(ReportCharts.responseChart(freqs, y, summary));
    }

    @Test
    void fitChartFrequencyTicksAreRoundAndEvenInBothPanels() throws Exception {
        double[] freqs = ReferenceModel.frequencies();
        double[] y = SyntheticFit.measurements(freqs, 42);
        var fit = SyntheticFit.fit(SyntheticFit.offsetFixedStart(), freqs, y, null, 1, 0);
        var fitted = org.parax4j.engine.graph.ModelFunction.record(fit.module(), ReferenceModel.body(freqs));
        for (XYChart chart : FitChart.charts(fitted, fit, freqs, y)) {
            assertRoundEvenXTicks(chart);
        }
    }

    /** The x tick labels are evenly spaced multiples of a round step (1, 2, 2.5 or 5 times a power of 10). */
    private static void assertRoundEvenXTicks(XYChart chart) throws Exception {
        List<String> labels = xTickLabels(chart);
        assertTrue(labels.size() >= 5, labels.toString());
        List<Double> ticks = new ArrayList<>();
        for (String label : labels) {
            ticks.add(Double.parseDouble(label));
        }
        double step = ticks.get(1) - ticks.get(0);
        for (int i = 1; i < ticks.size(); i++) {
            assertEquals(step, ticks.get(i) - ticks.get(i - 1), 1e-9, "uneven ticks " + labels);
        }
        for (double tick : ticks) {
            double multiple = tick / step;
            assertEquals(Math.rint(multiple), multiple, 1e-6, "tick " + tick + " is not a multiple of " + step + ": " + labels);
        }
        double decade = Math.pow(10, Math.floor(Math.log10(step) + 1e-9));
        double mantissa = step / decade;
        assertTrue(List.of(1.0, 2.0, 2.5, 5.0).stream().anyMatch(m -> Math.abs(m - mantissa) < 1e-9),
                "step " + step + " is not round: " + labels);
    }

    @Test
    void sensitivityBarsUseALogAxisAndNameZeroNorms() throws Exception {
        List<String> names = List.of("big", "small", "zero", "tiny");
        CategoryChart chart = ReportCharts.bars("t", "dB", names, new double[] {1760, 0.5, 0, 0.0123},
                java.awt.Color.BLUE);
        assertTrue(chart.getStyler().isYAxisLogarithmic());
        assertEquals(0.01, chart.getStyler().getYAxisMin(), 0);
        assertEquals(10000, chart.getStyler().getYAxisMax(), 0);
        assertEquals(List.of("big", "small", "zero = 0", "tiny"), xTickLabels(chart));
        BufferedImage image = BitmapEncoder.getBufferedImage(chart);
        assertEquals(ReportCharts.WIDTH, image.getWidth());
    }

    @Test
    void heatMapLabelsAreRoundFrequenciesAtTheNearestCells() {
        double[] freqs = ReferenceModel.frequencies();
        List<String> labels = ReportCharts.roundLabels(freqs, 0.1);
        assertEquals(freqs.length, labels.size());
        List<String> shown = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            String label = labels.get(i);
            if (!label.isBlank()) {
                shown.add(label);
                double target = Double.parseDouble(label);
                double halfCell = (freqs[1] - freqs[0]) / 2;
                assertTrue(Math.abs(freqs[i] - target) <= halfCell + 1e-12, label + " on cell " + freqs[i]);
            }
        }
        assertEquals(List.of("1.8", "1.9", "2.0", "2.1", "2.2", "2.3", "2.4", "2.5", "2.6", "2.7", "2.8", "2.9", "3.0"),
                shown);
    }

    @Test
    void decadeBelowIsStrictlyBelow() {
        assertEquals(0.1, ReportCharts.decadeBelow(0.1992), 0);
        assertEquals(0.01, ReportCharts.decadeBelow(0.1), 1e-18);
        assertEquals(1000, ReportCharts.decadeBelow(1760), 0);
    }
}
