package org.parax4j.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.parax4j.cli.demo.ReportCharts;
import org.parax4j.cli.demo.SyntheticFit;
import org.parax4j.cli.io.Csv;
import org.parax4j.cli.io.CsvMatrix;
import org.parax4j.cli.io.ModelFiles;
import org.parax4j.engine.examples.ReferenceModel;
import org.parax4j.engine.fit.FitResult;
import org.parax4j.module.Module;
import org.parax4j.module.ModuleJson;
import org.parax4j.module.Select;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code parax4j fit}: least-squares fit (Levenberg–Marquardt, exact dual-number Jacobian) of the
 * reference model — the one model type whose response the command line knows how to evaluate — to
 * measurements, printing the fit report (lmfit layout, or Markdown).
 *
 * <p>With {@code --model} and {@code --data}: the model file's free parameters are fitted (its
 * values are the start; {@code --fix} fixes more), the data file has one row per frequency:
 * {@code frequency_GHz, response_dB[, sigma_dB]}. With {@code --synthetic}: the nominal reference
 * model measured at its 200 frequencies with 0.1 dB Gaussian noise ({@code --seed}), fitted from a
 * perturbed start with {@code offsetDb} fixed, then again with every parameter free, which shows
 * the warning that {@code gain} and {@code offsetDb} cannot be told apart. {@code --plot} writes a PNG of
 * the (first) fit: data, fitted response, linearised 90 % band and residuals.
 */
@Command(name = "fit", header = "Fit the reference model to measurements; print the report.",
        description = "Least-squares fit of the reference model to measurements "
        + "(CSV rows: frequency GHz, response dB[, sigma dB]); prints the fit report.")
final class FitCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--model", paramLabel = "FILE", description = "Reference-model JSON (e.g. the demo's model.json): "
            + "its free parameters are fitted from its values.")
    Path model;

    @Option(names = "--data", paramLabel = "FILE", description = "Measurements CSV: frequency GHz, response dB[, sigma dB].")
    Path data;

    @Option(names = "--synthetic", description = "Fit seeded synthetic measurements (0.1 dB noise) of the nominal model "
            + "instead, from a perturbed start: offsetDb fixed, then everything free.")
    boolean synthetic;

    @Option(names = "--fix", paramLabel = "NAME", split = ",", description = "Flat parameter names to fix before fitting.")
    List<String> fix = new ArrayList<>();

    @Option(names = "--starts", defaultValue = "1", description = "Number of starts (the model's values, then draws "
            + "from its priors; default: ${DEFAULT-VALUE}).")
    int starts;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the noise and the starts (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--markdown", description = "Write the report as Markdown.")
    boolean markdown;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the fitted model JSON here.")
    Path out;

    @Option(names = "--plot", paramLabel = "FILE", description = "Write a PNG of the (first) fit: data, fit, "
            + "90 % band, residuals.")
    Path plot;

    @Override
    public Integer call() throws Exception {
        if (starts < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--starts must be >= 1, got " + starts);
        }
        if (synthetic == (model != null || data != null)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "give either --synthetic or both --model and --data");
        }
        if (!synthetic && (model == null || data == null)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--model and --data go together");
        }
        Output.check(out, "--out");
        StringBuilder report = new StringBuilder();
        FitResult<ReferenceModel> last;
        if (synthetic) {
            double[] freqs = ReferenceModel.frequencies();
            double[] y = SyntheticFit.measurements(freqs, seed);
            FitResult<ReferenceModel> first = fit(SyntheticFit.offsetFixedStart(), freqs, y, null);
            append(report, "Fit 1: synthetic data (seed " + seed + ", 0.1 dB noise), offsetDb fixed", first);
            plot(first, freqs, y);
            last = fit(SyntheticFit.start(), freqs, y, null);
            append(report, "Fit 2: the same data, every parameter free", last);
        } else {
            Module<?> loaded = ModelFiles.load(model, "--model");
            if (!(loaded instanceof ReferenceModel reference)) {
                throw new IllegalArgumentException("--model " + model + ": fit evaluates only the reference model "
                        + "(ReferenceModel, as the demo's model.json); got " + loaded.getClass().getSimpleName());
            }
            if (!fix.isEmpty()) {
                reference = reference.withFixedParams(Select.names(fix));
            }
            CsvMatrix m = Csv.read(data, "--data");
            if (m.cols() < 2 || m.cols() > 3) {
                throw new IllegalArgumentException("--data " + data + ": expected 2 or 3 columns (frequency GHz, "
                        + "response dB[, sigma dB]), got " + m.cols());
            }
            double[] v = m.values();
            double[] freqs = new double[m.rows()];
            double[] y = new double[m.rows()];
            double[] sigma = m.cols() == 3 ? new double[m.rows()] : null;
            for (int r = 0; r < m.rows(); r++) {
                freqs[r] = v[r * m.cols()];
                y[r] = v[r * m.cols() + 1];
                if (sigma != null) {
                    sigma[r] = v[r * m.cols() + 2];
                }
            }
            last = fit(reference, freqs, y, sigma);
            append(report, "Fit of " + model.getFileName() + " to " + data.getFileName(), last);
            plot(last, freqs, y);
        }
        spec.commandLine().getOut().print(report);
        spec.commandLine().getOut().flush();
        if (out != null) {
            String json = ModuleJson.save(last.module());
            Output.write(out, "--out", w -> w.write(json), spec.commandLine().getOut(), spec.commandLine().getErr());
        }
        return 0;
    }

    private FitResult<ReferenceModel> fit(ReferenceModel start, double[] freqs, double[] y, double[] sigma) {
        return SyntheticFit.fit(start, freqs, y, sigma, starts, seed);
    }

    private void plot(FitResult<ReferenceModel> fit, double[] freqs, double[] y) throws java.io.IOException {
        if (plot != null) {
            ReportCharts.writePng(SyntheticFit.chart(fit, freqs, y), plot);
            spec.commandLine().getErr().println("wrote " + plot);
        }
    }

    private void append(StringBuilder report, String title, FitResult<ReferenceModel> fit) {
        report.append(markdown ? "## " + title + "\n\n" + fit.reportMarkdown() : "# " + title + "\n" + fit.report())
                .append('\n');
    }
}
