package org.parax4j.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.parax4j.cli.io.Csv;
import org.parax4j.cli.io.CsvMatrix;
import org.parax4j.cli.io.TextFiles;
import org.parax4j.engine.gp.GaussianProcess;
import org.parax4j.engine.gp.GpFit;
import org.parax4j.engine.gp.GpJson;
import org.parax4j.engine.gp.GpPosterior;
import org.parax4j.engine.gp.KernelGradients;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code parax4j gp fit} and {@code parax4j gp predict}: Gaussian-process regression on CSV files.
 * {@code fit} fits a kernel's hyperparameters to training data by maximum marginal likelihood and
 * saves the conditioned process as JSON ({@link GpJson}); {@code predict} loads it and writes the
 * predictive mean and standard deviation at new inputs. Memory: the fit holds two {@code n × n}
 * double matrices (16·n² bytes: 1.6 GB at n = 10,000, which fits a 4 GB heap); larger {@code n}
 * than the heap allows is refused with the heap it needs.
 */
@Command(name = "gp", header = "Gaussian-process regression: fit, save, predict with uncertainty.",
        description = "Gaussian-process regression on CSV files (no header, one point per row).",
        subcommands = {GpCommand.Fit.class, GpCommand.Predict.class})
final class GpCommand {

    private GpCommand() {}

    /** {@code parax4j gp fit}. */
    @Command(name = "fit", header = "Fit a GP's hyperparameters to training data and save it as JSON.",
            description = "Fits the kernel's hyperparameters by maximising the log marginal likelihood (L-BFGS-B, "
                    + "scikit-learn's bounds 1e-5 to 1e5, seeded parallel restarts) and writes the conditioned GP "
                    + "as JSON. Holds two n x n double matrices (16 n^2 bytes; n = 10,000 needs a 4 GB heap).")
    static final class Fit implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--x", required = true, paramLabel = "FILE", description = "Training inputs CSV: n rows, d columns.")
        Path x;

        @Option(names = "--y", required = true, paramLabel = "FILE", description = "Training targets CSV: n rows, 1 column.")
        Path y;

        @Option(names = "--kernel", paramLabel = "SPEC", defaultValue = KernelSpec.DEFAULT,
                description = "Kernel expression: terms rbf, rbf-ard, matern12/32/52[-ard], rq, periodic, const, white "
                        + "joined by + and *, with parentheses; every hyperparameter starts at 1 (default: ${DEFAULT-VALUE}).")
        String kernel;

        @Option(names = "--restarts", paramLabel = "N", defaultValue = "0",
                description = "Further random starts, run in parallel (default: ${DEFAULT-VALUE}).")
        int restarts;

        @Option(names = "--seed", paramLabel = "S", defaultValue = "42", description = "Seed of the restarts (default: ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--raw-y", description = "Do not standardise the targets (default: standardise, as normalize_y=True).")
        boolean rawY;

        @Option(names = "--out", required = true, paramLabel = "FILE", description = "Output GP JSON.")
        Path out;

        @Override
        public Integer call() {
            Output.check(out, "--out");
            if (restarts < 0) {
                throw new IllegalArgumentException("--restarts must be >= 0, got " + restarts);
            }
            CsvMatrix xs = Csv.read(x, "--x");
            CsvMatrix ys = Csv.read(y, "--y");
            if (ys.cols() != 1 || ys.rows() != xs.rows()) {
                throw new IllegalArgumentException("--y " + y + " must have one column and as many rows as --x " + x
                        + " (" + xs.rows() + "), got " + ys.rows() + " rows of " + ys.cols());
            }
            int n = xs.rows();
            int d = xs.cols();
            GaussianProcess gp = GaussianProcess.of(KernelSpec.parse(kernel, d)).withNormalizeY(!rawY);
            GpFit fit = gp.fit(xs.values(), n, d, ys.values(), restarts, seed);
            GpPosterior posterior = fit.process().condition(xs.values(), n, d, ys.values());
            String json = GpJson.save(posterior);
            var err = spec.commandLine().getErr();
            err.printf("log marginal likelihood %.10g after %d evaluations (n = %d, d = %d)%n",
                    fit.logMarginalLikelihood(), fit.optimum().evaluations(), n, d);
            double[] theta = fit.process().logTheta();
            var names = KernelGradients.names(fit.process().kernel());
            for (int k = 0; k < theta.length; k++) {
                err.printf("  %s = %.6g%n", names.get(k), Math.exp(theta[k]));
            }
            Output.write(out, "--out", w -> w.write(json), spec.commandLine().getOut(), err);
            return 0;
        }
    }

    /** {@code parax4j gp predict}. */
    @Command(name = "predict", header = "Predictive mean and standard deviation of a saved GP, as CSV.",
            description = "Loads a GP saved by 'gp fit' and writes one row per input: mean,std (no header).")
    static final class Predict implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--model", required = true, paramLabel = "FILE", description = "GP JSON written by 'gp fit'.")
        Path model;

        @Option(names = "--x", required = true, paramLabel = "FILE", description = "Test inputs CSV: m rows, d columns.")
        Path x;

        @Option(names = "--out", paramLabel = "FILE", description = "Output CSV (default: standard output).")
        Path out;

        @Override
        public Integer call() {
            Output.check(out, "--out");
            GpPosterior posterior;
            try {
                posterior = GpJson.load(TextFiles.read(model, "--model"));
            } catch (IllegalArgumentException e) {
                throw e.getMessage() != null && e.getMessage().startsWith("--model") ? e
                        : new IllegalArgumentException("--model " + model + ": " + e.getMessage(), e);
            }
            CsvMatrix xs = Csv.read(x, "--x");
            if (xs.cols() != posterior.dimension()) {
                throw new IllegalArgumentException("--x " + x + " has " + xs.cols() + " columns but the GP in --model "
                        + model + " was fitted to d = " + posterior.dimension() + " inputs");
            }
            int m = xs.rows();
            GpPosterior.Prediction p;
            try {
                p = posterior.predict(xs.values(), m);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--x " + x + ": " + e.getMessage(), e);
            }
            double[] table = new double[2 * m];
            for (int i = 0; i < m; i++) {
                table[2 * i] = p.mean()[i];
                table[2 * i + 1] = p.std()[i];
            }
            Output.requireFinite("the prediction", table, 0, table.length, 2, 0, java.util.List.of("mean", "std"),
                    "the GP's hyperparameters put it outside the double range");
            Output.write(out, "--out", w -> {
                for (int i = 0; i < m; i++) {
                    Csv.writeRow(w, table, 2 * i, 2);
                }
            }, spec.commandLine().getOut(), spec.commandLine().getErr());
            return 0;
        }
    }
}
