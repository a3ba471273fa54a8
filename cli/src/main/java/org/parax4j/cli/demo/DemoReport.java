package org.parax4j.cli.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.parax4j.cli.io.TextFiles;
import org.parax4j.engine.examples.ReferenceModel;
import org.parax4j.engine.fit.FitResult;
import org.parax4j.module.ModuleJson;

/**
 * The demo's report folder: plots ({@value #RESPONSE_PNG}, {@value #SENSITIVITY_PNG},
 * {@value #KERNEL_PNG}, {@value #FIT_PNG}), the per-frequency summary ({@value #SUMMARY_CSV}), the sensitivity norms
 * ({@value #SENSITIVITY_CSV}), the model ({@value #MODEL_JSON}) and a Markdown report
 * ({@value #REPORT_MD}) that links them. CSVs are formatted with {@link Locale#ROOT} and fixed
 * precision, so equal results give byte-identical files; timings appear only in the Markdown.
 * Immutable (arrays are copied in) and thread-safe.
 *
 * @param model the model
 * @param freqs frequencies, GHz
 * @param nominal the response at the model's values, dB
 * @param summary the Monte Carlo summary
 * @param sensitivities the sensitivity norms
 * @param kernel the discrepancy kernel's matrix over {@code freqs}, row-major
 * @param seed the random seed
 * @param samplingSeconds wall time of the Monte Carlo step
 * @param totalSeconds wall time of the demo's computation, before the report is written
 * @param engine the engine's capability line
 * @param fit the least-squares fit of {@link SyntheticFit} measurements
 * @param fitData the measurements that were fitted, one per frequency
 */
