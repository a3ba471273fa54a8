package org.parax4j.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.parax4j.cli.demo.DemoReport;
import org.parax4j.cli.demo.ParameterTable;
import org.parax4j.cli.demo.ProgressBar;
import org.parax4j.cli.demo.Propagation;
import org.parax4j.cli.demo.Sensitivities;
import org.parax4j.cli.demo.EnginePropagation;
import org.parax4j.cli.demo.Summary;
import org.parax4j.cli.demo.PosteriorSection;
import org.parax4j.cli.demo.SyntheticFit;
import org.parax4j.cli.demo.SyntheticPosterior;
import org.parax4j.engine.fit.FitResult;
import org.parax4j.cli.io.ModelFiles;
import org.parax4j.cli.io.TextFiles;
import org.parax4j.engine.EngineInfo;
import org.parax4j.engine.kernel.KernelMatrices;
import org.parax4j.engine.kernel.ModuleKernels;
import org.parax4j.engine.examples.ReferenceModel;
import org.parax4j.engine.graph.ModelFunction;
import org.parax4j.engine.graph.Wrt;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code parax4j demo}, the default job: on the reference model of SPEC §11 it prints the
 * parameter table, propagates the parameter distribution by Monte Carlo (with a progress bar on
 * standard error), computes exact sensitivities, fits seeded synthetic measurements
 * ({@link SyntheticFit}), samples their posterior with NUTS ({@link SyntheticPosterior}, unless
 * {@code --posterior-draws 0}), and writes a report folder ({@link DemoReport}, {@link PosteriorSection}).
 */
@Command(name = "demo", header = "Run the main job on the reference model; write a report folder.",
        description = "Reference model: parameter table, Monte Carlo propagation, sensitivities, "
        + "and a report folder with plots, CSV, JSON and Markdown.")
final class DemoCommand implements Callable<Integer> {

    /** The Monte Carlo implementation used by the demo. */
    static final Propagation PROPAGATION = new EnginePropagation();

    @Spec
    CommandSpec spec;

    @ParentCommand
    Main parent;

    @Option(names = "--samples", defaultValue = "100000", description = "Monte Carlo samples (default: ${DEFAULT-VALUE}).")
    int samples = 100_000;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed = 42;

    @Option(names = "--out", defaultValue = "parax4j-report", paramLabel = "DIR",
            description = "Report folder (default: ${DEFAULT-VALUE} in the working directory), checked before "
                    + "the Monte Carlo run.")
    Path out = Path.of("parax4j-report");

    @Option(names = "--posterior-draws", defaultValue = "100", description = "NUTS draws per chain (4 chains, 150 "
            + "warm-up) for the report's posterior section; 0 leaves it out (default: ${DEFAULT-VALUE}).")
    int posteriorDraws = 100;

    @Override
    public Integer call() throws Exception {
        if (samples < 2) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--samples must be >= 2, got " + samples);
        }
        if (posteriorDraws != 0 && posteriorDraws < 4) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--posterior-draws must be 0 or >= 4, got "
                    + posteriorDraws);
        }
        TextFiles.checkFolder(out, "--out");
        long start = System.nanoTime();
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        String engine = EngineInfo.current().report();
        stdout.println(engine);
        ReferenceModel model = ReferenceModel.create();
        double[] freqs = ReferenceModel.frequencies();
        stdout.printf(Locale.ROOT, "%nReference model: resonator over %d frequencies (%.1f-%.1f GHz) + RBF discrepancy%n",
                freqs.length, freqs[0], freqs[freqs.length - 1]);
        stdout.print(ParameterTable.of(model).text());
        stdout.flush();

        ModelFunction<ReferenceModel> function = ReferenceModel.function(model);
        double[] nominal = function.evaluate();
        long mcStart = System.nanoTime();
        boolean terminal = parent != null && parent.terminal;
        Summary summary = PROPAGATION.run(model, freqs, seed, samples, new ProgressBar(stderr, terminal, "Monte Carlo"));
        double samplingSeconds = (System.nanoTime() - mcStart) / 1e9;

        Sensitivities sens = Sensitivities.of(function, model, Wrt.PHYSICAL);
        stdout.printf(Locale.ROOT, "%nSensitivities (2-norm over frequency, physical θ):%n");
        int width = sens.names().stream().mapToInt(String::length).max().orElse(0);
        double[] semi = sens.semiRelative();
        double[] rel = sens.relative();
        for (int i = 0; i < semi.length; i++) {
            stdout.printf(Locale.ROOT, "  %-" + width + "s  semi-relative %10.4f dB   relative %9.5f%n",
                    sens.names().get(i), semi[i], rel[i]);
        }
        double[] fitData = SyntheticFit.measurements(freqs, seed);
        FitResult<ReferenceModel> fit = SyntheticFit.fit(SyntheticFit.offsetFixedStart(), freqs, fitData, null, 1, seed);
        stdout.printf(Locale.ROOT, "%nSynthetic fit (seed %d, offsetDb fixed): %s, reduced chi-square %.4f%n", seed,
                fit.converged() ? "converged" : "NOT converged", fit.reducedChiSquare());
        double[] kernel = KernelMatrices.gram(ModuleKernels.of(model.discrepancy().kernel()), freqs, freqs.length, 1);

        PosteriorSection posterior = null;
        if (posteriorDraws > 0) {
            posterior = new PosteriorSection(SyntheticPosterior.run(seed, 4, 150, posteriorDraws), 4, 150);
            stdout.printf(Locale.ROOT, "%nPosterior (NUTS, 4 chains x %d draws): %.2f s%n", posteriorDraws,
                    posterior.posterior().seconds());
        }

        ModelFiles.registerTypes();
        double totalSeconds = (System.nanoTime() - start) / 1e9;
        DemoReport report = new DemoReport(model, freqs, nominal, summary, sens, kernel, seed, samplingSeconds,
                totalSeconds, engine, fit, fitData);
        report.writeTo(out);
        if (posterior != null) {
            posterior.writeTo(out);
            Path md = out.resolve(DemoReport.REPORT_MD);
            TextFiles.write(md, java.nio.file.Files.readString(md) + "\n" + posterior.markdown());
        }
        stdout.printf(Locale.ROOT, "%nReport: %s%n", out.toAbsolutePath().normalize().resolve(DemoReport.REPORT_MD));
        stdout.flush();
        return 0;
    }
}