public record DemoReport(ReferenceModel model, double[] freqs, double[] nominal, Summary summary,
        Sensitivities sensitivities, double[] kernel, long seed, double samplingSeconds, double totalSeconds,
        String engine, FitResult<ReferenceModel> fit, double[] fitData) {

    /** Percentile band plot. */
    public static final String RESPONSE_PNG = "response.png";
    /** Sensitivity bar charts. */
    public static final String SENSITIVITY_PNG = "sensitivity.png";
    /** Kernel matrix heat map. */
    public static final String KERNEL_PNG = "kernel.png";
    /** The synthetic fit: data, fit, 90 % band, residuals. */
    public static final String FIT_PNG = "fit.png";
    /** Per-frequency summary. */
    public static final String SUMMARY_CSV = "summary.csv";
    /** Sensitivity norms per parameter. */
    public static final String SENSITIVITY_CSV = "sensitivity.csv";
    /** The model as JSON. */
    public static final String MODEL_JSON = "model.json";
    /** The Markdown report. */
    public static final String REPORT_MD = "report.md";

    /**
     * Checks sizes and copies the arrays.
     *
     * @throws IllegalArgumentException when the arrays do not fit the frequency grid
     */
    public DemoReport {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(sensitivities, "sensitivities");
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(fit, "fit");
        int n = freqs.length;
        if (nominal.length != n || summary.size() != n || kernel.length != (long) n * n || fitData.length != n) {
            throw new IllegalArgumentException("nominal, summary and fitData must have " + n + " values and kernel "
                    + n + "x" + n + ", got " + nominal.length + ", " + summary.size() + ", " + fitData.length
                    + " and " + kernel.length);
        }
        fitData = fitData.clone();
        freqs = freqs.clone();
        nominal = nominal.clone();
        kernel = kernel.clone();
    }

    /**
     * Writes every file of the report into {@code folder} (created if needed; existing files of the
     * same names are replaced). Allocates.
     *
     * @return the files written, report first
     * @throws IOException when a file cannot be written
     */
    public List<Path> writeTo(Path folder) throws IOException {
        Objects.requireNonNull(folder, "folder");
        Files.createDirectories(folder);
        ReportCharts.writePng(ReportCharts.response(freqs, nominal, summary), folder.resolve(RESPONSE_PNG));
        ReportCharts.writePng(ReportCharts.sensitivities(sensitivities), folder.resolve(SENSITIVITY_PNG));
        ReportCharts.writePng(ReportCharts.kernelHeatMap(
                "RBF kernel of the discrepancy term, length scale " + lengthScaleText() + " GHz", freqs, kernel),
                folder.resolve(KERNEL_PNG));
        ReportCharts.writePng(SyntheticFit.chart(fit, freqs, fitData), folder.resolve(FIT_PNG));
        TextFiles.write(folder.resolve(SUMMARY_CSV), summaryCsv(freqs, nominal, summary));
        TextFiles.write(folder.resolve(SENSITIVITY_CSV), sensitivityCsv(sensitivities));
        TextFiles.write(folder.resolve(MODEL_JSON), ModuleJson.save(model) + "\n");
        TextFiles.write(folder.resolve(REPORT_MD), markdown());
        return List.of(folder.resolve(REPORT_MD), folder.resolve(RESPONSE_PNG), folder.resolve(SENSITIVITY_PNG),
                folder.resolve(KERNEL_PNG), folder.resolve(FIT_PNG), folder.resolve(SUMMARY_CSV), folder.resolve(SENSITIVITY_CSV),
                folder.resolve(MODEL_JSON));
    }

    /**
     * The summary as CSV: header {@code frequency_ghz,nominal_db,mean_db,std_db,p5_db,p50_db,p95_db},
     * then one row per frequency with 6 decimals ({@link Locale#ROOT}). Allocates.
     *
     * @throws IllegalArgumentException when the lengths differ
     */
    public static String summaryCsv(double[] freqs, double[] nominal, Summary summary) {
        int n = freqs.length;
        if (nominal.length != n || summary.size() != n) {
            throw new IllegalArgumentException("freqs, nominal and summary must have the same length, got " + n
                    + ", " + nominal.length + " and " + summary.size());
        }
        double[][] columns = {freqs, nominal, summary.mean(), summary.std(), summary.p5(), summary.p50(), summary.p95()};
        StringBuilder sb = new StringBuilder("frequency_ghz,nominal_db,mean_db,std_db,p5_db,p50_db,p95_db\n");
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < columns.length; c++) {
                sb.append(c == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.6f", columns[c][i]));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** The sensitivity norms as CSV: {@code parameter,semi_relative_2norm_db,relative_2norm}. Allocates. */
    public static String sensitivityCsv(Sensitivities s) {
        StringBuilder sb = new StringBuilder("parameter,semi_relative_2norm_db,relative_2norm\n");
        double[] semi = s.semiRelative();
        double[] rel = s.relative();
        for (int i = 0; i < semi.length; i++) {
            sb.append(s.names().get(i)).append(String.format(Locale.ROOT, ",%.6e,%.6e\n", semi[i], rel[i]));
        }
        return sb.toString();
    }

    private String lengthScaleText() {
        return String.format(Locale.ROOT, "%.3g", model.discrepancy().kernel().lengthScale().value(0));
    }

    /** The Markdown report. Allocates. */
    public String markdown() {
        double[] std = summary.std();
        int widest = 0;
        for (int i = 1; i < std.length; i++) {
            if (std[i] > std[widest]) {
                widest = i;
            }
        }
        double[] p5 = summary.p5();
        double[] p95 = summary.p95();
        StringBuilder sb = new StringBuilder();
        sb.append("# parax4j demo report\n\n");
        sb.append("The reference model (SPEC §11): a resonator measured at ").append(freqs.length)
                .append(String.format(Locale.ROOT, " frequencies from %.2f to %.2f GHz", freqs[0], freqs[freqs.length - 1]))
                .append(", plus an RBF-kernel discrepancy term, in dB.\n\n");
        sb.append("- Engine: ").append(engine).append('\n');
        sb.append(String.format(Locale.ROOT, "- Monte Carlo: %,d samples, seed %d (%s)\n", summary.samples(), seed,
                SeededRandom.ALGORITHM));
        sb.append(String.format(Locale.ROOT, "- Time: %.2f s for sampling, %.2f s for the whole computation (before writing files)\n", samplingSeconds, totalSeconds));
        sb.append(String.format(Locale.ROOT, "- Widest spread: std %.3f dB at %.3f GHz (5-95 %%: %.2f to %.2f dB)\n\n",
                std[widest], freqs[widest], p5[widest], p95[widest]));
        sb.append("## Parameters\n\n").append(ParameterTable.of(model).markdown()).append('\n');
        sb.append("## Response\n\n![Percentile band, median and nominal response](").append(RESPONSE_PNG).append(")\n\n");
        sb.append("Per-frequency summary: [").append(SUMMARY_CSV).append("](").append(SUMMARY_CSV)
                .append(") (frequency, nominal, mean, standard deviation, 5/50/95 % percentiles).\n\n");
        sb.append("## Sensitivities\n\n![Sensitivity norms per parameter](").append(SENSITIVITY_PNG).append(")\n\n");
        sb.append("2-norm over frequency of each free parameter's sensitivity, exact (dual numbers), with θ the ")
                .append(sensitivities.wrt().name().toLowerCase(Locale.ROOT)).append(" value: [")
                .append(SENSITIVITY_CSV).append("](").append(SENSITIVITY_CSV).append("). Both kinds scale with θ, so a ")
                .append("parameter whose value is 0 shows 0.\n\n");
        sb.append("| parameter | semi-relative (dB) | relative |\n|---|---:|---:|\n");
        double[] semi = sensitivities.semiRelative();
        double[] rel = sensitivities.relative();
        for (int i = 0; i < semi.length; i++) {
            sb.append(String.format(Locale.ROOT, "| `%s` | %.4g | %.4g |\n", sensitivities.names().get(i), semi[i], rel[i]));
        }
        sb.append("\n## Discrepancy kernel\n\n![RBF kernel matrix over the frequency grid](").append(KERNEL_PNG)
                .append(")\n\n");
        sb.append("## Fit\n\n![Synthetic measurements, least-squares fit, 90 % band and residuals](").append(FIT_PNG)
                .append(")\n\n");
        sb.append(String.format(Locale.ROOT, "Seeded synthetic measurements (seed %d, %.1f dB noise) of the nominal "
                + "model, fitted from a perturbed start with `resonator_offsetDb` fixed (as `parax4j fit --synthetic "
                + "--seed %d`):\n\n", seed, SyntheticFit.NOISE_DB, seed));
        sb.append(fit.reportMarkdown()).append('\n');
        sb.append("## Model\n\n[").append(MODEL_JSON).append("](").append(MODEL_JSON)
                .append(") (`ModuleJson.save`); try `parax4j sample --model ").append(MODEL_JSON)
                .append(" --n 10` or `parax4j gram --model ").append(MODEL_JSON)
                .append(" --kernel discrepancy.kernel --x points.csv`.\n");
        return sb.toString();
    }

    /** Frequencies, GHz. New array. */
    @Override
    public double[] freqs() {
        return freqs.clone();
    }

    /** Nominal response, dB. New array. */
    @Override
    public double[] nominal() {
        return nominal.clone();
    }

    /** The fitted measurements, dB. New array. */
    @Override
    public double[] fitData() {
        return fitData.clone();
    }

    /** Kernel matrix, row-major. New array. */
    @Override
    public double[] kernel() {
        return kernel.clone();
    }

    @Override
    public String toString() {
        return "DemoReport[" + freqs.length + " frequencies, " + summary + ", seed " + seed + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DemoReport r && model.equals(r.model) && Arrays.equals(freqs, r.freqs)
                && Arrays.equals(nominal, r.nominal) && summary.equals(r.summary)
                && sensitivities.equals(r.sensitivities) && Arrays.equals(kernel, r.kernel) && seed == r.seed
                && Double.compare(samplingSeconds, r.samplingSeconds) == 0
                && Double.compare(totalSeconds, r.totalSeconds) == 0 && engine.equals(r.engine) && fit.equals(r.fit)
                && Arrays.equals(fitData, r.fitData);
    }

    @Override
    public int hashCode() {
        return Objects.hash(model, Arrays.hashCode(freqs), Arrays.hashCode(nominal), summary, sensitivities,
                Arrays.hashCode(kernel), seed, samplingSeconds, totalSeconds, engine, fit, Arrays.hashCode(fitData));
    }
}
